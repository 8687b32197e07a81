#include "profile.h"

#include "util/i18n.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>
#include <QUuid>

namespace tandem::store {

namespace {
constexpr auto kDatabaseFile = "space.db";
}

QString spaceKindName(SpaceKind kind)
{
    return kind == SpaceKind::Work ? QStringLiteral("work") : QStringLiteral("personal");
}

std::optional<SpaceKind> spaceKindFromName(const QString &name)
{
    if (name == u"work")
        return SpaceKind::Work;
    if (name == u"personal")
        return SpaceKind::Personal;
    return std::nullopt;
}

QString SpaceEntry::databasePath() const
{
    return directory + u'/' + QLatin1String(kDatabaseFile);
}

QString SpaceEntry::keyPath() const
{
    return directory + u'/' + QLatin1String(KeyEnvelope::kFileName);
}

Profile::Profile(QString directory)
    : m_dir(QDir(directory).absolutePath())
{ }

QString Profile::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/tandem");
}

Result<QList<SpaceEntry>> Profile::spaces() const
{
    QList<SpaceEntry> out;
    const QDir dir(m_dir + QStringLiteral("/spaces"));
    if (!dir.exists())
        return out;
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        SpaceEntry e;
        e.directory = dir.filePath(name);
        auto env = KeyEnvelope::load(e.keyPath());
        if (!env)
            continue; // a half-created or wiped space: not a space
        e.meta = env->meta();
        out.append(e);
    }
    std::sort(out.begin(), out.end(),
        [](const SpaceEntry &a, const SpaceEntry &b) { return a.meta.createdAt < b.meta.createdAt; });
    return out;
}

Result<SpaceEntry> Profile::findSpace(const QString &idOrName) const
{
    auto all = spaces();
    if (!all)
        return all.error();
    for (const SpaceEntry &e : *all)
        if (e.meta.id == idOrName || e.meta.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return e;
    return Error::make(ErrorCode::NotFound,
        trCore("tandem::store", "There is no space named \"%1\" in %2.").arg(idOrName, m_dir));
}

Result<SpaceEntry> Profile::setSpaceLook(const SpaceEntry &space, const SpaceLookChange &change)
{
    auto env = KeyEnvelope::load(space.keyPath());
    if (!env)
        return env.error();
    SpaceMeta meta = env->meta();
    if (change.name) {
        const QString trimmed = change.name->trimmed();
        if (trimmed.isEmpty() || trimmed.size() > 64)
            return Error::make(
                ErrorCode::Invalid, trCore("tandem::store", "A space name must have 1 to 64 characters."));
        auto other = findSpace(trimmed);
        if (other && other->meta.id != meta.id)
            return Error::make(ErrorCode::AlreadyExists,
                trCore("tandem::store", "A space named \"%1\" exists already.").arg(trimmed));
        meta.name = trimmed;
    }
    if (change.accent) {
        TANDEM_TRY(validateAccent(*change.accent));
        meta.accent = *change.accent;
    }
    if (change.icon) {
        TANDEM_TRY(validateIcon(*change.icon));
        meta.icon = *change.icon;
    }
    env->setLook(meta.name, meta.accent, meta.icon);
    TANDEM_TRY(env->save(space.keyPath()));
    SpaceEntry out = space;
    out.meta = meta;
    return out;
}

Result<SpaceEntry> Profile::createSpace(
    const QString &name, SpaceKind kind, const QString &passphrase, bool useKeychain, const KdfParams &params)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 64)
        return Error::make(
            ErrorCode::Invalid, trCore("tandem::store", "A space name must have 1 to 64 characters."));
    if (findSpace(trimmed).ok())
        return Error::make(ErrorCode::AlreadyExists,
            trCore("tandem::store", "A space named \"%1\" exists already.").arg(trimmed));
    // Every space of a profile shares one passphrase, so unlocking is one step for the user.
    auto existing = spaces();
    if (existing && !existing->isEmpty() && !passphrase.isEmpty()) {
        auto probe = unlockKey(existing->first(), passphrase);
        if (!probe && probe.error().code == ErrorCode::WrongKey)
            return Error::make(ErrorCode::WrongKey,
                trCore("tandem::store",
                    "Wrong passphrase: use this profile's passphrase "
                    "for the new space too."));
    }

    SpaceEntry e;
    e.meta.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.meta.name = trimmed;
    e.meta.kind = spaceKindName(kind);
    e.meta.createdAt = QDateTime::currentMSecsSinceEpoch();
    e.directory = m_dir + QStringLiteral("/spaces/") + e.meta.id;
    if (!QDir().mkpath(e.directory))
        return Error::make(ErrorCode::Io, trCore("tandem::store", "Cannot create %1.").arg(e.directory));
    QFile::setPermissions(
        e.directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    const DataKey key = DataKey::generate();
    auto cleanup = [&](const Error &err) -> Error {
        QDir(e.directory).removeRecursively();
        return err;
    };
    auto env = KeyEnvelope::create(e.meta, key, passphrase, useKeychain, params);
    if (!env)
        return cleanup(env.error());
    // The database first, the envelope last: a space without its key file is not listed, so a crash in
    // between leaves nothing half-made behind.
    SpaceStore::OpenOptions opts;
    opts.create = true;
    auto store = SpaceStore::open(e.databasePath(), key, opts);
    if (!store)
        return cleanup(store.error());
    if (auto s = (*store)->setInfo(QStringLiteral("name"), e.meta.name); !s)
        return cleanup(s.error());
    if (auto s = (*store)->setInfo(QStringLiteral("kind"), e.meta.kind); !s)
        return cleanup(s.error());
    if (auto s = (*store)->setInfo(QStringLiteral("id"), e.meta.id); !s)
        return cleanup(s.error());
    store->reset();
    if (auto s = env->save(e.keyPath()); !s)
        return cleanup(s.error());
    return e;
}

Result<DataKey> Profile::unlockKey(const SpaceEntry &space, const QString &passphrase) const
{
    auto env = KeyEnvelope::load(space.keyPath());
    if (!env)
        return env.error();
    return env->unlock(passphrase);
}

Result<std::unique_ptr<SpaceStore>> Profile::openSpace(
    const SpaceEntry &space, const QString &passphrase, const SpaceStore::OpenOptions &options) const
{
    auto key = unlockKey(space, passphrase);
    if (!key)
        return key.error();
    auto store = SpaceStore::open(space.databasePath(), *key, options);
    if (!store && store.error().code == ErrorCode::WrongKey)
        // The envelope is authenticated, so a key it yields is the right one: the database is damaged.
        return Error::make(ErrorCode::Corrupt,
            trCore("tandem::store",
                "The database of space \"%1\" is damaged or was "
                "replaced (%2).")
                .arg(space.meta.name, space.databasePath()));
    return store;
}

Status Profile::changePassphrase(
    const QString &oldPassphrase, const QString &newPassphrase, const KdfParams &params)
{
    auto all = spaces();
    if (!all)
        return all.error();
    // Check every space first, so a wrong passphrase changes nothing anywhere.
    QList<KeyEnvelope> envelopes;
    for (const SpaceEntry &e : *all) {
        auto env = KeyEnvelope::load(e.keyPath());
        if (!env)
            return env.error();
        TANDEM_TRY(env->changePassphrase(oldPassphrase, newPassphrase, params));
        envelopes.append(*env);
    }
    for (int i = 0; i < envelopes.size(); ++i)
        TANDEM_TRY(envelopes[i].save(all->at(i).keyPath()));
    return {};
}

Status Profile::wipeSpace(const SpaceEntry &space)
{
    if (auto env = KeyEnvelope::load(space.keyPath()))
        env->destroyKeychainEntry();
    // Without its key the database is noise; the key goes first so an interrupted wipe is still a wipe.
    TANDEM_TRY(shredFile(space.keyPath()));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        TANDEM_TRY(shredFile(space.databasePath() + suffix));
    if (!QDir(space.directory).removeRecursively())
        return Error::make(ErrorCode::Io, QStringLiteral("Cannot remove %1.").arg(space.directory));
    return {};
}

} // namespace tandem::store
