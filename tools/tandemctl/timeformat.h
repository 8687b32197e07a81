// Times as tandemctl reads and shows them. The store keeps milliseconds since the epoch (UTC); people
// type and read dates.
#pragma once

#include <QString>

#include <optional>

class QJsonValue;

namespace tandemctl {

// A time in an import file: milliseconds since the epoch, or an ISO-8601 string. A string without an
// offset is UTC, so a file means the same thing on every machine.
std::optional<qint64> timestampFromJson(const QJsonValue &value);

enum class DateBound { Start, End };

// A date typed on the command line: "2025-06-03" (a whole day in local time: its start, or for an End
// bound the start of the next day, so --to includes the day), "2025-06-03T14:00" (local time), an
// ISO-8601 time with an offset, or milliseconds since the epoch.
std::optional<qint64> timestampFromArgument(const QString &text, DateBound bound);

// "2025-06-03 14:05" in local time.
QString formatLocalTime(qint64 msSinceEpoch);

} // namespace tandemctl
