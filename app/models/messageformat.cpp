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
    static const QString format = shortTimeFormat(QLocale::system());
    return QLocale::system().toString(QDateTime::fromMSecsSinceEpoch(ms).time(), format);
}

QString MessageFormat::dayText(qint64 ms, const QDate &today)
{
    const QDate day = localDate(ms);
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    const QLocale locale = QLocale::system();
    return day.year() == today.year() ? locale.toString(day, u"dddd d MMMM"_s)
                                      : locale.toString(day, u"dddd d MMMM yyyy"_s);
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
