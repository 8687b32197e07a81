#include "boundarykinds.h"

#include "protocol/codes.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QLoggingCategory>

namespace tandem::server::boundary {

Q_LOGGING_CATEGORY(lcScheduled, "tandem.server.scheduled")

using namespace Qt::StringLiterals;
namespace code = protocol::code;

namespace {

// The furthest ahead a message may be scheduled: a year covers every "send on Monday" and more.
constexpr qint64 kMaxScheduleAheadMs = 366LL * 24 * 3600 * 1000;
// Deliveries per tick: a backlog (after downtime) drains over a few ticks without stalling sessions.
constexpr int kDeliveriesPerTick = 200;

// The delivery's mutation id: derived from the message id, so that a delivery repeated after a crash
// between delivering and forgetting the schedule is answered `duplicate` and has no second effect.
QString deliveryMutationId(const QString &messageId)
{
    QByteArray h
        = QCryptographicHash::hash((u"scheduled:"_s + messageId).toUtf8(), QCryptographicHash::Sha256)
              .left(16);
    h[6] = char((h[6] & 0x0f) | 0x80); // version 8: a name-derived uuid of our own
    h[8] = char((h[8] & 0x3f) | 0x80); // RFC 4122 variant
    const QString hex = QString::fromLatin1(h.toHex());
    return u"%1-%2-%3-%4-%5"_s.arg(hex.mid(0, 8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20));
}

QJsonObject scheduledRecord(const ScheduledRow &row)
{
    const QJsonObject &p = row.payload;
    QJsonObject r {{u"message_id"_s, row.messageId}, {u"conversation_id"_s, row.conversationId},
        {u"deliver_at"_s, double(row.deliverAt)}, {u"created_at"_s, double(row.createdAt)},
        {u"body"_s, p.value(u"body"_s)}, {u"format"_s, p.value(u"format"_s)},
        {u"mentions"_s, p.value(u"mentions"_s).toArray()}};
    for (const QString &optional : {u"thread_root_id"_s, u"reply_to_id"_s, u"urgent"_s})
        if (p.contains(optional))
            r.insert(optional, p.value(optional));
    if (p.contains(u"attachment_ids"_s))
        r.insert(u"attachment_ids"_s, p.value(u"attachment_ids"_s));
    return r;
}

Status cancelledEvent(SpaceWriter &w, const ScheduledRow &row, const QString &reason, const QString &detail)
{
    QJsonObject data {
        {u"message_id"_s, row.messageId}, {u"conversation_id"_s, row.conversationId}, {u"reason"_s, reason}};
    if (!detail.isEmpty())
        data.insert(u"detail"_s, detail.left(1024));
    return w.emit(QLatin1StringView("message.schedule_cancelled"), data, {row.userId});
}

} // namespace

Result<Outcome> scheduleMessage(ServerStore &store, SpaceWriter &w, const QString &actorId,
    const QString &mutationId, const protocol::MessageSend &send, const QJsonObject &payload)
{
    if (*send.deliverAt - w.now() > kMaxScheduleAheadMs)
        return Outcome(Refusal {code::invalid_payload, u"deliver_at is more than a year ahead"_s,
            {{u"field"_s, u"/payload/deliver_at"_s}}});
    auto clash = store.scheduled(send.messageId);
    if (!clash)
        return clash.error();
    if (*clash)
        return Outcome(Refusal {code::id_conflict, u"the message id is already used"_s,
            {{u"field"_s, u"/payload/message_id"_s}}});
    ScheduledRow row;
    row.messageId = send.messageId;
    row.spaceId = w.space().id;
    row.userId = actorId;
    row.conversationId = send.conversationId;
    row.mutationId = mutationId;
    row.deliverAt = *send.deliverAt;
    row.createdAt = w.now();
    row.payload = payload;
    TANDEM_TRY(store.putScheduled(row));
    TANDEM_TRY(
        w.emit(QLatin1StringView("message.scheduled"), {{u"scheduled"_s, scheduledRecord(row)}}, {actorId}));
    return Outcome(QJsonObject {{u"message_id"_s, row.messageId}, {u"deliver_at"_s, double(row.deliverAt)}});
}

Result<Outcome> cancelScheduled(
    ServerStore &store, SpaceWriter &w, const QString &actorId, const protocol::MessageCancelSchedule &p)
{
    auto row = store.scheduled(p.messageId);
    if (!row)
        return row.error();
    // Someone else's, another space's, or already delivered: the same answer, so nothing is revealed.
    if (!*row || (*row)->userId != actorId || (*row)->spaceId != w.space().id)
        return Outcome(Refusal {code::not_found, u"no scheduled message of yours has this id"_s,
            {{u"field"_s, u"/payload/message_id"_s}}});
    TANDEM_TRY(store.removeScheduled(p.messageId));
    TANDEM_TRY(cancelledEvent(w, **row, u"cancelled"_s, {}));
    return Outcome(QJsonObject {{u"message_id"_s, p.messageId}});
}

Result<QList<QJsonObject>> scheduledRecords(ServerStore &store, const QString &spaceId, const QString &userId)
{
    auto rows = store.scheduledOfUser(spaceId, userId);
    if (!rows)
        return rows.error();
    QList<QJsonObject> out;
    for (const ScheduledRow &row : *rows)
        out << scheduledRecord(row);
    return out;
}

Result<QSet<StreamKey>> deliverDue(MutationEngine &engine, ServerStore &store, qint64 now)
{
    QSet<StreamKey> touched;
    auto due = store.dueScheduled(now, kDeliveriesPerTick);
    if (!due)
        return due.error();
    for (const ScheduledRow &row : *due) {
        MutationRequest request;
        request.userId = row.userId;
        request.spaceId = row.spaceId;
        request.mutationId = deliveryMutationId(row.messageId);
        request.kind = u"message.send"_s;
        request.createdAt = row.createdAt;
        request.payload = row.payload;
        request.payload.remove(u"deliver_at"_s);
        auto outcome = engine.process(request, now);
        if (!outcome)
            return outcome.error(); // nothing recorded: the next tick tries again
        touched.unite(outcome->touched);
        QJsonObject result = outcome->result;
        if (result.value(u"status"_s).toString() == u"duplicate"_s)
            result = result.value(u"original"_s).toObject();
        const bool delivered = result.value(u"status"_s).toString() == u"applied"_s;
        TANDEM_TRY(store.begin());
        auto space = store.space(row.spaceId);
        if (!space) {
            store.rollback();
            return space.error();
        }
        SpaceWriter w(store, space->value_or(SpaceRow {row.spaceId, {}, {}, {}}), row.userId, QString(), now);
        Status st = store.removeScheduled(row.messageId);
        if (st && !delivered) {
            // The sender left the conversation, the thread root was deleted...: tell the sender why.
            qCInfo(lcScheduled) << "scheduled message" << row.messageId
                                << "not delivered:" << result.value(u"code"_s).toString();
            st = cancelledEvent(
                w, row, result.value(u"code"_s).toString(), result.value(u"reason"_s).toString());
        }
        if (!st) {
            store.rollback();
            return st.error();
        }
        TANDEM_TRY(store.commit());
        touched.unite(w.touched());
    }
    return touched;
}

} // namespace tandem::server::boundary
