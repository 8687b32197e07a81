// Reconnect delays with "full jitter" (docs/protocol.md §3.10): a random wait between 0 and b, where b
// starts at the base, doubles after each failed attempt up to the cap, and returns to the base once a
// connection has been ready for a while. Seeded, so tests see the same waits every run.
#pragma once

#include <QRandomGenerator>

namespace tandem::sync {

class Backoff
{
public:
    Backoff(qint64 baseMs, qint64 capMs, quint32 seed)
        : m_baseMs(baseMs)
        , m_capMs(capMs)
        , m_boundMs(baseMs)
        , m_random(seed)
    { }

    // The wait before the next attempt, at least `atLeastMs` (an error's retry_after_ms); doubles the bound.
    qint64 next(qint64 atLeastMs = 0)
    {
        const qint64 wait = qint64(m_random.bounded(quint64(m_boundMs) + 1));
        m_boundMs = std::min(m_capMs, m_boundMs * 2);
        return std::max(wait, atLeastMs);
    }
    void reset() { m_boundMs = m_baseMs; }
    [[nodiscard]] qint64 bound() const { return m_boundMs; }

private:
    qint64 m_baseMs;
    qint64 m_capMs;
    qint64 m_boundMs;
    QRandomGenerator m_random;
};

} // namespace tandem::sync
