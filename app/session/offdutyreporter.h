// Tells the server when a work space is off hours (docs/protocol.md §6.10): presence.set off_duty with
// the start of the next working period and the schedule's zone when the space's SpaceBoundary goes off
// hours, online when it comes back. Sent once per change while connected, and once again after every
// reconnect (a restarted server may have forgotten the chosen status, §6.6); never while offline, so the
// outbox does not collect stale statuses.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace tandem::sync {
class SpaceSync;
struct SyncStatus;
} // namespace tandem::sync

namespace tandem::app {

class SpaceBoundaryController;

class OffDutyReporter : public QObject
{
    Q_OBJECT
public:
    // Both outlive the reporter (the space session owns them).
    OffDutyReporter(SpaceBoundaryController *boundary, sync::SpaceSync *sync, QObject *parent = nullptr);

    // Sends the current state when it differs from the last one sent on this connection.
    void update();

Q_SIGNALS:
    // A presence.set was queued: off duty until `offUntil` (ms, UTC) in `timeZone`, or back (false).
    void reported(bool offDuty, qint64 offUntil, const QString &timeZone);

private:
    struct State
    {
        bool offDuty = false;
        qint64 offUntil = 0;
        QString timeZone;
        bool operator==(const State &) const = default;
    };
    void onStatus(const sync::SyncStatus &status);

    QPointer<SpaceBoundaryController> m_boundary;
    sync::SpaceSync *m_sync;
    bool m_connected = false;
    std::optional<State> m_sent; // on this connection
};

} // namespace tandem::app
