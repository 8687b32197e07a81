#include "offdutyreporter.h"

#include "futurewatch.h"
#include "spaceboundary.h"

#include "boundary/schedule.h"
#include "sync/spacesync.h"

#include <QLoggingCategory>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcOffDuty, "tandem.app.offduty")

OffDutyReporter::OffDutyReporter(SpaceBoundaryController *boundary, sync::SpaceSync *sync, QObject *parent)
    : QObject(parent)
    , m_boundary(boundary)
    , m_sync(sync)
{
    connect(boundary, &SpaceBoundaryController::stateChanged, this, &OffDutyReporter::update);
    connect(boundary, &SpaceBoundaryController::scheduleChanged, this, &OffDutyReporter::update);
    connect(sync, &sync::SpaceSync::statusChanged, this, &OffDutyReporter::onStatus);
    // Queued: whoever made the reporter connects to `reported` first.
    QMetaObject::invokeMethod(
        this, [this] { onStatus(m_sync->status()); }, Qt::QueuedConnection);
}

void OffDutyReporter::onStatus(const sync::SyncStatus &status)
{
    const bool connected = status.state == sync::SyncState::Ready;
    if (connected == m_connected)
        return;
    m_connected = connected;
    // A new connection: what the server holds is unknown again, so the state is told once more.
    m_sent.reset();
    update();
}

void OffDutyReporter::update()
{
    if (!m_connected || !m_boundary || !m_boundary->loaded() || !m_boundary->work())
        return;
    State state;
    const QDateTime until = m_boundary->offUntil();
    if (m_boundary->offHours() && until.isValid()) {
        state.offDuty = true;
        state.offUntil = until.toMSecsSinceEpoch();
        const auto &hours = m_boundary->boundary().workHours;
        state.timeZone = hours ? QString::fromUtf8(hours->timeZone().id()) : QString();
    }
    if (m_sent == state)
        return;
    m_sent = state;
    auto queued = state.offDuty ? m_sync->setOffDuty(state.offUntil, state.timeZone) : m_sync->clearOffDuty();
    whenFinished(this, queued, [](const Result<sync::QueuedMutation> &r) {
        if (!r)
            qCWarning(lcOffDuty) << "cannot tell the server the off-duty state" << r.error().codeName();
    });
    qCInfo(lcOffDuty) << (state.offDuty ? "off duty until" : "back on duty") << state.offUntil;
    Q_EMIT reported(state.offDuty, state.offUntil, state.timeZone);
}

} // namespace tandem::app
