// Setting a new local space up to sync a space on a server, shared by the app and tandemctl: a login
// on a connection of its own, the choice of which of the account's server spaces the local space
// syncs, and the local space made with that account saved in its encrypted store.
#pragma once

#include "loginclient.h"

#include "protocol/serverframes.h"
#include "store/profile.h"
#include "store/syncstate.h"

#include <QFuture>

#include <optional>

namespace tandem::sync {

struct SpaceSetupRequest
{
    LoginRequest login; // server, user name, password, and how this client names itself
    QString kind; // "work" or "personal": the kind of server space wanted
    QString localName; // the new local space's name
    QString serverSpaceId; // this server space exactly; empty: chosen by kind, then by name
    // Words for "choose one" in the error when several spaces fit (tandemctl names its option).
    QString chooseHint = QStringLiteral("choose one");
};

// Picks the server space: `serverSpaceId` when given, else the only space of that kind, else the one
// of that kind named like the local space. The account holds the login's token and device id.
[[nodiscard]] Result<store::SyncAccount> chooseServerSpace(
    const SpaceSetupRequest &request, const protocol::LoginResult &login);

// A login failure as a sentence that says what to do next.
[[nodiscard]] Error loginError(const QUrl &server, const LoginFailure &failure);

// Logs in and chooses the server space. The login runs on the calling thread, which must run its event
// loop; the future finishes there. Receive it with a QFutureWatcher owned by the receiver.
[[nodiscard]] QFuture<Result<store::SyncAccount>> logInToServerSpace(const SpaceSetupRequest &request);

// The same, waiting in a local event loop: for command-line tools and worker threads, never the GUI.
[[nodiscard]] Result<store::SyncAccount> logInToServerSpaceBlocking(const SpaceSetupRequest &request);

// Creates the local space and, with `account`, stores it in the space's encrypted database (the token
// never lands in a plain file). On failure nothing is left behind. Slow (key derivation, SQL): call it
// on a worker thread.
[[nodiscard]] Result<store::SpaceEntry> createSyncedSpace(store::Profile profile, const QString &name,
    store::SpaceKind kind, const QString &passphrase, bool useKeychain,
    const std::optional<store::SyncAccount> &account);

} // namespace tandem::sync
