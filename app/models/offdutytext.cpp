#include "offdutytext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace tandem::app {

using namespace Qt::StringLiterals;

namespace {

QString at(qint64 ms, const QTimeZone &zone, const QDateTime &now)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms, zone);
    // 24-hour times, as the schedule is written; the weekday when it is not today in that zone.
    if (when.date() == now.toTimeZone(zone).date())
        return when.toString(u"HH:mm"_s);
    return QLocale().toString(when, u"ddd HH:mm"_s);
}

} // namespace

OffDutyTimes offDutyTimes(qint64 offUntil, const QString &timeZone, const QDateTime &now)
{
    const QTimeZone mine = now.timeZone().isValid() ? now.timeZone() : QTimeZone::systemTimeZone();
    QTimeZone theirs = timeZone.isEmpty() ? mine : QTimeZone(timeZone.toUtf8());
    if (!theirs.isValid())
        theirs = mine;
    OffDutyTimes out;
    out.theirs = at(offUntil, theirs, now);
    out.yours = at(offUntil, mine, now);
    out.sameTime = out.theirs == out.yours;
    return out;
}

QString offDutyText(qint64 offUntil, const QString &timeZone, const QDateTime &now)
{
    if (offUntil <= 0)
        return QCoreApplication::translate("tandem::app::OffDuty", "Off duty");
    const OffDutyTimes t = offDutyTimes(offUntil, timeZone, now);
    if (t.sameTime)
        return QCoreApplication::translate("tandem::app::OffDuty", "Off until %1").arg(t.theirs);
    return QCoreApplication::translate("tandem::app::OffDuty", "Off until %1 (your time %2)")
        .arg(t.theirs, t.yours);
}

QString scheduleChoiceText(qint64 offUntil, const QString &timeZone, const QDateTime &now)
{
    const OffDutyTimes t = offDutyTimes(offUntil, timeZone, now);
    if (t.sameTime)
        return QCoreApplication::translate("tandem::app::OffDuty", "Schedule for %1").arg(t.theirs);
    return QCoreApplication::translate("tandem::app::OffDuty", "Schedule for %1 their time (%2 yours)")
        .arg(t.theirs, t.yours);
}

} // namespace tandem::app
