#include "timeformat.h"

#include <QDateTime>
#include <QJsonValue>
#include <QRegularExpression>

#include <cmath>

namespace tandemctl {

namespace {

// Years 1970 to 9999 keep every time positive and well inside a double's exact integers.
constexpr qint64 kMaxMs = 253402300799999;

std::optional<qint64> inRange(qint64 ms)
{
    if (ms < 0 || ms > kMaxMs)
        return std::nullopt;
    return ms;
}

} // namespace

std::optional<qint64> timestampFromJson(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (!std::isfinite(d) || d != std::floor(d) || d < 0 || d > double(kMaxMs))
            return std::nullopt;
        return qint64(d);
    }
    if (!value.isString())
        return std::nullopt;
    QDateTime t = QDateTime::fromString(value.toString().trimmed(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return inRange(t.toMSecsSinceEpoch());
}

std::optional<qint64> timestampFromArgument(const QString &text, DateBound bound)
{
    const QString s = text.trimmed();
    static const QRegularExpression digitsOnly(QStringLiteral("^[0-9]{9,}$"));
    if (digitsOnly.match(s).hasMatch()) {
        bool ok = false;
        const qint64 ms = s.toLongLong(&ok);
        return ok ? inRange(ms) : std::nullopt;
    }
    const QDate day = QDate::fromString(s, Qt::ISODate);
    if (day.isValid() && s.size() == 10) {
        const QDate start = bound == DateBound::End ? day.addDays(1) : day;
        return inRange(start.startOfDay().toMSecsSinceEpoch());
    }
    const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return inRange(t.toMSecsSinceEpoch());
}

QString formatLocalTime(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace tandemctl
