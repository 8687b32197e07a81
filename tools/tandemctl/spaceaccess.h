// Finding the space a command names and unlocking it, with errors that say what to do next.
#pragma once

#include "store/profile.h"
#include "store/storethread.h"
#include "store/syncstate.h"

#include <QList>

#include <memory>

namespace tandemctl {

// By id or name (case-insensitive).
tandem::Result<tandem::store::SpaceEntry> findSpace(
    const tandem::store::Profile &profile, const QString &idOrName);

// Asks for the passphrase (environment or prompt) and opens the space's database on this thread.
tandem::Result<std::unique_ptr<tandem::store::SpaceStore>> openSpace(
    const tandem::store::Profile &profile, const tandem::store::SpaceEntry &space);

// A space of the profile, unlocked, with its store on a store thread: what the commands that sync use.
struct SyncedSpace
{
    tandem::store::Profile profile;
    tandem::store::SpaceEntry entry;
    QString passphrase;
    std::unique_ptr<tandem::store::StoreThread> store;
    tandem::store::SyncAccount account; // set by openConnectedSpace only
};

// Finds `spaceName` in the profile at `profileDirectory`, asks for the passphrase and opens the space's
// store on its own thread.
tandem::Result<SyncedSpace> openSpaceThread(const QString &profileDirectory, const QString &spaceName);

// The space's server account; an error saying how to connect the space when it has none (`kind` is what
// that hint puts after --kind).
tandem::Result<tandem::store::SyncAccount> connectedAccount(tandem::store::StoreThread &store,
    const QString &spaceName, const QString &kind = QStringLiteral("KIND"));

// openSpaceThread, then connectedAccount into the result's account.
tandem::Result<SyncedSpace> openConnectedSpace(
    const QString &profileDirectory, const QString &spaceName, const QString &kind = QStringLiteral("KIND"));

// A user id from an id or a user name held in the space (NotFound when it holds neither).
tandem::Result<QString> userIdIn(tandem::store::StoreThread &store, const QString &nameOrId);

// Folders under spaces/ whose key file cannot be read (damaged, or from a newer Tandem). Profile::spaces()
// leaves them out, which would make a damaged space look merely absent.
struct UnreadableSpace
{
    QString directory;
    tandem::Error error;
};
QList<UnreadableSpace> unreadableSpaces(const tandem::store::Profile &profile);

} // namespace tandemctl
