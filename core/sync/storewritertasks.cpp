#include "storewritertasks.h"

#include "filerecords.h"

#include "protocol/codec.h"
#include "tasks/taskstore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tandem::sync {

using namespace Qt::StringLiterals;

bool isTaskEntity(const QString &entity)
{
    return entity == "task"_L1 || entity == "task_comment"_L1;
}

Status applyTaskRecord(
    store::Database &db, store::StoreChange &change, const QString &entity, const QJsonObject &data)
{
    change.tasks = true;
    if (entity == "task_comment"_L1)
        return tasks::putTaskComment(db, data);
    const auto state = tasks::TaskState::fromRecord(data);
    if (!state)
        return {}; // malformed: skipped like an unknown record (§13.3)
    auto merged = tasks::mergeTask(db, *state, protocol::nowMs());
    if (!merged)
        return merged.error();
    // The files it names, so that its audience can show and download them.
    return upsertFileRecords(db, data.value("files"_L1).toArray());
}

Status applyTaskEvent(store::Database &db, store::StoreChange &change, const protocol::Event &e)
{
    const QJsonObject &d = e.data;
    if (e.kind == "task.created"_L1 || e.kind == "task.updated"_L1 || e.kind == "task.deleted"_L1)
        return applyTaskRecord(db, change, u"task"_s, d.value("task"_L1).toObject());
    if (e.kind == "task.comment_added"_L1)
        return applyTaskRecord(db, change, u"task_comment"_s, d.value("comment"_L1).toObject());
    if (e.kind == "task.removed"_L1) {
        change.tasks = true;
        return tasks::removeTask(db, d.value("task_id"_L1).toString());
    }
    return {}; // a task kind of a later version
}

Status echoTask(
    store::Database &db, store::StoreChange &change, const store::OutboxRow &row, const QString &selfUserId)
{
    const QJsonObject p = QJsonDocument::fromJson(row.payload).object();
    if (row.kind == "task.comment"_L1) {
        return applyTaskRecord(db, change, u"task_comment"_s,
            {{u"id"_s, p.value("comment_id"_L1)}, {u"task_id"_s, p.value("task_id"_L1)},
                {u"author_id"_s, selfUserId}, {u"body"_s, p.value("body"_L1)},
                {u"created_at"_s, double(row.createdAt)}});
    }
    change.tasks = true;
    const tasks::TaskState writes = tasks::TaskState::fromPayload(row.kind, p, selfUserId, row.createdAt);
    auto merged = tasks::mergeTask(db, writes, protocol::nowMs());
    if (!merged)
        return merged.error();
    return {};
}

Status clearTasks(store::Database &db)
{
    for (std::string_view sql : {"DELETE FROM task_comments", "DELETE FROM tasks"})
        TANDEM_TRY(db.exec(sql));
    return {};
}

} // namespace tandem::sync
