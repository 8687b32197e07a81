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
    space.selfId = session->userId();
    // The zone of the space's own schedule: "today" is the day where the work happens.
    if (const SpaceBoundaryController *b = session->boundary()) {
        if (const auto &schedule = b->boundary().edited())
            space.zone = schedule->timeZone();
    }
    return space;
}

} // namespace tandem::app
