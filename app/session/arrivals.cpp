#include "arrivals.h"

#include "store/spacestore.h"

namespace tandem::app {

IncomingMessage arrivalFromRow(const store::Statement &row, const ArrivalQuery &q)
{
    IncomingMessage m;
    m.spaceId = q.spaceId;
    m.spaceName = q.spaceName;
    m.spaceKind = q.spaceKind;
    m.messageId = row.text(0);
    m.conversationId = row.text(1);
    m.senderId = row.text(2);
    m.senderName = row.text(3);
    m.text = row.text(4).simplified();
    m.createdAt = row.int64(5);
    m.conversationName = row.text(6);
    m.notifyLevel = row.text(7);
    return m;
}

Result<QList<IncomingMessage>> readArrivals(store::SpaceStore &s, const ArrivalQuery &q)
{
    QList<IncomingMessage> out;
    auto st = s.db().prepare(
        "SELECT m.id, m.conversation_id, m.sender_id, "
        "coalesce(nullif(u.display_name, ''), u.user_name, m.sender_id), substr(m.body, 1, 400), "
        "m.created_at, c.name, c.notify_level, "
        "EXISTS (SELECT 1 FROM message_mentions mm WHERE mm.message_rowid = m.rowid AND mm.user_id = ?2), "
        "c.kind = 'direct', coalesce((SELECT ms.urgent FROM message_state ms WHERE ms.message_id = m.id), 0) "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "LEFT JOIN users u ON u.id = m.sender_id "
        "WHERE m.rowid > ?1 AND m.seq IS NOT NULL AND m.deleted_at IS NULL AND m.created_at > ?3 "
        "AND m.thread_root_id IS NULL ORDER BY m.rowid LIMIT ?4");
    if (!st)
        return st.error();
    st->bind(1, q.afterRowid).bind(2, q.self).bind(3, q.since).bind(4, q.limit);
    TANDEM_TRY(st->forEachRow([&](const store::Statement &row) {
        IncomingMessage m = arrivalFromRow(row, q);
        m.mentionsMe = row.int64(8) != 0;
        m.direct = row.int64(9) != 0;
        m.urgent = row.int64(10) != 0;
        m.mine = m.senderId == q.self;
        out.append(m);
    }));
    return out;
}

} // namespace tandem::app
