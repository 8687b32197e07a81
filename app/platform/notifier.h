// Desktop notifications for new messages. Whether a message may alert is the boundary's notification
// policy (boundary::decide: notify now, badge only, or hold for the digest) with the space's schedule,
// the conversation's level, mention, direct, urgent and focus; the app then also keeps quiet about the
// conversation the person is looking at. Showing is the tray's balloon (nothing without a tray).
#pragma once

#include "boundary/notificationpolicy.h"

#include <QDateTime>
#include <QObject>
#include <QString>

namespace tandem::boundary {
struct SpaceBoundary;
}

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
    bool direct = false; // in a direct (one-to-one) conversation
    // Marked urgent by its sender. The server refuses an urgent message the recipient's policy does not
    // allow (urgent_not_allowed), so one that arrives has been allowed to break through.
    bool urgent = false;
    QString notifyLevel = QStringLiteral("all"); // the conversation's: all, mentions, muted
    QString spaceKind = QStringLiteral("work"); // work, personal
};

// What the app shows when the message arrives.
struct AttentionContext
{
    QString openSpaceId;
    QString openConversationId;
    bool windowFocused = false;
    bool focusMode = false; // only the open space is shown
    QDateTime now; // when the policy is asked (invalid: the message's own time)
};

// The policy's answer for `message`: its space's `boundary` (null: no schedule), focus on another
// space when focus mode is on and the message's space is not the open one. Mine: always BadgeOnly.
[[nodiscard]] boundary::Delivery deliveryFor(
    const IncomingMessage &message, const AttentionContext &context, const boundary::SpaceBoundary *boundary);

class Notifier : public QObject
{
    Q_OBJECT
public:
    // `tray` may be null: then nothing is shown (the decision and `alerted` still happen).
    explicit Notifier(TrayIcon *tray, QObject *parent = nullptr);

    // Asks the policy; on NotifyNow, unless the conversation is in front of the person, alerts (balloon)
    // and emits `alerted`. Returns the policy's answer.
    boundary::Delivery offer(const IncomingMessage &message, const AttentionContext &context,
        const boundary::SpaceBoundary *boundary);
    // A task reminder (app/tasks/taskreminderwatcher): the schedule was applied when it was planned.
    void remindTask(const QString &spaceId, const QString &taskId, const QString &title, const QString &text);

Q_SIGNALS:
    // A sound, popup or tray alert was given for `messageId` (tests count these).
    void alerted(const QString &spaceId, const QString &messageId);
    void taskReminded(const QString &spaceId, const QString &taskId);

private:
    TrayIcon *m_tray;
};

} // namespace tandem::app
