// Presence (docs/protocol.md §6.6): each user's published status, derived from their ready connections
// and the status they chose with presence.set, and the presence.updated events that follow each change.
// Kept in memory: after a restart everyone starts offline with no chosen status.
#pragma once

#include "serverstore.h"
#include "spacewriter.h"

#include "protocol/clientframes.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <optional>

namespace tandem::server {

class Presence
{
public:
    explicit Presence(ServerStore &store);

    // A connection of the user became ready, or one ended. When the published record changes, appends
    // presence.updated (in its own transaction) and returns the streams that grew.
    Result<QSet<StreamKey>> connected(const QString &userId, qint64 now);
    Result<QSet<StreamKey>> disconnected(const QString &userId, qint64 now);

    // presence.set, inside the mutation's transaction: appends presence.updated with `writer` in every
    // space of the user when the published record changes (no event is a no-op, §7.1). The choice
    // takes effect with adopt(), once the transaction is committed.
    Status choose(SpaceWriter &writer, const QString &userId, const protocol::PresenceSet &choice);
    void adopt(const QString &userId, const protocol::PresenceSet &choice, qint64 now);

    // The published record of a user whose presence is known, for snapshots.
    [[nodiscard]] std::optional<QJsonObject> record(const QString &userId) const;
    [[nodiscard]] int connections(const QString &userId) const;

    // Who sees the user's presence in a space: the members of the user's conversations there (the
    // narrower reading §6.1 allows), and the user when `self`.
    static Result<QStringList> audience(
        ServerStore &store, const QString &spaceId, const QString &userId, bool self);

private:
    struct Entry
    {
        int connections = 0;
        protocol::PresenceSet chosen {QStringLiteral("online"), std::nullopt, {}, {}};
        QJsonObject published; // without updated_at; empty until the first change
        qint64 publishedAt = 0;
    };

    // The record the entry publishes, without updated_at.
    static QJsonObject recordOf(const QString &userId, const Entry &entry);
    // Appends presence.updated for the entry's record, in its own transaction, if it changed.
    Result<QSet<StreamKey>> publish(const QString &userId, Entry &entry, qint64 now);
    // The user's own streams get what they chose (presence.set), not their comings and goings: a
    // connection's own stream stays quiet when it opens.
    Status emitEverywhere(SpaceWriter &writer, const QString &userId, const QJsonObject &record, bool self);

    ServerStore &m_store;
    QHash<QString, Entry> m_users;
};

} // namespace tandem::server
