// The boundary features (issue 5) through the real tandem-server (demo data): off-duty presence seen
// by a colleague, scheduled send delivered by the server at the recipient's 09:00 while the sender is
// offline (the server's clock moved with the test-only --clock-offset-ms), cancelling a scheduled
// message, and urgent messages refused beyond the recipient's allowance with the acknowledgement
// reaching the sender.
#include "realclient.h"
#include "serverprocess.h"
#include "synctestsupport.h"

#include "boundary/boundarystate.h"
#include "sync/spacesync.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace tandem;
using namespace tandem::sync;
using namespace tandem::sync::test;

namespace {

QList<boundary::ScheduledMessage> scheduled(Client &c, const QString &conversation = {})
{
    auto r = c.store
                 ->read<QList<boundary::ScheduledMessage>>([conversation](store::SpaceStore &s) {
                     return boundary::scheduledMessages(s, conversation);
                 })
                 .result();
    return r ? *r : QList<boundary::ScheduledMessage>();
}

std::optional<boundary::OffDuty> offDutyOf(Client &c, const QString &userId)
{
    auto r = c.store
                 ->read<std::optional<boundary::OffDuty>>(
                     [userId](store::SpaceStore &s) { return boundary::offDuty(s, userId); })
                 .result();
    return r ? *r : std::nullopt;
}

QList<boundary::UrgentState> urgentOf(Client &c, const QString &messageId)
{
    auto r = c.store
                 ->read<QList<boundary::UrgentState>>(
                     [messageId](store::SpaceStore &s) { return boundary::urgentStates(s, messageId); })
                 .result();
    return r ? *r : QList<boundary::UrgentState>();
}

// created_at of a server-confirmed message, 0 when not held.
qint64 deliveredAt(Client &c, const QString &messageId)
{
    return readInt(*c.store,
        "SELECT coalesce(max(created_at), 0) FROM messages WHERE id = '" + messageId.toStdString()
            + "' AND seq IS NOT NULL");
}

const QTimeZone kShanghai("Asia/Shanghai");

} // namespace

class TestBoundaryServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offDutyPresenceReachesAColleagueWithItsTimeZone()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice
            = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_boundaryserver"_s);
        auto chen = connectClient(dir.filePath(u"chen"_s), server.url(), u"chen"_s, u"tst_boundaryserver"_s);
        QVERIFY(alice && chen);
        QTRY_COMPARE_WITH_TIMEOUT(alice->sync->status().state, SyncState::Ready, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(chen->sync->status().state, SyncState::Ready, 20000);

        // Chen (Shanghai) is off until 09:00 tomorrow, his time.
        const QDateTime nine(QDate::currentDate().addDays(1), QTime(9, 0), kShanghai);
        QVERIFY(chen->sync->setOffDuty(nine.toMSecsSinceEpoch(), u"Asia/Shanghai"_s).result().ok());
        QTRY_VERIFY_WITH_TIMEOUT(offDutyOf(*alice, u"u_chen"_s).has_value(), 20000);
        const boundary::OffDuty seen = *offDutyOf(*alice, u"u_chen"_s);
        QCOMPARE(seen.offUntil, nine.toMSecsSinceEpoch());
        QCOMPARE(seen.timeZone, u"Asia/Shanghai"_s);

        // Alice reads it in London: "off until 09:00 (your time 01:00 or 02:00)".
        const QLocale c(QLocale::English, QLocale::UnitedKingdom);
        const boundary::OffDutyTimes times
            = boundary::offDutyTimes(seen, QTimeZone("Europe/London"), nine.toMSecsSinceEpoch() - 3600000, c);
        QCOMPARE(times.theirs, u"09:00"_s);
        QCOMPARE(times.yours,
            c.toString(nine.toTimeZone(QTimeZone("Europe/London")).time(), QLocale::ShortFormat));
        QVERIFY(!times.sameTime);

        // Back on duty: the indicator goes.
        QVERIFY(chen->sync->clearOffDuty().result().ok());
        QTRY_VERIFY_WITH_TIMEOUT(!offDutyOf(*alice, u"u_chen"_s).has_value(), 20000);
    }

    void scheduledMessageIsDeliveredAtTheRecipientsNineWhileTheSenderIsOffline()
    {
        // The server's clock stands 8 s before Chen's next 09:00.
        const QDateTime realNow = QDateTime::currentDateTimeUtc();
        QDateTime nine(realNow.toTimeZone(kShanghai).date().addDays(1), QTime(9, 0), kShanghai);
        const qint64 offset = nine.toMSecsSinceEpoch() - 8000 - realNow.toMSecsSinceEpoch();
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s), {u"--clock-offset-ms"_s, QString::number(offset)});
        QVERIFY(server.start());
        auto alice
            = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_boundaryserver"_s);
        QVERIFY(alice);
        QTRY_VERIFY_WITH_TIMEOUT(!directWith(*alice, u"chen"_s).isEmpty(), 20000);
        const QString chat = directWith(*alice, u"chen"_s);

        auto queued = alice->sync->scheduleMessage(
            chat, u"Morning Chen, the contract is ready"_s, nine.toMSecsSinceEpoch());
        QVERIFY(queued.result().ok());
        const QString messageId = queued.result()->entityId;
        // Listed for the sender at once, then confirmed by the server; not in the timeline.
        QCOMPARE(scheduled(*alice, chat).size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            !scheduled(*alice, chat).isEmpty() && scheduled(*alice, chat)[0].confirmed, 20000);
        QCOMPARE(scheduled(*alice, chat)[0].deliverAt, nine.toMSecsSinceEpoch());
        QCOMPARE(deliveredAt(*alice, messageId), qint64(0));

        // The sender goes offline: her computer is off when the message is due.
        alice.reset();
        auto chen = connectClient(dir.filePath(u"chen"_s), server.url(), u"chen"_s, u"tst_boundaryserver"_s);
        QVERIFY(chen);
        QTRY_COMPARE_WITH_TIMEOUT(chen->sync->status().state, SyncState::Ready, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(deliveredAt(*chen, messageId) > 0, 20000);
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(deliveredAt(*chen, messageId), kShanghai);
        QVERIFY2(at >= nine && at < nine.addSecs(5), qPrintable(at.toString(Qt::ISODateWithMs)));

        // Back online, the sender finds it delivered and no longer scheduled.
        auto again
            = connectClient(dir.filePath(u"alice2"_s), server.url(), u"alice"_s, u"tst_boundaryserver"_s);
        QVERIFY(again);
        QTRY_VERIFY_WITH_TIMEOUT(deliveredAt(*again, messageId) > 0, 20000);
        QVERIFY(scheduled(*again).isEmpty());
    }

    void cancelledScheduledMessageIsNeverDelivered()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice
            = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_boundaryserver"_s);
        auto chen = connectClient(dir.filePath(u"chen"_s), server.url(), u"chen"_s, u"tst_boundaryserver"_s);
        QVERIFY(alice && chen);
        QTRY_VERIFY_WITH_TIMEOUT(!directWith(*alice, u"chen"_s).isEmpty(), 20000);
        const QString chat = directWith(*alice, u"chen"_s);
        // Due in 3 s: cancelled before then, it must not arrive.
        auto queued
            = alice->sync->scheduleMessage(chat, u"never mind"_s, QDateTime::currentMSecsSinceEpoch() + 3000);
        QVERIFY(queued.result().ok());
        const QString messageId = queued.result()->entityId;
        QTRY_VERIFY_WITH_TIMEOUT(!scheduled(*alice).isEmpty() && scheduled(*alice)[0].confirmed, 10000);
        QVERIFY(alice->sync->cancelScheduledMessage(messageId).result().ok());
        QTRY_VERIFY_WITH_TIMEOUT(scheduled(*alice).isEmpty(), 10000);
        QTest::qWait(4000);
        QCOMPARE(deliveredAt(*chen, messageId), qint64(0));
        QCOMPARE(deliveredAt(*alice, messageId), qint64(0));
        // A second cancel finds nothing.
        QSignalSpy rejected(alice->sync.get(), &SpaceSync::mutationRejected);
        QVERIFY(alice->sync->cancelScheduledMessage(messageId).result().ok());
        QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, 10000);
        QCOMPARE(rejected[0][1].toString(), u"not_found"_s);
    }

    void urgentBeyondTheAllowanceIsRefusedAndTheAcknowledgementReachesTheSender()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice
            = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_boundaryserver"_s);
        auto chen = connectClient(dir.filePath(u"chen"_s), server.url(), u"chen"_s, u"tst_boundaryserver"_s);
        QVERIFY(alice && chen);
        QTRY_VERIFY_WITH_TIMEOUT(!directWith(*alice, u"chen"_s).isEmpty(), 20000);
        const QString chat = directWith(*alice, u"chen"_s);
        // Chen takes urgent messages from his manager only (Alice), two a day.
        QVERIFY(chen->sync->setUrgentPolicy(u"manager"_s, 2).result().ok());
        QTRY_VERIFY_WITH_TIMEOUT(readInt(*chen->store, "SELECT count(*) FROM outbox") == 0, 10000);
        auto policy = chen->store->read<boundary::UrgentPolicy>(
            [](store::SpaceStore &s) { return boundary::urgentPolicy(s); });
        QCOMPARE(policy.result()->allow, u"manager"_s);
        QCOMPARE(policy.result()->perDay, 2);

        QSignalSpy rejected(alice->sync.get(), &SpaceSync::mutationRejected);
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            auto sent = alice->sync->sendUrgentMessage(chat, u"server down %1"_s.arg(i));
            QVERIFY(sent.result().ok());
            ids << sent.result()->entityId;
        }
        QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, 20000);
        QCOMPARE(rejected[0][1].toString(), u"urgent_not_allowed"_s);
        QVERIFY2(rejected[0][2].toString().contains(u"2 urgent messages a day"_s),
            qPrintable(rejected[0][2].toString()));
        QTRY_VERIFY_WITH_TIMEOUT(deliveredAt(*chen, ids[0]) > 0 && deliveredAt(*chen, ids[1]) > 0, 20000);
        QCOMPARE(deliveredAt(*chen, ids[2]), qint64(0));
        QCOMPARE(readInt(*chen->store,
                     "SELECT urgent FROM message_state WHERE message_id = '" + ids[0].toStdString() + "'"),
            qint64(1));

        // Chen sees it, then acknowledges it: Alice learns both.
        QVERIFY(chen->sync->markUrgent(chat, ids[0], false).result().ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            !urgentOf(*alice, ids[0]).isEmpty() && urgentOf(*alice, ids[0])[0].seenAt > 0, 20000);
        QCOMPARE(urgentOf(*alice, ids[0])[0].acknowledgedAt, qint64(0));
        QVERIFY(chen->sync->markUrgent(chat, ids[0], true).result().ok());
        QTRY_VERIFY_WITH_TIMEOUT(urgentOf(*alice, ids[0])[0].acknowledgedAt > 0, 20000);
        QCOMPARE(urgentOf(*alice, ids[0])[0].recipientId, u"u_chen"_s);
    }

    void urgentFromSomeoneThePolicyDoesNotNameIsRefused()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice
            = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_boundaryserver"_s);
        QVERIFY(alice);
        QTRY_VERIFY_WITH_TIMEOUT(!directWith(*alice, u"chen"_s).isEmpty(), 20000);
        // Alice (nobody's report) takes urgent messages from nobody.
        QVERIFY(alice->sync->setUrgentPolicy(u"nobody"_s, 5).result().ok());
        auto chen = connectClient(dir.filePath(u"chen"_s), server.url(), u"chen"_s, u"tst_boundaryserver"_s);
        QVERIFY(chen);
        QTRY_VERIFY_WITH_TIMEOUT(!directWith(*chen, u"alice"_s).isEmpty(), 20000);
        QSignalSpy rejected(chen->sync.get(), &SpaceSync::mutationRejected);
        QVERIFY(chen->sync->sendUrgentMessage(directWith(*chen, u"alice"_s), u"help"_s).result().ok());
        QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, 20000);
        QCOMPARE(rejected[0][1].toString(), u"urgent_not_allowed"_s);
        QVERIFY2(rejected[0][2].toString().contains(u"from nobody"_s), qPrintable(rejected[0][2].toString()));
    }
};

QTEST_GUILESS_MAIN(TestBoundaryServer)
#include "tst_boundaryserver.moc"
