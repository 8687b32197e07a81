// What the messaging queries answer: plain records for the app's lists, read on the store thread and
// handed to the GUI thread by value. No rule lives here; see conversationqueries.h and timelinequeries.h.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <limits>

namespace tandem::messaging {

// One line of the conversation list.
struct ConversationSummary
{
    QString id;
    QString kind; // direct, group, channel
    QString name; // for a direct conversation, the other person's display name
    QString topic;
    QString otherUserId; // direct only
    bool external = false;
    int unreadCount = 0; // others' messages after the account's read receipt (capped at kUnreadCap)
    int mentionCount = 0; // unread messages that mention the account
    QString lastMessageId;
    QString lastMessageText; // raw body of the newest message of the main timeline
    QString lastAttachmentName; // its first file, when it has one
    bool lastMessageDeleted = false;
    QString lastSenderId;
    QString lastSenderName;
    qint64 lastMessageAt = 0; // last activity: the newest message, else the creation
    QString draftText;
    int memberCount = 0;
    QString notifyLevel; // all, mentions, muted
    bool pinned = false;
    qint64 readUpToSeq = 0; // the account's receipt
    // When the newest message is a server notice (docs/protocol.md §6.12): its kind and, for a handover,
    // the two users' names as held (empty when not held).
    QString lastSystemKind;
    QString lastSystemFromName;
    QString lastSystemToName;

    bool operator==(const ConversationSummary &) const = default;
};

inline constexpr qint64 kDefaultEditWindowMs = 24LL * 60 * 60 * 1000;
// How long after sending the sender may edit and recall a message (0: no limit): the server's policy
// from its welcome (settings "edit_window_ms", "recall_window_ms", kept by the sync engine), else 24 h.
struct MessagePolicy
{
    qint64 editWindowMs = kDefaultEditWindowMs;
    qint64 recallWindowMs = kDefaultEditWindowMs;

    bool operator==(const MessagePolicy &) const = default;
};

// Unread and mention counts stop here; the badge shows 99+ (as DingTalk and WeChat do).
inline constexpr int kUnreadCap = 99;

struct ReactionSummary
{
    QString emoji;
    int count = 0;
    bool mine = false;
    QStringList names; // display names, in the order they reacted

    bool operator==(const ReactionSummary &) const = default;
};

struct AttachmentItem
{
    QString id;
    QString messageId;
    QString name;
    QString mimeType;
    qint64 sizeBytes = 0;
    QString state; // remote, uploading, downloading, cached, failed
    QString sha256;
    QString localPath; // the encrypted cache file, when held
    QString conversationId;
    QString senderId;
    QString senderName;
    qint64 createdAt = 0;

    bool operator==(const AttachmentItem &) const = default;
};

// One message as a timeline shows it.
struct TimelineItem
{
    qint64 rowid = 0;
    QString id;
    QString conversationId;
    QString senderId;
    QString senderName;
    QString body;
    QString format; // plain, markdown
    qint64 createdAt = 0;
    qint64 seq = 0; // 0 while unsent
    QString threadRootId;
    QString replyToId;
    qint64 editedAt = 0; // 0: never edited
    qint64 deletedAt = 0; // 0: not deleted
    int sendState = 0; // 0 sent, 1 sending, 2 failed
    QString errorText; // why the server refused it (failed only)
    bool mentionsMe = false;
    QStringList mentionNames; // user and display names of the mentioned users (for the highlight)
    int threadReplyCount = 0;
    qint64 threadLastReplyAt = 0;
    QString replyToSenderId;
    QString replyToSenderName;
    QString replyToText; // one line, at most 200 characters
    bool replyToDeleted = false;
    int readByCount = 0; // members other than the sender whose receipt covers this message
    int receiptTotal = 0; // members other than the sender
    bool pinned = false;
    QList<ReactionSummary> reactions;
    QList<AttachmentItem> attachments;
    // A server notice (docs/protocol.md §6.12): its kind (empty for an ordinary message) and, for a
    // handover, the two users' names as held (empty when not held).
    QString systemKind;
    QString systemFromName;
    QString systemToName;

    bool operator==(const TimelineItem &) const = default;
};

// Keyset position in a timeline: (created_at, rowid), the order of the messages_timeline index.
struct TimelineKey
{
    qint64 createdAt = std::numeric_limits<qint64>::max();
    qint64 rowid = std::numeric_limits<qint64>::max();

    [[nodiscard]] static TimelineKey of(const TimelineItem &item) { return {item.createdAt, item.rowid}; }
    auto operator<=>(const TimelineKey &) const = default;
};

struct MemberInfo
{
    QString userId;
    QString displayName;
    QString userName;
    bool external = false;
    QString role; // owner, admin, member
    qint64 readUpToSeq = 0; // the member's read receipt

    bool operator==(const MemberInfo &) const = default;
};

struct PersonResult
{
    QString userId;
    QString displayName;
    QString userName;
    bool external = false;
    QString directConversationId; // the direct conversation with them, when there is one
};

struct MessageResult
{
    QString messageId;
    QString conversationId;
    QString conversationName;
    QString senderId;
    QString senderName;
    qint64 createdAt = 0;
    QString snippet; // plain text
    QList<QPair<int, int>> highlights; // (start, length) in snippet
};

struct SearchResults
{
    QList<ConversationSummary> conversations;
    QList<PersonResult> people;
    QList<MessageResult> messages;
};

} // namespace tandem::messaging
