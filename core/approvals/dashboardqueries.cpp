#include "dashboardqueries.h"

#include "util/i18n.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

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

// Parameters every query binds: ?1 me, ?2 people (JSON array or NULL), ?3 template ids (same), ?4 from,
// ?5 to (NULL: no bound), ?6 now, ?7 the UTC offset in ms. A query may add ?8.
//
// `reports` follows users.manager_id down from me (UNION, not UNION ALL, so a cycle in the data ends);
// `team` is the filtered set of requests the figures are about (see the header).
#define TANDEM_TEAM_CTE                                                                                      \
    "WITH RECURSIVE reports(id) AS ("                                                                        \
    " SELECT id FROM users WHERE manager_id = ?1"                                                            \
    " UNION SELECT u.id FROM users u JOIN reports ON u.manager_id = reports.id),"                            \
    " team AS (SELECT r.* FROM approval_requests r WHERE r.state <> 'draft'"                                 \
    " AND (r.requester_id IN reports"                                                                        \
    "  OR r.id IN (SELECT request_id FROM approval_step_approvers WHERE user_id = ?1))"                      \
    " AND (?2 IS NULL OR r.requester_id IN (SELECT value FROM json_each(?2)))"                               \
    " AND (?3 IS NULL OR r.template_id IN (SELECT value FROM json_each(?3)))"                                \
    " AND (?4 IS NULL OR r.submitted_at >= ?4) AND (?5 IS NULL OR r.submitted_at < ?5))"

// The filters alone, for a request `r` (the waiting list is not limited to the team).
#define TANDEM_FILTER_WHERE                                                                                  \
    " (?2 IS NULL OR r.requester_id IN (SELECT value FROM json_each(?2)))"                                   \
    " AND (?3 IS NULL OR r.template_id IN (SELECT value FROM json_each(?3)))"                                \
    " AND (?4 IS NULL OR r.submitted_at >= ?4) AND (?5 IS NULL OR r.submitted_at < ?5)"

#define TANDEM_TEMPLATE_NAME " COALESCE(t.name, x.template_id)"

constexpr std::string_view kWaitingSql
    = "SELECT r.id, r.title, r.template_id, COALESCE(t.name, r.template_id), r.requester_id,"
      " COALESCE(NULLIF(u.display_name, ''), u.user_name, r.requester_id), r.amount_minor, r.currency,"
      " COALESCE(r.submitted_at, 0), COALESCE(s.started_at, r.submitted_at, 0) AS since, MIN(s.position),"
      " t.sla_hours"
      " FROM approval_step_approvers a"
      " JOIN approval_steps s ON s.request_id = a.request_id AND s.position = a.position"
      " JOIN approval_requests r ON r.id = a.request_id"
      " LEFT JOIN approval_templates t ON t.id = r.template_id"
      " LEFT JOIN users u ON u.id = r.requester_id"
      " WHERE a.user_id = ?1 AND a.decision IS NULL AND s.state = 'active' AND r.state = 'pending' "
      "AND" TANDEM_FILTER_WHERE " GROUP BY r.id ORDER BY since, r.submitted_at, r.id";

constexpr std::string_view kStateTypeSql
    = TANDEM_TEAM_CTE " SELECT x.template_id," TANDEM_TEMPLATE_NAME " AS name, x.state, COUNT(*)"
                      " FROM team x LEFT JOIN approval_templates t ON t.id = x.template_id"
                      " GROUP BY x.template_id, x.state ORDER BY name, x.template_id, x.state";

constexpr std::string_view kAgingSql = TANDEM_TEAM_CTE
    " SELECT COALESCE(SUM(age < 86400000), 0), COALESCE(SUM(age >= 86400000 AND age < 259200000), 0),"
    " COALESCE(SUM(age >= 259200000 AND age < 604800000), 0), COALESCE(SUM(age >= 604800000), 0)"
    " FROM (SELECT ?6 - submitted_at AS age FROM team WHERE state = 'pending' AND submitted_at IS NOT NULL)";

constexpr std::string_view kSlaSql = TANDEM_TEAM_CTE
    " SELECT t.id, t.name, t.sla_hours,"
    " SUM(x.state = 'pending' AND ?6 - x.submitted_at > t.sla_hours * 3600000),"
    " SUM(x.state IN ('approved', 'rejected') AND x.decided_at - x.submitted_at > t.sla_hours * 3600000),"
    " COUNT(*)"
    " FROM team x JOIN approval_templates t ON t.id = x.template_id"
    " WHERE t.sla_hours > 0 AND x.submitted_at IS NOT NULL"
    " AND (x.state = 'pending' OR (x.state IN ('approved', 'rejected') AND x.decided_at IS NOT NULL))"
    " GROUP BY t.id ORDER BY t.name, t.id";

// The median: the middle row, or the two middle rows of an even count, of durations ranked per group.
#define TANDEM_DECIDED_CTE                                                                                   \
    ", decided AS (SELECT template_id, decided_at - submitted_at AS d FROM team"                             \
    " WHERE state IN ('approved', 'rejected') AND decided_at IS NOT NULL AND submitted_at IS NOT NULL)"

constexpr std::string_view kMedianSql = TANDEM_TEAM_CTE TANDEM_DECIDED_CTE
    ", ranked AS (SELECT d, ROW_NUMBER() OVER (ORDER BY d) AS rn, COUNT(*) OVER () AS c FROM decided)"
    " SELECT COALESCE(MAX(c), 0), COALESCE(SUM(d) / COUNT(*), 0) FROM ranked"
    " WHERE rn IN ((c + 1) / 2, (c + 2) / 2)";

constexpr std::string_view kMedianByTypeSql = TANDEM_TEAM_CTE TANDEM_DECIDED_CTE
    ", ranked AS (SELECT template_id, d, ROW_NUMBER() OVER (PARTITION BY template_id ORDER BY d) AS rn,"
    " COUNT(*) OVER (PARTITION BY template_id) AS c FROM decided)"
    " SELECT x.template_id," TANDEM_TEMPLATE_NAME " AS name, MAX(x.c), SUM(x.d) / COUNT(*)"
    " FROM ranked x LEFT JOIN approval_templates t ON t.id = x.template_id"
    " WHERE x.rn IN ((x.c + 1) / 2, (x.c + 2) / 2)"
    " GROUP BY x.template_id ORDER BY name, x.template_id";

// %G and %V (ISO year and week) need SQLite 3.46, which SQLCipher 4.6 is built on.
constexpr std::string_view kThroughputSql = TANDEM_TEAM_CTE
    " SELECT week, SUM(kind = 0), SUM(kind = 1) FROM ("
    " SELECT strftime('%G-W%V', (submitted_at + ?7) / 1000, 'unixepoch') AS week, 0 AS kind FROM team"
    "  WHERE submitted_at IS NOT NULL"
    " UNION ALL SELECT strftime('%G-W%V', (decided_at + ?7) / 1000, 'unixepoch'), 1 FROM team"
    "  WHERE state IN ('approved', 'rejected') AND decided_at IS NOT NULL)"
    " GROUP BY week ORDER BY week";

constexpr std::string_view kSlowestStepsSql = TANDEM_TEAM_CTE
    ", steps AS (SELECT x.template_id, s.position, s.decided_at - s.started_at AS d"
    " FROM team x JOIN approval_steps s ON s.request_id = x.id"
    " WHERE s.state IN ('approved', 'rejected') AND s.started_at IS NOT NULL AND s.decided_at IS NOT NULL),"
    " ranked AS (SELECT template_id, position, d,"
    " ROW_NUMBER() OVER (PARTITION BY template_id, position ORDER BY d) AS rn,"
    " COUNT(*) OVER (PARTITION BY template_id, position) AS c FROM steps)"
    " SELECT x.template_id," TANDEM_TEMPLATE_NAME ", x.position, MAX(x.c), SUM(x.d) / COUNT(*) AS median"
    " FROM ranked x LEFT JOIN approval_templates t ON t.id = x.template_id"
    " WHERE x.rn IN ((x.c + 1) / 2, (x.c + 2) / 2)"
    " GROUP BY x.template_id, x.position ORDER BY median DESC, x.template_id, x.position LIMIT ?8";

constexpr std::string_view kCsvSql = TANDEM_TEAM_CTE
    " SELECT x.id," TANDEM_TEMPLATE_NAME ", x.title,"
    " COALESCE(NULLIF(u.display_name, ''), u.user_name, x.requester_id), x.state, x.amount_minor,"
    " x.currency, x.submitted_at, x.decided_at, x.current_step"
    " FROM team x LEFT JOIN approval_templates t ON t.id = x.template_id"
    " LEFT JOIN users u ON u.id = x.requester_id"
    " ORDER BY x.submitted_at, x.id";

#undef TANDEM_TEAM_CTE
#undef TANDEM_FILTER_WHERE
#undef TANDEM_TEMPLATE_NAME
#undef TANDEM_DECIDED_CTE

void bindList(Statement &st, int index, const QStringList &ids)
{
    if (ids.isEmpty()) {
        st.bindNull(index);
        return;
    }
    st.bindUtf8(
        index, QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact).toStdString());
}

Result<Statement *> prepared(store::SpaceStore &store, std::string_view sql, const DashboardFilter &f)
{
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

Result<QList<StateTypeCount>> DashboardQueries::byStateAndType(
    store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(st, prepared(store, kStateTypeSql, f));
    QList<StateTypeCount> out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        out.append({r.text(0), r.text(1), r.text(2), int(r.int64(3))});
    }));
    return out;
}

Result<AgingBuckets> DashboardQueries::aging(store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(st, prepared(store, kAgingSql, f));
    AgingBuckets out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        out = {int(r.int64(0)), int(r.int64(1)), int(r.int64(2)), int(r.int64(3))};
    }));
    return out;
}

Result<QList<SlaBreaches>> DashboardQueries::slaBreaches(store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(st, prepared(store, kSlaSql, f));
    QList<SlaBreaches> out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        out.append(
            {r.text(0), r.text(1), int(r.int64(2)), int(r.int64(3)), int(r.int64(4)), int(r.int64(5))});
    }));
    return out;
}

Result<DecisionTime> DashboardQueries::medianDecisionTime(store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(st, prepared(store, kMedianSql, f));
    DecisionTime out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        out.decisions = int(r.int64(0));
        out.medianMs = r.int64(1);
    }));
    return out;
}

Result<QList<DecisionTime>> DashboardQueries::medianDecisionTimeByType(
    store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(st, prepared(store, kMedianByTypeSql, f));
    QList<DecisionTime> out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        out.append({r.text(0), r.text(1), int(r.int64(2)), r.int64(3)});
    }));
    return out;
}

Result<QList<WeekThroughput>> DashboardQueries::throughputPerWeek(
    store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(st, prepared(store, kThroughputSql, f));
    QList<WeekThroughput> out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        out.append({r.text(0), int(r.int64(1)), int(r.int64(2))});
    }));
    return out;
}

Result<QList<StepDuration>> DashboardQueries::slowestSteps(
    store::SpaceStore &store, const DashboardFilter &f, int limit)
{
    TANDEM_DASH_GET(st, prepared(store, kSlowestStepsSql, f));
    st->bind(8, limit);
    QList<StepDuration> out;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        out.append({r.text(0), r.text(1), int(r.int64(2)), int(r.int64(3)), r.int64(4)});
    }));
    return out;
}

Result<DashboardFigures> DashboardQueries::all(store::SpaceStore &store, const DashboardFilter &f)
{
    DashboardFigures out;
    TANDEM_DASH_GET(waiting, waitingOnMe(store, f));
    TANDEM_DASH_GET(counts, byStateAndType(store, f));
    TANDEM_DASH_GET(ages, aging(store, f));
    TANDEM_DASH_GET(sla, slaBreaches(store, f));
    TANDEM_DASH_GET(median, medianDecisionTime(store, f));
    TANDEM_DASH_GET(medians, medianDecisionTimeByType(store, f));
    TANDEM_DASH_GET(weeks, throughputPerWeek(store, f));
    TANDEM_DASH_GET(steps, slowestSteps(store, f));
    out.waiting = std::move(waiting);
    out.byStateAndType = std::move(counts);
    out.aging = ages;
    out.sla = std::move(sla);
    out.decisionTime = median;
    out.decisionTimeByType = std::move(medians);
    out.throughput = std::move(weeks);
    out.slowestSteps = std::move(steps);
    return out;
}

Result<QByteArray> DashboardQueries::csv(store::SpaceStore &store, const DashboardFilter &f)
{
    TANDEM_DASH_GET(st, prepared(store, kCsvSql, f));
    const char *ctx = "tandem::approvals";
    const QStringList header {trCore(ctx, "Request"), trCore(ctx, "Type"), trCore(ctx, "Title"),
        trCore(ctx, "Requester"), trCore(ctx, "State"), trCore(ctx, "Amount"), trCore(ctx, "Currency"),
        trCore(ctx, "Submitted"), trCore(ctx, "Decided"), trCore(ctx, "Current step")};
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
