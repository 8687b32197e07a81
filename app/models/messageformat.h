// How the models turn times and bodies into what QML shows: "14:05", "Today", "Monday 23 November",
// and a message's blocks (app/rendering when it is there, else one escaped text block).
#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace tandem::app::models {

class MessageFormat
{
    Q_DECLARE_TR_FUNCTIONS(MessageFormat)
public:
    // The local time of day, in the UI locale's short format without seconds (24-hour in zh_CN).
    [[nodiscard]] static QString timeText(qint64 ms);
    // The locale's short time format with any seconds taken out ("HH:mm:ss" becomes "HH:mm").
    [[nodiscard]] static QString shortTimeFormat(const QLocale &locale);
    // "Today", "Yesterday", else the weekday and date (with the year when it is not this year).
    [[nodiscard]] static QString dayText(qint64 ms, const QDate &today = QDate::currentDate());
    // "just now", "3 minutes ago", "2 hours ago", "4 days ago", then dayText(); translated with plurals.
    [[nodiscard]] static QString relativeTimeText(qint64 ms, qint64 nowMs);
    [[nodiscard]] static QDate localDate(qint64 ms);
    // The blocks role: rendered by app/rendering, else one text block of the escaped body.
    [[nodiscard]] static QVariantList blocks(
        const QString &body, const QString &format, const QStringList &mentionNames);
};

} // namespace tandem::app::models
