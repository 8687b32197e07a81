// Running the sync engine from a command: a login on its own connection, and a space synced on a
// store thread until it settles, stops or runs out of time. The commands stay short and blocking;
// the engine underneath is the app's, with its threads and signals.
#pragma once

#include "protocol/serverframes.h"
#include "store/profile.h"
#include "store/storethread.h"
#include "store/syncstate.h"
#include "sync/syncconfig.h"
#include "sync/syncstatus.h"

#include <QUrl>

#include <functional>

#include <memory>

namespace tandem::sync {
class SpaceSync;
}

namespace tandemctl {

// The password for a login: $TANDEM_PASSWORD (never from the command line).
tandem::Result<QString> readServerPassword();

// Logs in to `server` as `userName` (password from TANDEM_PASSWORD) and picks the server space a new
// local space named `localName` of `kind` will sync, through core's sync/spacesetup.h (the app's path):
// `serverSpaceId` when given, else the only space of that kind, else the one named like the local space.
tandem::Result<tandem::store::SyncAccount> setUpServerSpace(const QUrl &server, const QString &userName,
    const QString &kind, const QString &localName, const QString &serverSpaceId);

// The sync settings tandemctl uses for a space of `profile`.
tandem::sync::SyncConfig syncConfigFor(
    const tandem::store::Profile &profile, const tandem::store::SpaceEntry &space, const QString &passphrase);

// A space's store opened on its own thread.
tandem::Result<std::unique_ptr<tandem::store::StoreThread>> openStoreThread(
    const tandem::store::Profile &profile, const tandem::store::SpaceEntry &space, const QString &passphrase);

struct SyncOutcome
{
    bool settled = false; // everything exchanged
    tandem::sync::SyncStatus status; // the last status
    QStringList rejected; // "code: reason" of mutations the server refused
    QStringList wiped; // local spaces destroyed after a revocation
    std::optional<tandem::Error> notStarted; // beforeStart's error
};

// Runs the engine until it settles, stops (or needs a login), or `timeoutMs` passes; with
// `giveUpOffline`, also as soon as the server cannot be reached. `beforeStart` runs on the engine before
// it connects (to queue a change through it, as the app does); an error there ends the run unstarted.
SyncOutcome runSync(tandem::store::StoreThread &store, const tandem::sync::SyncConfig &config,
    qint64 timeoutMs, bool giveUpOffline = false,
    const std::function<tandem::Status(tandem::sync::SpaceSync &)> &beforeStart = {});

} // namespace tandemctl
