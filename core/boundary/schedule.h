// A space's week in its own time zone: when a work space is "at work", or when a personal space is in its
// quiet hours. Pure data with validated construction; evaluated against UTC instants so daylight saving is
// QTimeZone's business, not ours.
#pragma once

#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QTimeZone>

#include <array>
#include <map>
#include <set>

namespace tandem::boundary {

// [start, end) in local wall-clock minutes since midnight; end may be 24:00 (1440) and is after start, so an
// interval never crosses midnight (write 22:00–24:00 and 00:00–07:00 on the next day instead).
struct LocalInterval
{
    int startMinute = 0;
    int endMinute = 0;

    friend bool operator==(const LocalInterval &, const LocalInterval &) = default;
    // "09:00–12:00", for error messages.
    [[nodiscard]] QString toString() const;
};

// A weekly schedule: for each weekday a sorted list of non-overlapping intervals (the gaps between them are
// breaks), an IANA time zone, dates off (holidays, leave) and extra working dates (a weekend day worked in
// exchange for a holiday, which keeps the hours of the weekday it stands in for).
//
// The same type serves personal spaces as quiet hours: there the intervals mean "quiet", and isWorking()
// reads "in quiet hours"; dates off are then days with no quiet hours. One type, one validator, one JSON
// form.
//
// JSON form (every key but timeZone optional; unknown keys are rejected so a typo cannot drop a holiday):
//   { "timeZone": "Asia/Shanghai",
//     "week": { "mon": [ { "start": "09:00", "end": "12:00" }, { "start": "13:30", "end": "18:00" } ], ... },
//     "daysOff": [ "2026-10-01" ],
//     "extraWorkingDays": [ { "date": "2026-10-10", "like": "fri" } ] }
// Weekdays are mon tue wed thu fri sat sun; times are HH:MM (end may be 24:00); dates are YYYY-MM-DD.
class WeeklySchedule
{
public:
    // An empty schedule (never working) in `ianaId`; an Invalid error if the zone is not a known IANA name.
    [[nodiscard]] static Result<WeeklySchedule> create(const QByteArray &ianaId);
    [[nodiscard]] static Result<WeeklySchedule> fromJson(const QJsonObject &json);
    [[nodiscard]] QJsonObject toJson() const;

    // Adds [start, end) to `day`; rejects an empty, reversed, out-of-range or overlapping interval.
    [[nodiscard]] Status addInterval(Qt::DayOfWeek day, LocalInterval interval);
    // Parses "HH:MM" pairs; "24:00" is allowed as the end only.
    [[nodiscard]] Status addInterval(Qt::DayOfWeek day, const QString &start, const QString &end);
    // A holiday or leave day: no working periods that date. Rejected if it is an extra working day.
    [[nodiscard]] Status addDayOff(QDate date);
    // `date` is worked with the hours of `like`, whatever its own weekday. Rejected if it is a day off.
    [[nodiscard]] Status addExtraWorkingDay(QDate date, Qt::DayOfWeek like);

    [[nodiscard]] const QTimeZone &timeZone() const { return m_zone; }
    [[nodiscard]] QList<LocalInterval> intervals(Qt::DayOfWeek day) const { return m_week[day - 1]; }
    // The intervals that apply on a local date, after days off and extra working days.
    [[nodiscard]] QList<LocalInterval> intervalsOn(QDate localDate) const;
    // True when there is no interval on any weekday and no extra working day.
    [[nodiscard]] bool isEmpty() const;

    // Whether `instant` (any time spec; converted to the schedule's zone) falls inside an interval.
    [[nodiscard]] bool isWorking(const QDateTime &instant) const;
    // `instant` itself when it is inside a working period; otherwise the UTC start of the next one.
    // An invalid QDateTime when there is none within 366 days (an empty schedule, or every day off).
    [[nodiscard]] QDateTime nextStart(const QDateTime &instant) const;

private:
    explicit WeeklySchedule(QTimeZone zone)
        : m_zone(std::move(zone))
    { }
    // The UTC instant at which local wall time `minute` on `date` is first reached (a start inside a
    // spring-forward gap begins when the gap ends).
    [[nodiscard]] QDateTime firstInstantAt(QDate date, int minute) const;

    QTimeZone m_zone;
    std::array<QList<LocalInterval>, 7> m_week; // index 0 = Monday
    std::set<QDate> m_daysOff;
    std::map<QDate, Qt::DayOfWeek> m_extraWorkingDays;
};

// "mon".."sun" and back; 0 for an unknown name.
[[nodiscard]] QString weekdayKey(Qt::DayOfWeek day);
[[nodiscard]] int weekdayFromKey(const QString &key);

} // namespace tandem::boundary
