// Crash safety: a writer killed with SIGKILL at random moments, again and again on the same space,
// never loses a write it was told had committed, and never leaves a damaged database or search index.
#include "storetestsupport.h"

#include "store/profile.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::store;
using namespace tandem::store::test;

namespace {

constexpr int kRuns = 60;
constexpr quint32 kSeed = 20240611; // fixed, so that a failure can be replayed
const QString kSpaceName = QStringLiteral("Crash");

// What one run of the writer did before it was killed.
struct Run
{
    int delayMs = 0;
    bool killedWhileWriting = false;
    QString problem; // why the harness could not run it, if it could not
    QStringList acknowledged;
};

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Profile> m_profile;
    SpaceEntry m_space;
    // Collected by initTestCase, one entry per kill, and checked by the tests below.
    QList<Run> m_runs;
    QStringList m_openFailures;
    QStringList m_integrityFailures;
    QStringList m_lostMessages;
    QSet<QString> m_lostIds;
    QStringList m_indexMismatches;
    qint64 m_storedAtEnd = 0;

    Run runWriterAndKill(int run, int delayMs, quint32 seed)
    {
        Run r;
        r.delayMs = delayMs;
        QProcess writer;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TANDEM_PASSPHRASE"), passphrase());
        writer.setProcessEnvironment(env);
        writer.start(QStringLiteral(TANDEM_CRASH_WRITER),
            {m_profile->directory(), kSpaceName, QString::number(run), QString::number(seed)});
        if (!writer.waitForStarted(10000)) {
            r.problem = QStringLiteral("the writer did not start: ") + writer.errorString();
            return r;
        }
        QByteArray out;
        QElapsedTimer sinceStart;
        sinceStart.start();
        while (
            !out.contains("ready\n") && writer.state() == QProcess::Running && sinceStart.elapsed() < 10000) {
            writer.waitForReadyRead(100);
            out += writer.readAllStandardOutput();
        }
        if (!out.contains("ready\n")) {
            r.problem = QStringLiteral("the writer never got ready: ")
                + QString::fromUtf8(writer.readAllStandardError());
            writer.kill();
            writer.waitForFinished();
            return r;
        }
        // Keep draining its output meanwhile, so that a full pipe never pauses the writer.
        QElapsedTimer writing;
        writing.start();
        while (writing.elapsed() < delayMs && writer.state() == QProcess::Running)
            writer.waitForReadyRead(int(std::max<qint64>(1, delayMs - writing.elapsed())));
        r.killedWhileWriting = writer.state() == QProcess::Running;
        writer.kill(); // SIGKILL
        writer.waitForFinished(10000);
        out += writer.readAllStandardOutput();
        if (!r.killedWhileWriting)
            r.problem = QStringLiteral("the writer stopped by itself: ")
                + QString::fromUtf8(writer.readAllStandardError());
        // Only whole lines count: a line cut by the kill was never fully reported.
        const QList<QByteArray> lines = out.left(out.lastIndexOf('\n') + 1).split('\n');
        for (const QByteArray &line : lines)
            if (!line.isEmpty() && line != "ready")
                r.acknowledged << QString::fromUtf8(line);
        return r;
    }

    // Opens the space as the app would, after a kill, and records whatever is wrong.
    void checkAfterKill(int run, const QSet<QString> &acknowledged)
    {
        auto store = m_profile->openSpace(m_space, passphrase());
        if (!store) {
            m_openFailures << QStringLiteral("run %1: %2").arg(run).arg(describe(store.error()));
            return;
        }
        Database &db = (*store)->db();
        auto integrity = db.prepare("PRAGMA integrity_check");
        if (!integrity || !integrity->step().ok() || integrity->text(0) != u"ok")
            m_integrityFailures
                << QStringLiteral("run %1: %2").arg(run).arg(integrity ? integrity->text(0) : QString());
        auto ftsIntegrity = db.exec("INSERT INTO message_fts(message_fts) VALUES('integrity-check')");
        if (!ftsIntegrity)
            m_integrityFailures
                << QStringLiteral("run %1, search index: %2").arg(run).arg(describe(ftsIntegrity));

        QSet<QString> stored;
        auto ids = db.prepare("SELECT id FROM messages");
        if (!ids) {
            m_openFailures << QStringLiteral("run %1: %2").arg(run).arg(describe(ids.error()));
            return;
        }
        for (auto row = ids->step(); row && *row; row = ids->step())
            stored.insert(ids->text(0));
        for (const QString &id : acknowledged) {
            if (!stored.contains(id) && !m_lostIds.contains(id)) {
                m_lostIds.insert(id);
                m_lostMessages << QStringLiteral("%1 (missing after run %2)").arg(id).arg(run);
            }
        }

        // Every stored message is in the search index, and nothing else is: both are one transaction.
        auto indexed = db.queryInt("SELECT count(*) FROM message_fts WHERE message_fts MATCH '\"崩溃测试\"'");
        if (!indexed || *indexed != stored.size())
            m_indexMismatches << QStringLiteral("run %1: %2 messages, %3 in the index")
                                     .arg(run)
                                     .arg(stored.size())
                                     .arg(indexed ? QString::number(*indexed) : describe(indexed.error()));
        m_storedAtEnd = stored.size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_profile = std::make_unique<Profile>(m_dir.path());
        auto space = m_profile->createSpace(kSpaceName, SpaceKind::Work, passphrase(), false, cheapKdf());
        TANDEM_VERIFY_OK(space);
        m_space = *space;

        QRandomGenerator rng(kSeed);
        QSet<QString> acknowledged;
        QElapsedTimer clock;
        clock.start();
        for (int run = 0; run < kRuns; ++run) {
            const int delayMs = rng.bounded(3, 101);
            Run r = runWriterAndKill(run, delayMs, rng.generate());
            for (const QString &id : std::as_const(r.acknowledged))
                acknowledged.insert(id);
            m_runs.append(r);
            checkAfterKill(run, acknowledged);
            if (!r.problem.isEmpty())
                break; // a writer that cannot write (a damaged database, say) will not write next time either
        }
        qInfo("%d kills in %lld ms; %lld messages acknowledged, %lld stored", kRuns, clock.elapsed(),
            qint64(acknowledged.size()), m_storedAtEnd);
    }

    void writerWasKilledWhileWritingEveryTime()
    {
        int runsThatWrote = 0;
        for (int i = 0; i < m_runs.size(); ++i) {
            const Run &r = m_runs.at(i);
            QVERIFY2(r.problem.isEmpty(), qPrintable(QStringLiteral("run %1: %2").arg(i).arg(r.problem)));
            QVERIFY(r.killedWhileWriting);
            runsThatWrote += r.acknowledged.isEmpty() ? 0 : 1;
        }
        QCOMPARE(m_runs.size(), kRuns);
        // Kills before the first commit test little: most runs must have committed something.
        QVERIFY2(runsThatWrote > kRuns * 3 / 4, qPrintable(QString::number(runsThatWrote)));
    }

    void spaceOpensAfterEveryKill()
    {
        QVERIFY2(m_openFailures.isEmpty(), qPrintable(m_openFailures.join(u'\n')));
    }

    void databaseIsIntactAfterEveryKill()
    {
        QVERIFY2(m_integrityFailures.isEmpty(), qPrintable(m_integrityFailures.join(u'\n')));
    }

    void everyAcknowledgedMessageSurvivesEveryKill()
    {
        QVERIFY2(m_lostMessages.isEmpty(),
            qPrintable(QStringLiteral("%1 lost, first: ").arg(m_lostMessages.size())
                + m_lostMessages.mid(0, 10).join(QStringLiteral(", "))));
    }

    void searchIndexHoldsExactlyTheStoredMessagesAfterEveryKill()
    {
        QVERIFY2(m_indexMismatches.isEmpty(), qPrintable(m_indexMismatches.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
