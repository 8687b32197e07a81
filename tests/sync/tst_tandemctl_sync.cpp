// tandemctl against the real tandem-server, as a script would use it: space create --server, sync,
// conversations, send (also while the server is down), messages.
#include "../tools/tandemctlrunner.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace tandemctl::test;
using namespace tandem::sync::test;
using namespace Qt::StringLiterals;

namespace {

Tandemctl client(const QTemporaryDir &dir, const QString &name)
{
    Tandemctl ctl(dir.filePath(name), dir.filePath(name + u"-scratch"_s));
    ctl.setPassphrase(u"pass phrase"_s);
    ctl.setEnv(u"TANDEM_PASSWORD"_s, u"demo"_s);
    return ctl;
}

QJsonArray messagesOf(const Tandemctl &ctl, const QString &conversation)
{
    const CliRun run = ctl.run({u"messages"_s, u"Work"_s, conversation, u"--json"_s});
    return run.exitCode == 0 ? run.json().array() : QJsonArray();
}

QJsonObject findBody(const QJsonArray &messages, const QString &body)
{
    for (const QJsonValue &m : messages)
        if (m.toObject().value("body"_L1).toString() == body)
            return m.toObject();
    return {};
}

} // namespace

class TestTandemctlSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createSyncSendAndRead()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        const Tandemctl alice = client(dir, u"alice"_s);
        const Tandemctl bob = client(dir, u"bob"_s);

        VERIFY_SUCCEEDED(alice.run({u"space"_s, u"create"_s, u"Work"_s, u"--kind"_s, u"work"_s, u"--server"_s,
            server.url(), u"--user"_s, u"alice"_s}));
        VERIFY_SUCCEEDED(alice.run({u"sync"_s, u"Work"_s, u"--timeout"_s, u"30"_s}));
        const CliRun conversations = alice.run({u"conversations"_s, u"Work"_s, u"--json"_s});
        VERIFY_SUCCEEDED(conversations);
        QStringList names;
        for (const QJsonValue &c : conversations.json().array())
            names << c.toObject().value("name"_L1).toString();
        QVERIFY2(names.contains(u"Launch team"_s) && names.contains(u"general"_s),
            qPrintable(names.join(u", "_s)));
        QVERIFY(!names.contains(u"Other team"_s)); // another organisation's

        const CliRun sent = alice.run({u"send"_s, u"Work"_s, u"bob"_s, u"ship it 🚀"_s});
        VERIFY_SUCCEEDED(sent);
        QVERIFY2(sent.outText().startsWith(u"Sent "_s), qPrintable(sent.describe()));
        const QJsonObject mine = findBody(messagesOf(alice, u"bob"_s), u"ship it 🚀"_s);
        QCOMPARE(mine.value("state"_L1).toString(), u"sent"_s);
        QVERIFY(mine.value("cseq"_L1).toInteger() > 0);
        QCOMPARE(mine.value("sender"_L1).toString(), u"alice"_s);

        VERIFY_SUCCEEDED(bob.run({u"space"_s, u"create"_s, u"Work"_s, u"--kind"_s, u"work"_s, u"--server"_s,
            server.url(), u"--user"_s, u"bob"_s}));
        VERIFY_SUCCEEDED(bob.run({u"sync"_s, u"Work"_s}));
        const QJsonObject received = findBody(messagesOf(bob, u"alice"_s), u"ship it 🚀"_s);
        QCOMPARE(received.value("id"_L1), mine.value("id"_L1));
        QCOMPARE(received.value("cseq"_L1), mine.value("cseq"_L1));
    }

    void aMessageSentWhileTheServerIsDownIsQueuedAndSentLater()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        const Tandemctl alice = client(dir, u"alice"_s);
        VERIFY_SUCCEEDED(alice.run({u"space"_s, u"create"_s, u"Work"_s, u"--kind"_s, u"work"_s, u"--server"_s,
            server.url(), u"--user"_s, u"alice"_s}));
        VERIFY_SUCCEEDED(alice.run({u"sync"_s, u"Work"_s}));
        server.stop();

        const CliRun queued = alice.run({u"send"_s, u"Work"_s, u"Launch team"_s, u"written on a plane"_s});
        VERIFY_SUCCEEDED(queued);
        QVERIFY2(queued.outText().startsWith(u"Queued "_s), qPrintable(queued.describe()));
        QCOMPARE(findBody(messagesOf(alice, u"Launch team"_s), u"written on a plane"_s)
                     .value("state"_L1)
                     .toString(),
            u"sending"_s);
        VERIFY_ONE_LINE_FAILURE(alice.run({u"sync"_s, u"Work"_s, u"--timeout"_s, u"2"_s}), u"Cannot reach"_s);

        QVERIFY(server.start());
        VERIFY_SUCCEEDED(alice.run({u"sync"_s, u"Work"_s}));
        const QJsonObject sent = findBody(messagesOf(alice, u"Launch team"_s), u"written on a plane"_s);
        QCOMPARE(sent.value("state"_L1).toString(), u"sent"_s);
        QVERIFY(sent.value("cseq"_L1).toInteger() > 0);
    }

    void setUpErrorsAreOneSentence()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        Tandemctl alice = client(dir, u"alice"_s);
        alice.setEnv(u"TANDEM_PASSWORD"_s, u"wrong"_s);
        VERIFY_ONE_LINE_FAILURE(alice.run({u"space"_s, u"create"_s, u"Work"_s, u"--kind"_s, u"work"_s,
                                    u"--server"_s, server.url(), u"--user"_s, u"alice"_s}),
            u"Wrong user name or password"_s);
        alice.setEnv(u"TANDEM_PASSWORD"_s, u"demo"_s);
        VERIFY_ONE_LINE_FAILURE(alice.run({u"space"_s, u"create"_s, u"Work"_s, u"--kind"_s, u"work"_s,
                                    u"--server"_s, u"ws://example.com/tandem"_s, u"--user"_s, u"alice"_s}),
            u"only allowed to this computer"_s);
        VERIFY_ONE_LINE_FAILURE(
            alice.run({u"space"_s, u"create"_s, u"Work"_s, u"--kind"_s, u"work"_s, u"--server"_s,
                server.url(), u"--user"_s, u"alice"_s, u"--server-space"_s, u"sp_other_work"_s}),
            u"sp_demo_work"_s);
        // Nothing was created by the failures.
        const CliRun list = alice.run({u"space"_s, u"list"_s, u"--json"_s});
        QCOMPARE(list.json().array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTandemctlSync)
#include "tst_tandemctl_sync.moc"
