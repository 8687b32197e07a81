#include "relativetime.h"

#include "messageformat.h"

#include <QDateTime>
#include <QTimer>

namespace tandem::app::models {

RelativeTime::RelativeTime(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_now(m_clock())
    , m_timer(new QTimer(this))
{
    // A minute is the finest step the texts have ("just now", then minutes).
    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &RelativeTime::advance);
    m_timer->start();
}

QString RelativeTime::text(double ms, double nowMs) const
{
    return MessageFormat::relativeTimeText(qint64(ms), qint64(nowMs));
}

void RelativeTime::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    advance();
}

void RelativeTime::advance()
{
    m_now = m_clock();
    Q_EMIT tick();
}

} // namespace tandem::app::models
