#include "schedule.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace tandem::boundary {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kSearchDays = 366;

Error invalid(const QString &message)
{
    return Error::make(ErrorCode::Invalid, message);
}

QString formatMinute(int minute)
{
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

// "HH:MM" to minutes since midnight; 24:00 only when `allowEndOfDay`. -1 when malformed.
int parseMinute(const QString &text, bool allowEndOfDay)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{2}):([0-9]{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return -1;
    const int hours = match.captured(1).toInt();
    const int minutes = match.captured(2).toInt();
    if (minutes > 59 || hours > 24)
        return -1;
    if (hours == 24 && (minutes != 0 || !allowEndOfDay))
        return -1;
    return hours * 60 + minutes;
}

Result<QDate> parseDate(const QJsonValue &value, const QString &where)
{
    const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
    if (!value.isString() || !date.isValid() || value.toString().size() != 10)
        return invalid(
            QStringLiteral("%1 must be a date written YYYY-MM-DD, such as 2026-10-01.").arg(where));
    return date;
}

const QString kWeekdayHint = QStringLiteral("use mon, tue, wed, thu, fri, sat or sun");

} // namespace

QString LocalInterval::toString() const
{
    return formatMinute(startMinute) + QChar(0x2013) + formatMinute(endMinute);
}

QString weekdayKey(Qt::DayOfWeek day)
{
    static const std::array<QString, 7> keys
        = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
            QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
    return keys[static_cast<size_t>(day) - 1];
}

int weekdayFromKey(const QString &key)
{
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        if (weekdayKey(static_cast<Qt::DayOfWeek>(day)) == key)
            return day;
    }
    return 0;
}

Result<WeeklySchedule> WeeklySchedule::create(const QByteArray &ianaId)
{
    if (ianaId.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(ianaId))
        return invalid(
            QStringLiteral("Unknown time zone \u201c%1\u201d: use an IANA name such as Asia/Shanghai "
                           "or Europe/London.")
                .arg(QString::fromUtf8(ianaId)));
    QTimeZone zone(ianaId);
    if (!zone.isValid())
        return invalid(
            QStringLiteral("The time zone \u201c%1\u201d could not be loaded from the system's time "
                           "zone database.")
                .arg(QString::fromUtf8(ianaId)));
    return WeeklySchedule(std::move(zone));
}

Status WeeklySchedule::addInterval(Qt::DayOfWeek day, LocalInterval interval)
{
    if (day < Qt::Monday || day > Qt::Sunday)
        return invalid(QStringLiteral("Weekday %1 does not exist: %2.").arg(int(day)).arg(kWeekdayHint));
    const QString dayName = weekdayKey(day);
    if (interval.startMinute < 0 || interval.startMinute >= kMinutesPerDay || interval.endMinute <= 0
        || interval.endMinute > kMinutesPerDay)
        return invalid(QStringLiteral("On %1 an interval must lie between 00:00 and 24:00.").arg(dayName));
    if (interval.endMinute <= interval.startMinute)
        return invalid(
            QStringLiteral("On %1 the interval %2 ends before it starts. An interval may not cross "
                           "midnight: split it into %3\u201324:00 on %1 and 00:00\u2013%4 on the next day.")
                .arg(dayName, interval.toString(), formatMinute(interval.startMinute),
                    formatMinute(interval.endMinute)));
    QList<LocalInterval> &list = m_week[static_cast<size_t>(day) - 1];
    for (const LocalInterval &other : list) {
        if (interval.startMinute < other.endMinute && other.startMinute < interval.endMinute)
            return invalid(QStringLiteral("On %1 the intervals %2 and %3 overlap: merge them or leave a gap.")
                               .arg(dayName, other.toString(), interval.toString()));
    }
    list.append(interval);
    std::sort(list.begin(), list.end(),
        [](const LocalInterval &a, const LocalInterval &b) { return a.startMinute < b.startMinute; });
    return {};
}

Status WeeklySchedule::addInterval(Qt::DayOfWeek day, const QString &start, const QString &end)
{
    const int startMinute = parseMinute(start, false);
    if (startMinute < 0)
        return invalid(
            QStringLiteral("The start time \u201c%1\u201d is not a time: write HH:MM between 00:00 and "
                           "23:59.")
                .arg(start));
    const int endMinute = parseMinute(end, true);
    if (endMinute < 0)
        return invalid(
            QStringLiteral("The end time \u201c%1\u201d is not a time: write HH:MM between 00:01 and "
                           "24:00.")
                .arg(end));
    return addInterval(day, LocalInterval {startMinute, endMinute});
}

Status WeeklySchedule::addDayOff(QDate date)
{
    if (!date.isValid())
        return invalid(QStringLiteral("A day off must be a valid date."));
    if (m_extraWorkingDays.count(date))
        return invalid(QStringLiteral("%1 is both a day off and an extra working day: keep one.")
                           .arg(date.toString(Qt::ISODate)));
    m_daysOff.insert(date);
    return {};
}

Status WeeklySchedule::addExtraWorkingDay(QDate date, Qt::DayOfWeek like)
{
    if (!date.isValid())
        return invalid(QStringLiteral("An extra working day must be a valid date."));
    if (like < Qt::Monday || like > Qt::Sunday)
        return invalid(
            QStringLiteral("An extra working day must follow the hours of a weekday: %1.").arg(kWeekdayHint));
    if (m_daysOff.count(date))
        return invalid(QStringLiteral("%1 is both a day off and an extra working day: keep one.")
                           .arg(date.toString(Qt::ISODate)));
    m_extraWorkingDays[date] = like;
    return {};
}

QList<LocalInterval> WeeklySchedule::intervalsOn(QDate localDate) const
{
    if (m_daysOff.count(localDate))
        return {};
    if (const auto extra = m_extraWorkingDays.find(localDate); extra != m_extraWorkingDays.end())
        return intervals(extra->second);
    return intervals(static_cast<Qt::DayOfWeek>(localDate.dayOfWeek()));
}

bool WeeklySchedule::isEmpty() const
{
    // An extra working day can only add hours if the weekday it follows has some.
    return std::all_of(
        m_week.begin(), m_week.end(), [](const QList<LocalInterval> &l) { return l.isEmpty(); });
}

bool WeeklySchedule::isWorking(const QDateTime &instant) const
{
    if (!instant.isValid())
        return false;
    const QDateTime local = instant.toTimeZone(m_zone);
    const int second = local.time().msecsSinceStartOfDay() / 1000;
    const QList<LocalInterval> today = intervalsOn(local.date());
    return std::any_of(today.begin(), today.end(), [second](const LocalInterval &interval) {
        return second >= interval.startMinute * 60 && second < interval.endMinute * 60;
    });
}

QDateTime WeeklySchedule::firstInstantAt(QDate date, int minute) const
{
    const QTime wallTime(minute / 60, minute % 60);
    const QDateTime candidate(date, wallTime, m_zone);
    const QDateTime back = candidate.toTimeZone(m_zone);
    if (candidate.isValid() && back.date() == date && back.time() == wallTime)
        return candidate.toUTC();
    // The wall time does not exist (a spring-forward gap): the period begins when the clocks jump.
    const QDateTime before(date.addDays(-1), QTime(12, 0), m_zone);
    const QTimeZone::OffsetData transition = m_zone.nextTransition(before);
    if (transition.atUtc.isValid() && transition.atUtc.toTimeZone(m_zone).date() == date)
        return transition.atUtc.toUTC();
    return {};
}

QDateTime WeeklySchedule::nextStart(const QDateTime &instant) const
{
    if (!instant.isValid() || isEmpty())
        return {};
    if (isWorking(instant))
        return instant.toUTC();
    const QDate today = instant.toTimeZone(m_zone).date();
    for (int offset = 0; offset <= kSearchDays; ++offset) {
        const QDate date = today.addDays(offset);
        for (const LocalInterval &interval : intervalsOn(date)) {
            const QDateTime start = firstInstantAt(date, interval.startMinute);
            // An interval lying wholly inside a gap never happens on that date.
            if (start.isValid() && start > instant && isWorking(start))
                return start;
        }
    }
    return {};
}

QJsonObject WeeklySchedule::toJson() const
{
    QJsonObject week;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        const QList<LocalInterval> &list = m_week[static_cast<size_t>(day) - 1];
        if (list.isEmpty())
            continue;
        QJsonArray array;
        for (const LocalInterval &interval : list) {
            array.append(QJsonObject {{QStringLiteral("start"), formatMinute(interval.startMinute)},
                {QStringLiteral("end"), formatMinute(interval.endMinute)}});
        }
        week.insert(weekdayKey(static_cast<Qt::DayOfWeek>(day)), array);
    }
    QJsonArray daysOff;
    for (const QDate &date : m_daysOff)
        daysOff.append(date.toString(Qt::ISODate));
    QJsonArray extra;
    for (const auto &[date, like] : m_extraWorkingDays) {
        extra.append(QJsonObject {{QStringLiteral("date"), date.toString(Qt::ISODate)},
            {QStringLiteral("like"), weekdayKey(like)}});
    }
    QJsonObject json {
        {QStringLiteral("timeZone"), QString::fromUtf8(m_zone.id())}, {QStringLiteral("week"), week}};
    if (!daysOff.isEmpty())
        json.insert(QStringLiteral("daysOff"), daysOff);
    if (!extra.isEmpty())
        json.insert(QStringLiteral("extraWorkingDays"), extra);
    return json;
}

Result<WeeklySchedule> WeeklySchedule::fromJson(const QJsonObject &json)
{
    static const QStringList known = {QStringLiteral("timeZone"), QStringLiteral("week"),
        QStringLiteral("daysOff"), QStringLiteral("extraWorkingDays")};
    for (const QString &key : json.keys()) {
        if (!known.contains(key))
            return invalid(
                QStringLiteral("Unknown schedule field \u201c%1\u201d: the fields are timeZone, week, "
                               "daysOff and extraWorkingDays.")
                    .arg(key));
    }
    const QJsonValue zoneValue = json.value(QStringLiteral("timeZone"));
    if (!zoneValue.isString() || zoneValue.toString().isEmpty())
        return invalid(QStringLiteral("A schedule needs a timeZone, an IANA name such as Asia/Shanghai."));
    auto schedule = create(zoneValue.toString().toUtf8());
    if (!schedule)
        return schedule.error();

    const QJsonValue weekValue = json.value(QStringLiteral("week"));
    if (!weekValue.isUndefined() && !weekValue.isObject())
        return invalid(QStringLiteral("week must be an object of weekdays (mon\u2026sun), each a list of "
                                      "{\"start\": \"HH:MM\", \"end\": \"HH:MM\"}."));
    const QJsonObject week = weekValue.toObject();
    for (auto it = week.begin(); it != week.end(); ++it) {
        const int day = weekdayFromKey(it.key());
        if (day == 0)
            return invalid(
                QStringLiteral("Unknown weekday \u201c%1\u201d in week: %2.").arg(it.key(), kWeekdayHint));
        if (!it.value().isArray())
            return invalid(
                QStringLiteral("week.%1 must be a list of {\"start\": \"HH:MM\", \"end\": \"HH:MM\"}.")
                    .arg(it.key()));
        for (const QJsonValue &entry : it.value().toArray()) {
            const QJsonObject interval = entry.toObject();
            const QJsonValue start = interval.value(QStringLiteral("start"));
            const QJsonValue end = interval.value(QStringLiteral("end"));
            if (!entry.isObject() || !start.isString() || !end.isString() || interval.size() != 2)
                return invalid(
                    QStringLiteral("Each interval in week.%1 must be {\"start\": \"HH:MM\", \"end\": "
                                   "\"HH:MM\"} and nothing else.")
                        .arg(it.key()));
            TANDEM_TRY(
                schedule->addInterval(static_cast<Qt::DayOfWeek>(day), start.toString(), end.toString()));
        }
    }

    const QJsonValue daysOffValue = json.value(QStringLiteral("daysOff"));
    if (!daysOffValue.isUndefined() && !daysOffValue.isArray())
        return invalid(QStringLiteral("daysOff must be a list of dates written YYYY-MM-DD."));
    for (const QJsonValue &value : daysOffValue.toArray()) {
        auto date = parseDate(value, QStringLiteral("Each entry of daysOff"));
        if (!date)
            return date.error();
        TANDEM_TRY(schedule->addDayOff(*date));
    }

    const QJsonValue extraValue = json.value(QStringLiteral("extraWorkingDays"));
    if (!extraValue.isUndefined() && !extraValue.isArray())
        return invalid(
            QStringLiteral("extraWorkingDays must be a list of {\"date\": \"YYYY-MM-DD\", \"like\": "
                           "\"mon\"}."));
    for (const QJsonValue &value : extraValue.toArray()) {
        const QJsonObject entry = value.toObject();
        auto date = parseDate(
            entry.value(QStringLiteral("date")), QStringLiteral("The date of an extra working day"));
        if (!date)
            return date.error();
        const int like = weekdayFromKey(entry.value(QStringLiteral("like")).toString());
        if (like == 0)
            return invalid(QStringLiteral("The extra working day %1 must say which weekday's hours it keeps "
                                          "(\"like\"): %2.")
                               .arg(date->toString(Qt::ISODate), kWeekdayHint));
        TANDEM_TRY(schedule->addExtraWorkingDay(*date, static_cast<Qt::DayOfWeek>(like)));
    }
    return schedule;
}

} // namespace tandem::boundary
