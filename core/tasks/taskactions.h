// Changing tasks (docs/protocol.md §5.2, §11.2, §11.4): each call stamps its writes with a new HLC
// timestamp and writes, in one power-safe transaction, the advanced clock state, the outbox row and the
// local echo (merged with the same rule as the server's), so a crash can never reuse a timestamp.
// SpaceSync wraps these and tells the connection to send.
#pragma once

#include "sync/mutations.h"

#include <QJsonObject>

#include <optional>

namespace tandem::tasks {

// A new task. `checklist` are the items' texts, in order.
struct TaskDraft
{
    QString title;
    QString description;
    QString status = QStringLiteral("open"); // open, in_progress, done, cancelled
    int priority = 0; // 0 none, 1 low, 2 medium, 3 high
    std::optional<qint64> dueAt; // ms since the epoch
    QStringList assignees; // user ids
    QStringList checklist;
    QString conversationId; // a task made in (or from a message of) a conversation
    QString sourceMessageId; // the message it was made from; needs conversationId
    QList<sync::OutgoingFile> files; // copied into the cache (sync::importOutgoingFile); at most 20
};

// task.create; QueuedMutation::entityId is the new task's id, attachmentIds those of its files, whose
// `attachments` rows go in with the outbox row (the connection uploads them before sending it).
QFuture<Result<sync::QueuedMutation>> queueTaskCreate(store::StoreThread &store, const TaskDraft &draft);
// task.update with `changes` as the payload's fields, assignees and checklist members (§11.4), e.g.
// {"fields": {"status": "done"}} or {"assignees": {"u_bob": false}} or
// {"checklist": {"<item id>": {"done": true}}}; a new checklist item is an unknown item id with a text.
QFuture<Result<sync::QueuedMutation>> queueTaskUpdate(
    store::StoreThread &store, const QString &taskId, const QJsonObject &changes);
// task.update attaching `files` (copied into the cache by sync::importOutgoingFile), with their
// `attachments` rows in the same transaction. Removing one is queueTaskUpdate with {"attachments": {"<id>":
// false}}.
QFuture<Result<sync::QueuedMutation>> queueTaskAttach(
    store::StoreThread &store, const QString &taskId, const QList<sync::OutgoingFile> &files);
// task.delete: the field deleted set to true.
QFuture<Result<sync::QueuedMutation>> queueTaskDelete(store::StoreThread &store, const QString &taskId);
// task.comment (append-only); QueuedMutation::entityId is the comment id.
QFuture<Result<sync::QueuedMutation>> queueTaskComment(
    store::StoreThread &store, const QString &taskId, const QString &body);

// The payload of a task.create for `draft`, without its hlc (tandemctl and tests use it too).
QJsonObject createPayload(const QString &taskId, const TaskDraft &draft);

} // namespace tandem::tasks
