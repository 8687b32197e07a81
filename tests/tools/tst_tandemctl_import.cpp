// tandemctl import, end to end, on bad input: it stops at the first bad line, names it, and keeps what
// came before; no file, however hostile (huge lines, invalid UTF-8, deep nesting, binary noise, control
// characters), makes it crash or echo the input back.
#include "tandemctlfixture.h"

#include <QRandomGenerator>

using namespace tandemctl::test;

class TestTandemctlImport : public QObject, protected TandemctlFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpProfile(); }
    void cleanup() { checkNothingEscapedAndTearDown(); }

    void importStopsAtABadLineAndKeepsTheLinesBeforeIt_data();
    void importStopsAtABadLineAndKeepsTheLinesBeforeIt();
    void hostileImportFailsWithoutCrashing_data();
    void hostileImportFailsWithoutCrashing();
};

void TestTandemctlImport::importStopsAtABadLineAndKeepsTheLinesBeforeIt_data()
{
    QTest::addColumn<QStringList>("batchOption");
    // The lines before the bad one are still in the batch being filled when it is read...
    QTest::newRow("one batch") << QStringList {};
    // ...or already written in earlier batches.
    QTest::newRow("batches of two") << QStringList {u"--batch-size"_s, u"2"_s};
}

void TestTandemctlImport::importStopsAtABadLineAndKeepsTheLinesBeforeIt()
{
    QFETCH(QStringList, batchOption);
    GIVEN(createSpace(u"Work"_s, u"work"_s));
    // Users, conversations, m1 and m2; then the bad line 8; then m3 to m6.
    const QList<QByteArray> lines = workLines().mid(0, kWorkLinesThroughM2)
        << messageWithoutBody() << workLines().mid(kWorkLinesThroughM2);
    const QString file = path(u"bad.jsonl"_s);
    QVERIFY(writeLines(file, lines));

    const CliRun run = tandemctl(QStringList {u"import"_s, u"Work"_s, file} + batchOption);
    VERIFY_EXIT(run, 1);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(run.errText().startsWith(u"tandemctl: Line 8: "_s), qPrintable(run.describe()));
    QVERIFY2(run.errText().contains(u"\"body\""_s), qPrintable(run.describe()));
    QVERIFY2(run.errText().contains(u"Stopped at line 8"_s), qPrintable(run.describe()));

    const CliRun stats = tandemctl({u"stats"_s, u"Work"_s, u"--json"_s});
    VERIFY_SUCCEEDED(stats);
    QCOMPARE(stats.json().object().value(u"users").toInteger(), kWorkUsers);
    QCOMPARE(stats.json().object().value(u"conversations").toInteger(), kWorkConversations);
    QCOMPARE(stats.json().object().value(u"messages").toInteger(), qint64(2));
    // m1 was before the bad line; m3, after it, was not imported.
    const CliRun search = tandemctl({u"search"_s, u"Work"_s, u"会议"_s, u"--json"_s});
    VERIFY_SUCCEEDED(search);
    QCOMPARE(hitIds(search.json()), QStringList {u"m1"_s});
}

void TestTandemctlImport::hostileImportFailsWithoutCrashing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("saying");
    QTest::addColumn<qint64>("usersKept");

    const QByteArray user = R"({"type":"user","id":"u1","user_name":"alice"})";
    const QByteArray hugeBody
        = QByteArray(R"({"type":"message","id":"m1","conversation_id":"c1","sender_id":"u1",)")
        + R"("created_at":1,"body":")" + QByteArray(2 * 1024 * 1024, 'x') + R"("})";
    QTest::newRow("a line of 2 MiB") << user + '\n' + hugeBody + '\n'
                                     << u"Line 2 is longer than 1 MiB"_s << qint64(1);
    QTest::newRow("2 MiB without a newline")
        << QByteArray(2 * 1024 * 1024, '[') << u"Line 1 is longer than 1 MiB"_s << qint64(0);
    QTest::newRow("invalid UTF-8") << user + '\n' + R"({"type":"user","id":"u2","user_name":"b)"
            + "\xff\xfe\xc0\xaf" + R"("})" + '\n'
                                   << u"Line 2: it is not valid JSON"_s << qint64(1);
    QTest::newRow("a UTF-16 surrogate in UTF-8")
        << QByteArray(R"({"type":"user","id":"u2","user_name":")") + "\xed\xa0\x80" + R"("})"
        << u"Line 1: it is not valid JSON"_s << qint64(0);
    QTest::newRow("100k nested arrays") << QByteArray(100'000, '[') + '\n'
                                        << u"Line 1: it is not valid JSON"_s << qint64(0);
    QTest::newRow("100k nested arrays in a message")
        << QByteArray(
               R"({"type":"message","id":"m1","conversation_id":"c1","sender_id":"u1","body":"x","created_at":1,"extra":)")
            + QByteArray(100'000, '[') + QByteArray(100'000, ']') + "}\n"
        << u"Line 1: it is not valid JSON"_s << qint64(0);

    QTest::newRow("a NUL in a user name")
        << user + '\n' + R"({"type":"user","id":"u2","user_name":"a\u0000b"})" + '\n'
        << u"Line 2: \"user_name\" contains a control character"_s << qint64(1);
    QTest::newRow("a raw control character in an id")
        << QByteArray(R"({"type":"user","id":"u)") + '\x01' + R"(","user_name":"b"})" + '\n'
        << u"Line 1: \"id\" contains a control character"_s << qint64(0);

    // A binary file: seeded random bytes, so a failure can be replayed; the first byte is not a newline,
    // so line 1 is the bad one.
    QList<quint32> words(64 * 1024);
    QRandomGenerator(20250603).fillRange(words.data(), words.size());
    QByteArray binary(
        reinterpret_cast<const char *>(words.constData()), words.size() * qsizetype(sizeof(quint32)));
    binary[0] = '\x7f';
    QTest::newRow("a binary file") << binary << u"Line 1: "_s << qint64(0);
}

void TestTandemctlImport::hostileImportFailsWithoutCrashing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, saying);
    QFETCH(qint64, usersKept);
    GIVEN(createSpace(u"Work"_s, u"work"_s));
    const QString file = path(u"hostile.jsonl"_s);
    QVERIFY(writeBytes(file, content));

    const CliRun run = tandemctl({u"import"_s, u"Work"_s, file});
    VERIFY_EXIT(run, 1);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(run.errText().startsWith(u"tandemctl: "_s + saying), qPrintable(run.describe()));
    // The error names the line; it does not echo it.
    QVERIFY2(run.err.size() < 1000, qPrintable(run.describe()));

    const CliRun stats = tandemctl({u"stats"_s, u"Work"_s, u"--json"_s});
    VERIFY_SUCCEEDED(stats);
    QCOMPARE(stats.json().object().value(u"users").toInteger(), usersKept);
    QCOMPARE(stats.json().object().value(u"messages").toInteger(), qint64(0));
}

QTEST_GUILESS_MAIN(TestTandemctlImport)
#include "tst_tandemctl_import.moc"
