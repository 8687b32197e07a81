// Off-duty presence told by the app (issue 5, docs/protocol.md §6.10), through the real tandem-server:
// alice's work space's SpaceBoundary (her schedule saved in her real store, her clock set by the test)
// drives an OffDutyReporter over her real SpaceSync, and chen, a colleague in another real client,
// reads what the server published. One presence.set per change, none for an unchanged state, and one
// again after the server restarted (it forgot the chosen status).
#include "../sync/realclient.h"
#include "../sync/serverprocess.h"

#include "offdutyreporter.h"
#include "spaceboundary.h"

#include "boundary/boundarystate.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace tandem;
using namespace tandem::app;
using namespace tandem::sync;
using namespace tandem::sync::test;

namespace {

constexpr int kWait = 20000;
const QTimeZone kShanghai("Asia/Shanghai");

QDateTime sh(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), kShanghai).toUTC();
}

QVariantMap shanghaiWeek()
{
    QVariantList week;
    for (int day = 0; day < 7; ++day)
        week << (day < 5 ? u"09:00-12:00, 13:30-18:00"_s : QString());
    return {{u"timeZone"_s, u"Asia/Shanghai"_s}, {u"week"_s, week}, {u"daysOff"_s, QString()},
        {u"extraDays"_s, QString()}, {u"enabled"_s, true}};
}

std::optional<boundary::OffDuty> offDutyOf(Client &c, const QString &userId)
{
    auto r = c.store
                 ->read<std::optional<boundary::OffDuty>>(
                     [userId](store::SpaceStore &s) { return boundary::offDuty(s, userId); })
                 .result();
    return r ? *r : std::nullopt;
}

} // namespace

class TestOffDutyReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workSpaceOffHoursIsToldOncePerChangeAndAgainAfterAReconnect()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice
            = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_offdutyreport"_s);
        auto chen = connectClient(dir.filePath(u"chen"_s), server.url(), u"chen"_s, u"tst_offdutyreport"_s);
        QVERIFY(alice && chen);
        QTRY_COMPARE_WITH_TIMEOUT(alice->sync->status().state, SyncState::Ready, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(chen->sync->status().state, SyncState::Ready, kWait);
        const auto account = alice->store
                                 ->read<store::SyncAccount>(
                                     [](store::SpaceStore &s) { return store::loadSyncAccount(s.db()); })
                                 .result();
        QVERIFY(account.ok());
        const QString aliceId = account->userId;
        QVERIFY(!aliceId.isEmpty());

        // Tuesday 24 November 2026, 20:00 in Shanghai: off until Wednesday 09:00 there (01:00 UTC).
        QDateTime now = sh(24, 20);
        SpaceBoundaryController boundary(
            alice->store.get(), boundary::SpaceKind::Work, kShanghai, [&now] { return now; });
        QSignalSpy loaded(&boundary, &SpaceBoundaryController::scheduleChanged);
        boundary.load();
        QVERIFY(loaded.wait(kWait));
        QSignalSpy saved(&boundary, &SpaceBoundaryController::saved);
        QVERIFY(boundary.save(shanghaiWeek()));
        QVERIFY(saved.wait(kWait));
        QVERIFY(boundary.offHours());

        OffDutyReporter reporter(&boundary, alice->sync.get());
        QSignalSpy reported(&reporter, &OffDutyReporter::reported);
        // Already connected: the state is told at once.
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, kWait);
        QCOMPARE(reported.at(0).at(0).toBool(), true);
        QCOMPARE(reported.at(0).at(1).toLongLong(), sh(25, 9).toMSecsSinceEpoch());
        QCOMPARE(reported.at(0).at(2).toString(), u"Asia/Shanghai"_s);
        QTRY_VERIFY_WITH_TIMEOUT(offDutyOf(*chen, aliceId).has_value(), kWait);
        QCOMPARE(offDutyOf(*chen, aliceId)->offUntil, sh(25, 9).toMSecsSinceEpoch());
        QCOMPARE(offDutyOf(*chen, aliceId)->timeZone, u"Asia/Shanghai"_s);

        // Ticks of the clock with nothing changed send nothing.
        now = sh(24, 23);
        boundary.evaluate();
        reporter.update();
        now = sh(25, 3);
        boundary.evaluate();
        QCOMPARE(reported.count(), 1);

        // The server restarts (forgetting every chosen status): told once more after the reconnect.
        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(alice->sync->status().state != SyncState::Ready, kWait);
        QCOMPARE(reported.count(), 1); // nothing queued while offline
        QVERIFY(server.start());
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 2, kWait);
        QCOMPARE(reported.at(1).at(0).toBool(), true);
        QCOMPARE(reported.at(1).at(1).toLongLong(), sh(25, 9).toMSecsSinceEpoch());
        QTRY_COMPARE_WITH_TIMEOUT(chen->sync->status().state, SyncState::Ready, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(offDutyOf(*chen, aliceId).has_value(), kWait);

        // Wednesday 09:00 in Shanghai: back on duty, once; the colleague's indicator goes.
        now = sh(25, 9, 1);
        boundary.evaluate();
        QCOMPARE(reported.count(), 3);
        QCOMPARE(reported.at(2).at(0).toBool(), false);
        QTRY_VERIFY_WITH_TIMEOUT(!offDutyOf(*chen, aliceId).has_value(), kWait);
        // The lunch break is off hours too, until 13:30.
        now = sh(25, 10);
        boundary.evaluate();
        QCOMPARE(reported.count(), 3);
        now = sh(25, 12, 5);
        boundary.evaluate();
        QCOMPARE(reported.count(), 4);
        QCOMPARE(reported.at(3).at(1).toLongLong(), sh(25, 13, 30).toMSecsSinceEpoch());
    }
};

QTEST_GUILESS_MAIN(TestOffDutyReport)
#include "tst_offdutyreport.moc"
