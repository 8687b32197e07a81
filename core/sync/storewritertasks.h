// StoreWriter's tasks (docs/protocol.md §11.4): task and task_comment records, the task.* events, and
// the local echo of task mutations, all through the field merge of core/tasks/taskstate.h, so a local
// write and the server's record of it meet in the same state whatever order they arrive in.
#pragma once

#include "protocol/serverframes.h"
#include "store/database.h"
#include "store/records.h"
#include "store/syncstate.h"

namespace tandem::sync {

// True when `entity` is a task record this handles (then `status` is its outcome).
[[nodiscard]] bool isTaskEntity(const QString &entity);
[[nodiscard]] Status applyTaskRecord(
    store::Database &db, store::StoreChange &change, const QString &entity, const QJsonObject &data);
[[nodiscard]] Status applyTaskEvent(
    store::Database &db, store::StoreChange &change, const protocol::Event &e);
// The echo of a task.* outbox row written by `selfUserId`. A rejected write is not undone here: the next
// record of the task (event or snapshot) carries the winning values.
[[nodiscard]] Status echoTask(
    store::Database &db, store::StoreChange &change, const store::OutboxRow &row, const QString &selfUserId);
// Every task row, before a snapshot is applied.
[[nodiscard]] Status clearTasks(store::Database &db);

} // namespace tandem::sync
