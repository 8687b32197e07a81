// Shared by the app tests against the real tandem-server --demo (tst_approvalsdemo,
// tst_approvalsreturned): signing a demo person in as the app does, and reading their store.
#pragma once

#include "../server/serverfixture.h"

#include "appcontroller.h"
#include "spacesession.h"

#include "store/storethread.h"

#include <QDir>
#include <QJsonArray>
#include <QQuickItem>
#include <QQuickStyle>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <memory>

namespace tandem::test {

inline constexpr int kDemoTimeoutMs = 30000;

// The app as the demo tests run it: the Basic style, no OS keychain and no passphrase from the
// environment, and the tandem-server built beside the tests for the demo it starts. Returns the folder
// for screenshots (TANDEM_ARTIFACTS, else test-artifacts here), made if missing; empty if it cannot be.
inline QString prepareDemoApp()
{
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    qputenv("TANDEM_NO_KEYCHAIN", "1");
    qunsetenv("TANDEM_PASSPHRASE");
    qputenv("TANDEM_SERVER_BINARY", TANDEM_SERVER_BINARY);
    const QString out = qEnvironmentVariable(
        "TANDEM_ARTIFACTS", QDir::current().filePath(QStringLiteral("test-artifacts")));
    return QDir().mkpath(out) ? out : QString();
}

// Signs `user` (password "demo") in to the work space of the server at `server`, with a profile in
// `profile`; null, after a test failure, when the app does not get there.
inline std::unique_ptr<app::AppController> signInToDemo(
    const QUrl &server, const QString &profile, const QString &user)
{
    app::StartOptions options;
    options.profileDirectory = profile;
    auto controller = std::make_unique<app::AppController>(options);
    bool ready = false;
    [&] { // QTRY_* return from the function they fail in
        QTRY_COMPARE_WITH_TIMEOUT(controller->state(), QStringLiteral("welcome"), 10000);
        controller->connectToServer(server.toString(), user, QStringLiteral("demo"), QStringLiteral("work"),
            QStringLiteral("Work"), QStringLiteral("correct horse battery"));
        QTRY_COMPARE_WITH_TIMEOUT(controller->state(), QStringLiteral("ready"), kDemoTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            controller->currentSpace()->syncState(), QStringLiteral("ready"), kDemoTimeoutMs);
        ready = true;
    }();
    return ready ? std::move(controller) : nullptr;
}

// The supplier's quote that goes with submitDesksRequest's request.
inline QByteArray desksQuote()
{
    return QByteArray("Quote 2026-118: 12 standing desks, 3,480.00 CNY\n").repeated(300);
}

// Bob asks for standing desks with the supplier's quote attached, through the protocol itself (as a bot
// would): the file, then a request that names it. The request's id, and the file's in `fileId`; empty
// after a test failure.
inline QString submitDesksRequest(const QUrl &server, QString *fileId = nullptr)
{
    testing::TestClient bob;
    const QString space = QStringLiteral("sp_demo_work"); // the demo organisation's work space
    QString requestId;
    [&] { // QTRY_* and QVERIFY return from the function they fail in
        QVERIFY(!bob.connectFromStart(server, QStringLiteral("bob"), {space}).isEmpty());
        const QString file
            = bob.uploadWhole(space, QStringLiteral("quote.txt"), QStringLiteral("text/plain"), desksQuote());
        QVERIFY(!file.isEmpty());
        const QString id = protocol::newUuid();
        const QJsonObject form {{QStringLiteral("subject"), QStringLiteral("Standing desks")},
            {QStringLiteral("details"), QStringLiteral("The supplier's quote is attached.")},
            {QStringLiteral("files"), QJsonArray {file}}};
        QCOMPARE(bob.mutate(space, QStringLiteral("approval.submit"),
                        {{QStringLiteral("request_id"), id},
                            {QStringLiteral("template_id"), QStringLiteral("tpl_general")},
                            {QStringLiteral("form"), form}})
                     .value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("applied"));
        if (fileId)
            *fileId = file;
        requestId = id;
    }();
    return requestId;
}

// The first column of the first row of `sql` in the space's store.
inline QString storeText(app::SpaceSession *s, const QString &sql)
{
    auto r = s->store()
                 ->read<QString>([sql](store::SpaceStore &st) -> Result<QString> {
                     const QByteArray utf8 = sql.toUtf8();
                     auto q = st.db().prepare(std::string_view(utf8.constData(), size_t(utf8.size())));
                     if (!q)
                         return q.error();
                     QString v;
                     TANDEM_TRY(q->forEachRow([&](const store::Statement &row) { v = row.text(0); }));
                     return v;
                 })
                 .result();
    return r ? *r : QString();
}

// A visible item in the scene by objectName (Repeater delegates are children of items, not QObjects).
inline QQuickItem *visibleItemNamed(QQuickItem *item, const QString &name)
{
    if (!item->isVisible())
        return nullptr;
    if (item->objectName() == name)
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *c : children)
        if (QQuickItem *found = visibleItemNamed(c, name))
            return found;
    return nullptr;
}

} // namespace tandem::test
