// Tasks in a space's local store (docs/protocol.md §11.2, §11.4, Appendix B): the merged state of each
// task kept in `tasks.field_clocks` (every field's value and timestamp, the task record of §11.4), and
// projected into the columns and side tables that queries read (tasks, task_assignees, task_checklist).
// The device's clock state and its offset to the server live in the space's settings. Every function
// runs inside the caller's transaction.
#pragma once

#include "hlc.h"
#include "taskstate.h"

#include "store/database.h"

namespace tandem::tasks {

// The held task, or std::nullopt.
[[nodiscard]] Result<std::optional<TaskState>> loadTask(store::Database &db, const QString &id);
// Merges `incoming` into the held task with the rule of §11.2 (creating it when new), advances the
// device's clock past every timestamp in it (the receive rule), and rewrites the projection when
// something changed. True when something changed.
[[nodiscard]] Result<bool> mergeTask(store::Database &db, const TaskState &incoming, qint64 now);
// The task is no longer visible to the account (task.removed): its rows go.
[[nodiscard]] Status removeTask(store::Database &db, const QString &id);
// A task_comment record (append-only: inserted or replaced by id).
[[nodiscard]] Status putTaskComment(store::Database &db, const QJsonObject &comment);

// The clock (§11.2): issues a timestamp for a local write by `deviceId` and stores the new state, in the
// caller's transaction (the one that writes the outbox row using it).
[[nodiscard]] Result<Hlc> issueTaskClock(store::Database &db, const QString &deviceId, qint64 localNow);
// Local time corrected by the offset to the server last seen in `welcome`.
[[nodiscard]] Result<qint64> serverAlignedNow(store::Database &db, qint64 localNow);
// Remembers server_time − local time (settings key clock_offset_ms).
[[nodiscard]] Status rememberClockOffset(store::Database &db, qint64 offsetMs);

} // namespace tandem::tasks
