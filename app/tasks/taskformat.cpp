#include "taskformat.h"

#include <QLocale>

namespace tandem::app {

using namespace Qt::StringLiterals;

QString TaskText::status(const QString &status)
{
    if (status == u"open"_s)
        return tr("Open");
    if (status == u"in_progress"_s)
        return tr("In progress");
    if (status == u"done"_s)
        return tr("Done");
    if (status == u"cancelled"_s)
        return tr("Cancelled");
    return status;
}

QString TaskText::priority(int priority)
{
    switch (priority) {
    case 1:
        return tr("Low");
    case 2:
        return tr("Medium");
    case 3:
        return tr("High");
    default:
        return {};
    }
}

QString TaskText::due(qint64 dueAt, qint64 nowMs, const QTimeZone &zone)
{
    const QDateTime due = QDateTime::fromMSecsSinceEpoch(dueAt, zone);
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    const QLocale locale;
    const QString time = locale.toString(due.time(), u"HH:mm"_s);
    const qint64 days = today.daysTo(due.date());
    if (days == 0)
        return tr("Today %1").arg(time);
    if (days == 1)
        return tr("Tomorrow %1").arg(time);
    if (days == -1)
        return tr("Yesterday %1").arg(time);
    if (days > 1 && days < 7)
        return u"%1 %2"_s.arg(locale.toString(due.date(), u"ddd"_s), time);
    return u"%1 %2"_s.arg(locale.toString(due.date(), QLocale::ShortFormat), time);
}

Result<std::optional<qint64>> parseTaskDue(
    const QString &dateText, const QString &timeText, const QTimeZone &zone)
{
    const QString d = dateText.trimmed();
    const QString t = timeText.trimmed();
    if (d.isEmpty() && t.isEmpty())
        return std::optional<qint64>();
    if (d.isEmpty())
        return Error::make(
            ErrorCode::Invalid, TaskText::tr("Give a due date for the time %1, such as 2026-12-01.").arg(t));
    const QDate date = QDate::fromString(d, u"yyyy-MM-dd"_s);
    if (!date.isValid())
        return Error::make(ErrorCode::Invalid,
            TaskText::tr("“%1” is not a date. Write the due date as year-month-day, such as 2026-12-01.")
                .arg(d));
    QTime time(kDefaultDueHour, 0);
    if (!t.isEmpty()) {
        time = QTime::fromString(t, u"H:mm"_s);
        if (!time.isValid())
            return Error::make(ErrorCode::Invalid,
                TaskText::tr("“%1” is not a time. Write the due time as hours:minutes, such as 17:30.")
                    .arg(t));
    }
    return std::optional<qint64>(QDateTime(date, time, zone).toMSecsSinceEpoch());
}

Status checkTaskTitle(const QString &title)
{
    const QString t = title.trimmed();
    if (t.isEmpty())
        return Error::make(ErrorCode::Invalid, TaskText::tr("Give the task a title."));
    if (t.contains(u'\n'))
        return Error::make(ErrorCode::Invalid, TaskText::tr("A task title is one line."));
    if (t.size() > 256)
        return Error::make(ErrorCode::Invalid,
            TaskText::tr("A task title has at most 256 characters (this one has %1).").arg(t.size()));
    return {};
}

} // namespace tandem::app
