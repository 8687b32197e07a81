#include "timelinequeries.h"

#include "conversationqueries.h"

#include <algorithm>

namespace tandem::messaging {

using store::Statement;

namespace {

// Parameters: ?1 the account, ?2 the conversation, ?3 ?4 the key, ?5 the limit, ?6 the thread root,
// ?7 a rowid. Read-by counts compare each receipt's up_to_seq (a cseq) with the message's seq.
constexpr std::string_view kSelect
    = "SELECT m.rowid, m.id, m.conversation_id, m.sender_id, "
      "coalesce(nullif(su.display_name, ''), su.user_name, m.sender_id), m.body, m.format, m.created_at, "
      "coalesce(m.seq, 0), coalesce(m.thread_root_id, ''), coalesce(m.reply_to_id, ''), "
      "coalesce(m.edited_at, 0), coalesce(m.deleted_at, 0), m.send_state, coalesce(o.error_message, ''), "
      "coalesce(ms.thread_reply_count, 0), coalesce(ms.thread_last_reply_at, 0), "
      "coalesce(r.sender_id, ''), coalesce(nullif(ru.display_name, ''), ru.user_name, r.sender_id, ''), "
      "coalesce(r.body, ''), r.deleted_at IS NOT NULL, "
      "EXISTS (SELECT 1 FROM message_mentions mm WHERE mm.message_rowid = m.rowid AND mm.user_id = ?1), "
      "CASE WHEN m.seq IS NULL THEN 0 ELSE (SELECT count(*) FROM read_receipts rr WHERE rr.conversation_id = "
      "m.conversation_id AND rr.user_id != m.sender_id AND rr.up_to_seq >= m.seq) END, "
      "(SELECT count(*) FROM members mb WHERE mb.conversation_id = m.conversation_id AND mb.user_id != "
      "m.sender_id), "
      "EXISTS (SELECT 1 FROM pins p WHERE p.conversation_id = m.conversation_id AND p.message_id = m.id), "
      // The mentioned users' user and display names, for the renderer's @name highlight (unit separator).
      "(SELECT group_concat(coalesce(u.user_name, '') || char(31) || coalesce(u.display_name, ''), char(31)) "
      "FROM message_mentions mm LEFT JOIN users u ON u.id = mm.user_id WHERE mm.message_rowid = m.rowid), "
      // A server notice's kind and the names of a handover's two users (docs/protocol.md §6.12).
      "coalesce(sy.kind, ''), "
      "(SELECT coalesce(nullif(u.display_name, ''), u.user_name) FROM users u "
      "WHERE sy.kind = 'handover' AND u.id = json_extract(sy.data, '$.from_user_id')), "
      "(SELECT coalesce(nullif(u.display_name, ''), u.user_name) FROM users u "
      "WHERE sy.kind = 'handover' AND u.id = json_extract(sy.data, '$.to_user_id')) "
      "FROM messages m LEFT JOIN users su ON su.id = m.sender_id "
      "LEFT JOIN outbox o ON m.send_state = 2 AND o.mutation_id = m.client_id "
      "LEFT JOIN message_state ms ON ms.message_id = m.id "
      "LEFT JOIN messages r ON m.reply_to_id IS NOT NULL AND r.id = m.reply_to_id "
      "LEFT JOIN users ru ON ru.id = r.sender_id "
      "LEFT JOIN message_system sy ON sy.message_id = m.id ";

constexpr std::string_view kMainScope = "m.conversation_id = ?2 AND m.thread_root_id IS NULL";
constexpr std::string_view kThreadScope = "m.conversation_id = ?2 AND (m.thread_root_id = ?6 OR m.id = ?6)";

std::string scopeSql(const TimelineScope &scope)
{
    return std::string(scope.threadRootId.isEmpty() ? kMainScope : kThreadScope);
}

TimelineItem readItem(const Statement &r)
{
    TimelineItem t;
    t.rowid = r.int64(0);
    t.id = r.text(1);
    t.conversationId = r.text(2);
    t.senderId = r.text(3);
    t.senderName = r.text(4);
    t.body = r.text(5);
    t.format = r.text(6);
    t.createdAt = r.int64(7);
    t.seq = r.int64(8);
    t.threadRootId = r.text(9);
    t.replyToId = r.text(10);
    t.editedAt = r.int64(11);
    t.deletedAt = r.int64(12);
    t.sendState = int(r.int64(13));
    t.errorText = r.text(14);
    t.threadReplyCount = int(r.int64(15));
    t.threadLastReplyAt = r.int64(16);
    t.replyToSenderId = r.text(17);
    t.replyToSenderName = r.text(18);
    t.replyToDeleted = r.int64(20) != 0;
    t.replyToText = t.replyToDeleted ? QString() : oneLine(r.text(19));
    t.mentionsMe = r.int64(21) != 0;
    t.readByCount = int(r.int64(22));
    t.receiptTotal = int(r.int64(23));
    t.pinned = r.int64(24) != 0;
    if (!r.isNull(25)) {
        t.mentionNames = r.text(25).split(QChar(31), Qt::SkipEmptyParts);
        t.mentionNames.removeDuplicates();
    }
    t.systemKind = r.text(26);
    t.systemFromName = r.text(27);
    t.systemToName = r.text(28);
    return t;
}

// Reactions (grouped by emoji, in the order each emoji first appeared) and attachments of each item.
Status fillDetails(store::Database &db, QList<TimelineItem> &items, const QString &self)
{
    auto reactions
        = db.cached("SELECT r.emoji, r.user_id, coalesce(nullif(u.display_name, ''), u.user_name, r.user_id) "
                    "FROM reactions r LEFT JOIN users u ON u.id = r.user_id WHERE r.message_id = ?1 "
                    "ORDER BY r.created_at, r.user_id");
    auto files = db.cached("SELECT id, name, mime_type, size_bytes, state, sha256, coalesce(local_path, '') "
                           "FROM attachments WHERE message_id = ?1 ORDER BY rowid");
    if (!reactions || !files)
        return (!reactions ? reactions : files).error();
    for (TimelineItem &t : items) {
        if (t.deletedAt != 0)
            continue; // a recall takes the reactions and files with it
        TANDEM_TRY((*reactions)->bind(1, t.id).forEachRow([&](const Statement &r) {
            const QString emoji = r.text(0);
            auto it = std::find_if(t.reactions.begin(), t.reactions.end(),
                [&](const ReactionSummary &s) { return s.emoji == emoji; });
            if (it == t.reactions.end()) {
                t.reactions.append({emoji, 0, false, {}});
                it = t.reactions.end() - 1;
            }
            ++it->count;
            it->mine = it->mine || r.text(1) == self;
            it->names.append(r.text(2));
        }));
        TANDEM_TRY((*files)->bind(1, t.id).forEachRow([&](const Statement &r) {
            AttachmentItem a;
            a.id = r.text(0);
            a.messageId = t.id;
            a.name = r.text(1);
            a.mimeType = r.text(2);
            a.sizeBytes = r.int64(3);
            a.state = r.text(4);
            a.sha256 = r.text(5);
            a.localPath = r.text(6);
            a.senderId = t.senderId;
            a.senderName = t.senderName;
            a.createdAt = t.createdAt;
            a.conversationId = t.conversationId;
            t.attachments.append(std::move(a));
        }));
    }
    return {};
}

Result<QList<TimelineItem>> run(store::SpaceStore &store, const std::string &sql, const TimelineScope &scope,
    TimelineKey key, int limit, qint64 rowid = 0)
{
    auto st = store.db().cached(sql);
    if (!st)
        return st.error();
    Statement &s = **st;
    s.bind(1, scope.selfUserId)
        .bind(2, scope.conversationId)
        .bind(3, key.createdAt)
        .bind(4, key.rowid)
        .bind(5, limit)
        .bind(6, scope.threadRootId)
        .bind(7, rowid);
    QList<TimelineItem> out;
    TANDEM_TRY(s.forEachRow([&](const Statement &r) { out.append(readItem(r)); }));
    TANDEM_TRY(fillDetails(store.db(), out, scope.selfUserId));
    return out;
}

} // namespace

Result<QList<TimelineItem>> messagesBefore(
    store::SpaceStore &store, const TimelineScope &scope, TimelineKey before, int limit)
{
    return run(store,
        std::string(kSelect) + "WHERE " + scopeSql(scope)
            + " AND (m.created_at, m.rowid) < (?3, ?4) ORDER BY m.created_at DESC, m.rowid DESC LIMIT ?5",
        scope, before, limit);
}

Result<QList<TimelineItem>> messagesAfter(
    store::SpaceStore &store, const TimelineScope &scope, TimelineKey after, int limit)
{
    auto items = run(store,
        std::string(kSelect) + "WHERE " + scopeSql(scope)
            + " AND (m.created_at, m.rowid) > (?3, ?4) ORDER BY m.created_at, m.rowid LIMIT ?5",
        scope, after, limit);
    if (items)
        std::reverse(items->begin(), items->end());
    return items;
}

Result<QList<TimelineItem>> messagesByRowid(
    store::SpaceStore &store, const TimelineScope &scope, const QList<qint64> &rowids)
{
    const std::string sql = std::string(kSelect) + "WHERE m.rowid = ?7 AND " + scopeSql(scope);
    QList<TimelineItem> out;
    for (qint64 rowid : rowids) {
        auto one = run(store, sql, scope, {}, 1, rowid);
        if (!one)
            return one.error();
        out += *one;
    }
    return out;
}

Result<std::optional<MessageLocation>> locateMessage(store::SpaceStore &store, const QString &messageId)
{
    auto st = store.db().cached("SELECT conversation_id, coalesce(thread_root_id, ''), created_at, rowid "
                                "FROM messages WHERE id = ?1");
    if (!st)
        return st.error();
    std::optional<MessageLocation> out;
    TANDEM_TRY((*st)->bind(1, messageId).forEachRow([&](const Statement &r) {
        out = MessageLocation {r.text(0), r.text(1), {r.int64(2), r.int64(3)}};
    }));
    return out;
}

Result<PageAround> pageAround(
    store::SpaceStore &store, const TimelineScope &scope, const QString &messageId, int each)
{
    PageAround page;
    auto where = locateMessage(store, messageId);
    if (!where)
        return where.error();
    const bool inScope = *where && (*where)->conversationId == scope.conversationId
        && (scope.threadRootId.isEmpty()
                ? (*where)->threadRootId.isEmpty()
                : ((*where)->threadRootId == scope.threadRootId || messageId == scope.threadRootId));
    if (!inScope)
        return page;
    const TimelineKey key = (*where)->key;
    auto newer = messagesAfter(store, scope, key, each);
    if (!newer)
        return newer.error();
    auto self = messagesByRowid(store, scope, {key.rowid});
    if (!self)
        return self.error();
    auto older = messagesBefore(store, scope, key, each);
    if (!older)
        return older.error();
    page.newerExhausted = newer->size() < each;
    page.olderExhausted = older->size() < each;
    page.items = std::move(*newer);
    page.targetRow = int(page.items.size());
    page.items += *self;
    page.items += *older;
    return page;
}

Result<QList<TimelineItem>> pinnedMessages(
    store::SpaceStore &store, const QString &conversationId, const QString &selfUserId, int limit)
{
    TimelineScope scope {conversationId, QString(), selfUserId};
    return run(store,
        std::string(kSelect)
            + "JOIN pins pn ON pn.conversation_id = m.conversation_id AND pn.message_id = m.id "
              "WHERE m.conversation_id = ?2 AND m.deleted_at IS NULL ORDER BY pn.pinned_at DESC LIMIT ?5",
        scope, {}, limit);
}

} // namespace tandem::messaging
