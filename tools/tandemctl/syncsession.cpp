#include "syncsession.h"

#include "sync/spacesetup.h"
#include "sync/spacesync.h"
#include "sync/transport.h"

#include <QEventLoop>
#include <QHostInfo>
#include <QTimer>

namespace tandemctl {

using namespace tandem;
using namespace Qt::StringLiterals;

Result<QString> readServerPassword()
{
    const QString password = qEnvironmentVariable("TANDEM_PASSWORD");
    if (password.isEmpty())
        return Error::make(ErrorCode::Invalid,
            u"Set TANDEM_PASSWORD to the account's password (it is never read from the command line)."_s);
    return password;
}

namespace {

// How tandemctl names itself to the server.
sync::LoginRequest cliLoginRequest(const QUrl &server, const QString &userName, const QString &password)
{
    sync::LoginRequest request;
    request.server = server;
    request.userName = userName;
    request.password = password;
    request.deviceName = u"tandemctl on %1"_s.arg(QHostInfo::localHostName());
    request.devicePlatform = u"cli"_s;
    request.clientName = u"tandemctl"_s;
    return request;
}

} // namespace

Result<store::SyncAccount> setUpServerSpace(const QUrl &server, const QString &userName, const QString &kind,
    const QString &localName, const QString &serverSpaceId)
{
    if (auto s = sync::checkServerUrl(server); !s)
        return s.error();
    auto password = readServerPassword();
    if (!password)
        return password.error();
    sync::SpaceSetupRequest request;
    request.login = cliLoginRequest(server, userName, *password);
    request.kind = kind;
    request.localName = localName;
    request.serverSpaceId = serverSpaceId;
    request.chooseHint = u"name one with --server-space"_s;
    return sync::logInToServerSpaceBlocking(request);
}

sync::SyncConfig syncConfigFor(
    const store::Profile &profile, const store::SpaceEntry &space, const QString &passphrase)
{
    sync::SyncConfig config;
    config.clientName = u"tandemctl"_s;
    config.deviceName = u"tandemctl on %1"_s.arg(QHostInfo::localHostName());
    config.devicePlatform = u"cli"_s;
    config.profileDirectory = profile.directory();
    config.passphrase = passphrase;
    config.localSpaceId = space.meta.id;
    // A script may hand over a password for a space whose token is gone.
    config.password = qEnvironmentVariable("TANDEM_PASSWORD");
    return config;
}

Result<std::unique_ptr<store::StoreThread>> openStoreThread(
    const store::Profile &profile, const store::SpaceEntry &space, const QString &passphrase)
{
    auto thread = std::make_unique<store::StoreThread>();
    const Status opened = thread->open(profile, space, passphrase).result();
    if (!opened)
        return Error::make(opened.error().code,
            u"Cannot open the space \"%1\": %2"_s.arg(space.meta.name, opened.error().message));
    return thread;
}

SyncOutcome runSync(store::StoreThread &store, const sync::SyncConfig &config, qint64 timeoutMs,
    bool giveUpOffline, const std::function<Status(sync::SpaceSync &)> &beforeStart)
{
    SyncOutcome outcome;
    sync::SpaceSync engine(&store, config);
    if (beforeStart) {
        if (Status s = beforeStart(engine); !s) {
            outcome.notStarted = s.error();
            return outcome;
        }
    }
    QEventLoop loop;
    QObject::connect(&engine, &sync::SpaceSync::settled, &loop, [&] {
        outcome.settled = true;
        loop.quit();
    });
    QObject::connect(&engine, &sync::SpaceSync::statusChanged, &loop, [&](const sync::SyncStatus &s) {
        outcome.status = s;
        const bool wiping = s.code == u"device_revoked" || s.code == u"space_revoked";
        if ((s.state == sync::SyncState::Stopped && !wiping) || s.state == sync::SyncState::NeedsLogin
            || (giveUpOffline && s.state == sync::SyncState::Offline))
            loop.quit();
    });
    // After a revocation the engine wipes spaces; the command ends once that is done.
    QObject::connect(&engine, &sync::SpaceSync::spacesWiped, &loop, [&](const QStringList &ids) {
        outcome.wiped = ids;
        loop.quit();
    });
    QObject::connect(&engine, &sync::SpaceSync::mutationRejected, &loop,
        [&](const QString &, const QString &code, const QString &reason) {
            outcome.rejected << code + u": "_s + reason;
        });
    QTimer::singleShot(int(timeoutMs), &loop, &QEventLoop::quit);
    engine.start();
    loop.exec();
    if (outcome.settled)
        outcome.status = engine.status();
    return outcome;
}

} // namespace tandemctl
