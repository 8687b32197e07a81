// The dashboard's figures (core/approvals/dashboardqueries.h) against a brute-force computation over the
// same 10,000 generated requests (dashboardreference.h), under several filters and two managers; and the
// CSV export's quoting.
#include "approvalgen.h"
#include "dashboardreference.h"

#include "approvals/dashboardqueries.h"
#include "store/spacestore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::approvals;
using namespace tandem::approvals::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(tandem::approvals::DashboardFilter)

namespace {

QString describe(const WaitingRequest &w)
{
    return u"%1 since=%2 step=%3 sla=%4 amount=%5%6 by %7"_s.arg(w.id)
        .arg(w.waitingSince)
        .arg(w.stepPosition)
        .arg(w.slaDueAt)
        .arg(w.amountMinor)
        .arg(w.currency, w.requesterName);
}
QString describe(const StateTypeCount &c)
{
    return u"%1/%2/%3=%4"_s.arg(c.templateId, c.templateName, c.state).arg(c.count);
}
QString describe(const SlaBreaches &s)
{
    return u"%1 sla=%2 pending=%3 late=%4 of %5"_s.arg(s.templateId)
        .arg(s.slaHours)
        .arg(s.pendingBreached)
        .arg(s.decidedLate)
        .arg(s.measured);
}
QString describe(const DecisionTime &d)
{
    return u"%1 n=%2 median=%3"_s.arg(d.templateId).arg(d.decisions).arg(d.medianMs);
}
QString describe(const WeekThroughput &w)
{
    return u"%1 in=%2 out=%3"_s.arg(w.week).arg(w.submitted).arg(w.decided);
}
QString describe(const StepDuration &s)
{
    return u"%1#%2 n=%3 median=%4"_s.arg(s.templateId).arg(s.position).arg(s.decided).arg(s.medianMs);
}

// Empty when equal, else the first difference.
template<typename T> QString difference(const QList<T> &got, const QList<T> &want)
{
    for (qsizetype i = 0; i < std::min(got.size(), want.size()); ++i)
        if (!(got.at(i) == want.at(i)))
            return u"row %1: store %2, brute force %3"_s.arg(i).arg(
                describe(got.at(i)), describe(want.at(i)));
    if (got.size() != want.size())
        return u"store has %1 rows, brute force %2"_s.arg(got.size()).arg(want.size());
    return {};
}

} // namespace

class TestDashboardQueries : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::SpaceStore> m_store;
    GenData m_data;
    std::unique_ptr<DashboardReference> m_ref;

    DashboardFilter baseFilter() const
    {
        DashboardFilter f;
        f.me = m_data.me;
        f.nowMs = GenOptions {}.nowMs;
        return f;
    }

    // The filters every figure is checked under.
    void filterRows()
    {
        QTest::addColumn<DashboardFilter>("filter");
        const DashboardFilter all = baseFilter();
        QTest::newRow("everything") << all;
        DashboardFilter people = all;
        // Someone two levels below me, someone outside my chain, and someone who never filed.
        people.people = {u"u0016"_s, u"u0100"_s, u"u0160"_s, u"nobody"_s};
        QTest::newRow("people") << people;
        DashboardFilter types = all;
        types.templateIds = {u"tpl-reimburse"_s, u"tpl-purchase"_s};
        QTest::newRow("types") << types;
        DashboardFilter recent = all;
        recent.submittedFromMs = all.nowMs - 30LL * 86400000;
        recent.submittedToMs = all.nowMs - 2LL * 86400000;
        QTest::newRow("dates") << recent;
        DashboardFilter combined = recent;
        combined.templateIds = {u"tpl-leave"_s};
        combined.people = {u"u0016"_s, u"u0017"_s, u"u0018"_s, u"u0004"_s};
        QTest::newRow("combined") << combined;
        DashboardFilter manager = all;
        manager.me = u"u0004"_s; // a manager under me: a one-level team
        QTest::newRow("another manager") << manager;
        DashboardFilter hongKong = all;
        hongKong.utcOffsetMs = 8 * 3600000;
        QTest::newRow("UTC+8") << hongKong;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = store::SpaceStore::open(
            m_dir.filePath(u"space.db"_s), store::DataKey::generate(), {.create = true});
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        m_store = std::move(*opened);
        GenOptions options;
        options.requests = 10000;
        options.actions = false; // the figures do not read the audit trail
        m_data = generateApprovals(options);
        const Status written = writeApprovals(*m_store, m_data, false);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        m_ref = std::make_unique<DashboardReference>(m_data);
    }

    void waitingOnMeListsWhatAwaitsMyDecisionOldestFirst_data() { filterRows(); }
    void waitingOnMeListsWhatAwaitsMyDecisionOldestFirst()
    {
        QFETCH(DashboardFilter, filter);
        auto got = DashboardQueries::waitingOnMe(*m_store, filter);
        QVERIFY(got.ok());
        const auto want = m_ref->waiting(filter);
        if (QByteArray(QTest::currentDataTag()) == "everything")
            QVERIFY2(want.size() >= 10, "the generated data must leave work waiting on me");
        QVERIFY2(difference(*got, want).isEmpty(), qPrintable(difference(*got, want)));
    }

    void countsByStateAndTypeMatchBruteForce_data() { filterRows(); }
    void countsByStateAndTypeMatchBruteForce()
    {
        QFETCH(DashboardFilter, filter);
        auto got = DashboardQueries::byStateAndType(*m_store, filter);
        QVERIFY(got.ok());
        const auto want = m_ref->byStateAndType(filter);
        QVERIFY(!want.isEmpty());
        QVERIFY2(difference(*got, want).isEmpty(), qPrintable(difference(*got, want)));
    }

    void agingBucketsMatchBruteForce_data() { filterRows(); }
    void agingBucketsMatchBruteForce()
    {
        QFETCH(DashboardFilter, filter);
        auto got = DashboardQueries::aging(*m_store, filter);
        QVERIFY(got.ok());
        const AgingBuckets want = m_ref->aging(filter);
        QCOMPARE(got->underOneDay, want.underOneDay);
        QCOMPARE(got->oneToThreeDays, want.oneToThreeDays);
        QCOMPARE(got->threeToSevenDays, want.threeToSevenDays);
        QCOMPARE(got->overSevenDays, want.overSevenDays);
    }

    void slaBreachesPerTemplateMatchBruteForce_data() { filterRows(); }
    void slaBreachesPerTemplateMatchBruteForce()
    {
        QFETCH(DashboardFilter, filter);
        auto got = DashboardQueries::slaBreaches(*m_store, filter);
        QVERIFY(got.ok());
        const auto want = m_ref->sla(filter);
        QVERIFY(!want.isEmpty());
        QVERIFY2(difference(*got, want).isEmpty(), qPrintable(difference(*got, want)));
    }

    void medianTimeToDecisionMatchesBruteForce_data() { filterRows(); }
    void medianTimeToDecisionMatchesBruteForce()
    {
        QFETCH(DashboardFilter, filter);
        auto overall = DashboardQueries::medianDecisionTime(*m_store, filter);
        QVERIFY(overall.ok());
        const DecisionTime want = m_ref->decisionTime(filter);
        QVERIFY(want.decisions > 0);
        QCOMPARE(overall->decisions, want.decisions);
        QCOMPARE(overall->medianMs, want.medianMs);
        auto byType = DashboardQueries::medianDecisionTimeByType(*m_store, filter);
        QVERIFY(byType.ok());
        const auto wantByType = m_ref->decisionTimeByType(filter);
        QVERIFY2(difference(*byType, wantByType).isEmpty(), qPrintable(difference(*byType, wantByType)));
    }

    void throughputPerIsoWeekMatchesBruteForce_data() { filterRows(); }
    void throughputPerIsoWeekMatchesBruteForce()
    {
        QFETCH(DashboardFilter, filter);
        auto got = DashboardQueries::throughputPerWeek(*m_store, filter);
        QVERIFY(got.ok());
        const auto want = m_ref->throughput(filter);
        QVERIFY(!want.isEmpty());
        QVERIFY2(difference(*got, want).isEmpty(), qPrintable(difference(*got, want)));
    }

    void slowestStepsMatchBruteForce_data() { filterRows(); }
    void slowestStepsMatchBruteForce()
    {
        QFETCH(DashboardFilter, filter);
        auto got = DashboardQueries::slowestSteps(*m_store, filter, 5);
        QVERIFY(got.ok());
        const auto want = m_ref->slowestSteps(filter, 5);
        QVERIFY(!want.isEmpty());
        QVERIFY2(difference(*got, want).isEmpty(), qPrintable(difference(*got, want)));
    }

    void teamReachesDownTheManagerChainAndThroughMyApprovals()
    {
        const DashboardFilter f = baseFilter();
        const auto team = m_ref->team(f);
        const QSet<QString> below = m_ref->reports(f.me);
        // u0016 reports to u0004, who reports to me: two levels down.
        QVERIFY(below.contains(u"u0016"_s));
        QVERIFY(!below.contains(u"u0100"_s)); // under another director
        const bool outsider = std::any_of(
            team.begin(), team.end(), [&](const GenRequest *r) { return !below.contains(r->requesterId); });
        QVERIFY2(outsider, "purchases from other departments reach me as a director approver");
        auto counts = DashboardQueries::byStateAndType(*m_store, f);
        QVERIFY(counts.ok());
        int total = 0;
        for (const StateTypeCount &c : *counts) {
            QVERIFY(c.state != u"draft"_s);
            total += c.count;
        }
        QCOMPARE(total, int(team.size()));
    }

    void csvHasOneRowPerFilteredRequest()
    {
        DashboardFilter f = baseFilter();
        f.templateIds = {u"tpl-travel"_s};
        auto csv = DashboardQueries::csv(*m_store, f);
        QVERIFY(csv.ok());
        const QList<QByteArray> lines = csv->split('\n');
        // Header, one line per request, and the empty piece after the last CRLF.
        QCOMPARE(lines.size(), qsizetype(m_ref->team(f).size()) + 2);
        QVERIFY(lines.first().endsWith('\r'));
        QVERIFY(lines.at(1).contains("Business trip"));
    }

    void csvQuotesSeparatorsAndDefusesFormulas()
    {
        QCOMPARE(csvField(u"plain"_s), u"plain"_s);
        QCOMPARE(csvField(u"a, b"_s), u"\"a, b\""_s);
        QCOMPARE(csvField(u"say \"hi\""_s), u"\"say \"\"hi\"\"\""_s);
        QCOMPARE(csvField(u"two\r\nlines"_s), u"\"two\r\nlines\""_s);
        QCOMPARE(csvField(u"=HYPERLINK(\"http://x\")"_s), u"\"'=HYPERLINK(\"\"http://x\"\")\""_s);
        QCOMPARE(csvField(u"+1"_s), u"'+1"_s);
        QCOMPARE(csvField(u"-2"_s), u"'-2"_s);
        QCOMPARE(csvField(u"@SUM(A1)"_s), u"'@SUM(A1)"_s);
        QCOMPARE(csvField(u"\tcmd"_s), u"'\tcmd"_s);
        QCOMPARE(csvField(u"差旅报销"_s), u"差旅报销"_s);
    }

    void csvExportDefusesATitleTypedAsAFormula()
    {
        const GenRequest *r = m_ref->team(baseFilter()).front();
        DashboardFilter f = baseFilter();
        f.people = {r->requesterId};
        f.templateIds = {r->templateId};
        auto &db = m_store->db();
        auto update = db.prepare("UPDATE approval_requests SET title = ?1 WHERE id = ?2");
        QVERIFY(update.ok());
        QVERIFY(update->bind(1, u"=cmd|' /C calc'!A0, x"_s).bind(2, r->id).exec().ok());
        auto csv = DashboardQueries::csv(*m_store, f);
        QVERIFY(update->bind(1, r->title).bind(2, r->id).exec().ok());
        QVERIFY(csv.ok());
        QVERIFY2(csv->contains("\"'=cmd|' /C calc'!A0, x\""), csv->constData());
    }
};

QTEST_GUILESS_MAIN(TestDashboardQueries)
#include "tst_dashboardqueries.moc"
