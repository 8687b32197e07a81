#include "taskqueries.h"

#include <QDateTime>

namespace tandem::tasks {

using store::Statement;

namespace {

constexpr const char *kColumns
    = "SELECT t.id, t.title, t.status, t.priority, t.due_at, t.created_by, t.created_at, t.updated_at, "
      "coalesce(t.conversation_id, ''), coalesce(t.source_message_id, ''), "
      "(SELECT group_concat(user_id, ' ') FROM (SELECT user_id FROM task_assignees a WHERE a.task_id = t.id "
      "ORDER BY user_id)), "
      "(SELECT count(*) FROM task_checklist c WHERE c.task_id = t.id AND c.done), "
      "(SELECT count(*) FROM task_checklist c WHERE c.task_id = t.id) "
      "FROM tasks t LEFT JOIN task_state s ON s.task_id = t.id WHERE coalesce(s.deleted, 0) = 0 ";
constexpr const char *kOpen = " AND t.status IN ('open', 'in_progress') ";
constexpr const char *kMine
    = " AND EXISTS (SELECT 1 FROM task_assignees a WHERE a.task_id = t.id AND a.user_id = ?1) ";
constexpr const char *kOrder = " ORDER BY t.due_at IS NULL, t.due_at, t.priority DESC, t.created_at, t.id";

TaskSummary readSummary(const Statement &r)
{
    TaskSummary s;
    s.id = r.text(0);
    s.title = r.text(1);
    s.status = r.text(2);
    s.priority = int(r.int64(3));
    if (!r.isNull(4))
        s.dueAt = r.int64(4);
    s.createdBy = r.text(5);
    s.createdAt = r.int64(6);
    s.updatedAt = r.int64(7);
    s.conversationId = r.text(8);
    s.sourceMessageId = r.text(9);
    s.assignees = r.text(10).split(u' ', Qt::SkipEmptyParts);
    s.checklistDone = int(r.int64(11));
    s.checklistTotal = int(r.int64(12));
    return s;
}

Result<QList<TaskSummary>> list(
    store::Database &db, const std::string &where, std::initializer_list<QVariant> args)
{
    auto st = db.cached(std::string(kColumns) + where + kOrder);
    if (!st)
        return st.error();
    int i = 1;
    for (const QVariant &v : args) {
        if (v.typeId() == QMetaType::LongLong)
            (*st)->bind(i++, v.toLongLong());
        else
            (*st)->bind(i++, v.toString());
    }
    QList<TaskSummary> out;
    TANDEM_TRY((*st)->forEachRow([&](const Statement &r) { out << readSummary(r); }));
    return out;
}

} // namespace

QPair<qint64, qint64> dayBounds(const QTimeZone &zone, qint64 nowMs)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    return {QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch(),
        QDateTime(day.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch()};
}

Result<QList<TaskSummary>> myTasks(store::Database &db, const QString &selfId)
{
    return list(db, std::string(kOpen) + kMine, {selfId});
}

Result<QList<TaskSummary>> assignedByMe(store::Database &db, const QString &selfId)
{
    return list(db,
        std::string(kOpen)
            + " AND t.created_by = ?1 AND EXISTS (SELECT 1 FROM task_assignees a WHERE a.task_id = t.id AND "
              "a.user_id <> ?1) ",
        {selfId});
}

Result<QList<TaskSummary>> dueToday(
    store::Database &db, const QString &selfId, const QTimeZone &zone, qint64 nowMs)
{
    const auto [start, end] = dayBounds(zone, nowMs);
    return list(
        db, std::string(kOpen) + kMine + " AND t.due_at >= ?2 AND t.due_at < ?3 ", {selfId, start, end});
}

Result<QList<TaskSummary>> overdue(store::Database &db, const QString &selfId, qint64 nowMs)
{
    return list(db, std::string(kOpen) + kMine + " AND t.due_at < ?2 ", {selfId, nowMs});
}

Result<QList<TaskSummary>> tasksInConversation(store::Database &db, const QString &conversationId)
{
    return list(db, " AND t.conversation_id = ?1 ", {conversationId});
}

Result<QList<TaskSummary>> allTasks(store::Database &db)
{
    return list(db, std::string(), {});
}

Result<std::optional<TaskDetail>> taskDetail(store::Database &db, const QString &taskId)
{
    auto found = list(db, " AND t.id = ?1 ", {taskId});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<TaskDetail>();
    TaskDetail d;
    d.summary = found->first();
    auto desc = db.cached("SELECT description FROM tasks WHERE id = ?1");
    if (!desc)
        return desc.error();
    TANDEM_TRY((*desc)->bind(1, taskId).forEachRow([&](const Statement &r) { d.description = r.text(0); }));
    auto items = db.cached("SELECT text, done FROM task_checklist WHERE task_id = ?1 ORDER BY position");
    if (!items)
        return items.error();
    TANDEM_TRY((*items)->bind(1, taskId).forEachRow([&](const Statement &r) {
        d.checklist << TaskChecklistEntry {r.text(0), r.int64(1) != 0};
    }));
    auto comments = db.cached("SELECT id, author_id, body, created_at FROM task_comments WHERE task_id = ?1 "
                              "ORDER BY created_at, id");
    if (!comments)
        return comments.error();
    TANDEM_TRY((*comments)->bind(1, taskId).forEachRow([&](const Statement &r) {
        d.comments << TaskComment {r.text(0), r.text(1), r.text(2), r.int64(3)};
    }));
    // The present attachments of the merged record (field_clocks), with what the store knows of each.
    auto files = db.cached("SELECT a.id, a.name, a.mime_type, a.size_bytes, a.sha256, a.state FROM tasks t, "
                           "json_each(t.field_clocks, '$.attachments') j JOIN attachments a ON a.id = j.key "
                           "WHERE t.id = ?1 AND json_extract(j.value, '$.value') = 1 ORDER BY a.name, a.id");
    if (!files)
        return files.error();
    TANDEM_TRY((*files)->bind(1, taskId).forEachRow([&](const Statement &r) {
        d.files << TaskFile {r.text(0), r.text(1), r.text(2), r.int64(3), r.text(4), r.text(5)};
    }));
    return std::optional<TaskDetail>(d);
}

} // namespace tandem::tasks
