// Appends events to the streams of one space for one action (a mutation, an admin command), keeping
// what the rest of the server needs afterwards: the highest seq the actor's stream got (the result's
// `seq`) and which streams grew (whose live connections to poke). Also answers "may this account see
// that user" (docs/protocol.md §6.1), with a per-action cache of user rows.
#pragma once

#include "serverstore.h"

#include <QHash>
#include <QPair>
#include <QSet>

namespace tandem::server {

using StreamKey = QPair<QString, QString>; // (space_id, user_id)

class SpaceWriter
{
public:
    SpaceWriter(ServerStore &store, SpaceRow space, QString actorId, QString mutationId, qint64 now);

    [[nodiscard]] const SpaceRow &space() const { return m_space; }
    [[nodiscard]] qint64 now() const { return m_now; }
    [[nodiscard]] ServerStore &store() { return m_store; }

    // Appends one event with this data to the streams of `recipients` (duplicates are ignored).
    Status emit(QLatin1StringView kind, const QJsonObject &data, QStringList recipients);
    // The same for another space (device.updated goes to every space of the account).
    Status emitIn(const QString &spaceId, QLatin1StringView kind, const QJsonObject &data,
        const QStringList &recipients);

    [[nodiscard]] qint64 actorSeq() const { return m_actorSeq; }
    [[nodiscard]] const QSet<StreamKey> &touched() const { return m_touched; }

    // A user row, cached for the action; std::nullopt when unknown.
    Result<std::optional<UserRow>> user(const QString &id);
    // §6.1: the account itself, a member of this space in the same organisation, or someone sharing a
    // conversation of this space.
    Result<bool> canSee(const QString &viewerId, const QString &targetId);
    // The user.updated record of a user in this space.
    Result<QJsonObject> userRecord(const QString &id);

private:
    ServerStore &m_store;
    SpaceRow m_space;
    QString m_actorId;
    QString m_mutationId;
    qint64 m_now;
    qint64 m_actorSeq = 0;
    QSet<StreamKey> m_touched;
    QHash<QString, std::optional<UserRow>> m_users;
    QHash<QString, bool> m_spaceMembers;
};

} // namespace tandem::server
