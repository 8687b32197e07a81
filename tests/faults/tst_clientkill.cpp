// kill -9 of a client while it types and sends (issue 3): alice's engine runs in a child process
// (faults_client) that is killed with SIGKILL twice mid-storm and restarted on the same profile, while
// bob types in this process. Every message alice's client reported as typed (committed to its outbox)
// reaches the server exactly once, nothing is applied twice, and all replicas agree.
#include "convergence.h"
#include "faultstestsupport.h"

#include <QElapsedTimer>
#include <QProcess>

using namespace tandem;
using namespace tandem::test;

namespace {

// Runs faults_client and collects what it reports as typed.
struct ChildClient
{
    QProcess process;
    QList<Typed> typed;
    QByteArray pending;
    bool settled = false;
    QString conversation;

    void start(const QStringList &arguments)
    {
        settled = false;
        pending.clear();
        process.setProgram(QStringLiteral(TANDEM_FAULTS_CLIENT));
        process.setArguments(arguments);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [this] { read(); });
        process.start();
    }
    void read()
    {
        pending += process.readAllStandardOutput();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(end));
            pending.remove(0, end + 1);
            if (line == u"settled")
                settled = true;
            else if (line.startsWith(u"typed "))
                typed.append({line.section(u' ', 1, 1), conversation, line.section(u' ', 2)});
        }
    }
    void kill()
    {
        process.kill();
        process.waitForFinished(10000);
        QObject::disconnect(&process, nullptr, nullptr, nullptr);
        // A line cut in half by the kill was not reported: its message counts as not typed.
    }
};

} // namespace

class TestClientKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void survivesKillNineOfAClientWhileSending()
    {
        QElapsedTimer clock;
        clock.start();
        QTemporaryDir dir;
        ServerProcess server(
            QStringLiteral(TANDEM_SERVER_BIN), dir.filePath(QStringLiteral("server")), fastServerArguments());
        QVERIFY2(server.start(), qPrintable(server.error()));

        Replica bob(dir.filePath(QStringLiteral("bob")), QStringLiteral("bob"));
        QVERIFY(bob.create(server.url(), QStringLiteral("sp_demo_work")).ok());
        bob.start(Replica::testConfig());
        QVERIFY2(waitUntilSettled({&bob}, 45000), (describe({&bob}) + "\n" + server.log()).constData());
        const QStringList conversations = sharedConversations({&bob});
        // The Launch team group holds alice and bob; take the first shared one bob can see.
        QVERIFY(!conversations.isEmpty());

        const QString aliceProfile = dir.filePath(QStringLiteral("alice"));
        ChildClient child;
        QList<Typed> typed;
        QString conversation;
        // Find a conversation alice is in too: the first run creates her profile and syncs.
        {
            Replica probe(aliceProfile, QStringLiteral("alice"));
            QVERIFY(probe.create(server.url(), QStringLiteral("sp_demo_work")).ok());
            probe.start(Replica::testConfig());
            QVERIFY2(
                waitUntilSettled({&probe}, 45000), (describe({&probe}) + "\n" + server.log()).constData());
            const QStringList shared = sharedConversations({&probe, &bob});
            QVERIFY(!shared.isEmpty());
            conversation = shared.first();
            probe.close();
        }
        child.conversation = conversation;
        const QStringList base {QStringLiteral("--profile"), aliceProfile, QStringLiteral("--user"),
            QStringLiteral("alice"), QStringLiteral("--conversation"), conversation,
            QStringLiteral("--count"), QStringLiteral("400")};

        int bobRound = 0;
        qint64 unsentAtKills = 0; // typed by the killed client but not yet on the server
        const auto bobTypes = [&](int n) {
            for (int i = 0; i < n; ++i, ++bobRound) {
                const QString body = QStringLiteral("kill bob #%1").arg(bobRound);
                const auto id = bob.send(conversation, body);
                if (id)
                    typed.append({*id, conversation, body});
            }
        };

        // Two runs killed part-way (after 120 and 250 reported messages), a third one left to finish.
        for (int run = 0; run < 3; ++run) {
            child.typed.clear();
            child.start(
                base + QStringList {QStringLiteral("--prefix"), QStringLiteral("kill alice run%1").arg(run)});
            QVERIFY(child.process.waitForStarted(10000));
            const int killAfter = run == 0 ? 120 : run == 1 ? 250 : -1;
            QElapsedTimer runClock;
            runClock.start();
            while (runClock.elapsed() < 40000) {
                bobTypes(2);
                QTest::qWait(10);
                if (killAfter >= 0 && child.typed.size() >= killAfter)
                    break;
                if (child.settled || child.process.state() == QProcess::NotRunning)
                    break;
            }
            if (killAfter >= 0) {
                QVERIFY2(child.typed.size() >= killAfter, "the client never typed far enough");
                child.kill();
                const auto onServer = serverMessages(server.dataDir());
                QVERIFY(onServer.ok());
                QSet<QString> ids;
                for (const CanonicalMessage &m : *onServer)
                    ids.insert(m.id);
                for (const Typed &t : std::as_const(child.typed))
                    unsentAtKills += ids.contains(t.id) ? 0 : 1;
            } else {
                QVERIFY2(child.settled, "the last run never settled");
                if (child.process.state() != QProcess::NotRunning)
                    QVERIFY(child.process.waitForFinished(10000));
                QCOMPARE(child.process.exitStatus(), QProcess::NormalExit);
                QCOMPARE(child.process.exitCode(), 0);
            }
            typed += child.typed;
        }

        // alice's profile, opened here once the child is gone, must agree with everything else.
        Replica alice(aliceProfile, QStringLiteral("alice"));
        QVERIFY(alice.open().ok());
        alice.start(Replica::testConfig());
        const QList<Replica *> replicas {&alice, &bob};
        const ConvergenceReport report = waitForConvergence(
            server.dataDir(), replicas, typed, {conversation}, 40000, QStringLiteral("kill "));
        qInfo("%lld messages typed (%d by bob), %lld not on the server when their client died; %lld ms",
            qint64(typed.size()), bobRound, unsentAtKills, clock.elapsed());
        QVERIFY2(report.converged, qPrintable(report.problem));
        QVERIFY2(unsentAtKills > 0, "the kills missed the storm: everything typed was already sent");
        alice.close();
        bob.close();
        QVERIFY2(server.stop(), server.log().constData());
    }
};

QTEST_GUILESS_MAIN(TestClientKill)
#include "tst_clientkill.moc"
