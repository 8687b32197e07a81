#include "taskspace.h"

#include "spaceboundary.h"
#include "spacesession.h"

namespace tandem::app {

TaskSpace taskSpaceOf(const SpaceSession *session)
{
    TaskSpace space;
    if (!session || !session->store())
        return space;
    space.store = session->store();
    space.sync = session->spaceSync();
    space.files = session->files();
    space.selfId = session->userId();
    // The zone of the space's own schedule: "today" is the day where the work happens.
    if (const SpaceBoundaryController *b = session->boundary()) {
        if (const auto &schedule = b->boundary().edited())
            space.zone = schedule->timeZone();
    }
    return space;
}

bool followSession(QObject *owner, QPointer<SpaceSession> &current, SpaceSession *session,
    const std::function<void()> &attach)
{
    if (current == session)
        return false;
    if (current)
        QObject::disconnect(current, nullptr, owner, nullptr);
    current = session;
    if (current) {
        QObject::connect(current, &SpaceSession::modelsChanged, owner, attach);
        QObject::connect(current, &SpaceSession::opened, owner, attach);
    }
    attach();
    return true;
}

} // namespace tandem::app
