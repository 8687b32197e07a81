// The boundary mutations of issue 5 (docs/protocol.md §6.8-§6.10): cancelling a scheduled message,
// acknowledging an urgent one, the recipient's urgent policy, and an administrator's hand-over of a
// customer conversation. Each needs its feature in welcome.features; parsed before the v1 kinds.
#pragma once

#include <QString>
#include <QStringList>

namespace tandem::protocol {

// message.cancel_schedule (feature scheduled_send).
struct MessageCancelSchedule
{
    QString messageId;
};
// urgent.ack (feature urgent): the recipient has seen, or acknowledged, an urgent message.
struct UrgentAck
{
    QString conversationId;
    QString messageId;
    QString state; // seen, acknowledged (acknowledged implies seen)
};
// urgent.policy_set (feature urgent): who may break through the account's quiet hours, how often.
struct UrgentPolicySet
{
    QString allow; // manager, team, anyone, nobody
    qint64 perDay = 0;
};
// conversation.handover (feature handover, §6.12): an organisation admin moves a departing member's
// place in customer conversations to a successor.
struct ConversationHandover
{
    QStringList conversationIds; // empty: every external conversation of fromUserId in the space
    QString fromUserId;
    QString toUserId;
};

} // namespace tandem::protocol
