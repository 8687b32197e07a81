// The store queries behind presence and typing lines (docs/protocol.md §6.6, §6.7): the presence
// records the server sent, and the names of people typing. Each runs on the store thread
// (StoreThread::read).
#pragma once

#include "store/spacestore.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace tandem::messaging {

struct UserPresence
{
    QString status; // online, away, busy, off_duty, offline (an unknown value reads as offline, §13.3)
    qint64 offUntil = 0; // 0: not given
    QString timeZone;
    QString text;

    bool operator==(const UserPresence &) const = default;
};

// Every presence record held, by user id.
[[nodiscard]] Result<QHash<QString, UserPresence>> presences(store::SpaceStore &store);

// The names to show for these users (display name, else user name), by user id; users not held are
// left out.
[[nodiscard]] Result<QHash<QString, QString>> displayNames(
    store::SpaceStore &store, const QStringList &userIds);

} // namespace tandem::messaging
