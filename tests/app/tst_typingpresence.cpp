// Typing and presence end to end (docs/protocol.md §6.6, §6.7): two real apps, alice and bob, signed in
// to the real tandem-server --demo. Bob types in his composer: alice's conversation list says so, until
// the notice expires or bob's message arrives. Bob's app connects and goes away: alice's list shows him
// online, then offline.
#include "../server/serverfixture.h"

#include "appcontroller.h"
#include "boundarytestsupport.h"
#include "composercontroller.h"
#include "conversationcontroller.h"
#include "conversationlistmodel.h"
#include "spacesession.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::app;
using namespace Qt::StringLiterals;

namespace {

constexpr int kLong = 60000; // a sync over a loaded two-core machine
const QString kPassphrase = u"correct horse battery"_s;
const QString kAliceBob = u"00000000-0000-4000-8000-000000000004"_s; // the demo's direct conversation
const QString kLaunch = u"00000000-0000-4000-8000-000000000002"_s; // the demo's "Launch team" group

QVariant roleOf(ConversationListModel *model, const QString &conversationId, int role)
{
    const int row = model->indexOf(conversationId);
    return row < 0 ? QVariant() : model->data(model->index(row), role);
}

QString typingIn(ConversationListModel *model, const QString &conversationId)
{
    return roleOf(model, conversationId, ConversationListModel::TypingTextRole).toString();
}

QString presenceIn(ConversationListModel *model, const QString &conversationId)
{
    return roleOf(model, conversationId, ConversationListModel::PresenceRole).toString();
}

} // namespace

class TestTypingPresence : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_serverData;
    testing::ServerProcess m_server;
    QTemporaryDir m_aliceProfile, m_bobProfile;
    std::unique_ptr<AppController> m_alice, m_bob; // signed in once: a sync takes a while

    // `user` signed in to the work space in a fresh profile, synced, with its conversation list loaded.
    std::unique_ptr<AppController> connected(const QString &user, const QTemporaryDir &profile)
    {
        StartOptions options;
        options.profileDirectory = profile.path();
        auto app = std::make_unique<AppController>(options);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"welcome"_s, 10000); }();
        app->connectToServer(m_server.url().toString(), user, u"demo"_s, u"work"_s, u"Work"_s, kPassphrase);
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"ready"_s, kLong);
            QVERIFY(app->currentSpace());
            QTRY_COMPARE_WITH_TIMEOUT(app->currentSpace()->syncState(), u"ready"_s, kLong);
            QTRY_VERIFY_WITH_TIMEOUT(app->currentSpace()->conversations()->indexOf(kLaunch) >= 0, kLong);
            // Presence here is about the app being signed in, not about working hours.
            QVERIFY(testing::workAroundTheClock(app->currentSpace(), kLong));
        }();
        return app;
    }

    // Bob's composer in a conversation of his app.
    static ComposerController *composerOf(AppController *app, const QString &conversationId)
    {
        app->currentSpace()->openConversation(conversationId);
        ConversationController *open = app->currentSpace()->currentConversation();
        return open && open->conversationId() == conversationId ? open->composer() : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TANDEM_NO_KEYCHAIN", "1");
        qunsetenv("TANDEM_PASSPHRASE");
        QVERIFY(m_serverData.isValid());
        QVERIFY(m_server.start(m_serverData.path(), {u"--demo"_s}));
        m_alice = connected(u"alice"_s, m_aliceProfile);
        m_bob = connected(u"bob"_s, m_bobProfile);
        QVERIFY(m_alice && m_bob);
    }

    void cleanupTestCase()
    {
        m_bob.reset();
        m_alice.reset();
    }

    void bobTypingShowsInAlicesListUntilItExpires()
    {
        ConversationListModel *list = m_alice->currentSpace()->conversations();
        QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(typingIn(list, kAliceBob), QString());

        ComposerController *composer = composerOf(m_bob.get(), kAliceBob);
        QVERIFY(composer);
        composer->setText(QString()); // an empty text is nobody typing
        composer->setText(u"   "_s);
        QTest::qWait(1000);
        QCOMPARE(typingIn(list, kAliceBob), QString());

        composer->setText(u"On my"_s);
        QTRY_COMPARE_WITH_TIMEOUT(typingIn(list, kAliceBob), u"Bob Okafor is typing…"_s, 10000);
        QElapsedTimer shown;
        shown.start();
        QCOMPARE(typingIn(list, kLaunch), QString()); // only where he types
        // He stops: the notice holds for its 6 s, then goes.
        QTRY_COMPARE_WITH_TIMEOUT(typingIn(list, kAliceBob), QString(), 15000);
        QVERIFY2(shown.elapsed() > 4000, qPrintable(u"gone after %1 ms"_s.arg(shown.elapsed())));
    }

    void bobsMessageEndsHisTypingAtOnce()
    {
        ConversationListModel *list = m_alice->currentSpace()->conversations();
        QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(typingIn(list, kAliceBob), QString(), 15000); // the last test's is over

        ComposerController *composer = composerOf(m_bob.get(), kAliceBob);
        QVERIFY(composer);
        composer->setText(u"On my way"_s);
        QTRY_COMPARE_WITH_TIMEOUT(typingIn(list, kAliceBob), u"Bob Okafor is typing…"_s, 10000);
        QElapsedTimer sent;
        sent.start();
        QVERIFY(composer->send());
        QTRY_COMPARE_WITH_TIMEOUT(
            roleOf(list, kAliceBob, ConversationListModel::LastMessageTextRole).toString(), u"On my way"_s,
            10000);
        QTRY_COMPARE_WITH_TIMEOUT(typingIn(list, kAliceBob), QString(), 10000);
        // Well before the 6 s expiry: the message ended it.
        QVERIFY2(sent.elapsed() < 4000, qPrintable(u"cleared after %1 ms"_s.arg(sent.elapsed())));
    }

    void twoTypistsAreNamedTogether()
    {
        QTemporaryDir chenProfile;
        auto chen = connected(u"chen"_s, chenProfile);
        QVERIFY(chen);
        ConversationListModel *list = m_alice->currentSpace()->conversations();
        QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ComposerController *bobs = composerOf(m_bob.get(), kLaunch);
        ComposerController *chens = composerOf(chen.get(), kLaunch);
        QVERIFY(bobs && chens);
        bobs->setText(u"Ship"_s);
        QTRY_COMPARE_WITH_TIMEOUT(typingIn(list, kLaunch), u"Bob Okafor is typing…"_s, 10000);
        chens->setText(u"Wait"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            typingIn(list, kLaunch), u"Bob Okafor and 陈伟 Chen Wei are typing…"_s, 10000);
    }

    void bobsPresenceFollowsHisApp()
    {
        ConversationListModel *list = m_alice->currentSpace()->conversations();
        QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(presenceIn(list, kAliceBob), u"online"_s, 10000); // his app is signed in
        m_bob.reset();
        QTRY_COMPARE_WITH_TIMEOUT(presenceIn(list, kAliceBob), u"offline"_s, 10000);

        // He signs in again (on a new device): online.
        QTemporaryDir again;
        m_bob = connected(u"bob"_s, again);
        QTRY_COMPARE_WITH_TIMEOUT(presenceIn(list, kAliceBob), u"online"_s, 10000);
        QCOMPARE(roleOf(list, kAliceBob, ConversationListModel::PresenceTextRole).toString(), u"Online"_s);
        QCOMPARE(presenceIn(list, kLaunch), QString()); // presence is for direct conversations

        // The header follows the same row.
        ConversationStatus status;
        status.setModel(list);
        status.setConversationId(kAliceBob);
        QCOMPARE(status.presence(), u"online"_s);
        QCOMPARE(status.presenceText(), u"Online"_s);

        m_bob.reset(); // his app quits: the connection closes
        QTRY_COMPARE_WITH_TIMEOUT(presenceIn(list, kAliceBob), u"offline"_s, 10000);
        QCOMPARE(roleOf(list, kAliceBob, ConversationListModel::PresenceTextRole).toString(), u"Offline"_s);
        QCOMPARE(status.presence(), u"offline"_s);
    }

    void presenceTextSaysWhenSomeoneIsBack()
    {
        const QDateTime now = QDateTime::fromString(u"2026-11-24T15:00:00"_s, Qt::ISODate);
        messaging::UserPresence p;
        p.status = u"off_duty"_s;
        p.offUntil = QDateTime::fromString(u"2026-11-24T18:30:00"_s, Qt::ISODate).toMSecsSinceEpoch();
        QCOMPARE(ConversationListModel::presenceText(p, now), u"Off until 18:30"_s);
        p.offUntil = QDateTime::fromString(u"2026-11-25T09:00:00"_s, Qt::ISODate).toMSecsSinceEpoch();
        QVERIFY(ConversationListModel::presenceText(p, now).endsWith(u" 09:00"_s));
        QVERIFY(ConversationListModel::presenceText(p, now) != u"Off until 09:00"_s); // names the day
        p.offUntil = 0;
        QCOMPARE(ConversationListModel::presenceText(p, now), u"Off duty"_s);
        p.status = u"away"_s;
        QCOMPARE(ConversationListModel::presenceText(p, now), u"Away"_s);
        p.status = u"sleeping"_s; // unknown: offline (§13.3)
        QCOMPARE(ConversationListModel::presenceText(p, now), u"Offline"_s);
    }

    void typingTextNamesOneTwoOrCounts()
    {
        QCOMPARE(ConversationListModel::typingText({}), QString());
        QCOMPARE(ConversationListModel::typingText({u"Bob"_s}), u"Bob is typing…"_s);
        QCOMPARE(ConversationListModel::typingText({u"Bob"_s, u"Chen"_s}), u"Bob and Chen are typing…"_s);
        QCOMPARE(
            ConversationListModel::typingText({u"Bob"_s, u"Chen"_s, u"Dana"_s}), u"3 people are typing…"_s);
    }
};

QTEST_MAIN(TestTypingPresence)
#include "tst_typingpresence.moc"
