// A file's size as the file cards write it (qml/content/FileSizes.js, whose translations it shares):
// units of 1024 named B, KB, MB, GB, TB, with one decimal under 10 ("3.0 KB", "12 MB").
#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <array>

namespace tandem::app {

inline QString fileSizeText(qint64 bytes)
{
    static constexpr std::array units {QT_TRANSLATE_NOOP("FileSizes", "B"),
        QT_TRANSLATE_NOOP("FileSizes", "KB"), QT_TRANSLATE_NOOP("FileSizes", "MB"),
        QT_TRANSLATE_NOOP("FileSizes", "GB"), QT_TRANSLATE_NOOP("FileSizes", "TB")};
    double value = double(bytes);
    size_t unit = 0;
    while (value >= 1024 && unit + 1 < units.size()) {
        value /= 1024;
        ++unit;
    }
    const QString number
        = unit == 0 ? QString::number(bytes) : QLocale().toString(value, 'f', value < 10 ? 1 : 0);
    return number + u' ' + QCoreApplication::translate("FileSizes", units[unit]);
}

} // namespace tandem::app
