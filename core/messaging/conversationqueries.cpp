#include "conversationqueries.h"

#include "store/syncstate.h"

#include <QHash>

#include <algorithm>

namespace tandem::messaging {

using namespace Qt::StringLiterals;
using store::Statement;

namespace {

// The conversation's shown name: for a direct conversation the other member's display name.
constexpr std::string_view kSummarySql
    = "SELECT c.id, c.kind, c.name, c.topic, c.is_external, max(c.last_message_at, c.created_at), "
      "c.notify_level, c.pinned, "
      "(SELECT count(*) FROM members mb WHERE mb.conversation_id = c.id), "
      "coalesce((SELECT up_to_seq FROM read_receipts rr WHERE rr.conversation_id = c.id AND rr.user_id = "
      "?1), "
      "0), "
      "(SELECT body FROM drafts d WHERE d.conversation_id = c.id), "
      "(SELECT mb.user_id FROM members mb WHERE mb.conversation_id = c.id AND mb.user_id != ?1 "
      " ORDER BY mb.user_id LIMIT 1), "
      "(SELECT coalesce(nullif(u.display_name, ''), u.user_name) FROM members mb JOIN users u ON u.id = "
      "mb.user_id WHERE mb.conversation_id = c.id AND mb.user_id != ?1 ORDER BY mb.user_id LIMIT 1) "
      "FROM conversations c WHERE c.archived = 0 AND (?2 IS NULL OR c.id = ?2) "
      "ORDER BY c.pinned DESC, max(c.last_message_at, c.created_at) DESC, c.name, c.id";

constexpr std::string_view kLastMessageSql
    = "SELECT m.id, m.sender_id, coalesce(nullif(u.display_name, ''), u.user_name, m.sender_id), m.body, "
      "m.deleted_at IS NOT NULL, (SELECT a.name FROM attachments a WHERE a.message_id = m.id LIMIT 1), "
      // A server notice's kind and the names of a handover's two users (docs/protocol.md §6.12).
      "coalesce(sy.kind, ''), "
      "(SELECT coalesce(nullif(fu.display_name, ''), fu.user_name) FROM users fu "
      "WHERE sy.kind = 'handover' AND fu.id = json_extract(sy.data, '$.from_user_id')), "
      "(SELECT coalesce(nullif(tu.display_name, ''), tu.user_name) FROM users tu "
      "WHERE sy.kind = 'handover' AND tu.id = json_extract(sy.data, '$.to_user_id')) "
      "FROM messages m LEFT JOIN users u ON u.id = m.sender_id "
      "LEFT JOIN message_system sy ON sy.message_id = m.id "
      "WHERE m.conversation_id = ?1 AND m.thread_root_id IS NULL "
      "ORDER BY m.created_at DESC, m.rowid DESC LIMIT 1";

// Counted through messages_by_cseq from the receipt up, and capped (?4: kUnreadCap + 1): a badge says
// 99+, not 120,000, and the count reads at most about a hundred rows per conversation. With 999 the list
// of 500 unread conversations read half a million rows and took seconds (tests/bench).
constexpr std::string_view kUnreadSql
    = "SELECT count(*) FROM (SELECT 1 FROM messages WHERE conversation_id = ?1 AND seq > ?2 "
      "AND sender_id != ?3 AND thread_root_id IS NULL AND deleted_at IS NULL LIMIT ?4)";

// Unread mentions of every conversation at once, from the index of the account's mentions alone
// (mentions_unread holds each mention's conversation and seq, schema version 12): one pass over them
// and a receipt per row, where reading each mention's message made every summary cost as much as the
// account's whole history of mentions.
constexpr std::string_view kMentionSql
    = "SELECT mm.conversation_id, count(*) FROM message_mentions mm INDEXED BY mentions_unread "
      "WHERE mm.user_id = ?1 AND mm.seq > coalesce((SELECT up_to_seq FROM read_receipts rr "
      "WHERE rr.conversation_id = mm.conversation_id AND rr.user_id = ?1), 0) "
      "GROUP BY mm.conversation_id";

// One conversation's: a range of the same index from its receipt up, capped as the unread count is.
constexpr std::string_view kConversationMentionSql
    = "SELECT count(*) FROM (SELECT 1 FROM message_mentions INDEXED BY mentions_unread "
      "WHERE user_id = ?1 AND conversation_id = ?2 AND seq > ?3 LIMIT ?4)";

Status fillActivity(store::Database &db, ConversationSummary &c, const QString &self)
{
    auto last = db.cached(kLastMessageSql);
    auto unread = db.cached(kUnreadSql);
    if (!last || !unread)
        return (!last ? last : unread).error();
    TANDEM_TRY((*last)->bind(1, c.id).forEachRow([&](const Statement &r) {
        c.lastMessageId = r.text(0);
        c.lastSenderId = r.text(1);
        c.lastSenderName = r.text(2);
        c.lastMessageText = r.text(3);
        c.lastMessageDeleted = r.int64(4) != 0;
        c.lastAttachmentName = r.text(5);
        c.lastSystemKind = r.text(6);
        c.lastSystemFromName = r.text(7);
        c.lastSystemToName = r.text(8);
    }));
    TANDEM_TRY((*unread)
                   ->bind(1, c.id)
                   .bind(2, c.readUpToSeq)
                   .bind(3, self)
                   .bind(4, kUnreadCap + 1)
                   .forEachRow([&](const Statement &r) {
                       c.unreadCount = int(std::min<qint64>(r.int64(0), kUnreadCap + 1));
                   }));
    return {};
}

Status fillMentions(
    store::Database &db, QList<ConversationSummary> &out, const QString &self, const QString &only)
{
    if (!only.isEmpty()) {
        auto one = db.cached(kConversationMentionSql);
        if (!one)
            return one.error();
        for (ConversationSummary &c : out)
            TANDEM_TRY((*one)
                           ->bind(1, self)
                           .bind(2, c.id)
                           .bind(3, c.readUpToSeq)
                           .bind(4, kUnreadCap + 1)
                           .forEachRow([&](const Statement &r) { c.mentionCount = int(r.int64(0)); }));
        return {};
    }
    auto st = db.cached(kMentionSql);
    if (!st)
        return st.error();
    QHash<QString, int> counts;
    TANDEM_TRY((*st)->bind(1, self).forEachRow([&](const Statement &r) {
        counts.insert(r.text(0), int(std::min<qint64>(r.int64(1), kUnreadCap + 1)));
    }));
    for (ConversationSummary &c : out)
        c.mentionCount = counts.value(c.id);
    return {};
}

Result<QList<ConversationSummary>> summaries(
    store::SpaceStore &store, const QString &self, const QString &only)
{
    auto st = store.db().cached(kSummarySql);
    if (!st)
        return st.error();
    QList<ConversationSummary> out;
    (*st)->bind(1, self).bindOptional(2, only);
    TANDEM_TRY((*st)->forEachRow([&](const Statement &r) {
        ConversationSummary c;
        c.id = r.text(0);
        c.kind = r.text(1);
        c.name = r.text(2);
        c.topic = r.text(3);
        c.external = r.int64(4) != 0;
        c.lastMessageAt = r.int64(5);
        c.notifyLevel = r.text(6);
        c.pinned = r.int64(7) != 0;
        c.memberCount = int(r.int64(8));
        c.readUpToSeq = r.int64(9);
        c.draftText = r.text(10);
        if (c.kind == "direct"_L1) {
            c.otherUserId = r.text(11);
            if (!r.isNull(12))
                c.name = r.text(12);
        }
        out.append(std::move(c));
    }));
    for (ConversationSummary &c : out)
        TANDEM_TRY(fillActivity(store.db(), c, self));
    TANDEM_TRY(fillMentions(store.db(), out, self, only));
    return out;
}

bool containsFolded(const QString &haystack, const QString &needle)
{
    return haystack.contains(needle, Qt::CaseInsensitive);
}

} // namespace

QString oneLine(const QString &text, int maxChars)
{
    // Looks only at a bounded prefix: a 64 KiB body costs no more than a short one.
    QString line = text.left(maxChars * 4).simplified();
    if (line.size() > maxChars) {
        line.truncate(maxChars - 1);
        line.append(QChar(0x2026)); // …
    }
    return line;
}

Result<QList<ConversationSummary>> conversationSummaries(store::SpaceStore &store, const QString &selfUserId)
{
    return summaries(store, selfUserId, QString());
}

Result<std::optional<ConversationSummary>> conversationSummary(
    store::SpaceStore &store, const QString &selfUserId, const QString &conversationId)
{
    if (conversationId.isEmpty())
        return std::optional<ConversationSummary>();
    auto list = summaries(store, selfUserId, conversationId);
    if (!list)
        return list.error();
    if (list->isEmpty())
        return std::optional<ConversationSummary>();
    return std::optional<ConversationSummary>(list->takeFirst());
}

Result<QList<MemberInfo>> members(store::SpaceStore &store, const QString &conversationId)
{
    auto st = store.db().cached(
        "SELECT mb.user_id, coalesce(nullif(u.display_name, ''), u.user_name, mb.user_id), "
        "coalesce(u.user_name, mb.user_id), coalesce(u.is_external, 0), mb.role, coalesce(rr.up_to_seq, 0) "
        "FROM members mb LEFT JOIN users u ON u.id = mb.user_id "
        "LEFT JOIN read_receipts rr ON rr.conversation_id = mb.conversation_id AND rr.user_id = mb.user_id "
        "WHERE mb.conversation_id = ?1");
    if (!st)
        return st.error();
    QList<MemberInfo> out;
    TANDEM_TRY((*st)->bind(1, conversationId).forEachRow([&](const Statement &r) {
        out.append({r.text(0), r.text(1), r.text(2), r.int64(3) != 0, r.text(4), r.int64(5)});
    }));
    auto rank = [](const QString &role) { return role == "owner"_L1 ? 0 : role == "admin"_L1 ? 1 : 2; };
    std::sort(out.begin(), out.end(), [&](const MemberInfo &a, const MemberInfo &b) {
        if (rank(a.role) != rank(b.role))
            return rank(a.role) < rank(b.role);
        const int byName = QString::localeAwareCompare(a.displayName, b.displayName);
        return byName != 0 ? byName < 0 : a.userId < b.userId;
    });
    return out;
}

Result<QString> firstUnreadMessageId(
    store::SpaceStore &store, const QString &conversationId, const QString &selfUserId)
{
    auto st = store.db().cached(
        "SELECT m.id FROM messages m WHERE m.conversation_id = ?1 AND m.seq > coalesce((SELECT up_to_seq "
        "FROM read_receipts rr WHERE rr.conversation_id = ?1 AND rr.user_id = ?2), 0) "
        "AND m.sender_id != ?2 AND m.thread_root_id IS NULL AND m.deleted_at IS NULL ORDER BY m.seq LIMIT 1");
    if (!st)
        return st.error();
    QString id;
    TANDEM_TRY((*st)->bind(1, conversationId).bind(2, selfUserId).forEachRow([&](const Statement &r) {
        id = r.text(0);
    }));
    return id;
}

Result<ReadState> readState(
    store::SpaceStore &store, const QString &conversationId, const QString &selfUserId)
{
    auto st = store.db().cached(
        "SELECT coalesce((SELECT max(seq) FROM messages WHERE conversation_id = ?1), 0), "
        "coalesce((SELECT up_to_seq FROM read_receipts WHERE conversation_id = ?1 AND user_id = ?2), 0)");
    if (!st)
        return st.error();
    ReadState state;
    TANDEM_TRY((*st)->bind(1, conversationId).bind(2, selfUserId).forEachRow([&](const Statement &r) {
        state.newestSeq = r.int64(0);
        state.readUpToSeq = r.int64(1);
    }));
    return state;
}

Result<QString> loadDraft(store::SpaceStore &store, const QString &conversationId)
{
    auto st = store.db().cached("SELECT body FROM drafts WHERE conversation_id = ?1");
    if (!st)
        return st.error();
    QString body;
    TANDEM_TRY((*st)->bind(1, conversationId).forEachRow([&](const Statement &r) { body = r.text(0); }));
    return body;
}

Status saveDraft(store::SpaceStore &store, store::StoreChange &change, const QString &conversationId,
    const QString &body, qint64 nowMs)
{
    if (body.isEmpty()) {
        auto st = store.db().cached("DELETE FROM drafts WHERE conversation_id = ?1");
        if (!st)
            return st.error();
        TANDEM_TRY((*st)->bind(1, conversationId).exec());
    } else {
        auto st = store.db().cached(
            "INSERT INTO drafts(conversation_id, thread_root_id, body, updated_at) VALUES (?1, NULL, ?2, ?3) "
            "ON CONFLICT(conversation_id) DO UPDATE SET body = excluded.body, updated_at = "
            "excluded.updated_at");
        if (!st)
            return st.error();
        TANDEM_TRY((*st)->bind(1, conversationId).bind(2, body).bind(3, nowMs).exec());
    }
    if (store.db().changes() > 0)
        change.conversations.insert(conversationId);
    return {};
}

namespace {

constexpr std::string_view kAttachmentColumns
    = "a.id, a.message_id, a.name, a.mime_type, a.size_bytes, a.state, a.sha256, coalesce(a.local_path, ''), "
      "m.sender_id, coalesce(nullif(u.display_name, ''), u.user_name, m.sender_id), m.created_at, "
      "m.conversation_id";

AttachmentItem readAttachment(const Statement &r)
{
    AttachmentItem a;
    a.id = r.text(0);
    a.messageId = r.text(1);
    a.name = r.text(2);
    a.mimeType = r.text(3);
    a.sizeBytes = r.int64(4);
    a.state = r.text(5);
    a.sha256 = r.text(6);
    a.localPath = r.text(7);
    a.senderId = r.text(8);
    a.senderName = r.text(9);
    a.createdAt = r.int64(10);
    a.conversationId = r.text(11);
    return a;
}

} // namespace

Result<QList<AttachmentItem>> fileList(store::SpaceStore &store, const QString &conversationId, int limit)
{
    // From the attachments (a few per thousand messages) to their messages: CROSS JOIN keeps that order,
    // where the planner went through every message of the conversation (100,000 in tests/bench) first.
    auto st = store.db().cached("SELECT " + std::string(kAttachmentColumns)
        + " FROM attachments a CROSS JOIN messages m ON m.id = a.message_id LEFT JOIN users u ON u.id = "
          "m.sender_id "
          "WHERE m.conversation_id = ?1 AND m.deleted_at IS NULL ORDER BY m.created_at DESC, a.rowid DESC "
          "LIMIT ?2");
    if (!st)
        return st.error();
    QList<AttachmentItem> out;
    TANDEM_TRY((*st)->bind(1, conversationId).bind(2, limit).forEachRow([&](const Statement &r) {
        out.append(readAttachment(r));
    }));
    return out;
}

Result<std::optional<AttachmentItem>> attachment(store::SpaceStore &store, const QString &attachmentId)
{
    auto st = store.db().cached("SELECT " + std::string(kAttachmentColumns)
        + " FROM attachments a JOIN messages m ON m.id = a.message_id LEFT JOIN users u ON u.id = "
          "m.sender_id "
          "WHERE a.id = ?1");
    if (!st)
        return st.error();
    std::optional<AttachmentItem> out;
    TANDEM_TRY((*st)->bind(1, attachmentId).forEachRow([&](const Statement &r) { out = readAttachment(r); }));
    return out;
}

Result<QList<ConversationSummary>> searchConversations(
    store::SpaceStore &store, const QString &selfUserId, const QString &text, int limit)
{
    const QString needle = text.trimmed();
    if (needle.isEmpty() || limit <= 0)
        return QList<ConversationSummary>();
    auto all = conversationSummaries(store, selfUserId);
    if (!all)
        return all.error();
    QList<ConversationSummary> out;
    // Names that start with the text first, then the others that contain it; each in list order.
    for (int pass = 0; pass < 2 && out.size() < limit; ++pass)
        for (const ConversationSummary &c : std::as_const(*all)) {
            const bool starts = c.name.startsWith(needle, Qt::CaseInsensitive);
            if ((pass == 0 ? starts : !starts && containsFolded(c.name, needle)) && out.size() < limit)
                out.append(c);
        }
    return out;
}

Result<QList<PersonResult>> searchPeople(
    store::SpaceStore &store, const QString &selfUserId, const QString &text, int limit)
{
    const QString needle = text.trimmed();
    if (needle.isEmpty() || limit <= 0)
        return QList<PersonResult>();
    auto st = store.db().cached(
        "SELECT u.id, coalesce(nullif(u.display_name, ''), u.user_name), u.user_name, u.is_external, "
        "(SELECT c.id FROM conversations c JOIN members a ON a.conversation_id = c.id AND a.user_id = u.id "
        " JOIN members b ON b.conversation_id = c.id AND b.user_id = ?1 WHERE c.kind = 'direct' LIMIT 1) "
        "FROM users u LEFT JOIN user_state s ON s.user_id = u.id "
        "WHERE u.id != ?1 AND coalesce(s.deactivated, 0) = 0 ORDER BY u.user_name");
    if (!st)
        return st.error();
    QList<PersonResult> starts;
    QList<PersonResult> contains;
    TANDEM_TRY((*st)->bind(1, selfUserId).forEachRow([&](const Statement &r) {
        if (starts.size() >= limit)
            return;
        PersonResult p {r.text(0), r.text(1), r.text(2), r.int64(3) != 0, r.text(4)};
        if (p.displayName.startsWith(needle, Qt::CaseInsensitive)
            || p.userName.startsWith(needle, Qt::CaseInsensitive))
            starts.append(std::move(p));
        else if (contains.size() < limit
            && (containsFolded(p.displayName, needle) || containsFolded(p.userName, needle)))
            contains.append(std::move(p));
    }));
    starts += contains;
    if (starts.size() > limit)
        starts.resize(limit);
    return starts;
}

Result<SearchResults> searchAll(
    store::SpaceStore &store, const QString &selfUserId, const QString &text, int limitEach)
{
    SearchResults out;
    auto conversations = searchConversations(store, selfUserId, text, limitEach);
    if (!conversations)
        return conversations.error();
    out.conversations = std::move(*conversations);
    auto people = searchPeople(store, selfUserId, text, limitEach);
    if (!people)
        return people.error();
    out.people = std::move(*people);

    store::SearchQuery query;
    query.text = text;
    query.limit = limitEach * 2;
    auto hits = store.search(query);
    if (!hits)
        return hits.error();
    if (hits->isEmpty())
        return out;
    // Names for the hits, looked up once per conversation and per sender.
    QHash<QString, QString> conversationNames;
    QHash<QString, QString> senderNames;
    auto userName
        = store.db().cached("SELECT coalesce(nullif(display_name, ''), user_name) FROM users WHERE id = ?1");
    if (!userName)
        return userName.error();
    for (const store::SearchHit &h : std::as_const(*hits)) {
        if (!conversationNames.contains(h.conversationId)) {
            auto c = conversationSummary(store, selfUserId, h.conversationId);
            if (!c)
                return c.error();
            conversationNames.insert(h.conversationId, *c ? (*c)->name : QString());
        }
        if (!senderNames.contains(h.senderId)) {
            QString name = h.senderId;
            TANDEM_TRY(
                (*userName)->bind(1, h.senderId).forEachRow([&](const Statement &r) { name = r.text(0); }));
            senderNames.insert(h.senderId, name);
        }
        MessageResult m;
        m.messageId = h.messageId;
        m.conversationId = h.conversationId;
        m.conversationName = conversationNames.value(h.conversationId);
        m.senderId = h.senderId;
        m.senderName = senderNames.value(h.senderId);
        m.createdAt = h.createdAt;
        m.snippet = h.snippet.text;
        m.highlights = h.snippet.highlights;
        out.messages.append(std::move(m));
    }
    return out;
}

MessagePolicy messagePolicy(store::SpaceStore &store)
{
    const auto window = [&store](const QString &key) {
        auto value = store::setting(store.db(), key);
        bool ok = false;
        const qint64 ms = value ? value->toLongLong(&ok) : 0;
        return ok && ms >= 0 ? ms : kDefaultEditWindowMs;
    };
    return {window(u"edit_window_ms"_s), window(u"recall_window_ms"_s)};
}

} // namespace tandem::messaging
