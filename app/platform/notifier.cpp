#include "notifier.h"

#include "trayicon.h"

#include "boundary/boundarysettings.h"

namespace tandem::app {

using namespace Qt::StringLiterals;

namespace {

boundary::NotifyLevel levelOf(const QString &level)
{
    if (level == u"muted")
        return boundary::NotifyLevel::Muted;
    if (level == u"mentions")
        return boundary::NotifyLevel::Mentions;
    return boundary::NotifyLevel::All;
}

} // namespace

boundary::Delivery deliveryFor(
    const IncomingMessage &message, const AttentionContext &context, const boundary::SpaceBoundary *boundary)
{
    if (message.mine)
        return boundary::Delivery::BadgeOnly;
    boundary::IncomingEvent event;
    event.spaceKind
        = message.spaceKind == u"personal" ? boundary::SpaceKind::Personal : boundary::SpaceKind::Work;
    event.level = levelOf(message.notifyLevel);
    event.mentionsMe = message.mentionsMe;
    event.direct = message.direct;
    event.urgent = message.urgent;
    event.urgentAllowed = message.urgent;
    event.at = context.now.isValid() ? context.now
                                     : QDateTime::fromMSecsSinceEpoch(message.createdAt, QTimeZone::utc());
    const bool focusOnOther = context.focusMode && context.openSpaceId != message.spaceId;
    boundary::PolicyContext policy;
    policy.focusOnOtherSpace = focusOnOther;
    if (boundary)
        policy = boundary->policy(focusOnOther);
    return boundary::decide(event, policy);
}

Notifier::Notifier(TrayIcon *tray, QObject *parent)
    : QObject(parent)
    , m_tray(tray)
{ }

boundary::Delivery Notifier::offer(
    const IncomingMessage &message, const AttentionContext &context, const boundary::SpaceBoundary *boundary)
{
    const boundary::Delivery delivery = deliveryFor(message, context, boundary);
    const bool inFront = context.windowFocused && context.openSpaceId == message.spaceId
        && context.openConversationId == message.conversationId;
    if (delivery != boundary::Delivery::NotifyNow || inFront)
        return delivery;
    Q_EMIT alerted(message.spaceId, message.messageId);
    if (!m_tray)
        return delivery;
    const QString where = message.conversationName.isEmpty() || message.conversationName == message.senderName
        ? message.senderName
        : u"%1 in %2"_s.arg(message.senderName, message.conversationName);
    // The balloon shows plain text; the body is bounded so a huge message cannot fill the screen.
    QString text = message.text.left(200);
    if (message.text.size() > 200)
        text += u'…';
    m_tray->showMessage(where, text);
    return delivery;
}

void Notifier::remindTask(
    const QString &spaceId, const QString &taskId, const QString &title, const QString &text)
{
    Q_EMIT taskReminded(spaceId, taskId);
    if (m_tray)
        m_tray->showMessage(title.left(200), text.left(200));
}

} // namespace tandem::app
