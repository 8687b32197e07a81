#include "approvaldashboard.h"

#include "futurewatch.h"
#include "spacesession.h"

#include "approvals/requestqueries.h"
#include "store/storethread.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSaveFile>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcApprovalDashboard, "tandem.app.dashboard")

using namespace Qt::StringLiterals;
using approvals::DashboardFigures;
using approvals::DashboardFilter;
using approvals::DashboardQueries;

namespace {

QString hoursText(qint64 ms)
{
    const double hours = double(ms) / 3600000.0;
    if (hours < 48)
        return ApprovalDashboard::tr("%1 h").arg(QLocale().toString(hours, 'f', hours < 10 ? 1 : 0));
    return ApprovalDashboard::tr("%1 d").arg(QLocale().toString(hours / 24, 'f', 1));
}

qint64 startOfDayMs(const QDate &date)
{
    return date.startOfDay().toMSecsSinceEpoch();
}

} // namespace

ApprovalDashboard::ApprovalDashboard(QObject *parent)
    : QObject(parent)
    , m_waiting(new WaitingListModel(this))
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        if (!m_stale)
            return;
        if (m_active)
            load(true);
        else
            refreshTeamInBackground();
    });
}

SpaceSession *ApprovalDashboard::session() const
{
    return m_session;
}

void ApprovalDashboard::setSession(SpaceSession *session)
{
    if (m_session == session)
        return;
    m_session = session;
    setStore(session ? session->store() : nullptr, session ? session->userId() : QString());
    Q_EMIT sessionChanged();
}

void ApprovalDashboard::setStore(store::StoreThread *store, const QString &me)
{
    disconnect(m_changedConnection);
    m_store = store;
    m_filter.me = me;
    m_stale = true;
    if (m_store)
        m_changedConnection
            = connect(m_store, &store::StoreThread::changed, this, &ApprovalDashboard::onStoreChanged);
    loadChoices();
    if (m_active)
        load(true);
    else
        refreshTeamInBackground();
}

void ApprovalDashboard::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active)
        load(m_stale);
}

void ApprovalDashboard::onStoreChanged(const store::StoreChange &change)
{
    // Only approval data moves the figures. The team copy is rebuilt once the writes settle, shown or
    // not, so that opening the dashboard afterwards only reads it (the warm case).
    if (!change.approvals)
        return;
    m_stale = true;
    m_settle.start();
}

void ApprovalDashboard::refreshTeamInBackground()
{
    if (!m_store || m_filter.me.isEmpty())
        return;
    m_stale = false;
    const DashboardFilter f = currentFilter();
    const quint64 generation = ++m_teamGeneration;
    m_teamRefreshing = true;
    whenFinished(this, m_store->read<bool>([f](store::SpaceStore &s) -> Result<bool> {
        TANDEM_TRY(DashboardQueries::refreshTeam(s, f));
        return true;
    }),
        [this, generation](const Result<bool> &r) {
            if (generation != m_teamGeneration)
                return;
            m_teamRefreshing = false;
            if (!r) {
                qCWarning(lcApprovalDashboard) << "team copy failed:" << r.error().codeName();
                m_stale = true; // the next open copies it
            }
        });
}

void ApprovalDashboard::setPeople(const QStringList &people)
{
    if (m_filter.people == people)
        return;
    m_filter.people = people;
    Q_EMIT filterChanged();
    load(false);
}

void ApprovalDashboard::setTemplateIds(const QStringList &ids)
{
    if (m_filter.templateIds == ids)
        return;
    m_filter.templateIds = ids;
    Q_EMIT filterChanged();
    load(false);
}

void ApprovalDashboard::setFromDate(const QDate &date)
{
    if (m_from == date)
        return;
    m_from = date;
    Q_EMIT filterChanged();
    load(false);
}

void ApprovalDashboard::setToDate(const QDate &date)
{
    if (m_to == date)
        return;
    m_to = date;
    Q_EMIT filterChanged();
    load(false);
}

void ApprovalDashboard::clearFilters()
{
    m_filter.people.clear();
    m_filter.templateIds.clear();
    m_from = {};
    m_to = {};
    Q_EMIT filterChanged();
    load(false);
}

void ApprovalDashboard::reload()
{
    loadChoices();
    load(true);
}

DashboardFilter ApprovalDashboard::currentFilter() const
{
    DashboardFilter f = m_filter;
    const QDateTime now = QDateTime::currentDateTime();
    f.nowMs = now.toMSecsSinceEpoch();
    f.utcOffsetMs = qint64(now.offsetFromUtc()) * 1000;
    f.submittedFromMs = m_from.isValid() ? startOfDayMs(m_from) : 0;
    f.submittedToMs = m_to.isValid() ? startOfDayMs(m_to.addDays(1)) : 0;
    return f;
}

void ApprovalDashboard::load(bool refreshTeam)
{
    if (!m_store || m_filter.me.isEmpty() || (!m_active && !refreshTeam))
        return;
    if (refreshTeam) {
        m_stale = false;
        ++m_teamGeneration; // a background copy still queued is superseded by this one
    }
    const DashboardFilter f = currentFilter();
    const quint64 generation = ++m_generation;
    setLoading(true);
    auto future
        = m_store->read<DashboardFigures>([f, refreshTeam](store::SpaceStore &s) -> Result<DashboardFigures> {
              if (refreshTeam)
                  TANDEM_TRY(DashboardQueries::refreshTeam(s, f));
              return DashboardQueries::all(s, f);
          });
    whenFinished(this, future, [this, generation, nowMs = f.nowMs](const Result<DashboardFigures> &r) {
        if (generation != m_generation)
            return; // a newer filter is on its way
        setLoading(false);
        if (!r) {
            qCWarning(lcApprovalDashboard) << "dashboard figures failed:" << r.error().codeName();
            m_error = tr("The figures could not be computed: %1").arg(r.error().message);
            Q_EMIT figuresChanged();
            return;
        }
        m_error.clear();
        m_waiting->setRows(r->waiting, nowMs);
        apply(*r);
        Q_EMIT loaded();
    });
}

void ApprovalDashboard::loadChoices()
{
    if (!m_store)
        return;
    struct Choices
    {
        QList<approvals::TemplateInfo> templates;
        QList<approvals::PersonInfo> people;
    };
    auto future = m_store->read<Choices>([me = m_filter.me](store::SpaceStore &s) -> Result<Choices> {
        auto templates = approvals::RequestQueries::templates(s);
        if (!templates)
            return templates.error();
        auto people = approvals::RequestQueries::teamPeople(s, me);
        if (!people)
            return people.error();
        return Choices {*templates, *people};
    });
    whenFinished(this, future, [this](const Result<Choices> &r) {
        if (!r)
            return;
        m_templates.clear();
        for (const approvals::TemplateInfo &t : r->templates)
            m_templates.append(
                QVariantMap {{u"id"_s, t.id}, {u"name"_s, t.name}, {u"category"_s, t.category}});
        m_people.clear();
        for (const approvals::PersonInfo &p : r->people)
            m_people.append(QVariantMap {{u"id"_s, p.id}, {u"name"_s, p.name}});
        Q_EMIT choicesChanged();
    });
}

void ApprovalDashboard::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

QString ApprovalDashboard::stateText(const QString &state)
{
    if (state == u"draft")
        return tr("Draft");
    if (state == u"pending")
        return tr("Pending");
    if (state == u"approved")
        return tr("Approved");
    if (state == u"rejected")
        return tr("Rejected");
    if (state == u"returned")
        return tr("Returned");
    if (state == u"withdrawn")
        return tr("Withdrawn");
    return state;
}

QString ApprovalDashboard::medianDecisionText() const
{
    return m_figures.decisionTime.decisions > 0 ? hoursText(m_figures.decisionTime.medianMs) : QString();
}

void ApprovalDashboard::apply(const DashboardFigures &f)
{
    m_figures = f;
    static const QStringList states {
        u"pending"_s, u"approved"_s, u"rejected"_s, u"returned"_s, u"withdrawn"_s};
    QHash<QString, int> stateTotals;
    QList<QVariantMap> types;
    for (const approvals::StateTypeCount &c : f.byStateAndType) {
        stateTotals[c.state] += c.count;
        if (types.isEmpty() || types.last().value(u"templateId"_s) != c.templateId) {
            QVariantMap t {{u"templateId"_s, c.templateId}, {u"name"_s, c.templateName}, {u"total"_s, 0}};
            for (const QString &s : states)
                t.insert(s, 0);
            types.append(t);
        }
        QVariantMap &t = types.last();
        t[c.state] = t.value(c.state).toInt() + c.count;
        t[u"total"_s] = t.value(u"total"_s).toInt() + c.count;
    }
    m_byState.clear();
    for (const QString &s : states)
        m_byState.append(
            QVariantMap {{u"state"_s, s}, {u"label"_s, stateText(s)}, {u"count"_s, stateTotals.value(s)}});
    m_byType.clear();
    for (const QVariantMap &t : types)
        m_byType.append(t);
    m_aging = {QVariantMap {{u"label"_s, tr("< 1 day")}, {u"count"_s, f.aging.underOneDay}},
        QVariantMap {{u"label"_s, tr("1–3 days")}, {u"count"_s, f.aging.oneToThreeDays}},
        QVariantMap {{u"label"_s, tr("3–7 days")}, {u"count"_s, f.aging.threeToSevenDays}},
        QVariantMap {{u"label"_s, tr("> 7 days")}, {u"count"_s, f.aging.overSevenDays}}};
    m_sla.clear();
    for (const approvals::SlaBreaches &s : f.sla)
        m_sla.append(QVariantMap {{u"templateId"_s, s.templateId}, {u"name"_s, s.templateName},
            {u"slaHours"_s, s.slaHours}, {u"pendingBreached"_s, s.pendingBreached},
            {u"decidedLate"_s, s.decidedLate}, {u"measured"_s, s.measured}});
    m_decisionByType.clear();
    for (const approvals::DecisionTime &d : f.decisionTimeByType)
        m_decisionByType.append(QVariantMap {{u"templateId"_s, d.templateId}, {u"name"_s, d.templateName},
            {u"decisions"_s, d.decisions}, {u"medianText"_s, hoursText(d.medianMs)},
            {u"medianHours"_s, double(d.medianMs) / 3600000.0}});
    m_throughput.clear();
    for (const approvals::WeekThroughput &w : f.throughput)
        m_throughput.append(
            QVariantMap {{u"week"_s, w.week}, {u"submitted"_s, w.submitted}, {u"decided"_s, w.decided}});
    m_slowest.clear();
    for (const approvals::StepDuration &s : f.slowestSteps)
        m_slowest.append(QVariantMap {{u"templateId"_s, s.templateId}, {u"name"_s, s.templateName},
            {u"position"_s, s.position}, {u"decided"_s, s.decided}, {u"medianText"_s, hoursText(s.medianMs)},
            {u"medianHours"_s, double(s.medianMs) / 3600000.0}});
    Q_EMIT figuresChanged();
}

void ApprovalDashboard::exportCsv(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (!m_store || path.isEmpty()) {
        Q_EMIT csvExported(false, tr("Choose a file to export to."));
        return;
    }
    const DashboardFilter f = currentFilter();
    auto future = m_store->read<int>([f, path](store::SpaceStore &s) -> Result<int> {
        auto csv = DashboardQueries::csv(s, f);
        if (!csv)
            return csv.error();
        QSaveFile out(path);
        // A UTF-8 byte order mark: spreadsheet apps otherwise read Chinese names as Latin-1.
        if (!out.open(QIODevice::WriteOnly) || out.write("\xEF\xBB\xBF") < 0 || out.write(*csv) < 0
            || !out.commit())
            return Error::make(ErrorCode::Io, tr("%1 could not be written: %2").arg(path, out.errorString()));
        return int(csv->count('\n') - 1);
    });
    whenFinished(this, future, [this, path](const Result<int> &r) {
        if (!r)
            Q_EMIT csvExported(false, r.error().message);
        else
            Q_EMIT csvExported(true, tr("%n request(s) exported to %1.", nullptr, *r).arg(path));
    });
}

} // namespace tandem::app
