// A schedule as the settings screen edits it: one line of time ranges per weekday ("09:00-12:00,
// 13:00-18:00"; the gaps are breaks), a time zone, and the exceptions as lists of dates. Parsing it
// names the field and the text that is wrong, so the person can fix exactly that.
#pragma once

#include "boundary/schedule.h"

#include <array>

namespace tandem::boundary {

struct ScheduleForm
{
    QString timeZone; // IANA name
    std::array<QString, 7> week; // index 0 = Monday: "09:00-12:00, 13:00-18:00", empty = no hours
    QString daysOff; // "2026-10-01, 2026-10-02"
    QString extraDays; // "2026-10-10 fri, 2026-09-27 mon": the date, then whose hours it keeps
};

[[nodiscard]] Result<WeeklySchedule> parseScheduleForm(const ScheduleForm &form);
[[nodiscard]] ScheduleForm toScheduleForm(const WeeklySchedule &schedule);

} // namespace tandem::boundary
