// Where a space keeps its boundary: the work hours of a work space and the quiet hours of a personal
// space, as WeeklySchedule JSON in the space's own encrypted store (the `settings` table), so that they
// never leave the space and are wiped with it. Called on the store thread only.
#pragma once

#include "boundary/notificationpolicy.h"
#include "boundary/schedule.h"
#include "util/result.h"

#include <optional>

namespace tandem::store {
class Database;
}

namespace tandem::boundary {

inline constexpr const char *kWorkHoursKey = "boundary.work_hours";
inline constexpr const char *kQuietHoursKey = "boundary.quiet_hours";
// The end (ms since the epoch, UTC) of the last catch-up digest the person was shown.
inline constexpr const char *kDigestSeenKey = "boundary.digest_seen_at";

// Monday to Friday 09:00–12:00 and 13:00–18:00 in `zone`: what a new work space starts with.
[[nodiscard]] WeeklySchedule defaultWorkSchedule(const QTimeZone &zone);

// A space's boundary as the policy needs it. A work space always has work hours (the default until the
// person saves their own); a personal space has quiet hours only once the person sets some.
struct SpaceBoundary
{
    SpaceKind kind = SpaceKind::Work;
    std::optional<WeeklySchedule> workHours;
    std::optional<WeeklySchedule> quietHours;
    bool customised = false; // the schedule shown is the person's own, not the default
    qint64 digestSeenAt = 0;

    [[nodiscard]] PolicyContext policy(bool focusOnOtherSpace) const;
    // The schedule the settings screen edits: work hours for work, quiet hours for personal.
    [[nodiscard]] const std::optional<WeeklySchedule> &edited() const
    {
        return kind == SpaceKind::Work ? workHours : quietHours;
    }
};

// Reads the space's boundary; `systemZone` is the default schedule's zone. A stored schedule that no
// longer parses (a zone removed from the system's database) is an error naming the setting.
[[nodiscard]] Result<SpaceBoundary> loadSpaceBoundary(
    store::Database &db, SpaceKind kind, const QTimeZone &systemZone);
// Stores the schedule the settings screen edits (work hours or quiet hours by `kind`); nullopt clears it
// (a work space returns to the default, a personal space has no quiet hours).
[[nodiscard]] Status saveSchedule(
    store::Database &db, SpaceKind kind, const std::optional<WeeklySchedule> &schedule);
[[nodiscard]] Status saveDigestSeenAt(store::Database &db, qint64 at);

} // namespace tandem::boundary
