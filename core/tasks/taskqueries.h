// Read-only task views over a space's store (the task tables of schema versions 3 and 5): my tasks,
// assigned by me, due today, overdue, per conversation, and one task in full. Deleted tasks never show.
// "Open" means status open or in_progress. Lists are ordered by due time (none last), then priority
// (high first), then creation. Run them on the store thread (StoreThread::read).
#pragma once

#include "store/database.h"

#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace tandem::tasks {

struct TaskSummary
{
    QString id;
    QString title;
    QString status; // open, in_progress, done, cancelled
    int priority = 0; // 0 none .. 3 high
    std::optional<qint64> dueAt;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QString conversationId; // empty: none
    QString sourceMessageId; // empty: not made from a message
    QStringList assignees; // user ids, sorted
    int checklistDone = 0;
    int checklistTotal = 0;
};

struct TaskChecklistEntry
{
    QString text;
    bool done = false;
};

struct TaskComment
{
    QString id;
    QString authorId;
    QString body;
    qint64 createdAt = 0;
};

// A file attached to the task (present only), as the space's `attachments` table holds it.
struct TaskFile
{
    QString id;
    QString name;
    QString mimeType;
    qint64 sizeBytes = 0;
    QString sha256;
    QString state; // remote, uploading, downloading, cached, failed

    bool operator==(const TaskFile &) const = default;
};

struct TaskDetail
{
    TaskSummary summary;
    QString description;
    QList<TaskChecklistEntry> checklist; // in order
    QList<TaskComment> comments; // oldest first
    QList<TaskFile> files; // by name; a file whose metadata is not held yet is left out
};

// Open tasks assigned to `selfId`.
[[nodiscard]] Result<QList<TaskSummary>> myTasks(store::Database &db, const QString &selfId);
// Open tasks `selfId` created and assigned to someone else.
[[nodiscard]] Result<QList<TaskSummary>> assignedByMe(store::Database &db, const QString &selfId);
// My open tasks due today in `zone` (the space's time zone), the day that contains `nowMs`.
[[nodiscard]] Result<QList<TaskSummary>> dueToday(
    store::Database &db, const QString &selfId, const QTimeZone &zone, qint64 nowMs);
// My open tasks whose due time has passed.
[[nodiscard]] Result<QList<TaskSummary>> overdue(store::Database &db, const QString &selfId, qint64 nowMs);
// Every task of a conversation, done ones included.
[[nodiscard]] Result<QList<TaskSummary>> tasksInConversation(
    store::Database &db, const QString &conversationId);
// Every task the store holds (tandemctl tasks list).
[[nodiscard]] Result<QList<TaskSummary>> allTasks(store::Database &db);
// One task with its description, checklist, comments and files; std::nullopt when not held or deleted.
[[nodiscard]] Result<std::optional<TaskDetail>> taskDetail(store::Database &db, const QString &taskId);

// [start, end) in ms of the day containing `nowMs` in `zone`.
[[nodiscard]] QPair<qint64, qint64> dayBounds(const QTimeZone &zone, qint64 nowMs);

} // namespace tandem::tasks
