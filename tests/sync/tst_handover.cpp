// Succession (issue 5, docs/protocol.md §6.12) through the real tandem-server: Bob, an employee, has a
// customer conversation with Kevin (Kunlun Trading) full of history; it is handed to Chen, once by the
// operator's `tandem-server admin handover` on the running server and once by an organisation admin's
// conversation.handover (sent by tandemctl). Chen's client then holds the whole history and can reply;
// Kevin stays, sees the notice and the reply; Bob's client loses its copy through the ordinary
// membership events, and the server refuses Bob's history requests and messages.
#include "../server/serverfixture.h"
#include "../tools/tandemctlrunner.h"
#include "realclient.h"
#include "serverprocess.h"
#include "synctestsupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace tandem;
using namespace tandem::sync;
using namespace tandem::sync::test;

namespace {

constexpr int kHistory = 24; // messages before the hand-over, more than a snapshot's 20
const QString kSpace = u"sp_demo_work"_s;
const QString kNotice = u"陈伟 Chen Wei has taken over this conversation from Bob Okafor"_s;

std::string inConversation(const QString &conversation, const char *what)
{
    return std::string(what) + " FROM messages WHERE conversation_id = '" + conversation.toStdString()
        + "' AND seq IS NOT NULL";
}

qint64 confirmedCount(Client &c, const QString &conversation)
{
    return readInt(*c.store, inConversation(conversation, "SELECT count(*)"));
}

QStringList bodies(Client &c, const QString &conversation)
{
    return readTexts(*c.store, inConversation(conversation, "SELECT body") + " ORDER BY seq");
}

// The conversation's messages kept as server notices: their kind, and whether the handover names a
// former member other than the sender and the sender as the successor.
QStringList systemNotices(Client &c, const QString &conversation)
{
    return readTexts(*c.store,
        "SELECT s.kind || CASE WHEN json_extract(s.data, '$.to_user_id') = m.sender_id AND "
        "json_extract(s.data, '$.from_user_id') != m.sender_id THEN ' from the former, to the sender' ELSE "
        "'' END "
        "FROM message_system s JOIN messages m ON m.id = s.message_id WHERE m.conversation_id = '"
            + conversation.toStdString() + "'");
}

qint64 heldConversations(Client &c, const QString &conversation)
{
    return readInt(
        *c.store, "SELECT count(*) FROM conversations WHERE id = '" + conversation.toStdString() + "'");
}

// Bob opens a group with Kevin and they exchange kHistory messages; `id` is the conversation's (a void
// function, so that the QTRY macros can fail the test from here).
void seedCustomerConversation(Client &bob, Client &kevin, QString &id)
{
    id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject create {{u"conversation_id"_s, id}, {u"kind"_s, u"group"_s},
        {u"name"_s, u"Order 4471"_s}, {u"member_ids"_s, QJsonArray {u"u_kevin"_s}}};
    QVERIFY(bob.sync->mutate(u"conversation.create"_s, create).result().ok());
    QTRY_COMPARE_WITH_TIMEOUT(heldConversations(kevin, id), qint64(1), 20000);
    for (int i = 0; i < kHistory; ++i) {
        Client &from = i % 2 == 0 ? bob : kevin;
        QVERIFY(from.sync->sendMessage(id, u"order 4471 line %1"_s.arg(i)).result().ok());
    }
    QTRY_COMPARE_WITH_TIMEOUT(confirmedCount(bob, id), qint64(kHistory), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(confirmedCount(kevin, id), qint64(kHistory), 20000);
}

// What the server says to Bob about the conversation now, on a connection of his own: the answer to
// a history request and to a message.
QPair<QString, QString> bobAsks(const QString &url, const QString &conversation)
{
    tandem::testing::TestClient raw;
    if (!raw.open(QUrl(url)))
        return {};
    const auto login = raw.login(u"bob"_s);
    raw.hello(login, QJsonArray {QJsonObject {{u"space_id"_s, kSpace}}});
    raw.send({{u"type"_s, u"history"_s}, {u"rid"_s, u"h1"_s}, {u"space_id"_s, kSpace},
        {u"conversation_id"_s, conversation}});
    const QJsonObject history = raw.waitRid(u"h1"_s);
    const QJsonObject sent = raw.mutate(kSpace, u"message.send"_s,
        {{u"message_id"_s, protocol::newUuid()}, {u"conversation_id"_s, conversation},
            {u"body"_s, u"still here?"_s}, {u"format"_s, u"plain"_s}});
    return {history.value(u"type"_s).toString() + u':' + history.value(u"code"_s).toString(),
        sent.value(u"status"_s).toString() + u':' + sent.value(u"code"_s).toString()};
}

} // namespace

class TestHandover : public QObject
{
    Q_OBJECT

    // After a hand-over of `conversation` from Bob to Chen: Chen's client holds the whole history and
    // the notice, and his reply reaches Kevin, who saw the notice; the server refuses Bob.
    void checkSuccession(Client &chen, Client &kevin, const QString &url, const QString &conversation)
    {
        QTRY_COMPARE_WITH_TIMEOUT(confirmedCount(chen, conversation), qint64(kHistory + 1), 20000);
        const QStringList held = bodies(chen, conversation);
        // Bob and Kevin wrote at the same time, so the server's order interleaves them: compare as sets.
        QStringList expected;
        for (int i = 0; i < kHistory; ++i)
            expected << u"order 4471 line %1"_s.arg(i);
        QCOMPARE(
            QSet<QString>(held.begin(), held.end() - 1), QSet<QString>(expected.begin(), expected.end()));
        QCOMPARE(held.last(), kNotice);
        // The notice is kept as one (its `system` object, §6.12): the client shows its own sentence.
        QCOMPARE(
            systemNotices(chen, conversation), QStringList {u"handover from the former, to the sender"_s});
        QTRY_VERIFY_WITH_TIMEOUT(bodies(kevin, conversation).contains(kNotice), 20000);

        QVERIFY(chen.sync->sendMessage(conversation, u"Chen here, I have your order"_s).result());
        QTRY_VERIFY_WITH_TIMEOUT(
            bodies(kevin, conversation).contains(u"Chen here, I have your order"_s), 20000);
        const auto [history, send] = bobAsks(url, conversation);
        QCOMPARE(history, u"error:not_found"_s);
        QCOMPARE(send, u"rejected:not_found"_s);
    }

private Q_SLOTS:
    void adminCommandOnARunningServerHandsTheConversationToTheSuccessor()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(u"server"_s);
        ServerProcess server(data);
        QVERIFY(server.start());
        auto bob = connectClient(dir.filePath(u"bob"_s), server.url(), u"bob"_s, u"tst_handover"_s);
        auto kevin = connectClient(dir.filePath(u"kevin"_s), server.url(), u"kevin"_s, u"tst_handover"_s);
        auto chen = connectClient(dir.filePath(u"chen"_s), server.url(), u"chen"_s, u"tst_handover"_s);
        QVERIFY(bob && kevin && chen);
        QTRY_COMPARE_WITH_TIMEOUT(bob->sync->status().state, SyncState::Ready, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(kevin->sync->status().state, SyncState::Ready, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(chen->sync->status().state, SyncState::Ready, 20000);
        QString conversation;
        seedCustomerConversation(*bob, *kevin, conversation);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(heldConversations(*chen, conversation), qint64(0));

        const auto [code, output] = tandem::testing::runAdmin(data,
            {u"handover"_s, u"--from"_s, u"u_bob"_s, u"--to"_s, u"u_chen"_s, u"--conversation"_s,
                conversation});
        QVERIFY2(code == 0 && output.contains(u"\"status\":\"applied\""_s), qPrintable(output));

        checkSuccession(*chen, *kevin, server.url(), conversation);
        // Bob's own client drops its copy on the conversation.removed of the ordinary membership events.
        QTRY_COMPARE_WITH_TIMEOUT(heldConversations(*bob, conversation), qint64(0), 20000);
        QCOMPARE(
            readInt(*bob->store,
                "SELECT count(*) FROM messages WHERE conversation_id = '" + conversation.toStdString() + "'"),
            qint64(0));
        // Kevin stays, with Chen in Bob's place.
        QCOMPARE(readTexts(*kevin->store,
                     "SELECT user_id FROM members WHERE conversation_id = '" + conversation.toStdString()
                         + "' ORDER BY user_id"),
            (QStringList {u"u_chen"_s, u"u_kevin"_s}));
    }

    void organisationAdminHandsTheConversationOverWithTandemctl()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(u"server"_s);
        ServerProcess server(data);
        QVERIFY(server.start());
        auto bob = connectClient(dir.filePath(u"bob"_s), server.url(), u"bob"_s, u"tst_handover"_s);
        auto kevin = connectClient(dir.filePath(u"kevin"_s), server.url(), u"kevin"_s, u"tst_handover"_s);
        auto chen = connectClient(dir.filePath(u"chen"_s), server.url(), u"chen"_s, u"tst_handover"_s);
        QVERIFY(bob && kevin && chen);
        QTRY_COMPARE_WITH_TIMEOUT(bob->sync->status().state, SyncState::Ready, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(kevin->sync->status().state, SyncState::Ready, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(chen->sync->status().state, SyncState::Ready, 20000);
        QString conversation;
        seedCustomerConversation(*bob, *kevin, conversation);
        if (QTest::currentTestFailed())
            return;

        tandemctl::test::Tandemctl alice(dir.filePath(u"alice"_s), dir.filePath(u"alice-scratch"_s));
        alice.setPassphrase(u"pass phrase"_s);
        alice.setEnv(u"TANDEM_PASSWORD"_s, u"demo"_s);
        VERIFY_SUCCEEDED(alice.run({u"space"_s, u"create"_s, u"Work"_s, u"--kind"_s, u"work"_s, u"--server"_s,
            server.url(), u"--user"_s, u"alice"_s}));
        const QStringList handover {u"conversations"_s, u"handover"_s, u"Work"_s, u"--from"_s, u"bob"_s,
            u"--to"_s, u"chen"_s, u"--json"_s};
        // Alice manages people but is not an organisation admin yet: refused, and nothing moved.
        const tandemctl::test::CliRun refused = alice.run(handover);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.errText().contains(u"forbidden"_s), qPrintable(refused.describe()));
        QCOMPARE(heldConversations(*chen, conversation), qint64(0));

        QCOMPARE(tandem::testing::runAdmin(data, {u"set-roles"_s, u"u_alice"_s, u"admin"_s}).first, 0);
        const tandemctl::test::CliRun applied = alice.run(handover); // every external one of Bob's
        VERIFY_SUCCEEDED(applied);
        QCOMPARE(applied.json().object().value(u"state"_s).toString(), u"applied"_s);

        checkSuccession(*chen, *kevin, server.url(), conversation);
        QTRY_COMPARE_WITH_TIMEOUT(heldConversations(*bob, conversation), qint64(0), 20000);
    }
};

QTEST_GUILESS_MAIN(TestHandover)
#include "tst_handover.moc"
