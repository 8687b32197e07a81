// Sessions and mutations against a scripted server (docs/protocol.md §14, client checklist): the
// outbox written before the first send and resent verbatim in order after a reconnect, results,
// rejections and retries, slow_down, expiry, login, and the closes that stop reconnecting, including
// device_revoked wiping exactly the spaces of that account on that server.
#include "syncharness.h"

#include "messaging/conversationqueries.h"
#include "sync/mutations.h"

#include <QElapsedTimer>
#include <QTest>

using namespace tandem;
using namespace tandem::sync;
using namespace tandem::sync::test;

namespace {

QByteArray payloadBytes(const QByteArray &frame)
{
    const qsizetype at = frame.indexOf("\"payload\":");
    return at < 0 ? QByteArray() : frame.mid(at + 10, frame.size() - at - 11);
}

} // namespace

class TestSyncSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theOutboxRowAndEchoAreStoredBeforeTheFirstSend()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        qint64 rowsAtSend = -1;
        QString echoAtSend;
        h.server.intercept = [&](const QJsonObject &frame) {
            if (frame.value("type"_L1).toString() != u"mutate")
                return false;
            const std::string id = frame.value("mutation_id"_L1).toString().toStdString();
            rowsAtSend = readInt(*h.store, "SELECT count(*) FROM outbox WHERE mutation_id = '" + id + "'");
            echoAtSend = readTexts(
                *h.store, "SELECT body || ':' || send_state FROM messages WHERE client_id = '" + id + "'")
                             .value(0);
            h.server.answerMutation(frame);
            return true;
        };
        auto queued = h.sync->sendMessage(u"c1"_s, u"hello bob"_s).result();
        QVERIFY(queued.ok());
        QTRY_VERIFY_WITH_TIMEOUT(rowsAtSend >= 0, 5000);
        QCOMPARE(rowsAtSend, qint64(1));
        QCOMPARE(echoAtSend, u"hello bob:1"_s);
        // The answer and the event turn the echo into the server's message, and the row goes away.
        QTRY_COMPARE_WITH_TIMEOUT(readInt(*h.store, "SELECT count(*) FROM outbox"), qint64(0), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            readTexts(*h.store, "SELECT seq || ':' || send_state || ':' || client_id FROM messages"),
            QStringList {u"1:0:"_s + queued->mutationId}, 5000);
        QCOMPARE(readTexts(*h.store, "SELECT id FROM messages"), QStringList {queued->entityId});
    }

    void theOutboxIsResentVerbatimInOrderAfterEveryReconnect()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.answerMutations = false;
        QStringList ids;
        for (const QString &body : {u"first"_s, u"second"_s, u"third"_s}) {
            auto queued = h.sync->sendMessage(u"c1"_s, body).result();
            QVERIFY(queued.ok());
            ids << queued->mutationId;
        }
        QTRY_COMPARE_WITH_TIMEOUT(h.server.sent(u"mutate"_s).size(), 3, 5000);
        h.server.closeClient(1011);
        QTRY_COMPARE_WITH_TIMEOUT(h.server.sent(u"mutate"_s).size(), 6, 5000);
        const QList<Received> sends = h.server.sent(u"mutate"_s);
        for (int i = 0; i < 3; ++i) {
            const Received &first = sends.at(i);
            const Received &again = sends.at(i + 3);
            QCOMPARE(first.connection, 1);
            QCOMPARE(again.connection, 2);
            QCOMPARE(first.frame.value("mutation_id"_L1).toString(), ids.at(i));
            QCOMPARE(again.frame.value("mutation_id"_L1).toString(), ids.at(i));
            QCOMPARE(again.frame.value("created_at"_L1), first.frame.value("created_at"_L1));
            QCOMPARE(again.frame.value("kind"_L1), first.frame.value("kind"_L1));
            QCOMPARE(payloadBytes(again.bytes), payloadBytes(first.bytes));
            QVERIFY(!payloadBytes(first.bytes).isEmpty());
        }
        // Answered on the third connection, in order.
        h.server.answerMutations = true;
        h.server.closeClient(1001);
        QTRY_COMPARE_WITH_TIMEOUT(readInt(*h.store, "SELECT count(*) FROM outbox"), qint64(0), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            readTexts(*h.store, "SELECT body FROM messages WHERE send_state = 0 ORDER BY seq"),
            (QStringList {u"first"_s, u"second"_s, u"third"_s}), 5000);
    }

    void aMessageQueuedOfflineIsSentOnConnect()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.sync->stop();
        QTRY_COMPARE_WITH_TIMEOUT(h.state(), SyncState::Stopped, 5000);
        auto queued = h.sync->sendMessage(u"c1"_s, u"written offline"_s).result();
        QVERIFY(queued.ok());
        QCOMPARE(readTexts(*h.store, "SELECT send_state FROM messages"), QStringList {u"1"_s});
        h.sync->start();
        QTRY_COMPARE_WITH_TIMEOUT(
            readTexts(*h.store, "SELECT send_state FROM messages"), QStringList {u"0"_s}, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(h.settledCount > 0, 5000);
    }

    void aRejectedMessageIsMarkedFailedAndCanBeRetriedOrDiscarded()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        bool reject = true;
        h.server.intercept = [&](const QJsonObject &frame) {
            if (frame.value("type"_L1).toString() != u"mutate" || !reject)
                return false;
            h.server.send(
                {{u"type"_s, u"result"_s}, {u"rid"_s, frame.value("rid"_L1)}, {u"space_id"_s, u"sp_test"_s},
                    {u"mutation_id"_s, frame.value("mutation_id"_L1)}, {u"status"_s, u"rejected"_s},
                    {u"code"_s, u"forbidden"_s}, {u"reason"_s, u"not in this channel"_s}});
            return true;
        };
        auto first = h.sync->sendMessage(u"c1"_s, u"try me"_s).result();
        QVERIFY(first.ok());
        QTRY_COMPARE_WITH_TIMEOUT(h.rejected, QStringList {first->mutationId}, 5000);
        QCOMPARE(readTexts(*h.store, "SELECT state || ':' || error_code FROM outbox"),
            QStringList {u"rejected:forbidden"_s});
        QCOMPARE(readTexts(*h.store, "SELECT send_state FROM messages"), QStringList {u"2"_s});

        reject = false;
        auto retried = h.sync->retryMessage(first->entityId).result();
        QVERIFY2(retried.ok(), qPrintable(retried.ok() ? QString() : retried.error().message));
        QVERIFY(retried->mutationId != first->mutationId);
        QTRY_COMPARE_WITH_TIMEOUT(readTexts(*h.store, "SELECT body || ':' || send_state FROM messages"),
            QStringList {u"try me:0"_s}, 5000);
        QCOMPARE(readInt(*h.store, "SELECT count(*) FROM outbox"), qint64(0));

        reject = true;
        auto second = h.sync->sendMessage(u"c1"_s, u"drop me"_s).result();
        QVERIFY(second.ok());
        QTRY_COMPARE_WITH_TIMEOUT(h.rejected.size(), 2, 5000);
        QVERIFY(h.sync->discardMessage(second->entityId).result().ok());
        QCOMPARE(readInt(*h.store, "SELECT count(*) FROM outbox"), qint64(0));
        QCOMPARE(readTexts(*h.store, "SELECT body FROM messages"), QStringList {u"try me"_s});
        QCOMPARE(
            readInt(*h.store, "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'drop'"), qint64(0));
    }

    // A reaction shows as soon as it is queued (before any answer); a rejection takes it away again,
    // and a rejected removal puts it back.
    void reactionsEchoAtOnceAndARejectionUndoesThem()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.append(u"message.created"_s, h.messageCreated(u"m1"_s, 1, u"react to me"_s));
        QTRY_COMPARE_WITH_TIMEOUT(readInt(*h.store, "SELECT count(*) FROM messages"), qint64(1), 5000);
        h.server.intercept = [&](const QJsonObject &frame) {
            if (frame.value("type"_L1).toString() != u"mutate")
                return false;
            h.server.send(
                {{u"type"_s, u"result"_s}, {u"rid"_s, frame.value("rid"_L1)}, {u"space_id"_s, u"sp_test"_s},
                    {u"mutation_id"_s, frame.value("mutation_id"_L1)}, {u"status"_s, u"rejected"_s},
                    {u"code"_s, u"forbidden"_s}, {u"reason"_s, u"reactions are off here"_s}});
            return true;
        };
        const QJsonObject thumbs {
            {u"conversation_id"_s, u"c1"_s}, {u"message_id"_s, u"m1"_s}, {u"emoji"_s, u"👍"_s}};
        const std::string mine
            = "SELECT count(*) FROM reactions WHERE message_id = 'm1' AND user_id = 'u_alice'";

        QVERIFY(h.sync->mutate(u"reaction.add"_s, thumbs).result().ok());
        QCOMPARE(readInt(*h.store, mine), qint64(1)); // before the server has said anything
        QTRY_COMPARE_WITH_TIMEOUT(h.rejected.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(readInt(*h.store, mine), qint64(0), 5000);

        QVERIFY(h.store
                    ->write<bool>([](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
                        TANDEM_TRY(
                            s.db().exec("INSERT INTO reactions(message_id, user_id, emoji, created_at) "
                                        "VALUES ('m1', 'u_alice', '👍', 1)"));
                        return true;
                    })
                    .result()
                    .ok());
        QVERIFY(h.sync->mutate(u"reaction.remove"_s, thumbs).result().ok());
        QCOMPARE(readInt(*h.store, mine), qint64(0));
        QTRY_COMPARE_WITH_TIMEOUT(h.rejected.size(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(readInt(*h.store, mine), qint64(1), 5000);
    }

    // Reading clears the unread count at once, offline too: the receipt is the account's own.
    void aReceiptMarksReadBeforeTheServerAnswers()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        for (int i = 1; i <= 3; ++i)
            h.server.append(u"message.created"_s, h.messageCreated(u"m%1"_s.arg(i), i, u"news"_s));
        QTRY_COMPARE_WITH_TIMEOUT(
            readInt(*h.store, "SELECT unread_count FROM conversations WHERE id = 'c1'"), qint64(3), 5000);
        h.sync->stop();
        QVERIFY(h.sync->mutate(u"receipt.mark"_s, {{u"conversation_id"_s, u"c1"_s}, {u"up_to_cseq"_s, 3}})
                    .result()
                    .ok());
        QCOMPARE(
            readInt(*h.store, "SELECT up_to_seq FROM read_receipts WHERE user_id = 'u_alice'"), qint64(3));
        QCOMPARE(readInt(*h.store, "SELECT unread_count FROM conversations WHERE id = 'c1'"), qint64(0));
        QCOMPARE(readInt(*h.store, "SELECT count(*) FROM outbox WHERE kind = 'receipt.mark'"), qint64(1));
    }

    // The server's edit and recall windows are kept in the store, where the app reads them offline.
    void theWelcomesWindowsAreKept()
    {
        Harness h;
        h.server.policy = {{u"edit_window_ms"_s, 900000}, {u"recall_window_ms"_s, 120000}};
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(readTexts(*h.store,
                                      "SELECT value FROM settings WHERE key IN ('edit_window_ms', "
                                      "'recall_window_ms') ORDER BY key"),
            (QStringList {u"900000"_s, u"120000"_s}), 5000);
        auto policy = h.store
                          ->read<messaging::MessagePolicy>([](store::SpaceStore &s) {
                              return Result<messaging::MessagePolicy>(messaging::messagePolicy(s));
                          })
                          .result();
        QVERIFY(policy.ok());
        QCOMPARE(policy->editWindowMs, 900000);
        QCOMPARE(policy->recallWindowMs, 120000);
    }

    void aDuplicateResultOfAnAppliedMutationCompletesIt()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.intercept = [&](const QJsonObject &frame) {
            if (frame.value("type"_L1).toString() != u"mutate")
                return false;
            h.server.answerMutation(frame); // applies it, pushes the event, answers applied
            h.server.answerMutation(frame); // a second answer is not expected for one rid…
            return true;
        };
        // …so the client treats the second as a frame that fits no request (close 4000, reconnect),
        // resends nothing (the row is answered), and ends with one message.
        QVERIFY(h.sync->sendMessage(u"c1"_s, u"once"_s).result().ok());
        QTRY_COMPARE_WITH_TIMEOUT(readInt(*h.store, "SELECT count(*) FROM outbox"), qint64(0), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(readTexts(*h.store, "SELECT body || ':' || send_state FROM messages"),
            QStringList {u"once:0"_s}, 5000);
    }

    void slowDownHoldsMutationsBack()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.send(
            {{u"type"_s, u"slow_down"_s}, {u"delay_ms"_s, 700}, {u"scope"_s, QJsonArray {u"mutations"_s}}});
        QTest::qWait(50);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(h.sync->sendMessage(u"c1"_s, u"patience"_s).result().ok());
        QTRY_COMPARE_WITH_TIMEOUT(h.server.sent(u"mutate"_s).size(), 1, 5000);
        QVERIFY2(clock.elapsed() >= 500, qPrintable(QString::number(clock.elapsed())));
    }

    void anExpiredMutationIsNotSent()
    {
        Harness h;
        // A row written 89 days ago: within the default 90-day retention, but not a day before its end.
        auto written = h.store->write<bool>([](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
            store::OutboxRow row;
            row.mutationId = u"019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a05"_s;
            row.kind = u"reaction.add"_s;
            row.payload = R"({"conversation_id":"c1","message_id":"m1","emoji":"x"})";
            row.createdAt = protocol::nowMs() - 89LL * 24 * 3600 * 1000 - 60000;
            TANDEM_TRY(store::insertOutbox(s.db(), row));
            return true;
        });
        QVERIFY(written.result().ok());
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(readTexts(*h.store, "SELECT state || ':' || error_code FROM outbox"),
            QStringList {u"rejected:mutation_expired"_s}, 5000);
        QCOMPARE(h.server.sent(u"mutate"_s).size(), 0);
        QCOMPARE(h.rejected.size(), 1);
    }

    void withoutATokenItLogsInAndKeepsTheTokenInTheStore()
    {
        Harness h {QString()};
        SyncConfig config = fastConfig();
        config.password = u"demo"_s;
        h.startReady(config);
        if (QTest::currentTestFailed())
            return;
        const QList<Received> logins = h.server.sent(u"login"_s);
        QCOMPARE(logins.size(), 1);
        QCOMPARE(logins.first().frame.value("user_name"_L1).toString(), u"alice"_s);
        QCOMPARE(logins.first().frame.value("password"_L1).toString(), u"demo"_s);
        QCOMPARE(h.server.sent(u"hello"_s).first().frame.value("token"_L1).toString(),
            u"tk_0123456789abcdef0123"_s);
        QCOMPARE(readTexts(*h.store, "SELECT value FROM settings WHERE key = 'sync.token'"),
            QStringList {u"tk_0123456789abcdef0123"_s});
        QCOMPARE(
            readTexts(*h.store, "SELECT device_id FROM accounts WHERE is_self = 1"), QStringList {u"dev1"_s});
    }

    void withoutATokenOrPasswordItAsksForALogin()
    {
        Harness h {QString()};
        h.start();
        QTRY_COMPARE_WITH_TIMEOUT(h.state(), SyncState::NeedsLogin, 5000);
        QCOMPARE(h.server.connections(), 0);
    }

    void theseClosesStopReconnecting_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("closeCode");
        QTest::addColumn<int>("state");
        QTest::newRow("session_replaced") << u"session_replaced"_s << 4004 << int(SyncState::Stopped);
        QTest::newRow("unsupported_version") << u"unsupported_version"_s << 4001 << int(SyncState::Stopped);
        QTest::newRow("token_revoked") << u"token_revoked"_s << 1008 << int(SyncState::NeedsLogin);
        QTest::newRow("token_expired") << u"token_expired"_s << 1008 << int(SyncState::NeedsLogin);
        QTest::newRow("1008 without an error") << QString() << 1008 << int(SyncState::NeedsLogin);
        QTest::newRow("4004 without an error") << QString() << 4004 << int(SyncState::Stopped);
    }

    void theseClosesStopReconnecting()
    {
        QFETCH(QString, code);
        QFETCH(int, closeCode);
        QFETCH(int, state);
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        if (code.isEmpty())
            h.server.closeClient(quint16(closeCode));
        else
            h.server.fail(code, quint16(closeCode));
        QTRY_COMPARE_WITH_TIMEOUT(int(h.state()), state, 5000);
        QTest::qWait(800); // the backoff bound is 400 ms in these tests
        QCOMPARE(h.server.connections(), 1);
        if (state == int(SyncState::NeedsLogin)) {
            QCOMPARE(readTexts(*h.store, "SELECT value FROM settings WHERE key = 'sync.token'"),
                QStringList {QString()});
            QCOMPARE(readInt(*h.store, "SELECT count(*) FROM users"), qint64(2)); // the data stays
        }
    }

    void otherClosesReconnectWithBackoff_data()
    {
        QTest::addColumn<int>("closeCode");
        QTest::newRow("1001 going away") << 1001;
        QTest::newRow("1011 internal error") << 1011;
        QTest::newRow("4002 idle") << 4002;
        QTest::newRow("1000 normal") << 1000;
    }

    void otherClosesReconnectWithBackoff()
    {
        QFETCH(int, closeCode);
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.closeClient(quint16(closeCode));
        QTRY_COMPARE_WITH_TIMEOUT(h.server.connections(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(h.state(), SyncState::Ready, 5000);
        // The second hello resumes where the first left off.
        const QJsonObject space
            = h.server.sent(u"hello"_s).last().frame.value("spaces"_L1).toArray().first().toObject();
        QCOMPARE(space.value("epoch"_L1).toString(), u"ep-1"_s);
    }

    void retryAfterIsHonoured()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        QElapsedTimer clock;
        clock.start();
        h.server.fail(u"server_shutdown"_s, 1001, 900);
        QTRY_COMPARE_WITH_TIMEOUT(h.server.connections(), 2, 5000);
        QVERIFY2(clock.elapsed() >= 850, qPrintable(QString::number(clock.elapsed())));
    }

    void aSilentServerIsDroppedAndReconnected()
    {
        Harness h;
        h.server.limitOverrides = {{u"ping_interval_ms"_s, 1000}, {u"idle_timeout_ms"_s, 3000}};
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.intercept
            = [](const QJsonObject &frame) { return frame.value("type"_L1).toString() == u"ping"; };
        QTRY_VERIFY_WITH_TIMEOUT(!h.server.sent(u"ping"_s).isEmpty(), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(h.server.closeCodes.contains(4002), 8000);
        QTRY_COMPARE_WITH_TIMEOUT(h.server.connections(), 2, 5000);
    }

    void deviceRevokedWipesExactlyThisAccountsSpacesOnThisServer()
    {
        Harness h;
        const store::SpaceEntry sibling
            = makeSyncedSpace(h.profile, u"Personal"_s, h.server.url(), u"u_alice"_s, u"sp_personal"_s);
        const store::SpaceEntry otherUser
            = makeSyncedSpace(h.profile, u"Bob's"_s, h.server.url(), u"u_bob"_s);
        const store::SpaceEntry otherServer
            = makeSyncedSpace(h.profile, u"Elsewhere"_s, u"ws://127.0.0.1:9"_s, u"u_alice"_s);
        const store::SpaceEntry local
            = h.profile.createSpace(u"Local"_s, store::SpaceKind::Personal, passphrase(), false, cheapKdf())
                  .value();
        SyncConfig config = fastConfig();
        config.profileDirectory = h.profile.directory();
        config.passphrase = passphrase();
        h.startReady(config);
        if (QTest::currentTestFailed())
            return;
        h.server.fail(u"device_revoked"_s, 1008);
        QTRY_COMPARE_WITH_TIMEOUT(h.wiped.size(), 2, 10000);
        QCOMPARE(QSet<QString>(h.wiped.begin(), h.wiped.end()),
            (QSet<QString> {h.entry.meta.id, sibling.meta.id}));
        QStringList left;
        const QList<store::SpaceEntry> remaining = h.profile.spaces().value();
        for (const store::SpaceEntry &e : remaining)
            left << e.meta.id;
        QCOMPARE(QSet<QString>(left.begin(), left.end()),
            (QSet<QString> {otherUser.meta.id, otherServer.meta.id, local.meta.id}));
        QVERIFY(!QFile::exists(h.entry.databasePath()));
        QCOMPARE(h.sync->status().code, u"device_revoked"_s);
        QTest::qWait(500);
        QCOMPARE(h.server.connections(), 1);
    }

    void aRevokedSpaceIsWipedAlone()
    {
        Harness h;
        const store::SpaceEntry sibling
            = makeSyncedSpace(h.profile, u"Personal"_s, h.server.url(), u"u_alice"_s, u"sp_personal"_s);
        SyncConfig config = fastConfig();
        config.profileDirectory = h.profile.directory();
        config.passphrase = passphrase();
        h.startReady(config);
        if (QTest::currentTestFailed())
            return;
        h.server.send({{u"type"_s, u"error"_s}, {u"code"_s, u"space_revoked"_s}, {u"reason"_s, u"removed"_s},
            {u"retryable"_s, false}, {u"fatal"_s, false}, {u"space_id"_s, u"sp_test"_s}});
        QTRY_COMPARE_WITH_TIMEOUT(h.wiped, QStringList {h.entry.meta.id}, 10000);
        QCOMPARE(h.profile.spaces().value().size(), 1);
        QCOMPARE(h.profile.spaces().value().first().meta.id, sibling.meta.id);
    }
};

QTEST_GUILESS_MAIN(TestSyncSession)
#include "tst_syncsession.moc"
