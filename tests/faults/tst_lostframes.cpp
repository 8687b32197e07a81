// A frame lost on a connection that otherwise stays healthy (§2.4, §9.3): the proxy swallows every
// frame of one direction for a moment while alice sends, then lets traffic flow again, so pings and
// pongs keep the connection alive while her mutation or its result is gone. Only the rule "a request
// unanswered after 2 × idle_timeout_ms means the peer is broken" gets the message through: the client
// must reconnect and resend, and the message must then exist exactly once.
#include "convergence.h"
#include "faultstestsupport.h"

#include <QElapsedTimer>

using namespace tandem;
using namespace tandem::test;

class TestLostFrames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resendsWhenAFrameIsLost_data()
    {
        QTest::addColumn<bool>("up");
        QTest::newRow("mutation lost on the way up") << true;
        QTest::newRow("result lost on the way down") << false;
    }

    void resendsWhenAFrameIsLost()
    {
        QFETCH(bool, up);
        QTemporaryDir dir;
        ServerProcess server(
            QStringLiteral(TANDEM_SERVER_BIN), dir.filePath(QStringLiteral("server")), fastServerArguments());
        QVERIFY2(server.start(), qPrintable(server.error()));
        FaultProxy proxy(server.url(), 11);
        QVERIFY(proxy.listen());
        Replica alice(dir.filePath(QStringLiteral("alice")), QStringLiteral("alice"));
        QVERIFY(alice.create(proxy.url(), QStringLiteral("sp_demo_work")).ok());
        alice.start(Replica::testConfig());
        QVERIFY2(waitUntilSettled({&alice}, 45000), (describe({&alice}) + "\n" + server.log()).constData());
        const QStringList conversations = sharedConversations({&alice});
        QVERIFY(!conversations.isEmpty());
        const qint64 connectionsBefore = proxy.counters().connections;

        FaultConfig silence;
        (up ? silence.up : silence.down).drop = 1.0;
        proxy.setFaults(silence);
        const QString body = QStringLiteral("lost %1").arg(up ? u"up" : u"down");
        const auto id = alice.send(conversations.first(), body);
        QVERIFY(id.ok());
        // Long enough for the frame to be swallowed, short enough that no idle timeout fires.
        QTest::qWait(400);
        proxy.clearFaults();
        QVERIFY((up ? proxy.counters().up : proxy.counters().down).dropped >= 1);

        QElapsedTimer clock;
        clock.start();
        const ConvergenceReport report = waitForConvergence(
            server.dataDir(), {&alice}, {{*id, conversations.first(), body}}, {conversations.first()}, 20000);
        qInfo("recovered in %lld ms over %lld new connections", clock.elapsed(),
            proxy.counters().connections - connectionsBefore);
        QVERIFY2(report.converged, qPrintable(report.problem));
        alice.close();
        QVERIFY2(server.stop(), server.log().constData());
    }
};

QTEST_GUILESS_MAIN(TestLostFrames)
#include "tst_lostframes.moc"
