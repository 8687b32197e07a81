// A task as both sides of the sync protocol hold it (docs/protocol.md §11.2, §11.4): every mergeable
// field is a (value, hlc) pair, assignees are per-user presence flags with their own clocks, checklist
// items have ids and clocked fields, attachments are per-file presence flags like assignees. The merge rule
// lives here only, so the server and every client reach the same values by construction, whatever order they
// see the writes in.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::tasks {

// One field's value and the timestamp of the write that set it (empty: never written).
struct Clocked
{
    QJsonValue value;
    QString hlc;

    bool operator==(const Clocked &) const = default;
};

// The mergeable fields of a task (§11.4): title, description, status, priority, due_at, deleted.
inline constexpr const char *kTaskFields[]
    = {"title", "description", "status", "priority", "due_at", "deleted"};
// The mergeable fields of a checklist item.
inline constexpr const char *kChecklistFields[] = {"text", "done", "position", "deleted"};

struct ChecklistItem
{
    QString id;
    QString text;
    bool done = false;
    qint64 position = 0;
};

struct TaskState
{
    QString id;
    QString createdBy;
    qint64 createdAt = 0;
    QString conversationId; // empty: not in a conversation
    QString sourceMessageId; // empty: not made from a message
    QMap<QString, Clocked> fields;
    QMap<QString, Clocked> assignees; // user id -> present (bool)
    QMap<QString, QMap<QString, Clocked>> checklist; // item id -> field -> value
    QMap<QString, Clocked> attachments; // attachment id -> present (bool)
    // Attachment id -> its attachment record (§6.1: id, name, mime_type, size_bytes, sha256), as the
    // server names it; a record lists those of the present attachments (`files`). Never clocked: an
    // attachment's metadata does not change.
    QMap<QString, QJsonObject> files;

    // Applies the merge rule to every field of `other` (§11.2); true when something here changed.
    // The fixed parts (creator, conversation, source message) are taken only when not known yet.
    bool merge(const TaskState &other);

    // The `task` record of §11.4, and back (std::nullopt when it is not one).
    [[nodiscard]] QJsonObject toRecord() const;
    [[nodiscard]] static std::optional<TaskState> fromRecord(const QJsonObject &record);

    // The writes a task.create, task.update or task.delete payload (already validated) makes, stamped
    // with the payload's `hlc`. `actor` is a create's creator; its created_at is the physical part of
    // its hlc (`now` when that does not parse), so every side computes the same one.
    [[nodiscard]] static TaskState fromPayload(
        const QString &kind, const QJsonObject &payload, const QString &actor, qint64 now);

    // Typed reads of the current values.
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString description() const;
    [[nodiscard]] QString status() const; // open, in_progress, done, cancelled
    [[nodiscard]] int priority() const; // 0 none .. 3 high
    [[nodiscard]] std::optional<qint64> dueAt() const;
    [[nodiscard]] bool deleted() const;
    [[nodiscard]] QStringList assigneeIds() const; // present ones, sorted
    [[nodiscard]] QList<ChecklistItem> checklistItems() const; // not deleted, by position then id
    [[nodiscard]] QStringList attachmentIds() const; // present ones, sorted
    // Every timestamp held, for the receive rule of the clock.
    [[nodiscard]] QStringList clocks() const;
    // Names of the fields whose values differ from `before` ("title", "assignees", "checklist",
    // "attachments").
    [[nodiscard]] QStringList changedSince(const TaskState &before) const;
};

} // namespace tandem::tasks
