#include "scheduleform.h"

#include "util/i18n.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tandem::boundary {

namespace {

// One literal each, so that lupdate reads them whole.
const char *const kUnknownZone = QT_TRANSLATE_NOOP(
    "tandem::schedule", "Unknown time zone “%1”: use a name such as Asia/Shanghai or Europe/London.");
const char *const kNotARange = QT_TRANSLATE_NOOP("tandem::schedule",
    "%1: “%2” is not a time range. Write ranges such as 09:00-12:00, separated by commas.");
const char *const kNotADate = QT_TRANSLATE_NOOP(
    "tandem::schedule", "Days off: “%1” is not a date. Write dates as YYYY-MM-DD, such as 2026-10-01.");
const char *const kNotAnExtraDay = QT_TRANSLATE_NOOP(
    "tandem::schedule", "Extra working days: “%1” should be a date and a weekday, such as 2026-10-10 fri.");

QString trMessage(const char *source)
{
    return QCoreApplication::translate("tandem::schedule", source);
}

QString dayName(int index)
{
    static const char *const names[] = {QT_TRANSLATE_NOOP("tandem::schedule", "Monday"),
        QT_TRANSLATE_NOOP("tandem::schedule", "Tuesday"), QT_TRANSLATE_NOOP("tandem::schedule", "Wednesday"),
        QT_TRANSLATE_NOOP("tandem::schedule", "Thursday"), QT_TRANSLATE_NOOP("tandem::schedule", "Friday"),
        QT_TRANSLATE_NOOP("tandem::schedule", "Saturday"), QT_TRANSLATE_NOOP("tandem::schedule", "Sunday")};
    return QCoreApplication::translate("tandem::schedule", names[index]);
}

QStringList items(const QString &text)
{
    QStringList out;
    for (const QString &part :
        text.split(QRegularExpression(QStringLiteral("[,;，；\\n]")), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out << trimmed;
    }
    return out;
}

Error invalid(const QString &message)
{
    return Error::make(ErrorCode::Invalid, message);
}

} // namespace

Result<WeeklySchedule> parseScheduleForm(const ScheduleForm &form)
{
    const QString zone = form.timeZone.trimmed();
    if (zone.isEmpty())
        return invalid(trCore("tandem::schedule", "Choose a time zone, such as Asia/Shanghai."));
    auto made = WeeklySchedule::create(zone.toUtf8());
    if (!made)
        return invalid(trMessage(kUnknownZone).arg(zone));
    WeeklySchedule schedule = std::move(*made);
    // "09:00-12:00", with a hyphen, en dash or tilde, spaces allowed around it.
    static const QRegularExpression range(
        QStringLiteral("^(\\d{1,2}:\\d{2})\\s*[-–~～至]\\s*(\\d{1,2}:\\d{2})$"));
    for (int day = 0; day < 7; ++day) {
        for (const QString &item : items(form.week[std::size_t(day)])) {
            const QRegularExpressionMatch m = range.match(item);
            if (!m.hasMatch())
                return invalid(trMessage(kNotARange).arg(dayName(day), item));
            auto pad = [](const QString &t) { return t.size() == 4 ? QLatin1Char('0') + t : t; };
            const Status added
                = schedule.addInterval(Qt::DayOfWeek(day + 1), pad(m.captured(1)), pad(m.captured(2)));
            if (!added)
                return invalid(trCore("tandem::schedule", "%1: %2").arg(dayName(day), added.error().message));
        }
    }
    for (const QString &item : items(form.daysOff)) {
        const QDate date = QDate::fromString(item, Qt::ISODate);
        if (!date.isValid() || item.size() != 10)
            return invalid(trMessage(kNotADate).arg(item));
        const Status added = schedule.addDayOff(date);
        if (!added)
            return invalid(trCore("tandem::schedule", "Days off: %1").arg(added.error().message));
    }
    static const QRegularExpression extra(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})\\s+([a-z]{3})$"));
    for (const QString &item : items(form.extraDays)) {
        const QRegularExpressionMatch m = extra.match(item.toLower());
        const QDate date = m.hasMatch() ? QDate::fromString(m.captured(1), Qt::ISODate) : QDate();
        const int like = m.hasMatch() ? weekdayFromKey(m.captured(2)) : 0;
        if (!date.isValid() || like == 0)
            return invalid(trMessage(kNotAnExtraDay).arg(item));
        const Status added = schedule.addExtraWorkingDay(date, Qt::DayOfWeek(like));
        if (!added)
            return invalid(trCore("tandem::schedule", "Extra working days: %1").arg(added.error().message));
    }
    return schedule;
}

ScheduleForm toScheduleForm(const WeeklySchedule &schedule)
{
    ScheduleForm form;
    form.timeZone = QString::fromUtf8(schedule.timeZone().id());
    for (int day = 0; day < 7; ++day) {
        QStringList ranges;
        for (const LocalInterval &i : schedule.intervals(Qt::DayOfWeek(day + 1)))
            ranges << i.toString().replace(QChar(0x2013), QLatin1Char('-'));
        form.week[std::size_t(day)] = ranges.join(QStringLiteral(", "));
    }
    // The exceptions come back from the JSON form, which lists them in date order.
    const QJsonObject json = schedule.toJson();
    QStringList daysOff;
    for (const QJsonValue &v : json.value(QStringLiteral("daysOff")).toArray())
        daysOff << v.toString();
    form.daysOff = daysOff.join(QStringLiteral(", "));
    QStringList extra;
    for (const QJsonValue &v : json.value(QStringLiteral("extraWorkingDays")).toArray()) {
        const QJsonObject o = v.toObject();
        extra << o.value(QStringLiteral("date")).toString() + QLatin1Char(' ')
                + o.value(QStringLiteral("like")).toString();
    }
    form.extraDays = extra.join(QStringLiteral(", "));
    return form;
}

} // namespace tandem::boundary
