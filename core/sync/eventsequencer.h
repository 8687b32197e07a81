// Puts a space's events in order (docs/protocol.md §4.3-§4.4): the event after the cursor is applied,
// events at or below it are duplicates and dropped, later ones wait in a bounded buffer until the gap
// closes. Pure logic, no I/O: the connection decides when to wait and when to fetch.
#pragma once

#include "protocol/serverframes.h"

#include <map>

namespace tandem::sync {

class EventSequencer
{
public:
    // `cursor`: the last event applied (or queued to be applied).
    void reset(qint64 cursor)
    {
        m_cursor = cursor;
        m_buffer.clear();
    }
    [[nodiscard]] qint64 cursor() const { return m_cursor; }
    [[nodiscard]] bool hasGap() const { return !m_buffer.empty(); }
    [[nodiscard]] qint64 buffered() const { return qint64(m_buffer.size()); }
    void clearBuffer() { m_buffer.clear(); }

    // Takes one frame's events; returns those that now follow the cursor without a gap (buffered ones
    // included), and advances the cursor past them. When the buffer would hold more than `maxBuffered`
    // events it is dropped whole and `overflow` is set: the caller fetches at once (§4.4 step 1).
    QList<protocol::Event> offer(const QList<protocol::Event> &events, qint64 maxBuffered, bool *overflow)
    {
        *overflow = false;
        QList<protocol::Event> ready;
        for (const protocol::Event &e : events) {
            if (e.seq <= m_cursor)
                continue; // a duplicate
            if (e.seq == m_cursor + 1) {
                ready.append(e);
                m_cursor = e.seq;
                drain(ready);
            } else {
                m_buffer.emplace(e.seq, e);
            }
        }
        if (qint64(m_buffer.size()) > maxBuffered) {
            m_buffer.clear();
            *overflow = true;
        }
        return ready;
    }

private:
    void drain(QList<protocol::Event> &ready)
    {
        while (!m_buffer.empty()) {
            auto first = m_buffer.begin();
            if (first->first <= m_cursor) {
                m_buffer.erase(first); // became a duplicate
                continue;
            }
            if (first->first != m_cursor + 1)
                return;
            ready.append(first->second);
            m_cursor = first->first;
            m_buffer.erase(first);
        }
    }

    qint64 m_cursor = 0;
    std::map<qint64, protocol::Event> m_buffer;
};

} // namespace tandem::sync
