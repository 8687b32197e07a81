// The server's side of the boundary features (issue 5; docs/protocol.md §6.8-§6.10): scheduled send
// (message.send with deliver_at, message.cancel_schedule, delivery by the server's timer), urgent
// messages (who may break through, how often, seen and acknowledged) and their events. MutationEngine
// calls these from its kinds; Server calls deliverDue from its tick.
#pragma once

#include "mutationengine.h"
#include "serverstore.h"
#include "spacewriter.h"

#include "protocol/clientframes.h"

#include <QLatin1StringView>

namespace tandem::server::boundary {

// A rejection decided by a boundary rule (converted to the engine's own by the caller).
struct Refusal
{
    QLatin1StringView code;
    QString reason;
    QJsonObject details;
};
// The result's data, or why not.
using Outcome = std::variant<QJsonObject, Refusal>;

// Scheduled send. `payload` is the message.send as received (deliver_at included); every check of an
// immediate send has passed. Keeps the message and tells the sender's devices (message.scheduled).
Result<Outcome> scheduleMessage(ServerStore &store, SpaceWriter &writer, const QString &actorId,
    const QString &mutationId, const protocol::MessageSend &send, const QJsonObject &payload);
Result<Outcome> cancelScheduled(ServerStore &store, SpaceWriter &writer, const QString &actorId,
    const protocol::MessageCancelSchedule &p);
// The `scheduled` records of the account's messages still waiting (snapshots).
Result<QList<QJsonObject>> scheduledRecords(
    ServerStore &store, const QString &spaceId, const QString &userId);
// Delivers every scheduled message whose time has come, each as the message.send its sender asked
// for (so every rule of an immediate send applies at delivery); one that can no longer be delivered
// is dropped with message.schedule_cancelled. Returns the streams that grew.
Result<QSet<StreamKey>> deliverDue(MutationEngine &engine, ServerStore &store, qint64 now);

// Urgent. Whether the actor may send an urgent message in this conversation now (each recipient's
// policy and allowance); std::nullopt when it may.
Result<std::optional<Refusal>> urgentRefusal(
    ServerStore &store, SpaceWriter &writer, const QString &actorId, const ConversationRow &conversation);
// Records an urgent message for each recipient (after the message is stored).
Status recordUrgent(
    ServerStore &store, SpaceWriter &writer, const MessageRow &message, const QStringList &memberIds);
Result<Outcome> acknowledgeUrgent(
    ServerStore &store, SpaceWriter &writer, const QString &actorId, const protocol::UrgentAck &p);
Result<Outcome> setUrgentPolicy(
    ServerStore &store, SpaceWriter &writer, const QString &actorId, const protocol::UrgentPolicySet &p);

} // namespace tandem::server::boundary
