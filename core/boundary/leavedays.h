// Approved leave in the work schedule: when the store learns that a leave request of this account was
// approved, the working days of its date range become days off in the work space's schedule (the one
// boundarysettings keeps in the same store), and a ledger records which request added which days, so
// that a later state of the same request (withdrawn after approval, a snapshot that says otherwise)
// takes exactly those days out again. Called by the store writer inside the transaction that stores the
// request record, so the schedule and the approval can never disagree on disk.
//
// Whole days only: a date range has no half days, and a schedule's exceptions are whole dates. A half
// day would need an hours-level exception the schedule does not have; such a request is a whole day off.
#pragma once

#include "approvals/formschema.h"
#include "boundary/schedule.h"
#include "util/result.h"

#include <QMap>

namespace tandem::store {
class Database;
}

namespace tandem::boundary {

// Settings key of the ledger: {"<request id>": ["YYYY-MM-DD", ...]}.
inline constexpr const char *kLeaveDaysKey = "boundary.leave_days";

// The range a leave template asks for: the date_range its leave_days formula counts, else its first
// date_range field; empty for a template that is not of category leave.
[[nodiscard]] QString leaveRangeField(const approvals::Template &tpl);

// The dates of [start, end] on which `schedule` has hours (at most 366 days): what a leave takes off.
// An extra working day stays worked (the schedule refuses a date that is both).
[[nodiscard]] QList<QDate> leaveWorkingDays(const WeeklySchedule &schedule, QDate start, QDate end);

// Brings the work schedule's days off in line with request `requestId` as the store now holds it: an
// approved leave of this account claims its working days (added once; a day the person had off already
// is not claimed), any other state gives back the days it claimed (a day another approved leave also
// claims stays off). Idempotent: nothing is written when nothing changes. `systemZone` is the zone of
// the default schedule, used when the person never saved one.
[[nodiscard]] Status reconcileLeaveDays(
    store::Database &db, const QString &requestId, const QTimeZone &systemZone);

// The ledger: which request added which days.
[[nodiscard]] Result<QMap<QString, QList<QDate>>> leaveDaysByRequest(store::Database &db);

} // namespace tandem::boundary
