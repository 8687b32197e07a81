#include "boundaryframes.h"

#include "clientframes.h"
#include "codes.h"
#include "fields.h"

namespace tandem::protocol {

using namespace Qt::StringLiterals;

namespace {

PayloadProblem invalidPayload(const FieldReader &r)
{
    return PayloadProblem {code::invalid_payload, r.problem(), QJsonObject {{u"field"_s, r.problemField()}}};
}

PayloadProblem notAnnounced(const QString &feature)
{
    return PayloadProblem {
        code::feature_not_supported, u"this server does not announce %1"_s.arg(feature), {}};
}

// The most urgent messages per day a policy may allow: beyond that "urgent" means nothing.
constexpr qint64 kMaxUrgentPerDay = 100;
// The most conversations one hand-over may name (absent: all of them, however many).
constexpr qsizetype kMaxHandoverConversations = 256;

} // namespace

std::optional<std::variant<MutationPayload, PayloadProblem>> parseBoundaryPayload(
    const QString &kind, const QJsonObject &payload, const QStringList &features)
{
    using Parsed = std::variant<MutationPayload, PayloadProblem>;
    FieldReader r(payload, u"/payload"_s);
    if (kind == u"message.cancel_schedule"_s) {
        if (!features.contains(u"scheduled_send"_s))
            return Parsed(notAnnounced(u"scheduled_send"_s));
        MessageCancelSchedule p {r.id(QLatin1StringView("message_id"))};
        if (!r.ok())
            return Parsed(invalidPayload(r));
        return Parsed(p);
    }
    if (kind == u"urgent.ack"_s) {
        if (!features.contains(u"urgent"_s))
            return Parsed(notAnnounced(u"urgent"_s));
        UrgentAck p {r.id(QLatin1StringView("conversation_id")), r.id(QLatin1StringView("message_id")),
            r.oneOf(QLatin1StringView("state"), {"seen", "acknowledged"})};
        if (!r.ok())
            return Parsed(invalidPayload(r));
        return Parsed(p);
    }
    if (kind == u"urgent.policy_set"_s) {
        if (!features.contains(u"urgent"_s))
            return Parsed(notAnnounced(u"urgent"_s));
        UrgentPolicySet p;
        p.allow = r.oneOf(QLatin1StringView("allow"), {"manager", "team", "anyone", "nobody"});
        p.perDay = r.integer(QLatin1StringView("per_day"), 0, kMaxUrgentPerDay);
        if (!r.ok())
            return Parsed(invalidPayload(r));
        return Parsed(p);
    }
    if (kind == u"conversation.handover"_s) {
        if (!features.contains(u"handover"_s))
            return Parsed(notAnnounced(u"handover"_s));
        ConversationHandover p;
        p.conversationIds = r.optIdList(QLatin1StringView("conversation_ids"), kMaxHandoverConversations)
                                .value_or(QStringList());
        if (r.ok() && r.has(QLatin1StringView("conversation_ids")) && p.conversationIds.isEmpty())
            r.fail(QLatin1StringView("conversation_ids"), u"must name at least one conversation"_s);
        p.fromUserId = r.id(QLatin1StringView("from_user_id"));
        p.toUserId = r.id(QLatin1StringView("to_user_id"));
        if (r.ok() && p.fromUserId == p.toUserId)
            r.fail(QLatin1StringView("to_user_id"), u"must differ from from_user_id"_s);
        if (!r.ok())
            return Parsed(invalidPayload(r));
        return Parsed(p);
    }
    return std::nullopt;
}

} // namespace tandem::protocol
