// The boundary between work and life, for notifications: what one incoming event may do to the person at
// this moment. Pure (no event loop, no store, no clock of its own), so the app's notifier, the server and
// the tests all ask the same table.
#pragma once

#include <QDateTime>

namespace tandem::boundary {

class WeeklySchedule;

enum class Delivery {
    NotifyNow, // sound, popup and tray alert as the platform allows
    BadgeOnly, // counted in the unread badge of its space; no sound, no popup
    HoldForDigest, // kept silent and collected for the space's digest (work space outside its hours)
};

enum class SpaceKind { Work, Personal };
enum class NotifyLevel { All, Mentions, Muted };

struct IncomingEvent
{
    SpaceKind spaceKind = SpaceKind::Work;
    NotifyLevel level = NotifyLevel::All; // the conversation's setting
    bool mentionsMe = false;
    bool direct = false; // a direct (one-to-one) message
    bool urgent = false; // the sender marked it urgent
    bool urgentAllowed = false; // the recipient's rule lets this sender break through (decided elsewhere)
    QDateTime at; // when it arrived, UTC (any spec works: schedules convert)
};

struct PolicyContext
{
    const WeeklySchedule *workHours = nullptr; // work spaces: when the person works; null = no limit
    const WeeklySchedule *quietHours = nullptr; // personal spaces: when it is quiet; null = never quiet
    bool focusOnOtherSpace = false; // the person is in focus on a space other than the event's
};

// The table, first matching row wins ("breaks through" = urgent && urgentAllowed):
//
//  # | condition                                               | delivery
//  --+---------------------------------------------------------+--------------
//  1 | breaks through                                          | NotifyNow
//  2 | work space, outside workHours                           | HoldForDigest
//  3 | level muted                                             | BadgeOnly
//  4 | personal space, inside quietHours                       | BadgeOnly
//  5 | focus on another space                                  | BadgeOnly
//  6 | level mentions, and not (mentionsMe or direct or urgent)| BadgeOnly
//  7 | otherwise                                               | NotifyNow
//
// Why this order: an allowed urgent message is the one promise that outranks every quiet setting (1). A work
// space off hours makes no sound, popup or tray alert at all, even for a muted conversation, so the digest
// is all it gets (2). Muted, quiet hours and focus all keep the count but stay silent (3-5). "Mentions
// only" still lets through what is addressed to the person: a mention, a direct message, or an urgent one
// whose sender is not on the break-through list (6). Focus never holds a work event for the digest: the
// person is at work, only busy elsewhere.
[[nodiscard]] Delivery decide(const IncomingEvent &event, const PolicyContext &context);

} // namespace tandem::boundary
