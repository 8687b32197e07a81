// kill -9 of the server during a write storm (issue 3): three engines type into shared conversations
// while tandem-server is killed with SIGKILL twice and restarted on the same data directory. Nothing
// typed is lost, nothing is applied twice, and the server and every replica end up the same.
#include "convergence.h"
#include "faultstestsupport.h"

#include <QElapsedTimer>

using namespace tandem;
using namespace tandem::test;

class TestServerKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void survivesKillNineDuringAWriteStorm()
    {
        QElapsedTimer clock;
        clock.start();
        QTemporaryDir dir;
        ServerProcess server(
            QStringLiteral(TANDEM_SERVER_BIN), dir.filePath(QStringLiteral("server")), fastServerArguments());
        QVERIFY2(server.start(), qPrintable(server.error()));
        // No faults: the proxy only gives the clients one address across restarts on new ports.
        FaultProxy proxy(server.url(), 1);
        QVERIFY(proxy.listen());

        Replica alice(dir.filePath(QStringLiteral("alice")), QStringLiteral("alice"));
        Replica bob(dir.filePath(QStringLiteral("bob")), QStringLiteral("bob"));
        Replica chen(dir.filePath(QStringLiteral("chen")), QStringLiteral("chen"));
        const QList<Replica *> replicas {&alice, &bob, &chen};
        for (Replica *r : replicas) {
            QVERIFY(r->create(proxy.url(), QStringLiteral("sp_demo_work")).ok());
            r->start(Replica::testConfig());
        }
        QVERIFY2(waitUntilSettled(replicas, 45000), (describe(replicas) + "\n" + server.log()).constData());
        const QStringList conversations = sharedConversations(replicas);
        QVERIFY(conversations.size() >= 2);

        const int rounds = 600;
        const QList<int> killAt {150, 380};
        int kills = 0;
        qint64 appliedBeforeKill = 0;
        qint64 unansweredAtKills = 0; // outbox rows alive when the server died
        QList<Typed> typed;
        for (int round = 0; round < rounds; ++round) {
            for (Replica *r : replicas) {
                const QString conversation = conversations[(round + typed.size()) % conversations.size()];
                const QString body = QStringLiteral("kill %1 #%2").arg(r->userName()).arg(round);
                const auto id = r->send(conversation, body);
                QVERIFY(id.ok());
                typed.append({*id, conversation, body});
            }
            if (round % 10 == 9)
                QTest::qWait(20); // the engines send while the users type
            if (killAt.contains(round)) {
                // SIGKILL while mutations are in flight: no shutdown frame, no flush.
                const auto before = serverMessages(server.dataDir());
                QVERIFY(before.ok());
                appliedBeforeKill = before->size();
                for (Replica *r : replicas)
                    if (const auto unfinished = r->unfinished(); unfinished.ok())
                        unansweredAtKills += *unfinished;
                server.kill();
                ++kills;
                QTest::qWait(300); // the clients notice and back off
                QVERIFY2(server.start(), qPrintable(server.error()));
                proxy.setUpstream(server.url());
            }
        }
        QCOMPARE(kills, 2);
        QVERIFY(appliedBeforeKill > 0);
        QVERIFY2(unansweredAtKills > 0, "the kills missed the storm: every outbox was empty");

        const ConvergenceReport report = waitForConvergence(
            server.dataDir(), replicas, typed, conversations, 40000, QStringLiteral("kill "));
        qInfo("%lld messages, 2 kills with %lld unanswered, %lld connections; %lld ms", qint64(typed.size()),
            unansweredAtKills, proxy.counters().connections, clock.elapsed());
        QVERIFY2(report.converged, qPrintable(report.problem));
        for (Replica *r : replicas)
            r->close();
        QVERIFY2(server.stop(), server.log().constData());
    }
};

QTEST_GUILESS_MAIN(TestServerKill)
#include "tst_serverkill.moc"
