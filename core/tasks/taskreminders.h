// When to remind a person of their open tasks: a lead time before the due time and at the due time, each
// moved to a moment the space allows: inside work hours for a work space (a task due at 23:00 is
// reminded at the next work start, not at 23:00), outside quiet hours for a personal space. When both
// land on the same moment only the due reminder remains. A ledger remembers, per task and due time, how
// far the reminders went, so a task is never reminded twice for the same due time (a new due time starts
// again). Pure functions, plus the ledger's load and save in the space's settings (store thread only).
#pragma once

#include "boundary/boundarysettings.h"
#include "tasks/taskqueries.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace tandem::store {
class Database;
}

namespace tandem::tasks {

inline constexpr qint64 kReminderLeadMs = 15 * 60 * 1000;
// A reminder missed by more than this (the app was closed) is dropped rather than shown late: the
// catch-up digest and the overdue view tell about it instead.
inline constexpr qint64 kReminderStaleMs = 12 * 60 * 60 * 1000;
inline constexpr const char *kReminderLedgerKey = "tasks.reminders_sent";

enum class ReminderStage { Before = 1, Due = 2 };

struct Reminder
{
    QString taskId;
    QString title;
    qint64 dueAt = 0;
    qint64 at = 0; // when it sounds (ms since the epoch)
    ReminderStage stage = ReminderStage::Due;
    bool moved = false; // `at` was moved out of off hours or quiet hours

    friend bool operator==(const Reminder &, const Reminder &) = default;
};

// `at` itself when the space lets it sound then; else the next moment it does (the next work start for a
// work space, the end of the quiet period for a personal one). std::nullopt when a work schedule has no
// work period within a year.
[[nodiscard]] std::optional<qint64> allowedMoment(qint64 at, const boundary::SpaceBoundary &boundary);

// The reminders of one task, in time order: none when it is not open or has no due time.
[[nodiscard]] QList<Reminder> plannedReminders(
    const TaskSummary &task, const boundary::SpaceBoundary &boundary, qint64 leadMs = kReminderLeadMs);

// Per task: the due time reminded of and the last stage shown for it.
class ReminderLedger
{
public:
    [[nodiscard]] bool covers(const Reminder &reminder) const;
    void record(const Reminder &reminder);
    // Forgets the tasks not in `taskIds` (done, deleted, unassigned), so the ledger stays small.
    void keepOnly(const QSet<QString> &taskIds);
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static ReminderLedger fromJson(const QJsonObject &json);
    [[nodiscard]] bool isEmpty() const { return m_entries.isEmpty(); }
    friend bool operator==(const ReminderLedger &, const ReminderLedger &) = default;

private:
    struct Entry
    {
        qint64 dueAt = 0;
        int stage = 0;
        friend bool operator==(const Entry &, const Entry &) = default;
    };
    QHash<QString, Entry> m_entries;
};

// The reminders to show at `now` for `tasks` (my open tasks), at most one per task (the latest stage
// due), none the ledger covers; each is recorded in `ledger`, and so are stale ones, which are not
// returned.
[[nodiscard]] QList<Reminder> dueReminders(const QList<TaskSummary> &tasks,
    const boundary::SpaceBoundary &boundary, qint64 now, ReminderLedger &ledger,
    qint64 leadMs = kReminderLeadMs);

// The first moment after `now` at which a reminder of `tasks` is planned and not yet covered.
[[nodiscard]] std::optional<qint64> nextReminderAt(const QList<TaskSummary> &tasks,
    const boundary::SpaceBoundary &boundary, qint64 now, const ReminderLedger &ledger,
    qint64 leadMs = kReminderLeadMs);

[[nodiscard]] Result<ReminderLedger> loadReminderLedger(store::Database &db);
[[nodiscard]] Status saveReminderLedger(store::Database &db, const ReminderLedger &ledger);

} // namespace tandem::tasks
