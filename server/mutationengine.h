// Applies mutations (docs/protocol.md §5.3, §7): look up the identity, check, apply, append the events
// to every affected stream and record the outcome, all in one transaction. Sessions call process()
// for every mutate frame; the demo seed and tests call it too, so every piece of data in a space went
// through the same rules and the streams are consistent by construction.
#pragma once

#include "serverstore.h"
#include "spacewriter.h"

#include "protocol/clientframes.h"

#include "protocol/limits.h"

namespace tandem::server {

struct Policy
{
    qint64 editWindowMs = 24LL * 3600 * 1000; // a day: long enough to fix a typo after lunch
    qint64 recallWindowMs = 2LL * 60 * 1000; // two minutes, as WeChat: a recall is for mistakes
};

struct MutationRequest
{
    QString userId;
    QString deviceId;
    QString spaceId;
    QString mutationId;
    QString kind;
    qint64 createdAt = 0;
    QJsonObject payload;
};

struct MutationOutcome
{
    QJsonObject result; // the result frame without rid
    QSet<StreamKey> touched; // streams that grew
    QStringList revokedDevices; // devices to disconnect with device_revoked
    std::optional<protocol::PresenceSet> presenceChoice; // presence.set, adopted once committed
};

class Presence;

class MutationEngine
{
public:
    MutationEngine(ServerStore &store, protocol::Limits limits, Policy policy, QStringList features = {});

    // An Error means nothing was recorded: the caller closes with internal_error (§5.3 rule 6).
    Result<MutationOutcome> process(const MutationRequest &request, qint64 now);

    // Applies one mutation as the server's operator (`tandem-server admin`): no account, so nothing is
    // deduplicated or recorded as a mutation; only conversation.handover is accepted. `adminChange` (kind
    // of admin_changes, target = the space) is recorded in the same transaction for a running server.
    Result<MutationOutcome> administer(
        const MutationRequest &request, qint64 now, const QString &adminChange);

    // presence.set is applied through this (feature presence); without it, it is refused.
    void setPresence(Presence *presence) { m_presence = presence; }

    [[nodiscard]] const Policy &policy() const { return m_policy; }
    [[nodiscard]] const protocol::Limits &limits() const { return m_limits; }

    // Most members a conversation may have (member.add, conversation.create: limit_exceeded).
    static constexpr int kMaxConversationMembers = 10000;
    static constexpr int kMaxPinsPerConversation = 100;
    static constexpr int kMaxReactionsPerMessage = 512;

private:
    ServerStore &m_store;
    protocol::Limits m_limits;
    Policy m_policy;
    QStringList m_features;
    Presence *m_presence = nullptr;
};

// SHA-256 of the canonical form of what a mutation asks (§5.3 rule 2).
QByteArray mutationRequestHash(
    const QString &spaceId, const QString &kind, qint64 createdAt, const QJsonObject &payload);

} // namespace tandem::server
