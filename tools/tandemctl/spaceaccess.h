// Finding the space a command names and unlocking it, with errors that say what to do next.
#pragma once

#include "store/profile.h"

#include <QList>

namespace tandemctl {

// By id or name (case-insensitive).
tandem::Result<tandem::store::SpaceEntry> findSpace(
    const tandem::store::Profile &profile, const QString &idOrName);

// Asks for the passphrase (environment or prompt) and opens the space's database on this thread.
tandem::Result<std::unique_ptr<tandem::store::SpaceStore>> openSpace(
    const tandem::store::Profile &profile, const tandem::store::SpaceEntry &space);

// Folders under spaces/ whose key file cannot be read (damaged, or from a newer Tandem). Profile::spaces()
// leaves them out, which would make a damaged space look merely absent.
struct UnreadableSpace
{
    QString directory;
    tandem::Error error;
};
QList<UnreadableSpace> unreadableSpaces(const tandem::store::Profile &profile);

} // namespace tandemctl
