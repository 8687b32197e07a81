#include "typingtracker.h"

#include <algorithm>
#include <limits>

namespace tandem::sync {

TypingTracker::TypingTracker(QObject *parent)
    : QObject(parent)
    , m_timer(this)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TypingTracker::expire);
}

void TypingTracker::noticed(const QString &conversationId, const QString &userId, qint64 expiresInMs)
{
    const qint64 until = m_clock.elapsed() + std::max<qint64>(expiresInMs, 0);
    auto it = m_byConversation.find(conversationId);
    if (it == m_byConversation.end()) {
        if (m_byConversation.size() >= kMaxConversations)
            return;
        it = m_byConversation.insert(conversationId, {});
    }
    for (Typist &t : *it)
        if (t.userId == userId) {
            t.until = until; // the same people: no change to announce
            schedule();
            return;
        }
    if (it->size() >= kMaxPerConversation)
        return;
    it->append({userId, until});
    schedule();
    changed(conversationId);
}

void TypingTracker::messageFrom(const QString &conversationId, const QString &userId)
{
    auto it = m_byConversation.find(conversationId);
    if (it == m_byConversation.end())
        return;
    if (it->removeIf([&](const Typist &t) { return t.userId == userId; }) == 0)
        return;
    if (it->isEmpty())
        m_byConversation.erase(it);
    schedule();
    changed(conversationId);
}

void TypingTracker::clear()
{
    const QStringList conversations = m_byConversation.keys();
    m_byConversation.clear();
    m_timer.stop();
    for (const QString &c : conversations)
        Q_EMIT typingChanged(c, {});
}

QStringList TypingTracker::typing(const QString &conversationId) const
{
    QStringList out;
    for (const Typist &t : m_byConversation.value(conversationId))
        out << t.userId;
    return out;
}

void TypingTracker::expire()
{
    const qint64 now = m_clock.elapsed();
    QStringList touched;
    for (auto it = m_byConversation.begin(); it != m_byConversation.end();) {
        if (it->removeIf([now](const Typist &t) { return t.until <= now; }) > 0)
            touched << it.key();
        it = it->isEmpty() ? m_byConversation.erase(it) : std::next(it);
    }
    schedule();
    for (const QString &c : std::as_const(touched))
        changed(c);
}

void TypingTracker::schedule()
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const QList<Typist> &typists : std::as_const(m_byConversation))
        for (const Typist &t : typists)
            next = std::min(next, t.until);
    if (next == std::numeric_limits<qint64>::max()) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(next - m_clock.elapsed(), 0, 60000)));
}

void TypingTracker::changed(const QString &conversationId)
{
    Q_EMIT typingChanged(conversationId, typing(conversationId));
}

} // namespace tandem::sync
