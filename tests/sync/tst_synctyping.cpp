// Typing notices in the sync engine (docs/protocol.md §6.7) against a scripted server: sent only when
// the server announced typing and at most every 3 s, announced in hello; notices from the server
// reach SpaceSync::typingChanged and end with the typist's message or the connection; a malformed
// notice is a malformed frame (close 4000, reconnect), never a crash.
#include "syncharness.h"

#include <QSignalSpy>
#include <QTest>

using namespace tandem;
using namespace tandem::sync;
using namespace tandem::sync::test;

class TestSyncTyping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helloAnnouncesTypingAndPresence()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        const QJsonArray features = h.server.sent(u"hello"_s).first().frame.value("features"_L1).toArray();
        QVERIFY(features.contains(u"typing"_s));
        QVERIFY(features.contains(u"presence"_s));
    }

    void nothingIsSentToAServerWithoutTyping()
    {
        Harness h;
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        h.sync->sendTyping(u"c1"_s);
        QTest::qWait(300);
        QCOMPARE(h.server.sent(u"typing"_s).size(), 0);
    }

    void atMostOneNoticeEvery3Seconds()
    {
        Harness h;
        h.server.features = {u"typing"_s};
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        for (int i = 0; i < 5; ++i)
            h.sync->sendTyping(u"c1"_s);
        h.sync->sendTyping(u"c2"_s); // another conversation has its own interval
        h.sync->sendTyping(QString()); // not an id: nothing
        QTRY_COMPARE_WITH_TIMEOUT(h.server.sent(u"typing"_s).size(), 2, 5000);
        const QJsonObject first = h.server.sent(u"typing"_s).first().frame;
        QCOMPARE(first.value("conversation_id"_L1).toString(), u"c1"_s);
        QCOMPARE(first.value("space_id"_L1).toString(), u"sp_test"_s);
        QTest::qWait(1500);
        h.sync->sendTyping(u"c1"_s);
        QTest::qWait(300);
        QCOMPARE(h.server.sent(u"typing"_s).size(), 2); // 1.8 s after the first: still held back
        QTest::qWait(1400);
        h.sync->sendTyping(u"c1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(h.server.sent(u"typing"_s).size(), 3, 5000);
    }

    void aNoticeShowsUntilTheTypistsMessage()
    {
        Harness h;
        h.server.features = {u"typing"_s};
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        QSignalSpy changed(h.sync.get(), &SpaceSync::typingChanged);
        const auto notice = [&](const QString &user, const QString &space = u"sp_test"_s) {
            h.server.send({{u"type"_s, u"typing"_s}, {u"space_id"_s, space}, {u"conversation_id"_s, u"c1"_s},
                {u"user_id"_s, user}, {u"expires_in_ms"_s, 30000}});
        };
        notice(u"u_alice"_s); // the account itself (another device): not shown
        notice(u"u_bob"_s, u"sp_elsewhere"_s); // another space's: not this list's
        notice(u"u_bob"_s);
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
        QCOMPARE(changed.first().at(0).toString(), u"c1"_s);
        QCOMPARE(changed.first().at(1).toStringList(), QStringList {u"u_bob"_s});
        h.server.append(u"message.created"_s, h.messageCreated(u"m-typed"_s, 1, u"done"_s));
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 5000);
        QCOMPARE(changed.last().at(1).toStringList(), QStringList());
    }

    void theEndOfTheConnectionEndsEveryNotice()
    {
        Harness h;
        h.server.features = {u"typing"_s};
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        QSignalSpy changed(h.sync.get(), &SpaceSync::typingChanged);
        h.server.send({{u"type"_s, u"typing"_s}, {u"space_id"_s, u"sp_test"_s},
            {u"conversation_id"_s, u"c1"_s}, {u"user_id"_s, u"u_bob"_s}, {u"expires_in_ms"_s, 60000}});
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
        h.server.closeClient(1001);
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 5000);
        QCOMPARE(changed.last().at(1).toStringList(), QStringList());
    }

    void aMalformedNoticeClosesWith4000AndTheClientComesBack()
    {
        Harness h;
        h.server.features = {u"typing"_s};
        h.startReady();
        if (QTest::currentTestFailed())
            return;
        QSignalSpy changed(h.sync.get(), &SpaceSync::typingChanged);
        for (const QJsonValue &expires : {QJsonValue(0), QJsonValue(u"soon"_s), QJsonValue(1e300)}) {
            const int hellos = int(h.server.sent(u"hello"_s).size());
            h.server.send({{u"type"_s, u"typing"_s}, {u"space_id"_s, u"sp_test"_s},
                {u"conversation_id"_s, u"c1"_s}, {u"user_id"_s, u"u_bob"_s}, {u"expires_in_ms"_s, expires}});
            QTRY_VERIFY_WITH_TIMEOUT(h.server.closeCodes.contains(4000), 5000);
            h.server.closeCodes.clear();
            QTRY_COMPARE_WITH_TIMEOUT(h.server.sent(u"hello"_s).size(), hellos + 1, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(h.sync->status().state == SyncState::Ready, 10000);
        }
        QCOMPARE(changed.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncTyping)
#include "tst_synctyping.moc"
