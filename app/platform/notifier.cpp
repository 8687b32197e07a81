#include "notifier.h"

#include "trayicon.h"

namespace tandem::app {

using namespace Qt::StringLiterals;

bool shouldNotify(const IncomingMessage &message, const AttentionContext &context)
{
    if (message.mine || message.notifyLevel == u"muted")
        return false;
    if (message.notifyLevel == u"mentions" && !message.mentionsMe)
        return false;
    const bool inFront = context.windowFocused && context.openSpaceId == message.spaceId
        && context.openConversationId == message.conversationId;
    return !inFront;
}

Notifier::Notifier(TrayIcon *tray, QObject *parent)
    : QObject(parent)
    , m_tray(tray)
{ }

bool Notifier::offer(const IncomingMessage &message, const AttentionContext &context)
{
    if (!m_tray || !shouldNotify(message, context))
        return false;
    const QString where = message.conversationName.isEmpty() || message.conversationName == message.senderName
        ? message.senderName
        : u"%1 in %2"_s.arg(message.senderName, message.conversationName);
    // The balloon shows plain text; the body is bounded so a huge message cannot fill the screen.
    QString text = message.text.left(200);
    if (message.text.size() > 200)
        text += u'…';
    m_tray->showMessage(where, text);
    return true;
}

} // namespace tandem::app
