// StoreWriter's messages: the rows a pushed or fetched message becomes (the message, its search index
// entry, its mentions, its thread summary), and what an edit or a recall changes in them. The rest of
// what the sync engine writes is in storewriter.cpp.
#include "storewriter.h"

#include "recordfields.h"
#include "storewritersystem.h"

#include "store/searchscope.h"

#include <QJsonArray>

namespace tandem::sync {

using namespace Qt::StringLiterals;
using store::Statement;
using namespace fields;

Result<std::optional<StoreWriter::HeldMessage>> StoreWriter::heldMessage(const QString &id)
{
    auto st
        = m_db.cached("SELECT rowid, seq IS NOT NULL, deleted_at IS NOT NULL, conversation_id, sender_id, "
                      "created_at, body FROM messages WHERE id = ?1");
    if (!st)
        return st.error();
    std::optional<HeldMessage> held;
    TANDEM_TRY((*st)->bind(1, id).forEachRow([&](const Statement &r) {
        held = HeldMessage {
            r.int64(0), r.int64(1) != 0, r.int64(2) != 0, r.text(3), r.text(4), r.int64(5), r.text(6)};
    }));
    return held;
}

Status StoreWriter::indexMessage(qint64 rowid, const QString &body, const QString &conversationId,
    const QString &senderId, qint64 createdAt)
{
    return exec("INSERT INTO message_fts(rowid, body, scope) VALUES (?1, ?2, ?3)",
        {rowid, body, store::searchScope(conversationId, senderId, createdAt)});
}

Status StoreWriter::unindexMessage(qint64 rowid)
{
    return exec("DELETE FROM message_fts WHERE rowid = ?1", {rowid});
}

Status StoreWriter::setMentions(qint64 rowid, const QJsonArray &mentions)
{
    TANDEM_TRY(exec("DELETE FROM message_mentions WHERE message_rowid = ?1", {rowid}));
    for (const QJsonValue &m : mentions)
        TANDEM_TRY(
            exec("INSERT OR IGNORE INTO message_mentions(message_rowid, user_id, conversation_id, seq) "
                 "SELECT ?1, ?2, conversation_id, seq FROM messages WHERE rowid = ?1",
                {rowid, m.toString()}));
    return {};
}

Status StoreWriter::setThread(const QString &rootId, const QJsonObject &thread)
{
    TANDEM_TRY(exec(
        "INSERT OR IGNORE INTO message_state(message_id) SELECT id FROM messages WHERE id = ?1", {rootId}));
    return exec(
        "UPDATE message_state SET thread_reply_count = ?2, thread_last_reply_at = ?3 WHERE message_id = ?1",
        {rootId, integer(thread, "reply_count"_L1), integer(thread, "last_reply_at"_L1)});
}

Status StoreWriter::upsertMessage(const QJsonObject &m, MessageMode mode)
{
    const QString id = string(m, "id"_L1);
    const QString conversation = string(m, "conversation_id"_L1);
    auto held = heldMessage(id);
    if (!held)
        return held.error();
    // Message history is append-only: a server message held already is kept current by the stream.
    if (*held && (*held)->fromServer)
        return {};
    if (mode != MessageMode::Snapshot) {
        auto exists = conversationExists(conversation);
        if (!exists)
            return exists.error();
        if (!*exists)
            return {}; // a conversation this client does not hold: skipped (§4.3)
    } else {
        TANDEM_TRY(ensureConversation(conversation));
    }
    const bool deleted = m.contains("deleted_at"_L1);
    const QString body = deleted ? QString() : string(m, "body"_L1);
    const qint64 createdAt = integer(m, "created_at"_L1);
    const qint64 cseq = integer(m, "cseq"_L1);
    qint64 rowid = 0;
    if (*held) {
        // The local echo becomes the server's record; its row (and place in the list) stays.
        rowid = (*held)->rowid;
        if (!(*held)->deleted)
            TANDEM_TRY(unindexMessage(rowid));
        TANDEM_TRY(
            exec("UPDATE messages SET conversation_id = ?2, seq = ?3, sender_id = ?4, thread_root_id = ?5, "
                 "reply_to_id = ?6, body = ?7, format = ?8, created_at = ?9, edited_at = ?10, "
                 "deleted_at = ?11, send_state = 0 WHERE rowid = ?1",
                {rowid, conversation, cseq, string(m, "sender_id"_L1), optString(m, "thread_root_id"_L1),
                    optString(m, "reply_to_id"_L1), body, format(string(m, "format"_L1)), createdAt,
                    optInteger(m, "edited_at"_L1), optInteger(m, "deleted_at"_L1)}));
    } else {
        TANDEM_TRY(
            exec("INSERT INTO messages(id, conversation_id, seq, sender_id, thread_root_id, reply_to_id, "
                 "body, format, created_at, edited_at, deleted_at, send_state) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)",
                {id, conversation, cseq, string(m, "sender_id"_L1), optString(m, "thread_root_id"_L1),
                    optString(m, "reply_to_id"_L1), body, format(string(m, "format"_L1)), createdAt,
                    optInteger(m, "edited_at"_L1), optInteger(m, "deleted_at"_L1)}));
        rowid = m_db.lastInsertRowId();
    }
    if (!deleted)
        TANDEM_TRY(indexMessage(rowid, body, conversation, string(m, "sender_id"_L1), createdAt));
    TANDEM_TRY(setMentions(rowid, deleted ? QJsonArray() : m.value("mentions"_L1).toArray()));
    TANDEM_TRY(storeMessageSystem(m_db, id, m.value("system"_L1)));
    TANDEM_TRY(exec("DELETE FROM reactions WHERE message_id = ?1", {id}));
    for (const QJsonValue &v : m.value("reactions"_L1).toArray()) {
        const QJsonObject r = v.toObject();
        TANDEM_TRY(exec("INSERT OR REPLACE INTO reactions(message_id, user_id, emoji, created_at) "
                        "VALUES (?1, ?2, ?3, ?4)",
            {id, string(r, "user_id"_L1), string(r, "emoji"_L1), integer(r, "at"_L1)}));
    }
    for (const QJsonValue &v : m.value("attachments"_L1).toArray()) {
        const QJsonObject a = v.toObject();
        TANDEM_TRY(exec(
            "INSERT INTO attachments(id, message_id, name, mime_type, size_bytes, sha256) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET message_id = excluded.message_id, "
            "name = excluded.name, mime_type = excluded.mime_type, size_bytes = excluded.size_bytes, "
            "sha256 = excluded.sha256",
            {string(a, "id"_L1), id, string(a, "name"_L1), string(a, "mime_type"_L1),
                integer(a, "size_bytes"_L1), string(a, "sha256"_L1)}));
    }
    const QJsonObject thread = m.value("thread"_L1).toObject();
    if (m.contains("deleted_by"_L1) || m.value("urgent"_L1).toBool() || !thread.isEmpty())
        TANDEM_TRY(
            exec("INSERT OR REPLACE INTO message_state(message_id, deleted_by, urgent, thread_reply_count, "
                 "thread_last_reply_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                {id, optString(m, "deleted_by"_L1), m.value("urgent"_L1).toBool(),
                    integer(thread, "reply_count"_L1), optInteger(thread, "last_reply_at"_L1)}));
    TANDEM_TRY(raiseLastCseq(conversation, cseq));
    TANDEM_TRY(exec("UPDATE conversations SET last_message_at = max(last_message_at, ?2) WHERE id = ?1",
        {conversation, createdAt}));
    m_change.messageRowids.append(rowid);
    touch(conversation);
    return {};
}

Status StoreWriter::insertHistoryMessage(const QJsonObject &message)
{
    return upsertMessage(message, MessageMode::History);
}

Status StoreWriter::editMessage(const QJsonObject &d)
{
    auto held = heldMessage(string(d, "message_id"_L1));
    if (!held)
        return held.error();
    // Not held, or deleted: an edit never undoes a deletion (§11.1).
    if (!*held || (*held)->deleted)
        return {};
    const HeldMessage &h = **held;
    const QString body = string(d, "body"_L1);
    TANDEM_TRY(unindexMessage(h.rowid));
    TANDEM_TRY(exec("UPDATE messages SET body = ?2, format = ?3, edited_at = ?4 WHERE rowid = ?1",
        {h.rowid, body, format(string(d, "format"_L1)), integer(d, "edited_at"_L1)}));
    TANDEM_TRY(indexMessage(h.rowid, body, h.conversationId, h.senderId, h.createdAt));
    TANDEM_TRY(setMentions(h.rowid, d.value("mentions"_L1).toArray()));
    m_change.messageRowids.append(h.rowid);
    touch(h.conversationId);
    return {};
}

Status StoreWriter::deleteMessage(const QJsonObject &d)
{
    const QString id = string(d, "message_id"_L1);
    auto held = heldMessage(id);
    if (!held)
        return held.error();
    if (!*held || (*held)->deleted)
        return {};
    const HeldMessage &h = **held;
    TANDEM_TRY(unindexMessage(h.rowid));
    TANDEM_TRY(exec("UPDATE messages SET body = '', deleted_at = ?2 WHERE rowid = ?1",
        {h.rowid, integer(d, "deleted_at"_L1)}));
    TANDEM_TRY(setMentions(h.rowid, {}));
    TANDEM_TRY(exec("DELETE FROM reactions WHERE message_id = ?1", {id}));
    TANDEM_TRY(exec("DELETE FROM attachments WHERE message_id = ?1", {id}));
    TANDEM_TRY(
        exec("DELETE FROM pins WHERE conversation_id = ?1 AND message_id = ?2", {h.conversationId, id}));
    TANDEM_TRY(exec("INSERT INTO message_state(message_id, deleted_by) VALUES (?1, ?2) "
                    "ON CONFLICT(message_id) DO UPDATE SET deleted_by = excluded.deleted_by",
        {id, string(d, "deleted_by"_L1)}));
    m_change.messageRowids.append(h.rowid);
    touch(h.conversationId);
    return {};
}

} // namespace tandem::sync
