#include "hlc.h"

#include "protocol/fields.h"

#include <algorithm>

namespace tandem::tasks {

namespace {

constexpr qint64 kPhysicalMax = 9999999999999LL; // 13 digits

// Keeps a (physical, counter) pair within the format: a counter past 99999 carries into physical.
void carry(qint64 &physical, int &counter)
{
    if (counter > kHlcCounterMax) {
        physical += 1;
        counter = 0;
    }
}

std::optional<qint64> digits(QStringView s, qsizetype width)
{
    if (s.size() != width)
        return std::nullopt;
    qint64 v = 0;
    for (QChar ch : s) {
        if (ch < u'0' || ch > u'9')
            return std::nullopt;
        v = v * 10 + (ch.unicode() - u'0');
    }
    return v;
}

} // namespace

QString Hlc::toString() const
{
    return QStringLiteral("%1-%2-%3")
        .arg(std::clamp<qint64>(physical, 0, kPhysicalMax), 13, 10, QLatin1Char('0'))
        .arg(std::clamp(counter, 0, kHlcCounterMax), 5, 10, QLatin1Char('0'))
        .arg(deviceId);
}

std::optional<Hlc> Hlc::parse(const QString &s)
{
    // Fixed widths: "ppppppppppppp-ccccc-" is 20 characters, then the device id.
    if (s.size() < 21 || s.at(13) != u'-' || s.at(19) != u'-')
        return std::nullopt;
    const auto physical = digits(QStringView(s).left(13), 13);
    const auto counter = digits(QStringView(s).mid(14, 5), 5);
    const QString device = s.mid(20);
    if (!physical || !counter || (!protocol::isDeviceId(device) && device != kServerDeviceId))
        return std::nullopt;
    return Hlc {*physical, int(*counter), device};
}

Hlc HlcClock::issue(qint64 now, const QString &deviceId)
{
    const qint64 l = std::max(physical, now);
    int c = l == physical ? counter + 1 : 0;
    qint64 p = l;
    carry(p, c);
    physical = p;
    counter = c;
    return Hlc {physical, counter, deviceId};
}

void HlcClock::receive(const Hlc &seen, qint64 now)
{
    const qint64 l = std::max({physical, seen.physical, now});
    int c = 0;
    if (l == physical && l == seen.physical)
        c = std::max(counter, seen.counter) + 1;
    else if (l == physical)
        c = counter + 1;
    else if (l == seen.physical)
        c = seen.counter + 1;
    qint64 p = l;
    carry(p, c);
    physical = p;
    counter = c;
}

QString HlcClock::toState() const
{
    return QStringLiteral("%1-%2").arg(physical).arg(counter);
}

HlcClock HlcClock::fromState(const QString &s)
{
    const qsizetype dash = s.indexOf(u'-');
    if (dash <= 0)
        return {};
    bool okP = false;
    bool okC = false;
    const qint64 p = s.left(dash).toLongLong(&okP);
    const int c = s.mid(dash + 1).toInt(&okC);
    if (!okP || !okC || p < 0 || c < 0 || c > kHlcCounterMax)
        return {};
    return HlcClock {p, c};
}

} // namespace tandem::tasks
