// The manager dashboard's figures (issue 6), each one SQL query over the approval tables of schema
// version 3, run on the store thread (StoreThread::read). Results are plain structs; nothing here knows
// about QML.
//
// Who "my team" is: the requests filed by anyone who reports to me, directly or down the chain of
// users.manager_id, together with every request in which I am or was an approver on some step (an
// approver outside the chain, such as finance, sees what passes through them). Drafts are never part
// of it. The filter then narrows that set by requester, template and submission date.
//
// The team figures read a snapshot: the first figure asked for a person (and UTC offset) copies their
// team's requests and decided steps into temporary tables of the connection, and every later figure and
// filter scans those (issue 6's budget: 100 ms per filter over 100,000 requests). Call refreshTeam()
// when approval data has changed. The waiting list always reads the live tables.
//
// Definitions the figures share (tests/approvals/tst_dashboardqueries.cpp checks each against a plain
// C++ computation):
//   - a decision is a request that ended approved or rejected; its time to decision is decided_at -
//     submitted_at; returned and withdrawn requests are not decisions;
//   - a pending request's age is now - submitted_at;
//   - a template's SLA (sla_hours, NULL: none) is breached by a pending request older than it and by a
//     decision that took longer than it;
//   - medians of an even count are the mean of the two middle values, rounded down to the millisecond;
//   - weeks are ISO 8601 weeks of the local time `utcOffsetMs` away from UTC.
#pragma once

#include "store/spacestore.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tandem::approvals {

struct DashboardFilter
{
    QString me; // the signed-in user's id
    QStringList people; // requester ids; empty: everyone in the team
    QStringList templateIds; // empty: every type
    qint64 submittedFromMs = 0; // submitted at or after; 0: no bound
    qint64 submittedToMs = 0; // submitted before; 0: no bound
    qint64 nowMs = 0; // the time ages are measured at
    qint64 utcOffsetMs = 0; // for the weeks of throughput

    bool operator==(const DashboardFilter &) const = default;
};

// A request waiting on `me`: pending, with an active step where I am an approver who has not decided.
struct WaitingRequest
{
    QString id;
    QString title;
    QString templateId;
    QString templateName;
    QString requesterId;
    QString requesterName;
    qint64 amountMinor = 0;
    bool hasAmount = false;
    QString currency;
    qint64 submittedAt = 0;
    qint64 waitingSince = 0; // when the step reached me (its started_at; else submitted_at)
    int stepPosition = 0;
    qint64 slaDueAt = 0; // submitted_at + sla_hours; 0: no SLA

    bool operator==(const WaitingRequest &) const = default;
};

struct StateTypeCount
{
    QString templateId;
    QString templateName;
    QString state; // pending, approved, rejected, returned, withdrawn
    int count = 0;

    bool operator==(const StateTypeCount &) const = default;
};

// Pending requests by age: under one day, one to three days, three to seven, more than seven.
struct AgingBuckets
{
    int underOneDay = 0;
    int oneToThreeDays = 0;
    int threeToSevenDays = 0;
    int overSevenDays = 0;

    bool operator==(const AgingBuckets &) const = default;
};

struct SlaBreaches
{
    QString templateId;
    QString templateName;
    int slaHours = 0;
    int pendingBreached = 0; // still pending, older than the SLA
    int decidedLate = 0; // decided after more than the SLA
    int measured = 0; // pending and decided requests of this template in the filter

    bool operator==(const SlaBreaches &) const = default;
};

struct DecisionTime
{
    QString templateId; // empty: every type together
    QString templateName;
    int decisions = 0;
    qint64 medianMs = 0;

    bool operator==(const DecisionTime &) const = default;
};

struct WeekThroughput
{
    QString week; // "2026-W07"
    int submitted = 0; // submitted that week
    int decided = 0; // decided (approved or rejected) that week

    bool operator==(const WeekThroughput &) const = default;
};

struct StepDuration
{
    QString templateId;
    QString templateName;
    int position = 0;
    int decided = 0; // decided steps measured
    qint64 medianMs = 0; // started_at to decided_at

    bool operator==(const StepDuration &) const = default;
};

// Everything the dashboard shows at once, for one filter.
struct DashboardFigures
{
    QList<WaitingRequest> waiting;
    QList<StateTypeCount> byStateAndType;
    AgingBuckets aging;
    QList<SlaBreaches> sla;
    DecisionTime decisionTime; // every type together
    QList<DecisionTime> decisionTimeByType;
    QList<WeekThroughput> throughput; // oldest week first
    QList<StepDuration> slowestSteps; // slowest first
};

class DashboardQueries
{
public:
    // Counts by state and type, aging and SLA breaches, from one query.
    struct Summary
    {
        QList<StateTypeCount> byStateAndType;
        AgingBuckets aging;
        QList<SlaBreaches> sla;
    };

    // How many slowest steps are listed.
    static constexpr int kSlowestSteps = 10;

    // Oldest first (by waitingSince, then submittedAt, then id). Filtered by people, type and date, not
    // by team: whatever waits on me is mine to decide.
    [[nodiscard]] static Result<QList<WaitingRequest>> waitingOnMe(
        store::SpaceStore &store, const DashboardFilter &f);
    [[nodiscard]] static Result<Summary> summary(store::SpaceStore &store, const DashboardFilter &f);
    // Team requests by state and template, ordered by template name then state.
    [[nodiscard]] static Result<QList<StateTypeCount>> byStateAndType(
        store::SpaceStore &store, const DashboardFilter &f);
    [[nodiscard]] static Result<AgingBuckets> aging(store::SpaceStore &store, const DashboardFilter &f);
    // One entry per template that has an SLA and at least one measured request, by template name.
    [[nodiscard]] static Result<QList<SlaBreaches>> slaBreaches(
        store::SpaceStore &store, const DashboardFilter &f);
    [[nodiscard]] static Result<DecisionTime> medianDecisionTime(
        store::SpaceStore &store, const DashboardFilter &f);
    // One entry per template with a decision, by template name.
    [[nodiscard]] static Result<QList<DecisionTime>> medianDecisionTimeByType(
        store::SpaceStore &store, const DashboardFilter &f);
    [[nodiscard]] static Result<QList<WeekThroughput>> throughputPerWeek(
        store::SpaceStore &store, const DashboardFilter &f);
    // The step positions of each template with the longest median duration, slowest first.
    [[nodiscard]] static Result<QList<StepDuration>> slowestSteps(
        store::SpaceStore &store, const DashboardFilter &f, int limit = kSlowestSteps);
    // Copies the team of f.me again (after approval data changed).
    [[nodiscard]] static Status refreshTeam(store::SpaceStore &store, const DashboardFilter &f);
    [[nodiscard]] static Result<DashboardFigures> all(store::SpaceStore &store, const DashboardFilter &f);

    // The team requests the filter shows, as CSV (RFC 4180: CRLF line ends, fields quoted when they hold
    // a comma, quote or line break). Text that a spreadsheet would run as a formula (starting with =, +,
    // -, @, tab or carriage return) is prefixed with an apostrophe. Amounts are decimal, times ISO 8601
    // in local time. Headers are translated (context "tandem::approvals").
    [[nodiscard]] static Result<QByteArray> csv(store::SpaceStore &store, const DashboardFilter &f);
};

// One CSV field, quoted and defused as csv() does (exposed for tests).
[[nodiscard]] QString csvField(const QString &text);

} // namespace tandem::approvals
