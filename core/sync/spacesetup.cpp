#include "spacesetup.h"

#include "util/i18n.h"

#include "transport.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QPromise>

#include <memory>

namespace tandem::sync {

using namespace Qt::StringLiterals;

Result<store::SyncAccount> chooseServerSpace(
    const SpaceSetupRequest &request, const protocol::LoginResult &login)
{
    const QString server = request.login.server.toString();
    const QString &user = request.login.userName;
    const protocol::SpaceRecord *chosen = nullptr;
    QList<const protocol::SpaceRecord *> ofKind;
    for (const protocol::SpaceRecord &s : std::as_const(login.spaces)) {
        if (!request.serverSpaceId.isEmpty() && s.id == request.serverSpaceId)
            chosen = &s;
        if (s.kind == request.kind)
            ofKind.append(&s);
    }
    QStringList names;
    for (const protocol::SpaceRecord &s : std::as_const(login.spaces))
        names << u"%1 \"%2\" (%3)"_s.arg(s.id, s.name, s.kind);
    const QString listing = names.isEmpty() ? trCore("tandem::signin", "none") : names.join(u", "_s);
    if (!request.serverSpaceId.isEmpty() && !chosen)
        return Error::make(ErrorCode::NotFound,
            trCore("tandem::signin", "%1 may not sync a space %2 on %3; its spaces: %4.")
                .arg(user, request.serverSpaceId, server, listing));
    if (!chosen && ofKind.size() == 1)
        chosen = ofKind.first();
    if (!chosen)
        for (const protocol::SpaceRecord *s : std::as_const(ofKind))
            if (s->name.compare(request.localName, Qt::CaseInsensitive) == 0)
                chosen = s;
    if (!chosen)
        return Error::make(ErrorCode::NotFound,
            ofKind.isEmpty() ? trCore("tandem::signin", "%1 has no %2 space on %3; its spaces: %4.")
                                   .arg(user, request.kind, server, listing)
                             : trCore("tandem::signin", "%1 has several %2 spaces on %3; %4: %5.")
                                   .arg(user, request.kind, server, request.chooseHint, listing));
    return store::SyncAccount {server, user, login.userId, login.deviceId, login.token, chosen->id};
}

Error loginError(const QUrl &server, const LoginFailure &failure)
{
    if (failure.code == u"auth_failed")
        return Error::make(ErrorCode::Invalid,
            trCore("tandem::signin", "%1 Check them and try again.").arg(failure.message));
    if (failure.code.isEmpty()) {
        // The network or the server itself: no protocol answer at all.
        QString message = failure.message;
        if (message.isEmpty())
            message = trCore("tandem::signin", "Cannot reach the server %1.").arg(server.toString());
        return Error::make(ErrorCode::Unavailable,
            trCore("tandem::signin", "%1 Check the address and that the server runs.").arg(message));
    }
    return Error::make(ErrorCode::Unavailable, failure.message);
}

QFuture<Result<store::SyncAccount>> logInToServerSpace(const SpaceSetupRequest &request)
{
    auto promise = std::make_shared<QPromise<Result<store::SyncAccount>>>();
    QFuture<Result<store::SyncAccount>> future = promise->future();
    promise->start();
    auto finish = [promise](Result<store::SyncAccount> r) {
        promise->addResult(std::move(r));
        promise->finish();
    };
    if (auto s = checkServerUrl(request.login.server); !s) {
        finish(s.error());
        return future;
    }
    // The client deletes itself once it has answered; it lives on this thread, beside its socket.
    auto *client = new LoginClient;
    QObject::connect(client, &LoginClient::succeeded, client,
        [client, request, finish](const protocol::LoginResult &result) {
            client->deleteLater();
            finish(chooseServerSpace(request, result));
        });
    QObject::connect(
        client, &LoginClient::failed, client, [client, request, finish](const LoginFailure &failure) {
            client->deleteLater();
            finish(loginError(request.login.server, failure));
        });
    client->start(request.login);
    return future;
}

Result<store::SyncAccount> logInToServerSpaceBlocking(const SpaceSetupRequest &request)
{
    QFuture<Result<store::SyncAccount>> future = logInToServerSpace(request);
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<Result<store::SyncAccount>> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

Result<store::SpaceEntry> createSyncedSpace(store::Profile profile, const QString &name,
    store::SpaceKind kind, const QString &passphrase, bool useKeychain,
    const std::optional<store::SyncAccount> &account)
{
    auto created = profile.createSpace(name, kind, passphrase, useKeychain);
    if (!created || !account)
        return created;
    auto opened = profile.openSpace(*created, passphrase);
    Status saved = opened ? saveSyncAccount((*opened)->db(), *account) : Status(opened.error());
    if (opened)
        opened->reset(); // closes the database
    if (!saved) {
        (void)profile.wipeSpace(*created);
        return saved.error();
    }
    return created;
}

} // namespace tandem::sync
