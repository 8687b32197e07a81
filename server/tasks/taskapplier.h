// The server's side of tasks (docs/protocol.md §11.2, §11.4): applies task.create, task.update,
// task.delete and task.comment with the field merge rule of core/tasks/taskstate.h, decides who sees a
// task, and emits the task events to them. MutationEngine dispatches the task kinds here.
#pragma once

#include "serverstore.h"
#include "spacewriter.h"

#include "protocol/clientframes.h"
#include "tasks/taskstate.h"

#include <variant>

namespace tandem::server::tasks {

struct TaskRejection
{
    QLatin1StringView code;
    QString reason;
    QJsonObject details;
};

// The result's data, or a rejection decided before any write.
using TaskResult = std::variant<QJsonObject, TaskRejection>;

// Applies one task mutation by `actorId` from `deviceId`, in the caller's transaction.
Result<TaskResult> applyTaskMutation(ServerStore &store, SpaceWriter &writer, const QString &actorId,
    const QString &deviceId, const protocol::TaskMutation &mutation);

// The accounts that see a task (§11.4): its creator, its present assignees and the members of its
// conversation.
Result<QStringList> taskAudience(ServerStore &store, const tandem::tasks::TaskState &task);

// The snapshot records (§3.8) of the tasks `userId` sees in the space, and their comments.
Result<QList<QJsonObject>> taskSnapshotRecords(
    ServerStore &store, const QString &spaceId, const QString &userId);

// The task_comment record.
QJsonObject taskCommentRecord(const TaskCommentRow &row);

} // namespace tandem::server::tasks
