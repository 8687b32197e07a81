// The app's start flow and spaces without a window: App (AppController) and SpaceSession against the
// real tandem-server --demo on a free loopback port, each test in a fresh temporary profile.
#include "../server/serverfixture.h"

#include "appcontroller.h"
#include "boundarytestsupport.h"
#include "conversationcontroller.h"
#include "conversationlistmodel.h"
#include "spacelistmodel.h"
#include "spacesession.h"

#include "store/storethread.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::app;
using namespace Qt::StringLiterals;

namespace {

constexpr int kLong = 60000; // a sync over a loaded two-core machine
const QString kPassphrase = u"correct horse battery"_s;

std::unique_ptr<AppController> makeApp(const QString &profile, bool demo = false)
{
    StartOptions options;
    options.profileDirectory = profile;
    options.demo = demo;
    return std::make_unique<AppController>(options);
}

template<typename T> T readStore(SpaceSession *s, std::function<Result<T>(store::SpaceStore &)> fn)
{
    auto r = s->store()->read<T>(std::move(fn)).result();
    if (!r)
        qWarning("store read failed: %s", qPrintable(r.error().message));
    return r ? *r : T {};
}

qint64 scalar(SpaceSession *s, const char *sql)
{
    return readStore<qint64>(s, [sql](store::SpaceStore &st) -> Result<qint64> {
        auto q = st.db().prepare(sql);
        if (!q)
            return q.error();
        qint64 v = 0;
        TANDEM_TRY(q->forEachRow([&](const store::Statement &r) { v = r.int64(0); }));
        return v;
    });
}

qint64 conversationCount(SpaceSession *s)
{
    return scalar(s, "SELECT count(*) FROM conversations");
}

qint64 storedUnread(SpaceSession *s)
{
    return scalar(s,
        "SELECT coalesce(sum(unread_count), 0) FROM conversations WHERE notify_level != 'muted' AND "
        "archived = 0");
}

QString sharedConversation(SpaceSession *s, const QString &a, const QString &b)
{
    return readStore<QString>(s, [a, b](store::SpaceStore &st) -> Result<QString> {
        auto q
            = st.db().prepare("SELECT m.conversation_id FROM members m JOIN members n ON n.conversation_id "
                              "= m.conversation_id WHERE m.user_id = ?1 AND n.user_id = ?2 ORDER BY 1 "
                              "LIMIT 1");
        if (!q)
            return q.error();
        q->bind(1, a).bind(2, b);
        QString id;
        TANDEM_TRY(q->forEachRow([&](const store::Statement &r) { id = r.text(0); }));
        return id;
    });
}

// A loopback port nobody listens on.
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestAppSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_serverData;
    testing::ServerProcess m_server;

    // Signs bob in to the server's work space in `profile`; ready, synced, with conversations.
    std::unique_ptr<AppController> connectedBob(const QString &profile, const QUrl &server)
    {
        auto app = makeApp(profile);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"welcome"_s, 10000); }();
        app->connectToServer(server.toString(), u"bob"_s, u"demo"_s, u"work"_s, u"Work"_s, kPassphrase);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"ready"_s, kLong); }();
        return app;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TANDEM_NO_KEYCHAIN", "1");
        qunsetenv("TANDEM_PASSPHRASE");
        qputenv("TANDEM_SERVER_BINARY", TANDEM_SERVER_BINARY);
        QVERIFY(m_serverData.isValid());
        QVERIFY(m_server.start(m_serverData.path(), {u"--demo"_s}));
    }

    void freshProfileStartsAtWelcome()
    {
        QTemporaryDir profile;
        auto app = makeApp(profile.path());
        QCOMPARE(app->state(), u"starting"_s);
        QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"welcome"_s, 10000);
        QVERIFY(app->currentSpace() == nullptr);
        QCOMPARE(app->spaces()->count(), 0);
    }

    void connectingAsBobReachesReadyWithConversationsAndUnreadTotals()
    {
        QTemporaryDir profile;
        auto app = connectedBob(profile.path(), m_server.url());
        QCOMPARE(app->spaces()->count(), 1);
        SpaceSession *space = app->currentSpace();
        QVERIFY(space);
        QCOMPARE(app->currentSpaceIndex(), 0);
        QCOMPARE(space->name(), u"Work"_s);
        QCOMPARE(space->kind(), u"work"_s);
        QCOMPARE(space->userName(), u"bob"_s);
        QCOMPARE(space->userId(), u"u_bob"_s);
        QTRY_COMPARE_WITH_TIMEOUT(space->syncState(), u"ready"_s, kLong);
        QTRY_VERIFY_WITH_TIMEOUT(conversationCount(space) > 0, kLong);
        QVERIFY(space->conversations());
        QTRY_VERIFY_WITH_TIMEOUT(space->conversations()->rowCount() > 0, kLong);
        QVERIFY(!space->displayName().isEmpty());

        // The tray's total leaves out a work space off hours; this test may run at any hour, so the
        // work space works around the clock here.
        QVERIFY(testing::workAroundTheClock(space, kLong));

        // The totals follow the store once the sync has calmed down...
        QTRY_COMPARE_WITH_TIMEOUT(space->unreadCount(), int(storedUnread(space)), kLong);
        QTest::qWait(500);
        QTRY_COMPARE_WITH_TIMEOUT(space->unreadCount(), int(storedUnread(space)), kLong);
        const int before = space->unreadCount();

        // ...and a message from alice adds one, in the session, the space list and the app's total.
        const QString conversation = sharedConversation(space, u"u_alice"_s, u"u_bob"_s);
        QVERIFY(!conversation.isEmpty());
        testing::TestClient alice;
        QVERIFY(!alice.connectFromStart(m_server.url(), u"alice"_s, {u"sp_demo_work"_s}).isEmpty());
        const QJsonObject sent = alice.mutate(u"sp_demo_work"_s, u"message.send"_s,
            {{u"message_id"_s, protocol::newUuid()}, {u"conversation_id"_s, conversation},
                {u"body"_s, u"Lunch at noon?"_s}, {u"format"_s, u"plain"_s}},
            protocol::newUuid(), QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(sent.value(u"type"_s).toString(), u"result"_s);
        QTRY_COMPARE_WITH_TIMEOUT(space->unreadCount(), before + 1, kLong);
        QCOMPARE(app->totalUnreadCount(), before + 1);
        QCOMPARE(app->spaces()->data(app->spaces()->index(0), SpaceListModel::UnreadCountRole).toInt(),
            before + 1);
        QCOMPARE(app->spaces()->data(app->spaces()->index(0), SpaceListModel::SyncStateRole).toString(),
            u"ready"_s);
    }

    void openingAConversationReplacesTheCurrentOne()
    {
        QTemporaryDir profile;
        auto app = connectedBob(profile.path(), m_server.url());
        SpaceSession *space = app->currentSpace();
        QTRY_VERIFY_WITH_TIMEOUT(conversationCount(space) > 1, kLong);
        const QStringList ids
            = readStore<QStringList>(space, [](store::SpaceStore &st) -> Result<QStringList> {
                  auto q = st.db().prepare("SELECT id FROM conversations ORDER BY id LIMIT 2");
                  if (!q)
                      return q.error();
                  QStringList out;
                  TANDEM_TRY(q->forEachRow([&](const store::Statement &r) { out << r.text(0); }));
                  return out;
              });
        QCOMPARE(ids.size(), 2);
        QSignalSpy changed(space, &SpaceSession::currentConversationChanged);
        space->openConversation(ids.at(0));
        QVERIFY(space->currentConversation());
        QPointer<QObject> first = space->currentConversation();
        space->openConversation(ids.at(1));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(space->currentConversationId(), ids.at(1));
        QTRY_VERIFY(first.isNull()); // deleted later
    }

    void wrongPasswordReturnsToWelcomeWithAClearErrorAndNoSpace()
    {
        QTemporaryDir profile;
        auto app = makeApp(profile.path());
        QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"welcome"_s, 10000);
        QSignalSpy states(app.get(), &AppController::stateChanged);
        app->connectToServer(
            m_server.url().toString(), u"bob"_s, u"not-his"_s, u"work"_s, QString(), kPassphrase);
        QCOMPARE(app->state(), u"opening"_s);
        QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"welcome"_s, kLong);
        QVERIFY2(app->errorText().contains(u"Wrong user name or password"_s), qPrintable(app->errorText()));
        QCOMPARE(app->spaces()->count(), 0);
        auto spaces = store::Profile(profile.path()).spaces();
        QVERIFY(spaces);
        QVERIFY(spaces->isEmpty()); // nothing half-made
    }

    void unreachableServerSaysWhichAddressAndWhatToDo()
    {
        QTemporaryDir profile;
        auto app = makeApp(profile.path());
        QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"welcome"_s, 10000);
        const QString url = u"ws://127.0.0.1:%1"_s.arg(closedPort());
        app->connectToServer(url, u"bob"_s, u"demo"_s, u"work"_s, QString(), kPassphrase);
        QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"welcome"_s, kLong);
        QVERIFY2(app->errorText().contains(url), qPrintable(app->errorText()));
        QVERIFY2(app->errorText().contains(u"Check the address and that the server runs."_s),
            qPrintable(app->errorText()));
        QCOMPARE(app->spaces()->count(), 0);
    }

    void incompleteFormIsAnsweredWithoutLeavingWelcome()
    {
        QTemporaryDir profile;
        auto app = makeApp(profile.path());
        QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"welcome"_s, 10000);
        app->connectToServer(m_server.url().toString(), u"bob"_s, u"demo"_s, u"work"_s, QString(), QString());
        QCOMPARE(app->state(), u"welcome"_s);
        QVERIFY(app->errorText().contains(u"passphrase"_s));
        app->connectToServer(
            m_server.url().toString(), u"bob"_s, u"demo"_s, u"hobby"_s, QString(), kPassphrase);
        QVERIFY(app->errorText().contains(u"work or a personal"_s));
    }

    void restartUnlocksWithThePassphraseAndShowsTheDataOffline()
    {
        QTemporaryDir serverData;
        testing::ServerProcess server;
        QVERIFY(server.start(serverData.path(), {u"--demo"_s}));
        QTemporaryDir profile;
        qint64 conversations = 0;
        {
            auto app = connectedBob(profile.path(), server.url());
            SpaceSession *space = app->currentSpace();
            QTRY_COMPARE_WITH_TIMEOUT(space->syncState(), u"ready"_s, kLong);
            QTRY_VERIFY_WITH_TIMEOUT(conversationCount(space) > 0, kLong);
            conversations = conversationCount(space);
        }
        server.kill();

        auto app = makeApp(profile.path());
        QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"unlock"_s, 10000);
        app->unlock(u"not the passphrase"_s);
        QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"unlock"_s, kLong);
        QVERIFY2(app->errorText().contains(u"passphrase"_s), qPrintable(app->errorText()));
        QCOMPARE(app->spaces()->count(), 0);

        app->unlock(kPassphrase);
        QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"ready"_s, kLong);
        QVERIFY(app->errorText().isEmpty());
        SpaceSession *space = app->currentSpace();
        QVERIFY(space);
        QCOMPARE(space->userName(), u"bob"_s);
        QTRY_COMPARE_WITH_TIMEOUT(space->syncState(), u"offline"_s, kLong);
        QVERIFY(!space->syncText().isEmpty());
        QCOMPARE(conversationCount(space), conversations);
        QTRY_COMPARE_WITH_TIMEOUT(qint64(space->conversations()->rowCount()), conversations, kLong);
    }

    void passphraseFromTheEnvironmentUnlocksWithoutAsking()
    {
        QTemporaryDir profile;
        {
            auto app = connectedBob(profile.path(), m_server.url());
        }
        qputenv("TANDEM_PASSPHRASE", kPassphrase.toUtf8());
        auto app = makeApp(profile.path());
        QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"ready"_s, kLong);
        qunsetenv("TANDEM_PASSPHRASE");
        QCOMPARE(app->spaces()->count(), 1);
    }

    void demoStartsItsServerAndOpensWorkAndPersonalWithHistory()
    {
        QTemporaryDir profile;
        {
            auto app = makeApp(profile.path(), true);
            QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"ready"_s, 2 * kLong);
            QVERIFY(app->isDemo());
            QCOMPARE(app->spaces()->count(), 2);
            QCOMPARE(app->spaces()->at(0)->name(), u"Work"_s);
            QCOMPARE(app->spaces()->at(1)->name(), u"Personal"_s);
            QCOMPARE(app->spaces()->at(1)->kind(), u"personal"_s);
            for (SpaceSession *space : app->spaces()->sessions()) {
                QCOMPARE(space->userName(), u"alice"_s);
                QTRY_COMPARE_WITH_TIMEOUT(space->syncState(), u"ready"_s, kLong);
                QTRY_VERIFY_WITH_TIMEOUT(scalar(space, "SELECT count(*) FROM messages") > 10, kLong);
            }
            QVERIFY(QFile::exists(profile.filePath(u"demo.json"_s)));
            QVERIFY(QFile::exists(profile.filePath(u"demo-server"_s)));
        }
        // The next start of the demo profile starts its server again (a new port) and syncs.
        auto app = makeApp(profile.path());
        QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"ready"_s, 2 * kLong);
        QCOMPARE(app->spaces()->count(), 2);
        SpaceSession *work = app->spaces()->at(0);
        QTRY_COMPARE_WITH_TIMEOUT(work->syncState(), u"ready"_s, kLong);
    }

    void editingTheLookUpdatesTheSpaceListAndTheProfile()
    {
        QTemporaryDir profile;
        store::Profile p(profile.path());
        auto entry
            = p.createSpace(u"Work"_s, store::SpaceKind::Work, kPassphrase, false, {1, 8 * 1024 * 1024});
        QVERIFY(entry.ok());
        SpaceListModel model;
        auto *session = new SpaceSession(profile.path(), *entry, &model);
        model.append(session);
        const QModelIndex row = model.index(0);
        QCOMPARE(model.data(row, SpaceListModel::AccentRole).toString(), QString());
        QCOMPARE(model.data(row, SpaceListModel::IconRole).toString(), QString());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        QCOMPARE(session->editLook(u"Acme"_s, u"orange"_s, u"🚀"_s), QString());

        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.data(row, SpaceListModel::NameRole).toString(), u"Acme"_s);
        QCOMPARE(model.data(row, SpaceListModel::AccentRole).toString(), u"orange"_s);
        QCOMPARE(model.data(row, SpaceListModel::IconRole).toString(), u"🚀"_s);
        auto reread = store::Profile(profile.path()).findSpace(entry->meta.id);
        QVERIFY(reread.ok());
        QCOMPARE(reread->meta.accent, u"orange"_s);

        QVERIFY(!session->editLook(u"Acme"_s, u"chartreuse"_s, QString()).isEmpty());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.data(row, SpaceListModel::AccentRole).toString(), u"orange"_s);
    }

    void switchingSpacesChangesTheCurrentOne()
    {
        QTemporaryDir profile;
        auto app = makeApp(profile.path(), true);
        QTRY_COMPARE_WITH_TIMEOUT(app->state(), u"ready"_s, 2 * kLong);
        QSignalSpy changed(app.get(), &AppController::currentSpaceChanged);
        app->switchSpace(1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(app->currentSpace()->name(), u"Personal"_s);
        app->switchSpace(7); // out of range: ignored
        QCOMPARE(app->currentSpaceIndex(), 1);
    }
};

QTEST_MAIN(TestAppSession)
#include "tst_appsession.moc"
