// A profile is a folder of spaces: spaces/<id>/space.db (encrypted) and spaces/<id>/key.json (the
// wrapped key and the space's name and kind). A profile never mixes two spaces' data in one file.
#pragma once

#include "spacekey.h"
#include "spacelook.h"
#include "spacestore.h"

#include <QList>
#include <QString>

namespace tandem::store {

enum class SpaceKind { Work, Personal };

QString spaceKindName(SpaceKind kind);
std::optional<SpaceKind> spaceKindFromName(const QString &name);

struct SpaceEntry
{
    SpaceMeta meta;
    QString directory;
    [[nodiscard]] QString databasePath() const;
    [[nodiscard]] QString keyPath() const;
};

class Profile
{
public:
    explicit Profile(QString directory);

    // The folder Tandem uses when none is given: the platform's application data folder.
    static QString defaultDirectory();

    [[nodiscard]] const QString &directory() const { return m_dir; }

    [[nodiscard]] Result<QList<SpaceEntry>> spaces() const;
    // By id, or by name (case-insensitive).
    [[nodiscard]] Result<SpaceEntry> findSpace(const QString &idOrName) const;
    // Creates the space's folder, a fresh key, its envelope and an empty, migrated database.
    [[nodiscard]] Result<SpaceEntry> createSpace(const QString &name, SpaceKind kind,
        const QString &passphrase, bool useKeychain = false, const KdfParams &params = {});
    // Unlocks the key and opens the database.
    [[nodiscard]] Result<std::unique_ptr<SpaceStore>> openSpace(const SpaceEntry &space,
        const QString &passphrase, const SpaceStore::OpenOptions &options = {}) const;
    [[nodiscard]] Result<DataKey> unlockKey(const SpaceEntry &space, const QString &passphrase) const;
    // Re-wraps every space's key under the new passphrase; databases are not rewritten.
    [[nodiscard]] Status changePassphrase(
        const QString &oldPassphrase, const QString &newPassphrase, const KdfParams &params = {});
    // Renames the space and sets its accent and icon (validated; see spacelook.h). Only key.json changes,
    // so no passphrase is needed. Returns the updated entry.
    [[nodiscard]] Result<SpaceEntry> setSpaceLook(const SpaceEntry &space, const SpaceLookChange &change);
    // Destroys the key (file and keychain entry) first, then the database files. Other spaces are untouched.
    [[nodiscard]] Status wipeSpace(const SpaceEntry &space);

private:
    QString m_dir;
};

} // namespace tandem::store
