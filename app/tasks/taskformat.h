// What the task views share: the words for a status and a priority, a due time as people read it
// ("Today 17:00", "Overdue · Tue 09:00"), and the editor's due date and time parsed from what was typed,
// with an error that says how to write it.
#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace tandem::app {

class TaskText
{
    Q_DECLARE_TR_FUNCTIONS(tandem::app::TaskText)
public:
    // open, in_progress, done, cancelled → "Open", "In progress"…; anything else as given.
    [[nodiscard]] static QString status(const QString &status);
    // 0 none, 1 low, 2 medium, 3 high → "", "Low", "Medium", "High".
    [[nodiscard]] static QString priority(int priority);
    // The due time in `zone` relative to `nowMs`: "Today 17:00", "Tomorrow 09:00", "Fri 3 Dec 17:00".
    [[nodiscard]] static QString due(qint64 dueAt, qint64 nowMs, const QTimeZone &zone);
};

// When a due date is given without a time: the end of an ordinary working day.
inline constexpr int kDefaultDueHour = 18;

// Parses the editor's due fields in `zone`: `date` as yyyy-MM-dd, `time` as HH:mm (empty: 18:00).
// Both empty: no due time (std::nullopt). A time without a date, or either in another format, is an
// Invalid error naming the expected format.
[[nodiscard]] Result<std::optional<qint64>> parseTaskDue(
    const QString &date, const QString &time, const QTimeZone &zone);

// Validates a title as the protocol bounds it (§11.4: a line of at most 256 characters, not empty).
[[nodiscard]] Status checkTaskTitle(const QString &title);

} // namespace tandem::app
