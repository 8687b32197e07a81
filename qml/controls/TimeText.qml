// Short time stamps for lists: the time today, the weekday this week, else the date; in the
// user's locale (24-hour where the locale uses it).
pragma Singleton
import QtQuick

QtObject {
    // The locale's short time without seconds (the C locale's short format has them), as
    // MessageFormat::shortTimeFormat does for the timeline. Asked each time: the language (and with it
    // the default locale) can change while the app runs.
    function shortTimeFormat(locale) {
        return locale.timeFormat(Locale.ShortFormat).replace(/[:.]?s+/g, "").trim()
    }

    function shortStamp(ms) {
        var d = new Date(ms)
        var now = new Date()
        var startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
        if (ms >= startOfToday)
            return d.toLocaleTimeString(Qt.locale(), shortTimeFormat(Qt.locale()))
        if (ms >= startOfToday - 6 * 86400000)
            return d.toLocaleDateString(Qt.locale(), "ddd")
        return d.toLocaleDateString(Qt.locale(), Locale.ShortFormat)
    }
    function fileSize(bytes) {
        if (bytes < 1024) return qsTr("%1 B").arg(bytes)
        if (bytes < 1024 * 1024) return qsTr("%1 KB").arg((bytes / 1024).toFixed(bytes < 10240 ? 1 : 0))
        if (bytes < 1024 * 1024 * 1024) return qsTr("%1 MB").arg((bytes / 1048576).toFixed(1))
        return qsTr("%1 GB").arg((bytes / 1073741824).toFixed(2))
    }
}
