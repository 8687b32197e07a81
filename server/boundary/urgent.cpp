#include "boundarykinds.h"

#include "protocol/codes.h"

#include <QDateTime>
#include <QTimeZone>

namespace tandem::server::boundary {

using namespace Qt::StringLiterals;
namespace code = protocol::code;

namespace {

// The start of the recipient's day (in their time zone, else UTC): allowances are per calendar day as
// the recipient lives it, so "3 a day" does not roll over at someone else's midnight.
qint64 startOfDay(const UserRow &recipient, qint64 now)
{
    const QTimeZone zone
        = recipient.timeZone.isEmpty() ? QTimeZone::utc() : QTimeZone(recipient.timeZone.toUtf8());
    const QTimeZone use = zone.isValid() ? zone : QTimeZone::utc();
    const QDate day = QDateTime::fromMSecsSinceEpoch(now, use).date();
    return day.startOfDay(use).toMSecsSinceEpoch();
}

// "My team": my manager, the people I manage, and those who share my manager.
bool sameTeam(const UserRow &recipient, const UserRow &sender)
{
    if (!recipient.managerId.isEmpty() && sender.id == recipient.managerId)
        return true;
    if (sender.managerId == recipient.id)
        return true;
    return !recipient.managerId.isEmpty() && sender.managerId == recipient.managerId;
}

QJsonObject urgentRecord(const UrgentRow &row)
{
    QJsonObject r {{u"message_id"_s, row.messageId}, {u"conversation_id"_s, row.conversationId},
        {u"sender_id"_s, row.senderId}, {u"recipient_id"_s, row.recipientId},
        {u"sent_at"_s, double(row.sentAt)}};
    if (row.seenAt > 0)
        r.insert(u"seen_at"_s, double(row.seenAt));
    if (row.ackedAt > 0)
        r.insert(u"acknowledged_at"_s, double(row.ackedAt));
    return r;
}

QString nameOf(const UserRow &u)
{
    return u.displayName.isEmpty() ? u.userName : u.displayName;
}

} // namespace

Result<std::optional<Refusal>> urgentRefusal(
    ServerStore &store, SpaceWriter &w, const QString &actorId, const ConversationRow &conversation)
{
    auto members = store.members(conversation.id);
    if (!members)
        return members.error();
    auto sender = w.user(actorId);
    if (!sender)
        return sender.error();
    for (const MemberRow &m : *members) {
        if (m.userId == actorId)
            continue;
        auto recipient = w.user(m.userId);
        if (!recipient)
            return recipient.error();
        if (!*recipient || !*sender)
            continue;
        auto stored = store.urgentPolicy(m.userId);
        if (!stored)
            return stored.error();
        const UrgentPolicyRow policy = stored->value_or(UrgentPolicyRow {m.userId});
        const UserRow &to = **recipient;
        const bool allowed = policy.allow == u"anyone"_s
            || (policy.allow == u"manager"_s && !to.managerId.isEmpty() && to.managerId == actorId)
            || (policy.allow == u"team"_s && sameTeam(to, **sender));
        if (!allowed)
            return std::optional<Refusal>(Refusal {code::urgent_not_allowed,
                u"%1 accepts urgent messages only from %2"_s.arg(nameOf(to),
                    policy.allow == u"nobody"_s        ? u"nobody"_s
                        : policy.allow == u"manager"_s ? u"their manager"_s
                                                       : u"their team"_s),
                {{u"recipient_id"_s, to.id}, {u"allow"_s, policy.allow}}});
        auto used = store.urgentCountSince(m.userId, startOfDay(to, w.now()));
        if (!used)
            return used.error();
        if (*used >= policy.perDay)
            return std::optional<Refusal>(Refusal {code::urgent_not_allowed,
                u"%1 accepts %2 urgent messages a day and has had them today; send it as a normal message"_s
                    .arg(nameOf(to))
                    .arg(policy.perDay),
                {{u"recipient_id"_s, to.id}, {u"limit"_s, u"urgent_per_day"_s},
                    {u"max"_s, double(policy.perDay)}}});
    }
    return std::optional<Refusal>();
}

Status recordUrgent(
    ServerStore &store, SpaceWriter &w, const MessageRow &message, const QStringList &memberIds)
{
    for (const QString &id : memberIds) {
        if (id == message.senderId)
            continue;
        TANDEM_TRY(store.putUrgent(UrgentRow {message.id, message.conversationId, w.space().id,
            message.senderId, id, message.createdAt, 0, 0}));
    }
    return {};
}

Result<Outcome> acknowledgeUrgent(
    ServerStore &store, SpaceWriter &w, const QString &actorId, const protocol::UrgentAck &p)
{
    auto row = store.urgent(p.messageId, actorId);
    if (!row)
        return row.error();
    auto member = store.member(p.conversationId, actorId);
    if (!member)
        return member.error();
    if (!*row || !*member || (*row)->conversationId != p.conversationId || (*row)->spaceId != w.space().id)
        return Outcome(Refusal {code::not_found, u"no urgent message to you has this id"_s,
            {{u"field"_s, u"/payload/message_id"_s}}});
    UrgentRow u = **row;
    const bool ack = p.state == u"acknowledged"_s;
    if ((ack && u.ackedAt > 0) || (!ack && u.seenAt > 0))
        return Outcome(QJsonObject()); // already so: a no-op (§7.1)
    if (u.seenAt == 0)
        u.seenAt = w.now();
    if (ack)
        u.ackedAt = w.now();
    TANDEM_TRY(store.putUrgent(u));
    TANDEM_TRY(
        w.emit(QLatin1StringView("urgent.updated"), {{u"urgent"_s, urgentRecord(u)}}, {u.senderId, actorId}));
    return Outcome(QJsonObject());
}

Result<Outcome> setUrgentPolicy(
    ServerStore &store, SpaceWriter &w, const QString &actorId, const protocol::UrgentPolicySet &p)
{
    auto current = store.urgentPolicy(actorId);
    if (!current)
        return current.error();
    if (*current && (*current)->allow == p.allow && (*current)->perDay == p.perDay)
        return Outcome(QJsonObject());
    const UrgentPolicyRow row {actorId, p.allow, p.perDay, w.now()};
    TANDEM_TRY(store.putUrgentPolicy(row));
    TANDEM_TRY(w.emit(QLatin1StringView("urgent_policy.updated"),
        {{u"urgent_policy"_s,
            QJsonObject {{u"user_id"_s, actorId}, {u"allow"_s, row.allow}, {u"per_day"_s, double(row.perDay)},
                {u"updated_at"_s, double(row.updatedAt)}}}},
        {actorId}));
    return Outcome(QJsonObject());
}

} // namespace tandem::server::boundary
