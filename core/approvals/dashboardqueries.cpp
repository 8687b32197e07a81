#include "dashboardqueries.h"

#include "util/i18n.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>
#include <tuple>

namespace tandem::approvals {

Q_LOGGING_CATEGORY(lcDashboard, "tandem.approvals.dashboard")

using namespace Qt::StringLiterals;
using store::Statement;

// Declares `var` as the value of a Result-returning expression, or returns its error.
#define TANDEM_DASH_GET(var, expr)                                                                           \
    auto var##Result_ = (expr);                                                                              \
    if (!var##Result_)                                                                                       \
        return var##Result_.error();                                                                         \
    auto &var = *var##Result_

namespace {

// The team's requests and their decided steps, copied once into temporary tables (in memory, per
// connection) with the few columns the figures read: the figures and every later filter then scan those
// instead of the encrypted approval tables. `reports` follows users.manager_id down from me (UNION, not
// UNION ALL, so a cycle in the data ends). ?1 me.
//
// The copy reads one narrow covering index (schema version 10) from end to end, in id order, so that no
// request's wide page with its title and form is decrypted, and so that the team comes out in id order:
// the steps are then looked up in the order approval_steps keeps them, and each of its pages is decrypted
// once. Sought by requester instead, the same lookups jump around approval_steps, and with the app's page
// cache (4 MiB, SpaceStore::kInteractiveCacheKiB) most pages were decrypted again and again: 100,000
// requests, team and steps 208 ms that way, 80 ms this way (tests/bench/benchdashboard.cpp).
// Medians are aggregates in the store: tandem_median() (store/medianfunction.h) for the team's, and
// tandem_group_medians() (store/groupfunctions.h) per type or step. An earlier version kept the durations
// in sorted copies to walk to their middle rows, and making those copies cost more than half of a cold
// open; SQLite's window functions were slower still.
constexpr std::string_view kTeamDdl
    = "CREATE TEMP TABLE IF NOT EXISTS dash_team (id TEXT, template_id TEXT,"
      " requester_id TEXT, state TEXT, submitted_at INTEGER, decided_at INTEGER);"
      "CREATE TEMP TABLE IF NOT EXISTS dash_steps (template_id TEXT, position INTEGER, d INTEGER,"
      " requester_id TEXT, submitted_at INTEGER);"
      "CREATE TEMP TABLE IF NOT EXISTS dash_built (me TEXT);"
      "DELETE FROM temp.dash_team; DELETE FROM temp.dash_steps; DELETE FROM temp.dash_built;";

constexpr std::string_view kTeamFillSql
    = "WITH RECURSIVE reports(id) AS ("
      " SELECT id FROM users WHERE manager_id = ?1"
      " UNION SELECT u.id FROM users u JOIN reports ON u.manager_id = reports.id)"
      " INSERT INTO temp.dash_team SELECT r.id, r.template_id, r.requester_id, r.state, r.submitted_at,"
      " r.decided_at FROM approval_requests r INDEXED BY approval_requests_by_id_for_dashboard"
      " WHERE r.state <> 'draft' AND (r.requester_id IN reports"
      "  OR r.id IN (SELECT request_id FROM approval_step_approvers WHERE user_id = ?1))";

constexpr std::string_view kStepsFillSql
    = "INSERT INTO temp.dash_steps SELECT x.template_id, s.position, s.decided_at - s.started_at,"
      " x.requester_id, x.submitted_at FROM temp.dash_team x JOIN approval_steps s ON s.request_id = x.id"
      " WHERE s.state IN ('approved', 'rejected') AND s.started_at IS NOT NULL AND s.decided_at IS NOT NULL";

constexpr std::string_view kBuiltSql = "INSERT INTO temp.dash_built VALUES (?1)";
constexpr std::string_view kBuiltForSql = "SELECT me FROM temp.dash_built";

// Parameters every figure binds: ?1 me, ?2 people (JSON array or NULL), ?3 template ids (same), ?4 from,
// ?5 to (NULL: no bound), ?6 now, ?7 the UTC offset in ms. A query may add ?8. `team` is the filtered
// set of requests the figures are about (see the header).
#define TANDEM_TEAM_CTE                                                                                      \
    "WITH team AS (SELECT * FROM temp.dash_team r WHERE"                                                     \
    " (?2 IS NULL OR r.requester_id IN (SELECT value FROM json_each(?2)))"                                   \
    " AND (?3 IS NULL OR r.template_id IN (SELECT value FROM json_each(?3)))"                                \
    " AND (?4 IS NULL OR r.submitted_at >= ?4) AND (?5 IS NULL OR r.submitted_at < ?5))"

// The filters alone, for a request `r` (the waiting list is not limited to the team).
#define TANDEM_FILTER_WHERE                                                                                  \
    " (?2 IS NULL OR r.requester_id IN (SELECT value FROM json_each(?2)))"                                   \
    " AND (?3 IS NULL OR r.template_id IN (SELECT value FROM json_each(?3)))"                                \
    " AND (?4 IS NULL OR r.submitted_at >= ?4) AND (?5 IS NULL OR r.submitted_at < ?5)"

#define TANDEM_TEMPLATE_NAME " COALESCE(tandem_localized(t.name, t.name_i18n), x.template_id)"

// My undecided approver rows, tested against the steps active now (a partial index of a few hundred rows,
// schema version 11) before any request is read: CROSS JOIN keeps that order, which the planner would
// otherwise turn around, reading a request's wide page for each of my undecided rows, most of them on
// steps that never became active.
constexpr std::string_view kWaitingSql
    = "SELECT r.id, r.title, r.template_id, COALESCE(tandem_localized(t.name, t.name_i18n), r.template_id), "
      "r.requester_id,"
      " COALESCE(NULLIF(u.display_name, ''), u.user_name, r.requester_id), r.amount_minor, r.currency,"
      " COALESCE(r.submitted_at, 0), COALESCE(s.started_at, r.submitted_at, 0) AS since, MIN(s.position),"
      " t.sla_hours"
      " FROM approval_step_approvers a"
      " CROSS JOIN approval_steps s INDEXED BY approval_steps_active"
      "  ON s.request_id = a.request_id AND s.position = a.position"
      " CROSS JOIN approval_requests r ON r.id = a.request_id"
      " LEFT JOIN approval_templates t ON t.id = r.template_id"
      " LEFT JOIN users u ON u.id = r.requester_id"
      " WHERE a.user_id = ?1 AND a.decision IS NULL AND s.state = 'active' AND r.state = 'pending' "
      "AND" TANDEM_FILTER_WHERE " GROUP BY r.id ORDER BY since, r.submitted_at, r.id";

// Counts, aging and SLA in one pass over the team, per template and state; summary() folds the rows.
// The groups are made by hashing (store/groupfunctions.h): GROUP BY sorted all the team's rows to form a
// few dozen groups, and that sort was half of the query.
constexpr std::string_view kSummarySql = TANDEM_TEAM_CTE
    ", g AS (SELECT tandem_group_sums(2, x.template_id, x.state,"
    " x.state = 'pending' AND ?6 - x.submitted_at < 86400000,"
    " x.state = 'pending' AND ?6 - x.submitted_at >= 86400000 AND ?6 - x.submitted_at < 259200000,"
    " x.state = 'pending' AND ?6 - x.submitted_at >= 259200000 AND ?6 - x.submitted_at < 604800000,"
    " x.state = 'pending' AND ?6 - x.submitted_at >= 604800000,"
    " x.state = 'pending' AND ?6 - x.submitted_at > t.sla_hours * 3600000,"
    " x.state IN ('approved', 'rejected') AND x.decided_at - x.submitted_at > t.sla_hours * 3600000,"
    " x.submitted_at IS NOT NULL"
    "  AND (x.state = 'pending' OR (x.state IN ('approved', 'rejected') AND x.decided_at IS NOT NULL)))"
    " AS groups FROM team x LEFT JOIN approval_templates t ON t.id = x.template_id)"
    " SELECT e.value ->> 0 AS template_id,"
    " COALESCE(tandem_localized(t.name, t.name_i18n), e.value ->> 0) AS name, e.value ->> 1 AS state,"
    " e.value ->> 2, e.value ->> 3, e.value ->> 4, e.value ->> 5, e.value ->> 6, t.sla_hours,"
    " e.value ->> 7, e.value ->> 8, e.value ->> 9"
    " FROM g, json_each(g.groups) e LEFT JOIN approval_templates t ON t.id = e.value ->> 0"
    " ORDER BY name, template_id, state";

// Decision times: from submission to the final decision, of the team's decided requests.
#define TANDEM_DECIDED                                                                                       \
    " FROM team WHERE state IN ('approved', 'rejected') AND decided_at IS NOT NULL"                          \
    " AND submitted_at IS NOT NULL"
constexpr std::string_view kDecisionMedianSql
    = TANDEM_TEAM_CTE " SELECT COUNT(*), tandem_median(decided_at - submitted_at)" TANDEM_DECIDED;
constexpr std::string_view kDecisionMedianByTypeSql = TANDEM_TEAM_CTE
    " SELECT e.value ->> 0, e.value ->> 1, e.value ->> 2"
    " FROM (SELECT tandem_group_medians(1, template_id, decided_at - submitted_at) AS groups" TANDEM_DECIDED
    ") g, json_each(g.groups) e";
constexpr std::string_view kStepMediansSql
    = "SELECT e.value ->> 0, e.value ->> 1, e.value ->> 2, e.value ->> 3"
      " FROM (SELECT tandem_group_medians(2, template_id, position, d) AS groups FROM temp.dash_steps r"
      " WHERE" TANDEM_FILTER_WHERE ") g, json_each(g.groups) e";
constexpr std::string_view kTemplateNamesSql
    = "SELECT id, tandem_localized(name, name_i18n) FROM approval_templates";

// Weeks as whole weeks since the Monday before the epoch (1970-01-01 was a Thursday), in local time;
// isoWeek() names them. Integer arithmetic: strftime per row cost more than the rest of the query. One
// pass counts both weeks of each request, grouped by hashing (see kSummarySql); the few weeks are then
// merged.
constexpr std::string_view kThroughputSql = TANDEM_TEAM_CTE
    ", w AS MATERIALIZED (SELECT"
    " tandem_group_sums(1, ((submitted_at + ?7) / 86400000 + 3) / 7) FILTER (WHERE submitted_at IS NOT NULL)"
    "  AS submitted,"
    " tandem_group_sums(1, ((decided_at + ?7) / 86400000 + 3) / 7)"
    "  FILTER (WHERE state IN ('approved', 'rejected') AND decided_at IS NOT NULL) AS decided FROM team)"
    " SELECT week, SUM(submitted), SUM(decided) FROM ("
    " SELECT e.value ->> 0 AS week, e.value ->> 1 AS submitted, 0 AS decided FROM w, json_each(w.submitted) e"
    " UNION ALL SELECT e.value ->> 0, 0, e.value ->> 1 FROM w, json_each(w.decided) e)"
    " GROUP BY week ORDER BY week";

constexpr std::string_view kCsvSql = TANDEM_TEAM_CTE
    " SELECT x.id," TANDEM_TEMPLATE_NAME ", q.title,"
    " COALESCE(NULLIF(u.display_name, ''), u.user_name, x.requester_id), x.state, q.amount_minor,"
    " q.currency, x.submitted_at, x.decided_at, q.current_step"
    " FROM team x JOIN approval_requests q ON q.id = x.id"
    " LEFT JOIN approval_templates t ON t.id = x.template_id"
    " LEFT JOIN users u ON u.id = x.requester_id"
    " ORDER BY x.submitted_at, x.id";

#undef TANDEM_TEAM_CTE
#undef TANDEM_DECIDED
#undef TANDEM_FILTER_WHERE
#undef TANDEM_TEMPLATE_NAME

void bindList(Statement &st, int index, const QStringList &ids)
{
    if (ids.isEmpty()) {
        st.bindNull(index);
        return;
    }
    st.bindUtf8(
        index, QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact).toStdString());
}

Status buildTeam(store::SpaceStore &store, const QString &me)
{
    auto &db = store.db();
    TANDEM_TRY(db.exec(kTeamDdl));
    for (std::string_view sql : {kTeamFillSql, kBuiltSql}) {
        auto st = db.cached(sql);
        if (!st)
            return st.error();
        TANDEM_TRY((*st)->bind(1, me).exec());
    }
    return db.exec(kStepsFillSql);
}

// Builds the team tables unless they are there for this person and offset already.
Status ensureTeam(store::SpaceStore &store, const DashboardFilter &f)
{
    auto exists = store.db().queryInt("SELECT COUNT(*) FROM sqlite_temp_master WHERE name = 'dash_built'");
    if (!exists)
        return exists.error();
    if (*exists > 0) {
        auto st = store.db().cached(kBuiltForSql);
        if (!st)
            return st.error();
        bool same = false;
        TANDEM_TRY((*st)->forEachRow([&](const Statement &r) { same = r.text(0) == f.me; }));
        if (same)
            return {};
    }
    return buildTeam(store, f.me);
}

Result<Statement *> prepared(store::SpaceStore &store, std::string_view sql, const DashboardFilter &f)
{
    if (sql.data() != kWaitingSql.data()) // the waiting list reads the live tables
        TANDEM_TRY(ensureTeam(store, f));
    auto st = store.db().cached(sql);
    if (!st)
        return st.error();
    Statement &s = **st;
    s.bind(1, f.me);
    bindList(s, 2, f.people);
    bindList(s, 3, f.templateIds);
    if (f.submittedFromMs > 0)
        s.bind(4, f.submittedFromMs);
    else
        s.bindNull(4);
    if (f.submittedToMs > 0)
        s.bind(5, f.submittedToMs);
    else
        s.bindNull(5);
    s.bind(6, f.nowMs);
    s.bind(7, f.utcOffsetMs);
    return &s;
}

Result<QHash<QString, QString>> templateNames(store::SpaceStore &store)
{
    auto st = store.db().cached(kTemplateNamesSql);
    if (!st)
        return st.error();
    QHash<QString, QString> out;
    TANDEM_TRY((*st)->forEachRow([&](const Statement &r) { out.insert(r.text(0), r.text(1)); }));
    return out;
}

// "2026-W07" for the week `index` weeks after the Monday 1969-12-29.
QString isoWeek(qint64 index)
{
    int year = 0;
    const int week = QDate(1970, 1, 1).addDays(index * 7 - 3).weekNumber(&year);
    return u"%1-W%2"_s.arg(year).arg(week, 2, 10, QChar(u'0'));
}

QString decimalAmount(qint64 minor)
{
    const bool negative = minor < 0;
    const quint64 magnitude = negative ? 0 - quint64(minor) : quint64(minor);
    return (negative ? u"-"_s : QString()) + QString::number(magnitude / 100) + u'.'
        + u"%1"_s.arg(uint(magnitude % 100), 2, 10, QChar(u'0'));
}

QString localIso(const Statement &r, int column, qint64 offsetMs)
{
    if (r.isNull(column))
        return {};
    return QDateTime::fromMSecsSinceEpoch(r.int64(column), Qt::OffsetFromUTC, int(offsetMs / 1000))
        .toString(Qt::ISODate);
}

} // namespace

QString csvField(const QString &text)
{
    QString out = text;
    // A cell starting with one of these is run as a formula by spreadsheet apps (OWASP "CSV injection").
    if (!out.isEmpty()
        && (out.front() == u'=' || out.front() == u'+' || out.front() == u'-' || out.front() == u'@'
            || out.front() == u'\t' || out.front() == u'\r'))
        out.prepend(u'\'');
    if (out.contains(u',') || out.contains(u'"') || out.contains(u'\n') || out.contains(u'\r')) {
        out.replace(u"\""_s, u"\"\""_s);
        out = u'"' + out + u'"';
    }
    return out;
}

Result<QList<WaitingRequest>> DashboardQueries::waitingOnMe(
    store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(st, prepared(store, kWaitingSql, f));
    QList<WaitingRequest> out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        WaitingRequest w;
        w.id = r.text(0);
        w.title = r.text(1);
        w.templateId = r.text(2);
        w.templateName = r.text(3);
        w.requesterId = r.text(4);
        w.requesterName = r.text(5);
        w.hasAmount = !r.isNull(6);
        w.amountMinor = w.hasAmount ? r.int64(6) : 0;
        w.currency = r.text(7);
        w.submittedAt = r.int64(8);
        w.waitingSince = r.int64(9);
        w.stepPosition = int(r.int64(10));
        w.slaDueAt = r.isNull(11) || r.int64(11) <= 0 ? 0 : w.submittedAt + r.int64(11) * 3600000;
        out.append(w);
    }));
    return out;
}

Result<DashboardQueries::Summary> DashboardQueries::summary(
    store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(st, prepared(store, kSummarySql, f));
    Summary out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        out.byStateAndType.append({r.text(0), r.text(1), r.text(2), int(r.int64(3))});
        out.aging.underOneDay += int(r.int64(4));
        out.aging.oneToThreeDays += int(r.int64(5));
        out.aging.threeToSevenDays += int(r.int64(6));
        out.aging.overSevenDays += int(r.int64(7));
        const int slaHours = r.isNull(8) ? 0 : int(r.int64(8));
        const int measured = int(r.int64(11));
        if (slaHours <= 0 || measured == 0)
            return;
        // Rows come by template name and id, so one template's states are next to each other.
        if (out.sla.isEmpty() || out.sla.last().templateId != r.text(0))
            out.sla.append({r.text(0), r.text(1), slaHours, 0, 0, 0});
        SlaBreaches &b = out.sla.last();
        b.pendingBreached += int(r.int64(9));
        b.decidedLate += int(r.int64(10));
        b.measured += measured;
    }));
    return out;
}

Result<QList<StateTypeCount>> DashboardQueries::byStateAndType(
    store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(s, summary(store, f));
    return s.byStateAndType;
}

Result<AgingBuckets> DashboardQueries::aging(store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(s, summary(store, f));
    return s.aging;
}

Result<QList<SlaBreaches>> DashboardQueries::slaBreaches(store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(s, summary(store, f));
    return s.sla;
}

Result<DecisionTime> DashboardQueries::medianDecisionTime(store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(st, prepared(store, kDecisionMedianSql, f));
    DecisionTime out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        out.decisions = int(r.int64(0));
        out.medianMs = r.int64(1); // NULL (no decisions) reads as 0
    }));
    return out;
}

Result<QList<DecisionTime>> DashboardQueries::medianDecisionTimeByType(
    store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(names, templateNames(store));
    TANDEM_DASH_GET(st, prepared(store, kDecisionMedianByTypeSql, f));
    QList<DecisionTime> out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        const QString id = r.text(0);
        out.append({id, names.value(id, id), int(r.int64(1)), r.int64(2)});
    }));
    std::sort(out.begin(), out.end(), [](const DecisionTime &a, const DecisionTime &b) {
        return std::tie(a.templateName, a.templateId) < std::tie(b.templateName, b.templateId);
    });
    return out;
}

Result<QList<WeekThroughput>> DashboardQueries::throughputPerWeek(
    store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(st, prepared(store, kThroughputSql, f));
    QList<WeekThroughput> out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        out.append({isoWeek(r.int64(0)), int(r.int64(1)), int(r.int64(2))});
    }));
    return out;
}

Result<QList<StepDuration>> DashboardQueries::slowestSteps(
    store::SpaceStore &store, const DashboardFilter &f, int limit)
{
    TANDEM_DASH_GET(names, templateNames(store));
    TANDEM_DASH_GET(st, prepared(store, kStepMediansSql, f));
    QList<StepDuration> out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        const QString id = r.text(0);
        out.append({id, names.value(id, id), int(r.int64(1)), int(r.int64(2)), r.int64(3)});
    }));
    std::sort(out.begin(), out.end(), [](const StepDuration &a, const StepDuration &b) {
        return std::make_tuple(-a.medianMs, a.templateId, a.position)
            < std::make_tuple(-b.medianMs, b.templateId, b.position);
    });
    return out.mid(0, limit);
}

Status DashboardQueries::refreshTeam(store::SpaceStore &store, const DashboardFilter &f)
{
    return buildTeam(store, f.me);
}

Result<DashboardFigures> DashboardQueries::all(store::SpaceStore &store, const DashboardFilter &f)
{
    DashboardFigures out;
    TANDEM_DASH_GET(waiting, waitingOnMe(store, f));
    TANDEM_DASH_GET(sums, summary(store, f));
    TANDEM_DASH_GET(median, medianDecisionTime(store, f));
    TANDEM_DASH_GET(medians, medianDecisionTimeByType(store, f));
    TANDEM_DASH_GET(weeks, throughputPerWeek(store, f));
    TANDEM_DASH_GET(steps, slowestSteps(store, f));
    out.waiting = std::move(waiting);
    out.byStateAndType = std::move(sums.byStateAndType);
    out.aging = sums.aging;
    out.sla = std::move(sums.sla);
    out.decisionTime = median;
    out.decisionTimeByType = std::move(medians);
    out.throughput = std::move(weeks);
    out.slowestSteps = std::move(steps);
    return out;
}

Result<QByteArray> DashboardQueries::csv(store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(st, prepared(store, kCsvSql, f));
    const QStringList header {trCore("tandem::approvals", "Request"), trCore("tandem::approvals", "Type"),
        trCore("tandem::approvals", "Title"), trCore("tandem::approvals", "Requester"),
        trCore("tandem::approvals", "State"), trCore("tandem::approvals", "Amount"),
        trCore("tandem::approvals", "Currency"), trCore("tandem::approvals", "Submitted"),
        trCore("tandem::approvals", "Decided"), trCore("tandem::approvals", "Current step")};
    QString text;
    const auto appendRow = [&text](const QStringList &fields) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                text += u',';
            text += csvField(fields.at(i));
        }
        text += u"\r\n"_s;
    };
    appendRow(header);
    int rows = 0;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        appendRow({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4),
            r.isNull(5) ? QString() : decimalAmount(r.int64(5)), r.text(6), localIso(r, 7, f.utcOffsetMs),
            localIso(r, 8, f.utcOffsetMs), QString::number(r.int64(9))});
        ++rows;
    }));
    qCDebug(lcDashboard) << "CSV export:" << rows << "requests";
    return text.toUtf8();
}

} // namespace tandem::approvals
