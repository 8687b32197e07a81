// The wipe of §3.9: when the server says this device has lost access for good (device_revoked), every
// local space synced with that account on that server is destroyed, and nothing else.
#pragma once

#include "store/profile.h"

namespace tandem::sync {

struct WipeReport
{
    QStringList wiped; // local space ids
    QStringList unreadable; // spaces that could not be opened to check (left alone)
};

// Wipes the spaces of `profile` whose stored account is (`serverUrl`, `userId`). `knownSpaceId` is a
// space known to match (the one that received device_revoked, whose store may already be closed).
Result<WipeReport> wipeAccountSpaces(store::Profile &profile, const QString &passphrase,
    const QString &serverUrl, const QString &userId, const QString &knownSpaceId);

} // namespace tandem::sync
