#include "storewriter.h"
#include "storewritertasks.h"

#include "boundary/boundarystate.h"

#include "recordfields.h"
#include "storewriterapprovals.h"

#include <QJsonDocument>
#include <QVariant>

namespace tandem::sync {

using namespace Qt::StringLiterals;
using store::Statement;
using namespace fields;

namespace {

QString conversationKind(const QString &kind)
{
    // §13.3: an unknown conversation kind is treated as a group.
    return kind == "direct"_L1 || kind == "channel"_L1 ? kind : u"group"_s;
}

QString role(const QString &r)
{
    return r == "owner"_L1 || r == "admin"_L1 ? r : u"member"_s;
}

} // namespace

StoreWriter::StoreWriter(store::Database &db, QString selfUserId, store::StoreChange &change)
    : m_db(db)
    , m_self(std::move(selfUserId))
    , m_change(change)
{ }

Status StoreWriter::exec(std::string_view sql, std::initializer_list<QVariant> values)
{
    auto st = m_db.cached(sql);
    if (!st)
        return st.error();
    Statement &s = **st;
    int index = 1;
    for (const QVariant &v : values) {
        if (v.isNull())
            s.bindNull(index);
        else if (v.typeId() == QMetaType::QString)
            s.bind(index, v.toString());
        else if (v.typeId() == QMetaType::Bool)
            s.bind(index, qint64(v.toBool() ? 1 : 0));
        else
            s.bind(index, v.toLongLong());
        ++index;
    }
    return s.exec();
}

void StoreWriter::touch(const QString &conversationId)
{
    m_touched.insert(conversationId);
    m_change.conversations.insert(conversationId);
}

Status StoreWriter::upsertRecord(const QString &entity, const QJsonObject &d)
{
    if (entity == "space"_L1) {
        TANDEM_TRY(exec("INSERT INTO space_info(key, value) VALUES ('server_name', ?1) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            {string(d, "name"_L1)}));
        return exec("INSERT INTO space_info(key, value) VALUES ('organisation_id', ?1) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            {string(d, "organisation_id"_L1)});
    }
    if (entity == "organisation"_L1)
        return exec("INSERT INTO organisations(id, name) VALUES (?1, ?2) "
                    "ON CONFLICT(id) DO UPDATE SET name = excluded.name",
            {string(d, "id"_L1), string(d, "name"_L1)});
    if (entity == "user"_L1)
        return upsertUser(d);
    if (entity == "device"_L1)
        return exec("INSERT INTO devices(id, name, platform, created_at, last_seen_at, revoked_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                    "platform = excluded.platform, created_at = excluded.created_at, "
                    "last_seen_at = excluded.last_seen_at, revoked_at = excluded.revoked_at",
            {string(d, "id"_L1), string(d, "name"_L1), string(d, "platform"_L1), integer(d, "created_at"_L1),
                optInteger(d, "last_seen_at"_L1), optInteger(d, "revoked_at"_L1)});
    if (entity == "conversation"_L1)
        return upsertConversation(d);
    if (entity == "prefs"_L1)
        return setPrefs(d);
    if (entity == "member"_L1)
        return upsertMember(d);
    if (entity == "message"_L1)
        return upsertMessage(d, MessageMode::Snapshot);
    if (entity == "receipt"_L1)
        return upsertReceipt(d);
    if (entity == "pin"_L1) {
        touch(string(d, "conversation_id"_L1));
        return exec("INSERT OR REPLACE INTO pins(conversation_id, message_id, pinned_by, pinned_at) "
                    "VALUES (?1, ?2, ?3, ?4)",
            {string(d, "conversation_id"_L1), string(d, "message_id"_L1), string(d, "pinned_by"_L1),
                integer(d, "pinned_at"_L1)});
    }
    if (entity == "saved"_L1)
        return exec("INSERT OR REPLACE INTO saved_items(message_id, saved_at) VALUES (?1, ?2)",
            {string(d, "message_id"_L1), integer(d, "saved_at"_L1)});
    if (entity == "presence"_L1) {
        m_change.presence = true;
        return exec(
            "INSERT OR REPLACE INTO presence(user_id, status, off_until, time_zone, text, updated_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            {string(d, "user_id"_L1), string(d, "status"_L1), optInteger(d, "off_until"_L1),
                optString(d, "time_zone"_L1), optString(d, "text"_L1), integer(d, "updated_at"_L1)});
    }
    if (isTaskEntity(entity))
        return applyTaskRecord(m_db, m_change, entity, d);
    if (isApprovalEntity(entity))
        return upsertApprovalRecord(m_db, entity, d, m_change);
    return {}; // an entity of a later version (§13.3)
}

Status StoreWriter::upsertUser(const QJsonObject &u)
{
    m_change.users = true;
    const QString id = string(u, "id"_L1);
    TANDEM_TRY(
        exec("INSERT INTO users(id, user_name, display_name, organisation, is_external, is_bot, manager_id, "
             "time_zone, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
             "ON CONFLICT(id) DO UPDATE SET user_name = excluded.user_name, "
             "display_name = excluded.display_name, organisation = excluded.organisation, "
             "is_external = excluded.is_external, is_bot = excluded.is_bot, "
             "manager_id = excluded.manager_id, time_zone = excluded.time_zone, "
             "updated_at = excluded.updated_at",
            {id, string(u, "user_name"_L1), string(u, "display_name"_L1), optString(u, "organisation_id"_L1),
                u.value("external"_L1).toBool(), u.value("bot"_L1).toBool(), optString(u, "manager_id"_L1),
                optString(u, "time_zone"_L1), integer(u, "updated_at"_L1)}));
    return exec("INSERT OR REPLACE INTO user_state(user_id, deactivated) VALUES (?1, ?2)",
        {id, u.value("deactivated"_L1).toBool()});
}

Status StoreWriter::upsertConversation(const QJsonObject &c)
{
    const QString id = string(c, "id"_L1);
    m_change.conversationList = true;
    touch(id);
    TANDEM_TRY(exec("INSERT INTO conversations(id, kind, name, topic, is_external, created_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, "
                    "name = excluded.name, topic = excluded.topic, is_external = excluded.is_external, "
                    "created_at = excluded.created_at",
        {id, conversationKind(string(c, "kind"_L1)), string(c, "name"_L1), string(c, "topic"_L1),
            c.value("external"_L1).toBool(), integer(c, "created_at"_L1)}));
    TANDEM_TRY(exec("INSERT INTO conversation_state(conversation_id, created_by) VALUES (?1, ?2) "
                    "ON CONFLICT(conversation_id) DO UPDATE SET created_by = excluded.created_by",
        {id, string(c, "created_by"_L1)}));
    return raiseLastCseq(id, integer(c, "last_cseq"_L1));
}

Status StoreWriter::ensureConversation(const QString &id)
{
    // A reference to a conversation not held yet (§4.8): a placeholder that its record fills in.
    TANDEM_TRY(
        exec("INSERT OR IGNORE INTO conversations(id, kind, created_at) VALUES (?1, 'group', 0)", {id}));
    return exec("INSERT OR IGNORE INTO conversation_state(conversation_id) VALUES (?1)", {id});
}

Status StoreWriter::raiseLastCseq(const QString &conversationId, qint64 cseq)
{
    return exec("UPDATE conversation_state SET last_cseq = max(last_cseq, ?2) WHERE conversation_id = ?1",
        {conversationId, cseq});
}

Status StoreWriter::upsertMember(const QJsonObject &m)
{
    const QString conversation = string(m, "conversation_id"_L1);
    TANDEM_TRY(ensureConversation(conversation));
    touch(conversation);
    m_change.conversationList = true;
    return exec("INSERT INTO members(conversation_id, user_id, role, joined_at) VALUES (?1, ?2, ?3, ?4) "
                "ON CONFLICT(conversation_id, user_id) DO UPDATE SET role = excluded.role, "
                "joined_at = excluded.joined_at",
        {conversation, string(m, "user_id"_L1), role(string(m, "role"_L1)), integer(m, "joined_at"_L1)});
}

Status StoreWriter::setPrefs(const QJsonObject &p)
{
    const QString conversation = string(p, "conversation_id"_L1);
    touch(conversation);
    m_change.conversationList = true;
    return exec("UPDATE conversations SET notify_level = ?2, pinned = ?3, archived = ?4 WHERE id = ?1",
        {conversation, string(p, "notify_level"_L1), p.value("pinned"_L1).toBool(),
            p.value("archived"_L1).toBool()});
}

Status StoreWriter::upsertReceipt(const QJsonObject &r)
{
    const QString conversation = string(r, "conversation_id"_L1);
    touch(conversation);
    // Receipts only move forward (§11.1).
    return exec(
        "INSERT INTO read_receipts(conversation_id, user_id, up_to_seq, read_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(conversation_id, user_id) DO UPDATE SET "
        "read_at = CASE WHEN excluded.up_to_seq > up_to_seq THEN excluded.read_at ELSE read_at END, "
        "up_to_seq = max(up_to_seq, excluded.up_to_seq)",
        {conversation, string(r, "user_id"_L1), integer(r, "up_to_cseq"_L1), integer(r, "read_at"_L1)});
}

Result<bool> StoreWriter::conversationExists(const QString &id)
{
    auto st = m_db.cached("SELECT 1 FROM conversations WHERE id = ?1");
    if (!st)
        return st.error();
    bool found = false;
    TANDEM_TRY((*st)->bind(1, id).forEachRow([&](const Statement &) { found = true; }));
    return found;
}

Status StoreWriter::removeConversation(const QString &id)
{
    // The conversation and everything in it (§6.1): messages (their index rows, mentions, state),
    // reactions, attachments, receipts, pins, saved items, drafts, members.
    TANDEM_TRY(exec("DELETE FROM message_fts WHERE rowid IN "
                    "(SELECT rowid FROM messages WHERE conversation_id = ?1 AND deleted_at IS NULL)",
        {id}));
    for (std::string_view sql : {
             "DELETE FROM reactions WHERE message_id IN (SELECT id FROM messages WHERE conversation_id = ?1)",
             "DELETE FROM attachments WHERE message_id IN (SELECT id FROM messages WHERE conversation_id = "
             "?1)",
             "DELETE FROM saved_items WHERE message_id IN (SELECT id FROM messages WHERE conversation_id = "
             "?1)",
             "DELETE FROM messages WHERE conversation_id = ?1",
             "DELETE FROM read_receipts WHERE conversation_id = ?1",
             "DELETE FROM pins WHERE conversation_id = ?1",
             "DELETE FROM drafts WHERE conversation_id = ?1",
             "DELETE FROM conversations WHERE id = ?1",
         })
        TANDEM_TRY(exec(sql, {id}));
    // v1 has no event for "this user is no longer visible" (§6.1): drop users who share neither a
    // conversation nor the organisation with the account.
    TANDEM_TRY(exec("DELETE FROM users WHERE id != ?1 AND id NOT IN (SELECT user_id FROM members) "
                    "AND (organisation IS NULL OR organisation IS NOT "
                    "(SELECT organisation FROM users WHERE id = ?1))",
        {m_self}));
    m_touched.remove(id);
    m_change.conversations.insert(id);
    m_change.conversationList = true;
    m_change.users = true;
    return {};
}

Status StoreWriter::applyEvent(const protocol::Event &e)
{
    const QJsonObject &d = e.data;
    static const QHash<QString, QString> upserts {
        {u"space.updated"_s, u"space"_s},
        {u"organisation.updated"_s, u"organisation"_s},
        {u"user.updated"_s, u"user"_s},
        {u"device.updated"_s, u"device"_s},
        {u"conversation.updated"_s, u"conversation"_s},
        {u"prefs.updated"_s, u"prefs"_s},
        {u"member.updated"_s, u"member"_s},
        {u"receipt.updated"_s, u"receipt"_s},
        {u"pin.added"_s, u"pin"_s},
        {u"saved.added"_s, u"saved"_s},
        {u"presence.updated"_s, u"presence"_s},
    };
    if (const auto it = upserts.constFind(e.kind); it != upserts.constEnd())
        return upsertRecord(*it, d.value(*it).toObject());
    if (e.kind == "message.created"_L1) {
        const QJsonObject m = d.value("message"_L1).toObject();
        TANDEM_TRY(upsertMessage(m, MessageMode::Created));
        TANDEM_TRY(boundary::forgetScheduled(m_db, string(m, "id"_L1))); // a scheduled one, delivered
        if (d.contains("root_thread"_L1) && m.contains("thread_root_id"_L1))
            TANDEM_TRY(setThread(string(m, "thread_root_id"_L1), d.value("root_thread"_L1).toObject()));
        return {};
    }
    if (e.kind == "message.edited"_L1)
        return editMessage(d);
    if (e.kind == "message.deleted"_L1)
        return deleteMessage(d);
    if (e.kind == "reaction.added"_L1) {
        auto held = heldMessage(string(d, "message_id"_L1));
        if (!held)
            return held.error();
        if (!*held || (*held)->deleted)
            return {};
        touch((*held)->conversationId);
        return exec("INSERT OR REPLACE INTO reactions(message_id, user_id, emoji, created_at) VALUES (?1, "
                    "?2, ?3, ?4)",
            {string(d, "message_id"_L1), string(d, "user_id"_L1), string(d, "emoji"_L1),
                integer(d, "at"_L1)});
    }
    if (e.kind == "reaction.removed"_L1) {
        touch(string(d, "conversation_id"_L1));
        return exec("DELETE FROM reactions WHERE message_id = ?1 AND user_id = ?2 AND emoji = ?3",
            {string(d, "message_id"_L1), string(d, "user_id"_L1), string(d, "emoji"_L1)});
    }
    if (e.kind == "pin.removed"_L1) {
        touch(string(d, "conversation_id"_L1));
        return exec("DELETE FROM pins WHERE conversation_id = ?1 AND message_id = ?2",
            {string(d, "conversation_id"_L1), string(d, "message_id"_L1)});
    }
    if (e.kind == "saved.removed"_L1)
        return exec("DELETE FROM saved_items WHERE message_id = ?1", {string(d, "message_id"_L1)});
    if (e.kind == "member.removed"_L1) {
        const QString conversation = string(d, "conversation_id"_L1);
        touch(conversation);
        TANDEM_TRY(exec("DELETE FROM members WHERE conversation_id = ?1 AND user_id = ?2",
            {conversation, string(d, "user_id"_L1)}));
        return exec("DELETE FROM read_receipts WHERE conversation_id = ?1 AND user_id = ?2",
            {conversation, string(d, "user_id"_L1)});
    }
    if (e.kind == "conversation.removed"_L1)
        return removeConversation(string(d, "conversation_id"_L1));
    if (e.kind.startsWith("task."_L1))
        return applyTaskEvent(m_db, m_change, e);
    if (auto boundaryKind = boundary::applyBoundaryEvent(m_db, e, m_change); !boundaryKind)
        return boundaryKind.error();
    if (isApprovalEvent(e.kind))
        return applyApprovalEvent(m_db, e.kind, d, m_change);
    return {}; // a kind this client does not know: skipped, the cursor still advances (§4.3)
}

Status StoreWriter::clearServerData()
{
    for (std::string_view sql : {
             "INSERT INTO message_fts(message_fts) VALUES ('delete-all')",
             "DELETE FROM reactions",
             "DELETE FROM read_receipts",
             "DELETE FROM attachments",
             "DELETE FROM pins",
             "DELETE FROM saved_items",
             "DELETE FROM messages",
             "DELETE FROM members",
             "DELETE FROM conversations",
             "DELETE FROM users",
             "DELETE FROM organisations",
             "DELETE FROM devices",
             "DELETE FROM presence",
         })
        TANDEM_TRY(m_db.exec(sql));
    TANDEM_TRY(clearTasks(m_db));
    TANDEM_TRY(clearApprovals(m_db));
    m_change.conversationList = true;
    m_change.users = true;
    m_change.presence = true;
    return {};
}

Status StoreWriter::applyResult(const QString &mutationId, const protocol::Outcome &outcome)
{
    auto row = store::outboxRow(m_db, mutationId);
    if (!row)
        return row.error();
    if (!*row)
        return {}; // answered already (a late duplicate), or discarded
    if (outcome.status == "rejected"_L1) {
        TANDEM_TRY(store::rejectOutbox(m_db, mutationId, outcome.code, outcome.reason));
        return applyEcho(**row, EchoState::Failed);
    }
    TANDEM_TRY(store::deleteOutbox(m_db, mutationId));
    // The echo takes the server's cseq and time now; the event replaces it with the full record.
    const QString messageId = string(outcome.data, "message_id"_L1);
    if ((*row)->kind == "message.send"_L1 && !messageId.isEmpty() && outcome.data.contains("cseq"_L1)) {
        auto held = heldMessage(messageId);
        if (!held)
            return held.error();
        if (*held && !(*held)->fromServer) {
            const HeldMessage &h = **held;
            const qint64 createdAt = outcome.data.contains("created_at"_L1)
                ? integer(outcome.data, "created_at"_L1)
                : h.createdAt;
            TANDEM_TRY(unindexMessage(h.rowid));
            TANDEM_TRY(exec("UPDATE messages SET seq = ?2, created_at = ?3, send_state = 0 WHERE rowid = ?1",
                {h.rowid, integer(outcome.data, "cseq"_L1), createdAt}));
            TANDEM_TRY(indexMessage(h.rowid, h.body, h.conversationId, h.senderId, createdAt));
            TANDEM_TRY(raiseLastCseq(h.conversationId, integer(outcome.data, "cseq"_L1)));
            m_change.messageRowids.append(h.rowid);
            touch(h.conversationId);
        }
    }
    return {};
}

Status StoreWriter::finish()
{
    for (const QString &id : std::as_const(m_touched))
        TANDEM_TRY(exec(
            "UPDATE conversations SET unread_count = max(0, "
            "coalesce((SELECT last_cseq FROM conversation_state WHERE conversation_id = ?1), 0) - "
            "coalesce((SELECT up_to_seq FROM read_receipts WHERE conversation_id = ?1 AND user_id = ?2), 0)) "
            "WHERE id = ?1",
            {id, m_self}));
    m_touched.clear();
    return {};
}

Result<QList<QPair<QString, qint64>>> StoreWriter::incompleteConversations(store::Database &db)
{
    // The oldest cseq held per conversation (0: none held) for those whose history is not complete.
    auto st
        = db.cached("SELECT c.id, coalesce((SELECT min(seq) FROM messages m WHERE m.conversation_id = c.id "
                    "AND m.seq IS NOT NULL), 0), coalesce(s.last_cseq, 0) FROM conversations c "
                    "LEFT JOIN conversation_state s ON s.conversation_id = c.id "
                    "WHERE coalesce(s.history_complete, 0) = 0 ORDER BY c.id");
    if (!st)
        return st.error();
    QList<QPair<QString, qint64>> out;
    QStringList complete;
    TANDEM_TRY((*st)->forEachRow([&](const Statement &r) {
        const qint64 oldest = r.int64(1);
        if (oldest == 1)
            complete << r.text(0);
        else if (r.int64(2) > 0) // no message yet: nothing to fetch now, but maybe after the next record
            out.append({r.text(0), oldest});
    }));
    for (const QString &id : std::as_const(complete))
        TANDEM_TRY(markHistoryComplete(db, id));
    return out;
}

Status StoreWriter::markHistoryComplete(store::Database &db, const QString &conversationId)
{
    auto st = db.cached("INSERT INTO conversation_state(conversation_id, history_complete) "
                        "SELECT id, 1 FROM conversations WHERE id = ?1 "
                        "ON CONFLICT(conversation_id) DO UPDATE SET history_complete = 1");
    if (!st)
        return st.error();
    return (*st)->bind(1, conversationId).exec();
}

} // namespace tandem::sync
