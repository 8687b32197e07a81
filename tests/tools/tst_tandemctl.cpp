// tandemctl, end to end: the real binary, run as a script runs it (no terminal, the passphrase in
// TANDEM_PASSPHRASE), each test in a fresh profile. A command that works prints its result on stdout
// and nothing on stderr, exit 0; a command that fails says why on stderr, prints nothing on stdout and
// exits 1 (2 when the command line itself is wrong). Bad and hostile import files: tst_tandemctl_import.
#include "tandemctlfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tandemctl::test;
using tandem::store::test::fingerprint;
using tandem::store::test::fingerprintDifference;

class TestTandemctl : public QObject, protected TandemctlFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpProfile(); }
    void cleanup() { checkNothingEscapedAndTearDown(); }

    // space create, space list
    void createdSpacesAreListedWithTheirKinds();
    void refusesASecondSpaceWithTheSameName_data();
    void refusesASecondSpaceWithTheSameName();
    void unknownKindIsAUsageError_data();
    void unknownKindIsAUsageError();
    // space create --accent --icon, space set
    void accentAndIconAreListedAfterCreateAndSet();
    void unknownAccentIsAUsageErrorAndChangesNothing();

    // import, search, stats
    void searchFindsImportedChineseWithSnippetsAndHighlights();
    void searchMatchesTheLastEnglishWordAsAPrefix();
    void statsCountsEveryImportedRecord();
    void importingTheSameFileAgainAddsNothing();

    // Errors
    void wrongPassphraseIsRefusedWithoutTouchingTheProfile_data();
    void wrongPassphraseIsRefusedWithoutTouchingTheProfile();
    void missingSpaceIsAOneLineError();
    void missingImportFileIsAOneLineError();
    void missingPassphraseWithoutATerminalIsAOneLineError_data();
    void missingPassphraseWithoutATerminalIsAOneLineError();

    // passphrase change
    void oldPassphraseFailsAfterAChange();
    void newPassphraseOpensEverySpaceAfterAChange();

    // space wipe
    void wipeRemovesTheSpaceAndItsFiles();
    void wipeLeavesTheOtherSpaceUntouchedAndSearchable();
    void wipeWithoutYesChangesNothing();

    // demo, bench store
    void demoAnswersSearchesAndCommandsFromAPipe();
    void benchStoreReportsEveryHeadlineNumber();
    void benchStoreKeepsAProfileTandemctlCanOpen();
};

// space create, space list

void TestTandemctl::createdSpacesAreListedWithTheirKinds()
{
    QString workId;
    QString personalId;
    GIVEN(createSpace(u"Work"_s, u"work"_s, &workId));
    GIVEN(createSpace(u"Personal"_s, u"personal"_s, &personalId));
    QVERIFY2(!workId.isEmpty() && workId != personalId, "space create prints the new space's id");

    const CliRun list = tandemctl({u"space"_s, u"list"_s, u"--json"_s});
    VERIFY_SUCCEEDED(list);
    QVERIFY2(list.json().isArray(), qPrintable(list.describe()));
    QMap<QString, QStringList> listed; // name -> {kind, id}
    for (const QJsonValue &v : list.json().array()) {
        const QJsonObject space = v.toObject();
        QVERIFY2(space.value(u"created_at").toInteger() > 0, qPrintable(list.describe()));
        listed.insert(space.value(u"name").toString(),
            {space.value(u"kind").toString(), space.value(u"id").toString()});
    }
    const QMap<QString, QStringList> expected {
        {u"Work"_s, {u"work"_s, workId}},
        {u"Personal"_s, {u"personal"_s, personalId}},
    };
    QCOMPARE(listed, expected);
}

void TestTandemctl::refusesASecondSpaceWithTheSameName_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("the same name") << u"Work"_s;
    QTest::newRow("in other case") << u"WORK"_s;
    QTest::newRow("between spaces") << u"  Work  "_s;
}

void TestTandemctl::refusesASecondSpaceWithTheSameName()
{
    QFETCH(QString, name);
    GIVEN(createSpace(u"Work"_s, u"work"_s));

    const CliRun again = tandemctl({u"space"_s, u"create"_s, name, u"--kind"_s, u"personal"_s});
    VERIFY_ONE_LINE_FAILURE(again, u"exists already"_s);

    const CliRun list = tandemctl({u"space"_s, u"list"_s, u"--json"_s});
    VERIFY_SUCCEEDED(list);
    QCOMPARE(list.json().array().size(), qsizetype(1));
}

void TestTandemctl::unknownKindIsAUsageError_data()
{
    QTest::addColumn<QStringList>("kindOption");
    QTest::addColumn<QString>("saying");
    QTest::newRow("--kind bogus") << QStringList {u"--kind"_s, u"bogus"_s} << u"not \"bogus\""_s;
    QTest::newRow("no --kind") << QStringList {} << u"--kind work or --kind personal"_s;
}

void TestTandemctl::unknownKindIsAUsageError()
{
    QFETCH(QStringList, kindOption);
    QFETCH(QString, saying);

    const CliRun run = tandemctl(QStringList {u"space"_s, u"create"_s, u"Work"_s} + kindOption);
    VERIFY_EXIT(run, 2);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(run.errText().startsWith(u"tandemctl: "_s) && run.errText().contains(saying),
        qPrintable(run.describe()));
    QVERIFY2(run.errText().contains(u"tandemctl space create --help"_s), qPrintable(run.describe()));

    const CliRun list = tandemctl({u"space"_s, u"list"_s, u"--json"_s});
    VERIFY_SUCCEEDED(list);
    QCOMPARE(list.json().array().size(), qsizetype(0));
}

void TestTandemctl::accentAndIconAreListedAfterCreateAndSet()
{
    const CliRun create = tandemctl({u"space"_s, u"create"_s, u"Work"_s, u"--kind"_s, u"work"_s,
        u"--accent"_s, u"purple"_s, u"--icon"_s, u"🚀"_s});
    VERIFY_SUCCEEDED(create);
    GIVEN(createSpace(u"Home"_s, u"personal"_s));

    const CliRun set = tandemctl({u"space"_s, u"set"_s, u"Home"_s, u"--name"_s, u"Family"_s, u"--accent"_s,
        u"teal"_s, u"--icon"_s, u"家"_s});
    VERIFY_SUCCEEDED(set);

    const CliRun list = tandemctl({u"space"_s, u"list"_s, u"--json"_s});
    VERIFY_SUCCEEDED(list);
    QMap<QString, QStringList> listed; // name -> {accent, icon}
    for (const QJsonValue &v : list.json().array())
        listed.insert(v[u"name"].toString(), {v[u"accent"].toString(), v[u"icon"].toString()});
    const QMap<QString, QStringList> expected {
        {u"Work"_s, {u"purple"_s, u"🚀"_s}},
        {u"Family"_s, {u"teal"_s, u"家"_s}},
    };
    QCOMPARE(listed, expected);
}

void TestTandemctl::unknownAccentIsAUsageErrorAndChangesNothing()
{
    GIVEN(createSpace(u"Work"_s, u"work"_s));

    const CliRun run = tandemctl({u"space"_s, u"set"_s, u"Work"_s, u"--accent"_s, u"#ff0000"_s});
    VERIFY_EXIT(run, 2);
    QVERIFY2(run.errText().contains(u"Unknown accent"_s)
            && run.errText().contains(u"tandemctl space set --help"_s),
        qPrintable(run.describe()));

    const CliRun list = tandemctl({u"space"_s, u"list"_s, u"--json"_s});
    VERIFY_SUCCEEDED(list);
    QCOMPARE(list.json().array().at(0)[u"accent"].toString(), QString());
}

// import, search, stats

void TestTandemctl::searchFindsImportedChineseWithSnippetsAndHighlights()
{
    GIVEN(createSpace(u"Work"_s, u"work"_s));
    GIVEN(importInto(u"Work"_s, workLines()));

    const CliRun run = tandemctl({u"search"_s, u"Work"_s, u"会议"_s, u"--json"_s});
    VERIFY_SUCCEEDED(run);
    const QJsonObject result = run.json().object();
    QCOMPARE(result.value(u"query").toString(), u"会议"_s);
    // Not m5 (Traditional 會議) nor m6 (会 and 议 apart).
    QCOMPARE(hitIds(run.json()), QStringList({u"m1"_s, u"m3"_s}));

    const QMap<QString, QString> bodies {
        {u"m1"_s, u"明天上午十点开会议，讨论发布计划"_s},
        {u"m3"_s, u"Can you book 会议室 B for the demo?"_s},
    };
    for (const QJsonValue &v : result.value(u"hits").toArray()) {
        const QJsonObject hit = v.toObject();
        const QString id = hit.value(u"message_id").toString();
        QCOMPARE(hit.value(u"snippet").toString(), bodies.value(id)); // short bodies are shown whole
        const QStringList highlighted = highlightedTexts(hit);
        QVERIFY2(!highlighted.isEmpty(), qPrintable(run.describe()));
        for (const QString &text : highlighted)
            QCOMPARE(text, u"会议"_s);
        if (id == u"m3") {
            QCOMPARE(hit.value(u"conversation_id").toString(), u"c-ann"_s);
            QCOMPARE(hit.value(u"sender_id").toString(), u"u-ann"_s);
            QCOMPARE(hit.value(u"created_at").toInteger(), qint64(1748859000000));
        }
    }
}

void TestTandemctl::searchMatchesTheLastEnglishWordAsAPrefix()
{
    GIVEN(createSpace(u"Work"_s, u"work"_s));
    GIVEN(importInto(u"Work"_s, workLines()));

    const CliRun run = tandemctl({u"search"_s, u"Work"_s, u"release"_s, u"meet"_s, u"--json"_s});
    VERIFY_SUCCEEDED(run);
    QCOMPARE(hitIds(run.json()), QStringList {u"m2"_s});
    const QJsonObject hit = run.json().object().value(u"hits").toArray().at(0).toObject();
    QStringList highlighted;
    for (const QString &text : highlightedTexts(hit))
        highlighted << text.toLower();
    QVERIFY2(highlighted.contains(u"release"_s), qPrintable(run.describe()));
    QVERIFY2(std::any_of(highlighted.cbegin(), highlighted.cend(),
                 [](const QString &h) { return h.startsWith(u"meet"); }),
        qPrintable(run.describe()));
}

void TestTandemctl::statsCountsEveryImportedRecord()
{
    GIVEN(createSpace(u"Work"_s, u"work"_s));
    GIVEN(importInto(u"Work"_s, workLines()));

    const CliRun run = tandemctl({u"stats"_s, u"Work"_s, u"--json"_s});
    VERIFY_SUCCEEDED(run);
    const QJsonObject stats = run.json().object();
    QCOMPARE(stats.value(u"messages").toInteger(), kWorkMessages);
    QCOMPARE(stats.value(u"users").toInteger(), kWorkUsers);
    QCOMPARE(stats.value(u"conversations").toInteger(), kWorkConversations);
    QCOMPARE(stats.value(u"outbox_pending").toInteger(), qint64(0));
    QVERIFY2(stats.value(u"db_bytes").toInteger() > 0, qPrintable(run.describe()));
}

void TestTandemctl::importingTheSameFileAgainAddsNothing()
{
    GIVEN(createSpace(u"Work"_s, u"work"_s));
    GIVEN(importInto(u"Work"_s, workLines()));

    const CliRun again = tandemctl({u"import"_s, u"Work"_s, path(u"Work.jsonl"_s), u"--json"_s});
    VERIFY_SUCCEEDED(again);
    const QJsonObject summary = again.json().object();
    QCOMPARE(summary.value(u"messages").toInteger(-1), qint64(0));
    QCOMPARE(summary.value(u"messages_skipped").toInteger(), kWorkMessages);
    QCOMPARE(summary.value(u"conversations_created").toInteger(-1), qint64(0));
    QVERIFY2(summary.value(u"error").isNull(), qPrintable(again.describe()));

    const CliRun stats = tandemctl({u"stats"_s, u"Work"_s, u"--json"_s});
    VERIFY_SUCCEEDED(stats);
    QCOMPARE(stats.json().object().value(u"messages").toInteger(), kWorkMessages);
    QCOMPARE(stats.json().object().value(u"users").toInteger(), kWorkUsers);
    QCOMPARE(stats.json().object().value(u"conversations").toInteger(), kWorkConversations);
}

// Errors

void TestTandemctl::wrongPassphraseIsRefusedWithoutTouchingTheProfile_data()
{
    QTest::addColumn<QStringList>("command");
    const QString importFile = u"@import-file"_s;
    QTest::newRow("search") << QStringList {u"search"_s, u"Work"_s, u"会议"_s};
    QTest::newRow("stats") << QStringList {u"stats"_s, u"Work"_s};
    QTest::newRow("import") << QStringList {u"import"_s, u"Work"_s, importFile};
    QTest::newRow("space create") << QStringList {
        u"space"_s, u"create"_s, u"Personal"_s, u"--kind"_s, u"personal"_s};
    QTest::newRow("passphrase change") << QStringList {u"passphrase"_s, u"change"_s};
}

void TestTandemctl::wrongPassphraseIsRefusedWithoutTouchingTheProfile()
{
    QFETCH(QStringList, command);
    GIVEN(createSpace(u"Work"_s, u"work"_s));
    GIVEN(importInto(u"Work"_s, workLines()));
    const QString importFile = path(u"more.jsonl"_s);
    QVERIFY(writeLines(importFile, personalLines()));
    command.replaceInStrings(u"@import-file"_s, importFile);
    const auto before = fingerprint(m_cli->profile());
    QVERIFY2(std::any_of(before.keyBegin(), before.keyEnd(),
                 [](const QString &f) { return f.endsWith(u"/space.db"); }),
        "the profile holds a database to compare");

    m_cli->setPassphrase(u"not the passphrase"_s);
    m_cli->setEnv(u"TANDEM_NEW_PASSPHRASE"_s, kNewPassphrase);
    VERIFY_ONE_LINE_FAILURE(tandemctl(command), u"Wrong passphrase"_s);

    const QString changed = fingerprintDifference(before, fingerprint(m_cli->profile()));
    QVERIFY2(changed.isEmpty(), qPrintable(changed));
}

void TestTandemctl::missingSpaceIsAOneLineError()
{
    GIVEN(createSpace(u"Work"_s, u"work"_s));

    VERIFY_ONE_LINE_FAILURE(tandemctl({u"search"_s, u"Wrok"_s, u"会议"_s}), u"no space named \"Wrok\""_s);
}

void TestTandemctl::missingImportFileIsAOneLineError()
{
    GIVEN(createSpace(u"Work"_s, u"work"_s));
    const QString missing = path(u"no-such-file.jsonl"_s);

    VERIFY_ONE_LINE_FAILURE(tandemctl({u"import"_s, u"Work"_s, missing}),
        u"Cannot read %1: No such file or directory."_s.arg(missing));
}

void TestTandemctl::missingPassphraseWithoutATerminalIsAOneLineError_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::newRow("search") << QStringList {u"search"_s, u"Work"_s, u"会议"_s};
    QTest::newRow("stats") << QStringList {u"stats"_s, u"Work"_s};
    QTest::newRow("import from standard input") << QStringList {u"import"_s, u"Work"_s, u"-"_s};
    QTest::newRow("space create") << QStringList {
        u"space"_s, u"create"_s, u"Personal"_s, u"--kind"_s, u"personal"_s};
    QTest::newRow("passphrase change") << QStringList {u"passphrase"_s, u"change"_s};
}

void TestTandemctl::missingPassphraseWithoutATerminalIsAOneLineError()
{
    QFETCH(QStringList, command);
    GIVEN(createSpace(u"Work"_s, u"work"_s));

    m_cli->setPassphrase(QString());
    VERIFY_ONE_LINE_FAILURE(tandemctl(command), u"set TANDEM_PASSPHRASE"_s);
}

// passphrase change

void TestTandemctl::oldPassphraseFailsAfterAChange()
{
    GIVEN(createSpace(u"Work"_s, u"work"_s));
    GIVEN(createSpace(u"Personal"_s, u"personal"_s));
    m_cli->setEnv(u"TANDEM_NEW_PASSPHRASE"_s, kNewPassphrase);
    const CliRun change = tandemctl({u"passphrase"_s, u"change"_s});
    VERIFY_SUCCEEDED(change);
    QCOMPARE(change.outText(), u"Changed the passphrase of 2 spaces.\n"_s);

    for (const QString &space : {u"Work"_s, u"Personal"_s})
        VERIFY_ONE_LINE_FAILURE(
            tandemctl({u"stats"_s, space}), u"Wrong passphrase for space \"%1\""_s.arg(space));
}

void TestTandemctl::newPassphraseOpensEverySpaceAfterAChange()
{
    GIVEN(createSpace(u"Work"_s, u"work"_s));
    GIVEN(createSpace(u"Personal"_s, u"personal"_s));
    GIVEN(importInto(u"Work"_s, workLines()));
    m_cli->setEnv(u"TANDEM_NEW_PASSPHRASE"_s, kNewPassphrase);
    VERIFY_SUCCEEDED(tandemctl({u"passphrase"_s, u"change"_s}));

    m_cli->setPassphrase(kNewPassphrase);
    m_cli->setEnv(u"TANDEM_NEW_PASSPHRASE"_s, QString());
    GIVEN(expectMessageCount(u"Work"_s, kWorkMessages));
    GIVEN(expectMessageCount(u"Personal"_s, 0));
    // A space created now shares the new passphrase.
    GIVEN(createSpace(u"Side project"_s, u"work"_s));
}

// space wipe

void TestTandemctl::wipeRemovesTheSpaceAndItsFiles()
{
    QString workId;
    QString personalId;
    GIVEN(createSpace(u"Work"_s, u"work"_s, &workId));
    GIVEN(createSpace(u"Personal"_s, u"personal"_s, &personalId));
    QVERIFY(QFileInfo::exists(spaceDirectory(workId) + u"/space.db"_s));

    const CliRun wipe = tandemctl({u"space"_s, u"wipe"_s, u"Work"_s, u"--yes"_s});
    VERIFY_SUCCEEDED(wipe);
    QVERIFY2(wipe.outText().startsWith(u"Wiped the space \"Work\" (%1)"_s.arg(workId)),
        qPrintable(wipe.describe()));

    QVERIFY2(!QFileInfo::exists(spaceDirectory(workId)), qPrintable(spaceDirectory(workId)));
    const CliRun list = tandemctl({u"space"_s, u"list"_s, u"--json"_s});
    VERIFY_SUCCEEDED(list);
    QCOMPARE(list.json().array().size(), qsizetype(1));
    QCOMPARE(list.json().array().at(0).toObject().value(u"id").toString(), personalId);
    VERIFY_ONE_LINE_FAILURE(tandemctl({u"search"_s, u"Work"_s, u"会议"_s}), u"no space named \"Work\""_s);
}

void TestTandemctl::wipeLeavesTheOtherSpaceUntouchedAndSearchable()
{
    QString personalId;
    GIVEN(createSpace(u"Work"_s, u"work"_s));
    GIVEN(createSpace(u"Personal"_s, u"personal"_s, &personalId));
    GIVEN(importInto(u"Work"_s, workLines()));
    GIVEN(importInto(u"Personal"_s, personalLines()));
    const auto before = fingerprint(spaceDirectory(personalId));
    QVERIFY(!before.isEmpty());

    VERIFY_SUCCEEDED(tandemctl({u"space"_s, u"wipe"_s, u"Work"_s, u"--yes"_s}));

    const QString changed = fingerprintDifference(before, fingerprint(spaceDirectory(personalId)));
    QVERIFY2(changed.isEmpty(), qPrintable(changed));
    const CliRun search = tandemctl({u"search"_s, u"Personal"_s, u"会议"_s, u"--json"_s});
    VERIFY_SUCCEEDED(search);
    QCOMPARE(hitIds(search.json()), QStringList {u"p1"_s});
}

void TestTandemctl::wipeWithoutYesChangesNothing()
{
    GIVEN(createSpace(u"Work"_s, u"work"_s));
    const auto before = fingerprint(m_cli->profile());

    const CliRun run = tandemctl({u"space"_s, u"wipe"_s, u"Work"_s});
    VERIFY_EXIT(run, 2);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(run.errText().contains(u"--yes"_s), qPrintable(run.describe()));

    const QString changed = fingerprintDifference(before, fingerprint(m_cli->profile()));
    QVERIFY2(changed.isEmpty(), qPrintable(changed));
}

// demo, bench store

void TestTandemctl::demoAnswersSearchesAndCommandsFromAPipe()
{
    const qint64 fixtureMessages = messagesInDemoFixture();
    QVERIFY2(fixtureMessages > 0, TANDEMCTL_DEMO_WORK_FIXTURE);

    const CliRun run = tandemctl({u"demo"_s}, "会议\n:stats\n:quit\n");
    VERIFY_EXIT(run, 0);
    QVERIFY2(!run.errText().contains(u"tandemctl:"_s), qPrintable(run.describe()));
    const QString out = run.outText();

    // Each line of input is echoed after the prompt; the answers follow it.
    QVERIFY2(out.contains(u"\nwork> 会议\n"_s), qPrintable(run.describe()));
    const QStringList lines = out.split(u'\n');
    const auto matchLines = std::count_if(lines.cbegin(), lines.cend(),
        [](const QString &l) { return l.startsWith(u"  ") && l.contains(u"[会议]"); });
    const QRegularExpressionMatch total
        = QRegularExpression(u"^  (\\d+) match(?:es)? in Work, "_s, QRegularExpression::MultilineOption)
              .match(out);
    QVERIFY2(total.hasMatch(), qPrintable(run.describe()));
    QVERIFY2(matchLines > 0, qPrintable(run.describe()));
    QCOMPARE(total.captured(1).toLongLong(), qint64(matchLines));

    // :stats counts what the demo imported: every message of its fixture.
    const QRegularExpressionMatch stats = QRegularExpression(
        u"^  Work: [\\d,]+ conversations, ([\\d,]+) messages"_s, QRegularExpression::MultilineOption)
                                              .match(out);
    QVERIFY2(stats.hasMatch(), qPrintable(run.describe()));
    QCOMPARE(stats.captured(1).remove(u',').toLongLong(), fixtureMessages);
    QVERIFY2(out.endsWith(u"work> :quit\n"_s), qPrintable(run.describe()));
}

void TestTandemctl::benchStoreReportsEveryHeadlineNumber()
{
    const CliRun run = tandemctl({u"bench"_s, u"store"_s, u"--messages"_s, u"2000"_s, u"--json"_s});
    VERIFY_SUCCEEDED(run);
    // The whole of stdout is one JSON object.
    QVERIFY2(run.json().isObject(), qPrintable(run.describe()));
    const QJsonObject report = run.json().object();
    for (const char *key : {"messages", "conversations", "ingest_msgs_per_s", "raw_msgs_per_s", "ratio",
             "search_p50_ms", "search_p99_ms", "db_bytes", "peak_rss_kb"}) {
        const QJsonValue v = report.value(QLatin1String(key));
        QVERIFY2(v.isDouble() && v.toDouble() > 0,
            qPrintable(u"%1 is not a positive number: "_s.arg(QLatin1String(key)) + run.describe()));
    }
    QCOMPARE(report.value(u"messages").toInteger(), qint64(2000));
}

void TestTandemctl::benchStoreKeepsAProfileTandemctlCanOpen()
{
    const QString keep = path(u"bench"_s);
    VERIFY_SUCCEEDED(tandemctl({u"bench"_s, u"store"_s, u"--messages"_s, u"200"_s, u"--keep"_s, keep}));

    Tandemctl kept(keep + u"/ours"_s, path(u"scratch"_s));
    kept.setPassphrase(u"bench"_s);
    const CliRun stats = kept.run({u"stats"_s, u"Bench"_s, u"--json"_s});
    VERIFY_SUCCEEDED(stats);
    QCOMPARE(stats.json().object().value(u"messages").toInteger(), qint64(200));
}

QTEST_GUILESS_MAIN(TestTandemctl)
#include "tst_tandemctl.moc"
