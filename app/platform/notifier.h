// Desktop notifications for new messages. Whether a message notifies is one function, shouldNotify(),
// so that the notification policy can change in one place; showing is the tray's balloon (nothing when
// the desktop has no tray).
#pragma once

#include <QObject>
#include <QString>

namespace tandem::app {

class TrayIcon;

// A message that just arrived, as the notification policy sees it.
struct IncomingMessage
{
    QString spaceId;
    QString spaceName;
    QString conversationId;
    QString conversationName;
    QString messageId;
    QString senderId;
    QString senderName;
    QString text; // plain, one line, bounded
    qint64 createdAt = 0;
    bool mine = false;
    bool mentionsMe = false;
    QString notifyLevel = QStringLiteral("all"); // the conversation's: all, mentions, muted
};

// What the app shows when the message arrives.
struct AttentionContext
{
    QString openSpaceId;
    QString openConversationId;
    bool windowFocused = false;
};

// Not mine, not muted (a "mentions" conversation only for a mention), and not the conversation the
// user is looking at right now.
[[nodiscard]] bool shouldNotify(const IncomingMessage &message, const AttentionContext &context);

class Notifier : public QObject
{
    Q_OBJECT
public:
    // `tray` may be null: then nothing is shown.
    explicit Notifier(TrayIcon *tray, QObject *parent = nullptr);

    // Shows the message if shouldNotify() says so; returns whether it did.
    bool offer(const IncomingMessage &message, const AttentionContext &context);

private:
    TrayIcon *m_tray;
};

} // namespace tandem::app
