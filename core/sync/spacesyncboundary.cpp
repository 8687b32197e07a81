// SpaceSync's boundary calls (issue 5): payloads of presence.set, message.send with deliver_at or
// urgent, message.cancel_schedule, urgent.ack and urgent.policy_set (docs/protocol.md §6.6, §6.8, §6.9),
// each queued through mutate() like any other change.
#include "spacesync.h"

#include "protocol/fields.h"

#include <QJsonArray>

namespace tandem::sync {

using namespace Qt::StringLiterals;

namespace {

QJsonObject sendPayload(const QString &messageId, const QString &conversationId, const QString &body,
    const OutgoingMessage &options)
{
    QJsonObject p {{u"message_id"_s, messageId}, {u"conversation_id"_s, conversationId}, {u"body"_s, body},
        {u"format"_s, options.format}};
    if (!options.threadRootId.isEmpty())
        p.insert(u"thread_root_id"_s, options.threadRootId);
    if (!options.replyToId.isEmpty())
        p.insert(u"reply_to_id"_s, options.replyToId);
    if (!options.mentions.isEmpty())
        p.insert(u"mentions"_s, QJsonArray::fromStringList(options.mentions));
    return p;
}

QFuture<Result<QueuedMutation>> withEntity(QFuture<Result<QueuedMutation>> queued, const QString &entityId)
{
    return queued.then([entityId](Result<QueuedMutation> r) {
        if (r)
            r->entityId = entityId;
        return r;
    });
}

} // namespace

QFuture<Result<QueuedMutation>> SpaceSync::setOffDuty(qint64 offUntil, const QString &timeZone)
{
    QJsonObject p {{u"status"_s, u"off_duty"_s}, {u"off_until"_s, double(offUntil)}};
    if (!timeZone.isEmpty())
        p.insert(u"time_zone"_s, timeZone);
    return mutate(u"presence.set"_s, p);
}

QFuture<Result<QueuedMutation>> SpaceSync::clearOffDuty()
{
    return mutate(u"presence.set"_s, QJsonObject {{u"status"_s, u"online"_s}});
}

QFuture<Result<QueuedMutation>> SpaceSync::scheduleMessage(
    const QString &conversationId, const QString &body, qint64 deliverAt, const OutgoingMessage &options)
{
    const QString messageId = protocol::newUuid();
    QJsonObject p = sendPayload(messageId, conversationId, body, options);
    p.insert(u"deliver_at"_s, double(deliverAt));
    return withEntity(mutate(u"message.send"_s, p), messageId);
}

QFuture<Result<QueuedMutation>> SpaceSync::cancelScheduledMessage(const QString &messageId)
{
    return mutate(u"message.cancel_schedule"_s, QJsonObject {{u"message_id"_s, messageId}});
}

QFuture<Result<QueuedMutation>> SpaceSync::sendUrgentMessage(
    const QString &conversationId, const QString &body, const OutgoingMessage &options)
{
    const QString messageId = protocol::newUuid();
    QJsonObject p = sendPayload(messageId, conversationId, body, options);
    p.insert(u"urgent"_s, true);
    return withEntity(mutate(u"message.send"_s, p), messageId);
}

QFuture<Result<QueuedMutation>> SpaceSync::markUrgent(
    const QString &conversationId, const QString &messageId, bool acknowledged)
{
    return mutate(u"urgent.ack"_s,
        QJsonObject {{u"conversation_id"_s, conversationId}, {u"message_id"_s, messageId},
            {u"state"_s, acknowledged ? u"acknowledged"_s : u"seen"_s}});
}

QFuture<Result<QueuedMutation>> SpaceSync::setUrgentPolicy(const QString &allow, int perDay)
{
    return mutate(u"urgent.policy_set"_s, QJsonObject {{u"allow"_s, allow}, {u"per_day"_s, perDay}});
}

} // namespace tandem::sync
