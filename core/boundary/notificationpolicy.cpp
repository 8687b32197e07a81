#include "notificationpolicy.h"

#include "schedule.h"

namespace tandem::boundary {

Delivery decide(const IncomingEvent &event, const PolicyContext &context)
{
    // Rows as numbered in the header.
    if (event.urgent && event.urgentAllowed)
        return Delivery::NotifyNow; // 1
    const bool work = event.spaceKind == SpaceKind::Work;
    if (work && context.workHours && !context.workHours->isWorking(event.at))
        return Delivery::HoldForDigest; // 2
    if (event.level == NotifyLevel::Muted)
        return Delivery::BadgeOnly; // 3
    if (!work && context.quietHours && context.quietHours->isWorking(event.at))
        return Delivery::BadgeOnly; // 4
    if (context.focusOnOtherSpace)
        return Delivery::BadgeOnly; // 5
    if (event.level == NotifyLevel::Mentions && !(event.mentionsMe || event.direct || event.urgent))
        return Delivery::BadgeOnly; // 6
    return Delivery::NotifyNow; // 7
}

} // namespace tandem::boundary
