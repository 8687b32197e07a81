// Convergence under frame faults (issue 3): three clients (alice, bob, chen, each the real sync engine
// on its own encrypted store) write thousands of messages into shared demo conversations of a real
// tandem-server, through a proxy that drops, duplicates, reorders and delays frames and cuts
// connections, with a fixed seed per run. Once the network heals, the server and every replica hold
// exactly the typed messages, once each, nothing is left in any outbox, and every conversation hashes
// the same everywhere.
#include "convergence.h"
#include "faultstestsupport.h"

#include <QElapsedTimer>

using namespace tandem;
using namespace tandem::test;

class TestConvergence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void convergesUnderFrameFaults_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("rounds"); // each round, each client sends one message
        QTest::addColumn<double>("drop");
        QTest::addColumn<double>("duplicate");
        QTest::addColumn<double>("reorder");
        QTest::addColumn<double>("delay");
        QTest::addColumn<int>("cutAfter");
        QTest::newRow("mixed faults") << quint64(20261124) << 700 << 0.01 << 0.01 << 0.05 << 0.05 << 150;
        QTest::newRow("cuts only") << quint64(7) << 700 << 0.0 << 0.0 << 0.0 << 0.0 << 60;
    }

    void convergesUnderFrameFaults()
    {
        QFETCH(quint64, seed);
        QFETCH(int, rounds);
        QFETCH(double, drop);
        QFETCH(double, duplicate);
        QFETCH(double, reorder);
        QFETCH(double, delay);
        QFETCH(int, cutAfter);
        QElapsedTimer clock;
        clock.start();

        QTemporaryDir dir;
        ServerProcess server(
            QStringLiteral(TANDEM_SERVER_BIN), dir.filePath(QStringLiteral("server")), fastServerArguments());
        QVERIFY2(server.start(), qPrintable(server.error()));
        FaultProxy proxy(server.url(), seed);
        QVERIFY(proxy.listen());

        Replica alice(dir.filePath(QStringLiteral("alice")), QStringLiteral("alice"));
        Replica bob(dir.filePath(QStringLiteral("bob")), QStringLiteral("bob"));
        Replica chen(dir.filePath(QStringLiteral("chen")), QStringLiteral("chen"));
        const QList<Replica *> replicas {&alice, &bob, &chen};
        for (Replica *r : replicas) {
            const Status created = r->create(proxy.url(), QStringLiteral("sp_demo_work"));
            QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
            r->start(Replica::testConfig());
        }
        QVERIFY2(waitUntilSettled(replicas, 45000), (describe(replicas) + "\n" + server.log()).constData());
        const QStringList conversations = sharedConversations(replicas);
        QVERIFY2(conversations.size() >= 2, qPrintable(conversations.join(u' ')));
        const qint64 setUpMs = clock.elapsed();

        FaultConfig faults;
        for (FaultPlan *plan : {&faults.up, &faults.down}) {
            plan->drop = drop;
            plan->duplicate = duplicate;
            plan->reorder = reorder;
            plan->delay = delay;
            plan->delayMinMs = 1;
            plan->delayMaxMs = 40;
        }
        faults.cutAfterFrames = cutAfter;
        faults.cutJitter = cutAfter * 2;
        proxy.setFaults(faults);

        // The storm: every client types while frames are being mangled.
        QList<Typed> typed;
        for (int round = 0; round < rounds; ++round) {
            for (Replica *r : replicas) {
                const QString conversation = conversations[(round + typed.size()) % conversations.size()];
                const QString body = QStringLiteral("%1 %2 #%3").arg(r->userName()).arg(seed).arg(round);
                const auto id = r->send(conversation, body);
                QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));
                typed.append({*id, conversation, body});
            }
            if (round % 10 == 9)
                QTest::qWait(5);
        }
        // Faults go on while the outboxes drain, then the network heals.
        QTest::qWait(3000);
        proxy.clearFaults();
        const qint64 stormMs = clock.elapsed() - setUpMs;

        const ConvergenceReport report
            = waitForConvergence(server.dataDir(), replicas, typed, conversations, 40000);
        const FaultCounters &c = proxy.counters();
        qInfo("seed %llu: %lld messages; set-up %lld ms, storm %lld ms, total %lld ms; %lld connections, "
              "%lld cuts; "
              "up: %lld frames, %lld dropped, %lld duplicated, %lld reordered, %lld delayed; down: %lld "
              "frames, "
              "%lld dropped, %lld duplicated, %lld reordered, %lld delayed",
            seed, qint64(typed.size()), setUpMs, stormMs, clock.elapsed(), c.connections, c.cuts, c.up.frames,
            c.up.dropped, c.up.duplicated, c.up.reordered, c.up.delayed, c.down.frames, c.down.dropped,
            c.down.duplicated, c.down.reordered, c.down.delayed);
        QVERIFY2(report.converged, qPrintable(report.problem));
        // The faults really happened.
        QVERIFY(c.cuts >= 3);
        if (drop > 0)
            QVERIFY(c.up.dropped > 0 && c.down.dropped > 0);
        for (Replica *r : replicas)
            r->close();
        QVERIFY2(server.stop(), server.log().constData());
    }

    // The app runs the engine through SpaceSync, on a thread of its own: its timers (reconnect, acks,
    // gap and tail fetches, pings) must work there too, or a cut connection is never reopened.
    void reconnectsThroughSpaceSyncAfterACut()
    {
        QTemporaryDir dir;
        ServerProcess server(
            QStringLiteral(TANDEM_SERVER_BIN), dir.filePath(QStringLiteral("server")), fastServerArguments());
        QVERIFY2(server.start(), qPrintable(server.error()));
        FaultProxy proxy(server.url(), 3);
        QVERIFY(proxy.listen());
        Replica alice(dir.filePath(QStringLiteral("alice")), QStringLiteral("alice"));
        Replica bob(dir.filePath(QStringLiteral("bob")), QStringLiteral("bob"));
        const QList<Replica *> replicas {&alice, &bob};
        for (Replica *r : replicas) {
            QVERIFY(r->create(proxy.url(), QStringLiteral("sp_demo_work")).ok());
            r->start(Replica::testConfig(), true);
        }
        QVERIFY2(waitUntilReady(replicas, 45000), (describe(replicas) + "\n" + server.log()).constData());
        const QStringList conversations = sharedConversations(replicas);
        QVERIFY(!conversations.isEmpty());

        QList<Typed> typed;
        for (int round = 0; round < 3; ++round) {
            proxy.cutAll();
            for (Replica *r : replicas) {
                const QString body = QStringLiteral("thread %1 #%2").arg(r->userName()).arg(round);
                const auto id = r->send(conversations.first(), body);
                QVERIFY(id.ok());
                typed.append({*id, conversations.first(), body});
            }
            QTest::qWait(200);
        }
        const ConvergenceReport report
            = waitForConvergence(server.dataDir(), replicas, typed, {conversations.first()}, 20000);
        QVERIFY2(report.converged, qPrintable(report.problem));
        QVERIFY(proxy.counters().connections >= 5);
        for (Replica *r : replicas)
            r->close();
    }
};

QTEST_GUILESS_MAIN(TestConvergence)
#include "tst_convergence.moc"
