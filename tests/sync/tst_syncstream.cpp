// The event stream against a scripted server (docs/protocol.md §14, client checklist): order and the
// cursor in one transaction, duplicates, gaps, unknown kinds, epoch changes and snapshots, history
// backfill, and malformed server frames.
#include "syncharness.h"

#include <QElapsedTimer>
#include <QTest>

using namespace tandem;
using namespace tandem::sync;
using namespace tandem::sync::test;

class TestSyncStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliesEventsInOrderAndAcksTheCursor()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        for (int i = 1; i <= 3; ++i)
            h.server.append(u"message.created"_s, h.messageCreated(u"m%1"_s.arg(i), i, u"hello %1"_s.arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(cursorOf(*h.store).seq, qint64(3), 5000);
        QCOMPARE(readTexts(*h.store, "SELECT id FROM messages ORDER BY seq"),
            (QStringList {u"m1"_s, u"m2"_s, u"m3"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(h.lastAck(), qint64(3), 3000);
    }

    void aBatchAndItsCursorAreOneTransaction()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        // A trigger on the store's own connection makes the second event of the batch fail.
        auto armed = h.store->write<bool>([](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
            TANDEM_TRY(s.db().exec("CREATE TEMP TABLE armed(on_ INTEGER); INSERT INTO armed VALUES (1); "
                                   "CREATE TEMP TRIGGER boom BEFORE INSERT ON main.messages "
                                   "WHEN NEW.body = 'boom' AND (SELECT on_ FROM armed) = 1 "
                                   "BEGIN SELECT RAISE(ABORT, 'boom'); END"));
            return true;
        });
        QVERIFY(armed.result().ok());
        h.server.pushLive = false;
        h.server.append(u"message.created"_s, h.messageCreated(u"m1"_s, 1, u"fine"_s));
        h.server.append(u"message.created"_s, h.messageCreated(u"m2"_s, 2, u"boom"_s));
        h.server.push(h.server.log);

        // Neither the first message nor the cursor was stored; the client starts over.
        QTRY_VERIFY_WITH_TIMEOUT(h.server.closeCodes.contains(1011), 5000);
        QCOMPARE(cursorOf(*h.store).seq, qint64(0));
        QCOMPARE(readInt(*h.store, "SELECT count(*) FROM messages"), qint64(0));

        QVERIFY(h.store
                    ->write<bool>([](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
                        TANDEM_TRY(s.db().exec("UPDATE armed SET on_ = 0"));
                        return true;
                    })
                    .result()
                    .ok());
        h.server.pushLive = true;
        QTRY_COMPARE_WITH_TIMEOUT(cursorOf(*h.store).seq, qint64(2), 10000);
        QCOMPARE(readInt(*h.store, "SELECT count(*) FROM messages"), qint64(2));
    }

    void duplicatesAreDropped()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.append(u"message.created"_s, h.messageCreated(u"m1"_s, 1, u"v1"_s));
        auto edit = [](const QString &body, qint64 at) {
            return QJsonObject {{u"conversation_id"_s, u"c1"_s}, {u"message_id"_s, u"m1"_s},
                {u"body"_s, body}, {u"format"_s, u"plain"_s}, {u"mentions"_s, QJsonArray()},
                {u"edited_at"_s, double(at)}};
        };
        h.server.append(u"message.edited"_s, edit(u"v2"_s, 2));
        h.server.append(u"message.edited"_s, edit(u"v3"_s, 3));
        QTRY_COMPARE_WITH_TIMEOUT(cursorOf(*h.store).seq, qint64(3), 5000);
        // The second edit again: applying it would bring back "v2".
        h.server.push({h.server.log.at(1)});
        h.server.append(u"reaction.added"_s,
            {{u"conversation_id"_s, u"c1"_s}, {u"message_id"_s, u"m1"_s}, {u"user_id"_s, u"u_bob"_s},
                {u"emoji"_s, u"👍"_s}, {u"at"_s, 5}});
        QTRY_COMPARE_WITH_TIMEOUT(cursorOf(*h.store).seq, qint64(4), 5000);
        QCOMPARE(readTexts(*h.store, "SELECT body FROM messages WHERE id = 'm1'"), QStringList {u"v3"_s});
    }

    void aGapWaitsThenFetches()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.append(u"message.created"_s, h.messageCreated(u"m1"_s, 1, u"one"_s));
        QTRY_COMPARE_WITH_TIMEOUT(cursorOf(*h.store).seq, qint64(1), 5000);
        h.server.pushLive = false;
        h.server.append(u"message.created"_s, h.messageCreated(u"m2"_s, 2, u"two"_s));
        h.server.append(u"message.created"_s, h.messageCreated(u"m3"_s, 3, u"three"_s));
        QElapsedTimer clock;
        clock.start();
        h.server.push({h.server.log.at(2)}); // 3 without 2
        QTRY_VERIFY_WITH_TIMEOUT(!h.server.sent(u"fetch"_s).isEmpty(), 5000);
        const qint64 waited = clock.elapsed();
        QVERIFY2(waited >= 250, qPrintable(u"fetched after %1 ms; the gap wait is 300 ms"_s.arg(waited)));
        QCOMPARE(h.server.sent(u"fetch"_s).first().frame.value("after"_L1).toInteger(), qint64(1));
        QTRY_COMPARE_WITH_TIMEOUT(cursorOf(*h.store).seq, qint64(3), 5000);
        QCOMPARE(readTexts(*h.store, "SELECT id FROM messages ORDER BY seq"),
            (QStringList {u"m1"_s, u"m2"_s, u"m3"_s}));
        QCOMPARE(h.server.sent(u"fetch"_s).size(), 1);
    }

    void aGapClosedByALatePushNeedsNoFetch()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.pushLive = false;
        h.server.append(u"message.created"_s, h.messageCreated(u"m1"_s, 1, u"one"_s));
        h.server.append(u"message.created"_s, h.messageCreated(u"m2"_s, 2, u"two"_s));
        h.server.push({h.server.log.at(1)});
        QTest::qWait(100);
        h.server.push({h.server.log.at(0)});
        QTRY_COMPARE_WITH_TIMEOUT(cursorOf(*h.store).seq, qint64(2), 5000);
        QTest::qWait(500);
        QVERIFY(h.server.sent(u"fetch"_s).isEmpty());
    }

    void unknownKindsAdvanceTheCursor()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.append(u"task.created"_s, {{u"task"_s, QJsonObject {{u"id"_s, u"t1"_s}}}});
        h.server.append(u"wibble.wobbled"_s, {{u"anything"_s, 1}});
        h.server.append(u"message.edited"_s, // a known kind about a message this client does not hold
            {{u"conversation_id"_s, u"c1"_s}, {u"message_id"_s, u"m_old"_s}, {u"body"_s, u"x"_s},
                {u"format"_s, u"plain"_s}, {u"mentions"_s, QJsonArray()}, {u"edited_at"_s, 3}});
        QTRY_COMPARE_WITH_TIMEOUT(cursorOf(*h.store).seq, qint64(3), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(h.lastAck(), qint64(3), 3000);
        QCOMPARE(h.state(), SyncState::Ready);
    }

    void theTailOfTheStreamIsFetchedWhenNotPushed()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.pushLive = false;
        h.server.append(u"message.created"_s, h.messageCreated(u"m1"_s, 1, u"one"_s));
        h.server.append(u"message.created"_s, h.messageCreated(u"m2"_s, 2, u"two"_s));
        h.server.push({h.server.log.at(0)}); // head_seq says 2; 2 is never pushed
        QTRY_COMPARE_WITH_TIMEOUT(cursorOf(*h.store).seq, qint64(2), 5000);
    }

    void anEpochChangeTakesASnapshotKeepingLocalEchoes()
    {
        Harness h;
        h.server.records.append(
            record(u"message"_s, messageRecord(u"m1"_s, u"c1"_s, 1, u"u_bob"_s, u"old world"_s)));
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(readInt(*h.store, "SELECT count(*) FROM messages WHERE id = 'm1'"), qint64(1));
        h.server.answerMutations = false;
        auto queued = h.sync->sendMessage(u"c1"_s, u"still mine"_s).result();
        QVERIFY(queued.ok());
        QTRY_COMPARE_WITH_TIMEOUT(h.server.sent(u"mutate"_s).size(), 1, 5000);

        // The server's history was rebuilt: a new epoch, other contents.
        h.server.epoch = u"ep-2"_s;
        h.server.log.clear();
        h.server.records = {record(u"user"_s, userRecord(u"u_alice"_s, u"alice"_s)),
            record(u"message"_s, messageRecord(u"m9"_s, u"c1"_s, 1, u"u_bob"_s, u"new world"_s)),
            record(u"conversation"_s, conversationRecord(u"c1"_s, u"Launch"_s, 1)),
            record(u"member"_s, memberRecord(u"c1"_s, u"u_alice"_s))};
        h.server.append(u"user.updated"_s, {{u"user"_s, userRecord(u"u_bob"_s, u"bob"_s)}});
        h.server.push(h.server.log, u"ep-2"_s);
        QTRY_COMPARE_WITH_TIMEOUT(cursorOf(*h.store).epoch, u"ep-2"_s, 5000);
        QCOMPARE(cursorOf(*h.store).seq, qint64(1));
        QCOMPARE(readTexts(*h.store, "SELECT body FROM messages WHERE seq IS NOT NULL"),
            QStringList {u"new world"_s});
        QCOMPARE(readTexts(*h.store, "SELECT body || ':' || send_state FROM messages WHERE seq IS NULL"),
            QStringList {u"still mine:1"_s});
        QCOMPARE(readInt(*h.store, "SELECT count(*) FROM snapshot_staging"), qint64(0));
        QCOMPARE(
            readInt(*h.store, "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'old'"), qint64(0));
        QCOMPARE(
            readInt(*h.store, "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'mine'"), qint64(1));
    }

    void aSnapshotIsAppliedOnlyWithItsLastPage()
    {
        Harness h;
        h.server.snapshotPageSize = 2;
        bool holdLastPage = true;
        h.server.intercept = [&](const QJsonObject &frame) {
            return holdLastPage && frame.value("page_token"_L1).toString() == u"4";
        };
        h.start();
        QTRY_COMPARE_WITH_TIMEOUT(h.server.sent(u"snapshot"_s).size(), 3, 5000);
        QTest::qWait(200);
        // Two pages are staged; nothing of them is applied yet.
        QCOMPARE(readInt(*h.store, "SELECT count(*) FROM snapshot_staging"), qint64(2));
        QCOMPARE(readInt(*h.store, "SELECT count(*) FROM users"), qint64(0));
        QCOMPARE(cursorOf(*h.store).epoch, QString());
        holdLastPage = false;
        h.server.closeClient(1001); // the client starts the snapshot again on the next connection
        QTRY_COMPARE_WITH_TIMEOUT(cursorOf(*h.store).epoch, u"ep-1"_s, 5000);
        QCOMPARE(readInt(*h.store, "SELECT count(*) FROM users"), qint64(2));
        QCOMPARE(readInt(*h.store, "SELECT count(*) FROM members"), qint64(2));
    }

    void historyIsBackfilledUntilEveryConversationIsComplete()
    {
        Harness h;
        h.server.records = {record(u"user"_s, userRecord(u"u_alice"_s, u"alice"_s)),
            record(u"conversation"_s, conversationRecord(u"c1"_s, u"Launch"_s, 5)),
            record(u"conversation"_s, conversationRecord(u"c2"_s, u"Empty"_s, 0)),
            record(u"message"_s, messageRecord(u"m4"_s, u"c1"_s, 4, u"u_alice"_s, u"four"_s)),
            record(u"message"_s, messageRecord(u"m5"_s, u"c1"_s, 5, u"u_alice"_s, u"five"_s))};
        for (int i = 1; i <= 5; ++i)
            h.server.history[u"c1"_s].append(
                messageRecord(u"m%1"_s.arg(i), u"c1"_s, i, u"u_alice"_s, u"n%1"_s.arg(i)));
        SyncConfig config = fastConfig();
        config.backfillHistory = true;
        h.start(config);
        QTRY_VERIFY_WITH_TIMEOUT(h.settledCount > 0, 10000);
        QCOMPARE(readTexts(*h.store, "SELECT id FROM messages ORDER BY seq"),
            (QStringList {u"m1"_s, u"m2"_s, u"m3"_s, u"m4"_s, u"m5"_s}));
        // Held messages are left alone: the snapshot's bodies stay.
        QCOMPARE(readTexts(*h.store, "SELECT body FROM messages WHERE id = 'm5'"), QStringList {u"five"_s});
        QCOMPARE(
            readTexts(*h.store, "SELECT conversation_id FROM conversation_state WHERE history_complete = 1"),
            QStringList {u"c1"_s});
        // Pages of two, from below the oldest message held; nothing is asked for the empty conversation.
        const QList<Received> asked = h.server.sent(u"history"_s);
        QCOMPARE(asked.size(), 2);
        QCOMPARE(asked.at(0).frame.value("before_cseq"_L1).toInteger(), qint64(4));
        QCOMPARE(asked.at(1).frame.value("before_cseq"_L1).toInteger(), qint64(2));
        QCOMPARE(asked.at(1).frame.value("conversation_id"_L1).toString(), u"c1"_s);
    }

    void malformedServerFramesCloseWith4000AndReconnect_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not JSON") << QByteArray("{\"type\": ");
        QTest::newRow("an array") << QByteArray("[1, 2]");
        QTest::newRow("no type") << QByteArray(R"({"rid": "r1"})");
        QTest::newRow("binary") << QByteArray();
        QTest::newRow("events out of order")
            << QByteArray(R"({"type":"events","space_id":"sp_test","epoch":"ep-1","head_seq":9,"events":[)"
                          R"({"seq":3,"kind":"x","at":1,"data":{}},{"seq":2,"kind":"x","at":1,"data":{}}]})");
        QTest::newRow("a message record without a body") << QByteArray(
            R"({"type":"events","space_id":"sp_test","epoch":"ep-1","head_seq":1,"events":[)"
            R"({"seq":1,"kind":"message.created","at":1,"data":{"message":{"id":"m","conversation_id":"c1",)"
            R"("cseq":1,"sender_id":"u","created_at":1,"format":"plain","mentions":[],"attachments":[],)"
            R"("reactions":[]}}}]})");
        QTest::newRow("a result for no request")
            << QByteArray(R"({"type":"result","rid":"r999","space_id":"sp_test","mutation_id":)"
                          R"("019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a05","status":"applied"})");
        QTest::newRow("a second welcome") << QByteArray(R"({"type":"welcome","rid":"r1"})");
        QTest::newRow("too deep") << QByteArray(R"({"type":"ping","rid":"s1","x":)") + QByteArray(40, '[')
                + QByteArray(40, ']') + '}';
    }

    void malformedServerFramesCloseWith4000AndReconnect()
    {
        QFETCH(QByteArray, bytes);
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        if (bytes.isEmpty())
            h.server.sendBinary("\x01\x02");
        else
            h.server.sendRaw(bytes);
        QTRY_VERIFY_WITH_TIMEOUT(h.server.closeCodes.contains(4000), 5000);
        const QList<Received> errors = h.server.sent(u"error"_s);
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.last().frame.value("code"_L1).toString(), u"bad_frame"_s);
        QCOMPARE(errors.last().frame.value("fatal"_L1).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(h.server.connections(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(h.state(), SyncState::Ready, 5000);
    }

    void aHandshakeWithoutTheTandemSubprotocolIsClosed()
    {
        Harness h;
        h.server.withoutSubprotocol();
        h.start();
        QTRY_VERIFY_WITH_TIMEOUT(h.server.closeCodes.contains(4000), 5000);
        QVERIFY(h.server.sent(u"hello"_s).isEmpty());
        QVERIFY(h.server.sent(u"login"_s).isEmpty());
        QVERIFY(h.state() != SyncState::Ready);
        // After five such closes in a row it stops and says so (§10.3).
        QTRY_COMPARE_WITH_TIMEOUT(h.state(), SyncState::Stopped, 10000);
        QCOMPARE(h.server.connections(), 5);
    }

    void aFrameAboveMaxFrameBytesClosesWith1009AndReconnects()
    {
        Harness h;
        h.server.limitOverrides = {{u"max_frame_bytes"_s, 524288}, {u"max_message_body_bytes"_s, 1024}};
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.send({{u"type"_s, u"ping"_s}, {u"rid"_s, u"s1"_s}, {u"pad"_s, QString(600000, u'x')}});
        QTRY_VERIFY_WITH_TIMEOUT(h.server.closeCodes.contains(1009), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(h.server.connections(), 2, 5000);
        QVERIFY(h.server.sent(u"pong"_s).isEmpty());
    }

    void anUnknownFrameTypeIsAnsweredAndIgnored()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.server.send({{u"type"_s, u"hologram"_s}, {u"rid"_s, u"s7"_s}});
        QTRY_VERIFY_WITH_TIMEOUT(!h.server.sent(u"error"_s).isEmpty(), 3000);
        QCOMPARE(h.server.sent(u"error"_s).last().frame.value("code"_L1).toString(), u"unknown_frame_type"_s);
        QCOMPARE(h.server.sent(u"error"_s).last().frame.value("rid"_L1).toString(), u"s7"_s);
        h.server.append(u"message.created"_s, h.messageCreated(u"m1"_s, 1, u"still here"_s));
        QTRY_COMPARE_WITH_TIMEOUT(cursorOf(*h.store).seq, qint64(1), 5000);
        QCOMPARE(h.server.connections(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncStream)
#include "tst_syncstream.moc"
