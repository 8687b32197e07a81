// Urgent messages re-notify until acknowledged (issue 5, docs/protocol.md §6.9): every few minutes the
// space's urgent messages to this account from the last day that it has not acknowledged are offered to
// the notifier again, through the same path as new arrivals (so the policy's "breaks through" applies).
#pragma once

#include "platform/notifier.h"

#include "util/result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tandem::store {
class StoreThread;
class SpaceStore;
} // namespace tandem::store

namespace tandem::app {

struct ArrivalQuery;

// The unacknowledged urgent messages to `query.self` created after `query.since` (store thread).
[[nodiscard]] Result<QList<IncomingMessage>> readUnacknowledgedUrgent(
    store::SpaceStore &store, const ArrivalQuery &query);

class UrgentReminder : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 3 * 60 * 1000;

    UrgentReminder(store::StoreThread *store, const ArrivalQuery &query, int intervalMs = kIntervalMs,
        QObject *parent = nullptr);

    // Reads now and emits `remind` when any are waiting (the timer calls it).
    void check();

Q_SIGNALS:
    void remind(const QList<tandem::app::IncomingMessage> &messages);

private:
    QPointer<store::StoreThread> m_store;
    QString m_self, m_spaceId, m_spaceName, m_spaceKind;
    QTimer m_timer;
    bool m_reading = false;
};

} // namespace tandem::app
