// What the tests against the real tandem-server share: a client is a local space of one demo user,
// signed in with a real login (password "demo") and syncing the demo work space.
#pragma once

#include "synctestsupport.h"

#include "sync/loginclient.h"
#include "sync/spacesync.h"

#include <QEventLoop>

namespace tandem::sync::test {

struct Client
{
    store::Profile profile;
    store::SpaceEntry entry;
    std::unique_ptr<store::StoreThread> store;
    std::shared_ptr<store::FileCache> files;
    std::unique_ptr<SpaceSync> sync;
};

inline std::unique_ptr<Client> connectClient(
    const QString &profileDir, const QString &url, const QString &user, const QString &clientName)
{
    auto c = std::make_unique<Client>(Client {store::Profile(profileDir), {}, {}, {}, {}});
    LoginClient login;
    std::optional<protocol::LoginResult> result;
    QEventLoop loop;
    QObject::connect(&login, &LoginClient::succeeded, &loop, [&](const protocol::LoginResult &r) {
        result = r;
        loop.quit();
    });
    QObject::connect(&login, &LoginClient::failed, &loop, [&](const LoginFailure &f) {
        qWarning("login failed: %s", qPrintable(f.message));
        loop.quit();
    });
    LoginRequest request;
    request.server = QUrl(url);
    request.userName = user;
    request.password = u"demo"_s;
    request.devicePlatform = u"test"_s;
    login.start(request);
    loop.exec();
    if (!result)
        return nullptr;
    auto entry = c->profile.createSpace(u"Work"_s, store::SpaceKind::Work, passphrase(), false, cheapKdf());
    if (!entry)
        return nullptr;
    c->entry = *entry;
    {
        auto opened = c->profile.openSpace(c->entry, passphrase());
        if (!opened)
            return nullptr;
        const store::SyncAccount account {
            url, user, result->userId, result->deviceId, result->token, u"sp_demo_work"_s};
        if (!store::saveSyncAccount((*opened)->db(), account))
            return nullptr;
    }
    c->store = openStore(c->profile, c->entry);
    auto key = c->profile.unlockKey(c->entry, passphrase());
    if (!key)
        return nullptr;
    c->files = std::make_shared<store::FileCache>(c->entry.directory + u"/files"_s, *key);
    SyncConfig config;
    config.files = c->files;
    config.clientName = clientName;
    config.backoffBaseMs = 100;
    config.backoffCapMs = 800;
    c->sync = std::make_unique<SpaceSync>(c->store.get(), config);
    c->sync->start();
    return c;
}

inline QString directWith(Client &c, const QString &userName)
{
    auto found = c.store
                     ->read<std::optional<store::Conversation>>(
                         [userName](store::SpaceStore &s) { return s.findConversation(userName); })
                     .result();
    return found && *found ? (*found)->id : QString();
}

} // namespace tandem::sync::test
