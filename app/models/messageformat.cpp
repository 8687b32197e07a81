#include "messageformat.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QVariantMap>

#if __has_include("messagerenderer.h")
#include "messagerenderer.h"
#define TANDEM_HAVE_MESSAGE_RENDERER 1
#endif

namespace tandem::app::models {

using namespace Qt::StringLiterals;

QDate MessageFormat::localDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}

QString MessageFormat::shortTimeFormat(const QLocale &locale)
{
    // Some locales' short format has seconds (C and POSIX: HH:mm:ss); a chat stamp never needs them.
    static const QRegularExpression seconds(u"[:.]?s+"_s);
    return locale.timeFormat(QLocale::ShortFormat).remove(seconds).trimmed();
}

QString MessageFormat::timeText(qint64 ms)
{
    // The default locale follows the UI language (LanguageSettings), so it is read every time.
    const QLocale locale;
    return locale.toString(QDateTime::fromMSecsSinceEpoch(ms).time(), shortTimeFormat(locale));
}

QString MessageFormat::dayText(qint64 ms, const QDate &today)
{
    const QDate day = localDate(ms);
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    // The patterns are translated: Chinese writes 11月23日 星期一, English Monday 23 November.
    return QLocale().toString(day,
        day.year() == today.year() ? tr("dddd d MMMM", "date pattern within this year")
                                   : tr("dddd d MMMM yyyy", "date pattern for another year"));
}

QString MessageFormat::relativeTimeText(qint64 ms, qint64 nowMs)
{
    const qint64 seconds = (nowMs - ms) / 1000;
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    if (seconds < 7 * 86400)
        return tr("%n day(s) ago", nullptr, int(seconds / 86400));
    return dayText(ms, QDateTime::fromMSecsSinceEpoch(nowMs).date());
}

QVariantList MessageFormat::blocks(
    const QString &body, const QString &format, const QStringList &mentionNames)
{
#ifdef TANDEM_HAVE_MESSAGE_RENDERER
    return renderMessageBlocks(body, format, mentionNames, true);
#else
    Q_UNUSED(format)
    Q_UNUSED(mentionNames)
    // Bounded like the renderer's output: never more than 64 KiB of text.
    QString html = body.left(64 * 1024).toHtmlEscaped();
    html.replace(u'\n', u"<br>"_s);
    return {QVariantMap {{u"type"_s, u"text"_s}, {u"html"_s, html}}};
#endif
}

} // namespace tandem::app::models
