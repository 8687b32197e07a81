// SqliteStore's boundary tables (issue 5): scheduled messages, urgent policies and urgent messages.
// Kept apart from sqlitestore.cpp so that the boundary features stay in one folder.
#include "jsonbytes.h"
#include "sqlitestore.h"

namespace tandem::server {

using store::Statement;

namespace {

ScheduledRow readScheduled(const Statement &r)
{
    ScheduledRow row;
    row.messageId = r.text(0);
    row.spaceId = r.text(1);
    row.userId = r.text(2);
    row.conversationId = r.text(3);
    row.mutationId = r.text(4);
    row.deliverAt = r.int64(5);
    row.createdAt = r.int64(6);
    row.payload = parseObject(r.text(7).toUtf8());
    return row;
}

UrgentRow readUrgent(const Statement &r)
{
    return UrgentRow {
        r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.int64(5), r.int64(6), r.int64(7)};
}

template<typename T, typename F> Result<QList<T>> rows(Statement &s, F read)
{
    QList<T> out;
    if (auto status = s.forEachRow([&](const Statement &row) { out.push_back(read(row)); }); !status)
        return status.error();
    return out;
}

template<typename T, typename F> Result<std::optional<T>> firstRow(Statement &s, F read)
{
    auto all = rows<T>(s, read);
    if (!all)
        return all.error();
    if (all->isEmpty())
        return std::optional<T>();
    return std::optional<T>(all->first());
}

constexpr std::string_view kScheduledColumns
    = "SELECT message_id, space_id, user_id, conversation_id, mutation_id, deliver_at, created_at, payload"
      " FROM scheduled_messages ";

std::string scheduledQuery(std::string_view where)
{
    return std::string(kScheduledColumns) + std::string(where);
}

} // namespace

Status SqliteStore::putScheduled(const ScheduledRow &row)
{
    auto s = m_db->cached("INSERT OR REPLACE INTO scheduled_messages(message_id, space_id, user_id,"
                          " conversation_id, mutation_id, deliver_at, created_at, payload)"
                          " VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    if (!s)
        return s.error();
    return (*s)
        ->bind(1, row.messageId)
        .bind(2, row.spaceId)
        .bind(3, row.userId)
        .bind(4, row.conversationId)
        .bind(5, row.mutationId)
        .bind(6, row.deliverAt)
        .bind(7, row.createdAt)
        .bind(8, QString::fromUtf8(compactJson(row.payload)))
        .exec();
}

Status SqliteStore::removeScheduled(const QString &messageId)
{
    auto s = m_db->cached("DELETE FROM scheduled_messages WHERE message_id = ?");
    if (!s)
        return s.error();
    return (*s)->bind(1, messageId).exec();
}

Result<std::optional<ScheduledRow>> SqliteStore::scheduled(const QString &messageId)
{
    static const std::string sql = scheduledQuery("WHERE message_id = ?");
    auto s = m_db->cached(sql);
    if (!s)
        return s.error();
    (*s)->bind(1, messageId);
    return firstRow<ScheduledRow>(**s, readScheduled);
}

Result<QList<ScheduledRow>> SqliteStore::dueScheduled(qint64 now, int limit)
{
    static const std::string sql
        = scheduledQuery("WHERE deliver_at <= ? ORDER BY deliver_at, message_id LIMIT ?");
    auto s = m_db->cached(sql);
    if (!s)
        return s.error();
    (*s)->bind(1, now).bind(2, limit);
    return rows<ScheduledRow>(**s, readScheduled);
}

Result<QList<ScheduledRow>> SqliteStore::scheduledOfUser(const QString &spaceId, const QString &userId)
{
    static const std::string sql
        = scheduledQuery("WHERE space_id = ? AND user_id = ? ORDER BY deliver_at, message_id");
    auto s = m_db->cached(sql);
    if (!s)
        return s.error();
    (*s)->bind(1, spaceId).bind(2, userId);
    return rows<ScheduledRow>(**s, readScheduled);
}

Result<std::optional<UrgentPolicyRow>> SqliteStore::urgentPolicy(const QString &userId)
{
    auto s
        = m_db->cached("SELECT user_id, allow, per_day, updated_at FROM urgent_policies WHERE user_id = ?");
    if (!s)
        return s.error();
    (*s)->bind(1, userId);
    return firstRow<UrgentPolicyRow>(**s, [](const Statement &r) {
        return UrgentPolicyRow {r.text(0), r.text(1), r.int64(2), r.int64(3)};
    });
}

Status SqliteStore::putUrgentPolicy(const UrgentPolicyRow &row)
{
    auto s = m_db->cached(
        "INSERT OR REPLACE INTO urgent_policies(user_id, allow, per_day, updated_at) VALUES(?, ?, ?, ?)");
    if (!s)
        return s.error();
    return (*s)->bind(1, row.userId).bind(2, row.allow).bind(3, row.perDay).bind(4, row.updatedAt).exec();
}

Status SqliteStore::putUrgent(const UrgentRow &row)
{
    auto s = m_db->cached(
        "INSERT OR REPLACE INTO urgent_messages(message_id, conversation_id, space_id,"
        " sender_id, recipient_id, sent_at, seen_at, acked_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    if (!s)
        return s.error();
    return (*s)
        ->bind(1, row.messageId)
        .bind(2, row.conversationId)
        .bind(3, row.spaceId)
        .bind(4, row.senderId)
        .bind(5, row.recipientId)
        .bind(6, row.sentAt)
        .bind(7, row.seenAt)
        .bind(8, row.ackedAt)
        .exec();
}

Result<std::optional<UrgentRow>> SqliteStore::urgent(const QString &messageId, const QString &recipientId)
{
    auto s
        = m_db->cached("SELECT message_id, conversation_id, space_id, sender_id, recipient_id, sent_at,"
                       " seen_at, acked_at FROM urgent_messages WHERE message_id = ? AND recipient_id = ?");
    if (!s)
        return s.error();
    (*s)->bind(1, messageId).bind(2, recipientId);
    return firstRow<UrgentRow>(**s, readUrgent);
}

Result<qint64> SqliteStore::urgentCountSince(const QString &recipientId, qint64 since)
{
    auto s = m_db->cached("SELECT count(*) FROM urgent_messages WHERE recipient_id = ? AND sent_at >= ?");
    if (!s)
        return s.error();
    (*s)->bind(1, recipientId).bind(2, since);
    auto counted = rows<qint64>(**s, [](const Statement &r) { return r.int64(0); });
    if (!counted)
        return counted.error();
    return counted->isEmpty() ? 0 : counted->first();
}

} // namespace tandem::server
