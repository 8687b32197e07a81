// Encryption is real: what a space stores is unreadable in every file on disk, during use and after,
// and the stock SQLCipher tool reads it with the space's raw key and with no other.
#include "storetestsupport.h"

#include "store/profile.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::store;
using namespace tandem::store::test;

namespace {

// Text that appears nowhere else, so finding its bytes in a file can only mean a leak.
const QString kLatinMarker = QStringLiteral("TandemCanary7qXz3Lw");
const QString kChineseMarker = QStringLiteral("机密暗号鸳鸯蝴蝶梦");

// The byte strings that must not appear in a file: each marker as typed, as the search index folds it,
// in UTF-16 too, and every two-character piece of the Chinese marker (the index stores bigrams).
QList<QPair<QString, QByteArray>> forbiddenBytes()
{
    QList<QPair<QString, QByteArray>> out;
    for (const QString &marker : {kLatinMarker, kLatinMarker.toLower(), kChineseMarker}) {
        out.append({marker + QStringLiteral(" (UTF-8)"), marker.toUtf8()});
        out.append({marker + QStringLiteral(" (UTF-16)"),
            QByteArray(reinterpret_cast<const char *>(marker.utf16()), marker.size() * 2)});
    }
    for (qsizetype i = 0; i + 1 < kChineseMarker.size(); ++i)
        out.append(
            {kChineseMarker.mid(i, 2) + QStringLiteral(" (bigram)"), kChineseMarker.mid(i, 2).toUtf8()});
    return out;
}

// Which forbidden byte strings appear in which files under `dir`.
QStringList leaks(const QString &dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray bytes = fileBytes(path);
        for (const auto &[name, needle] : forbiddenBytes())
            if (bytes.contains(needle))
                found << QStringLiteral("%1 in %2").arg(name, QFileInfo(path).fileName());
    }
    return found;
}

// A profile whose one space holds messages carrying both markers, left open.
struct MarkedSpace
{
    QTemporaryDir dir;
    Profile profile {dir.path()};
    SpaceEntry space;
    std::unique_ptr<SpaceStore> store;

    bool setUp()
    {
        auto created
            = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, passphrase(), false, cheapKdf());
        if (!created)
            return false;
        space = *created;
        auto opened = profile.openSpace(space, passphrase());
        if (!opened)
            return false;
        store = std::move(*opened);
        QStringList bodies;
        for (int i = 0; i < 200; ++i)
            bodies << QStringLiteral("Note %1: the code word is %2, 这是%3，请勿外传。")
                          .arg(i)
                          .arg(kLatinMarker, kChineseMarker);
        return storeConversation(*store, QStringLiteral("secrets"), bodies).ok();
    }

    QString databasePath() const { return space.databasePath(); }
};

// Runs the stock sqlcipher shell on `dbPath` with `script` on its standard input.
struct ShellRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

ShellRun runSqlcipher(const QString &program, const QString &dbPath, const QByteArray &script)
{
    QProcess shell;
    shell.start(program, {QStringLiteral("-bail"), dbPath});
    ShellRun run;
    if (!shell.waitForStarted(10000))
        return run;
    shell.write(script);
    shell.closeWriteChannel();
    if (!shell.waitForFinished(30000)) {
        shell.kill();
        shell.waitForFinished();
        return run;
    }
    run.exitCode = shell.exitStatus() == QProcess::NormalExit ? shell.exitCode() : -1;
    run.out = QString::fromUtf8(shell.readAllStandardOutput());
    run.err = QString::fromUtf8(shell.readAllStandardError());
    return run;
}

QByteArray keyPragma(const QByteArray &rawKey)
{
    return "PRAGMA key = \"x'" + rawKey.toHex() + "'\";\n";
}

} // namespace

class TestEncryption : public QObject
{
    Q_OBJECT

private:
    QString m_sqlcipher;

private Q_SLOTS:
    void initTestCase() { m_sqlcipher = QStandardPaths::findExecutable(QStringLiteral("sqlcipher")); }

    void markersAreReadableThroughTheStore()
    {
        // The premise of every test below: the markers are stored, so their absence on disk means something.
        MarkedSpace s;
        QVERIFY(s.setUp());
        SearchQuery q;
        q.text = kChineseMarker;
        q.limit = 1000;
        auto hits = s.store->search(q);
        TANDEM_VERIFY_OK(hits);
        QCOMPARE(hits->size(), 200);
        q.text = kLatinMarker;
        hits = s.store->search(q);
        TANDEM_VERIFY_OK(hits);
        QCOMPARE(hits->size(), 200);
    }

    void markersAreInNoFileWhileTheSpaceIsOpen()
    {
        MarkedSpace s;
        QVERIFY(s.setUp());
        QVERIFY(QFileInfo(s.databasePath() + QStringLiteral("-wal")).size() > 0);
        QVERIFY(QFileInfo(s.databasePath() + QStringLiteral("-shm")).size() > 0);

        const QStringList found = leaks(s.dir.path());

        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
    }

    void markersAreInNoFileAfterTheSpaceIsClosed()
    {
        MarkedSpace s;
        QVERIFY(s.setUp());
        s.store.reset();
        QVERIFY(!QFile::exists(s.databasePath() + QStringLiteral("-wal"))); // copied into the database

        const QStringList found = leaks(s.dir.path());

        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
    }

    void databaseFileHasNoPlainSqliteHeader()
    {
        MarkedSpace s;
        QVERIFY(s.setUp());
        s.store.reset();

        const QByteArray head = fileBytes(s.databasePath()).left(16);

        QCOMPARE(head.size(), 16);
        QVERIFY(head != QByteArray("SQLite format 3\0", 16));
    }

    void stockSqlcipherReadsTheMessagesWithTheRawKey()
    {
        if (m_sqlcipher.isEmpty())
            QSKIP("The sqlcipher command-line tool is not installed (Debian: apt install sqlcipher).");
        MarkedSpace s;
        QVERIFY(s.setUp());
        s.store.reset();
        auto key = s.profile.unlockKey(s.space, passphrase());
        TANDEM_VERIFY_OK(key);
        QTemporaryDir copyDir;
        const QString copy = copyDir.filePath(QStringLiteral("copy.db"));
        QVERIFY(QFile::copy(s.databasePath(), copy));

        const ShellRun run = runSqlcipher(m_sqlcipher, copy,
            keyPragma(key->bytes()) + "SELECT body FROM messages WHERE body LIKE '%Note 7:%';\n");

        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(kLatinMarker), qPrintable(run.out));
        QVERIFY2(run.out.contains(kChineseMarker), qPrintable(run.out));
    }

    void stockSqlcipherReadsNothingWithAnotherKey()
    {
        if (m_sqlcipher.isEmpty())
            QSKIP("The sqlcipher command-line tool is not installed (Debian: apt install sqlcipher).");
        MarkedSpace s;
        QVERIFY(s.setUp());
        s.store.reset();
        QTemporaryDir copyDir;
        const QString copy = copyDir.filePath(QStringLiteral("copy.db"));
        QVERIFY(QFile::copy(s.databasePath(), copy));

        const ShellRun run = runSqlcipher(
            m_sqlcipher, copy, keyPragma(DataKey::generate().bytes()) + "SELECT body FROM messages;\n");

        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QStringLiteral("not a database")), qPrintable(run.err));
        QVERIFY(!run.out.contains(kLatinMarker));
        QVERIFY(!run.out.contains(kChineseMarker));
    }

    void stockSqlcipherReadsNothingWithoutAKey()
    {
        if (m_sqlcipher.isEmpty())
            QSKIP("The sqlcipher command-line tool is not installed (Debian: apt install sqlcipher).");
        MarkedSpace s;
        QVERIFY(s.setUp());
        s.store.reset();
        QTemporaryDir copyDir;
        const QString copy = copyDir.filePath(QStringLiteral("copy.db"));
        QVERIFY(QFile::copy(s.databasePath(), copy));

        const ShellRun run = runSqlcipher(m_sqlcipher, copy, "SELECT body FROM messages;\n");

        QVERIFY(run.exitCode != 0);
        QVERIFY(!run.out.contains(kLatinMarker));
    }
};

QTEST_GUILESS_MAIN(TestEncryption)
#include "tst_encryption.moc"
