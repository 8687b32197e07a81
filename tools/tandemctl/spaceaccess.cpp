#include "spaceaccess.h"

#include "passphrase.h"
#include "syncsession.h"

#include <QDir>
#include <QFileInfo>

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;
using namespace Qt::StringLiterals;

Result<SpaceEntry> findSpace(const Profile &profile, const QString &idOrName)
{
    auto found = profile.findSpace(idOrName);
    if (found || found.error().code != ErrorCode::NotFound)
        return found;
    for (const UnreadableSpace &u : unreadableSpaces(profile))
        if (QFileInfo(u.directory).fileName() == idOrName)
            return u.error;
    return Error::make(ErrorCode::NotFound,
        found.error().message
            + QStringLiteral(" Run \"tandemctl space list\" to see the spaces, or "
                             "\"tandemctl space create\" to make one."));
}

Result<std::unique_ptr<SpaceStore>> openSpace(const Profile &profile, const SpaceEntry &space)
{
    auto passphrase = readPassphrase();
    if (!passphrase)
        return passphrase.error();
    auto store = profile.openSpace(space, *passphrase);
    // Low-level messages ("database disk image is malformed") do not say which space: add it.
    if (!store && !store.error().message.contains(space.meta.name))
        return Error::make(store.error().code,
            QStringLiteral("Cannot open the space \"%1\": %2").arg(space.meta.name, store.error().message));
    return store;
}

Result<SyncedSpace> openSpaceThread(const QString &profileDirectory, const QString &spaceName)
{
    SyncedSpace s {Profile(profileDirectory), {}, {}, {}, {}};
    auto entry = findSpace(s.profile, spaceName);
    if (!entry)
        return entry.error();
    s.entry = *entry;
    auto passphrase = readPassphrase();
    if (!passphrase)
        return passphrase.error();
    s.passphrase = *passphrase;
    auto store = openStoreThread(s.profile, s.entry, s.passphrase);
    if (!store)
        return store.error();
    s.store = std::move(*store);
    return s;
}

Result<SyncAccount> connectedAccount(StoreThread &store, const QString &spaceName, const QString &kind)
{
    auto account = store.read<SyncAccount>([](SpaceStore &db) { return loadSyncAccount(db.db()); }).result();
    if (account && !account->isConfigured())
        return Error::make(ErrorCode::Invalid,
            QStringLiteral("The space \"%1\" is not connected to a server; create one with \"tandemctl space "
                           "create NAME --kind %2 --server URL --user USER\".")
                .arg(spaceName, kind));
    return account;
}

Result<SyncedSpace> openConnectedSpace(
    const QString &profileDirectory, const QString &spaceName, const QString &kind)
{
    auto s = openSpaceThread(profileDirectory, spaceName);
    if (!s)
        return s.error();
    auto account = connectedAccount(*s->store, spaceName, kind);
    if (!account)
        return account.error();
    s->account = *account;
    return s;
}

Result<QString> userIdIn(StoreThread &store, const QString &nameOrId)
{
    return store
        .read<QString>([nameOrId](SpaceStore &s) -> Result<QString> {
            auto st
                = s.db().cached("SELECT id FROM users WHERE id = ?1 OR user_name = ?1 ORDER BY id = ?1 DESC");
            if (!st)
                return st.error();
            QString id;
            TANDEM_TRY((*st)->bind(1, nameOrId).forEachRow([&](const Statement &r) {
                if (id.isEmpty())
                    id = r.text(0);
            }));
            if (id.isEmpty())
                return Error::make(
                    ErrorCode::NotFound, u"There is no user \"%1\" in this space."_s.arg(nameOrId));
            return id;
        })
        .result();
}

QList<UnreadableSpace> unreadableSpaces(const Profile &profile)
{
    QList<UnreadableSpace> out;
    const QDir dir(profile.directory() + QStringLiteral("/spaces"));
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString keyPath = dir.filePath(name) + u'/' + QLatin1String(KeyEnvelope::kFileName);
        auto envelope = KeyEnvelope::load(keyPath);
        // No key file at all is a space being created or wiped: not worth a warning.
        if (!envelope && envelope.error().code != ErrorCode::NotFound)
            out.append({dir.filePath(name), envelope.error()});
    }
    return out;
}

} // namespace tandemctl
