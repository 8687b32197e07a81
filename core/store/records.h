// Plain records that cross the store's boundary. They carry data only; the rules live in services.
#pragma once

#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::store {

struct User
{
    QString id;
    QString userName;
    QString displayName;
    bool external = false;
};

struct Conversation
{
    QString id;
    QString kind = QStringLiteral("group"); // direct, group, channel
    QString name;
    QString topic;
    bool external = false;
    qint64 createdAt = 0;
    qint64 lastMessageAt = 0;
    int unreadCount = 0;
    QStringList memberIds;
};

// An attachment of a message, as the store knows it (docs/protocol.md §6.2).
struct AttachmentInfo
{
    QString id;
    QString name;
    QString mimeType;
    qint64 sizeBytes = 0;
    QString sha256;

    bool operator==(const AttachmentInfo &) const = default;
};

struct Message
{
    qint64 rowid = 0; // local; 0 until stored
    QString id; // the server's id (or the client id while unsent)
    QString conversationId;
    QString senderId;
    QString body;
    qint64 createdAt = 0; // ms since the epoch, UTC
    std::optional<qint64> seq; // the server's sequence number
    QString threadRootId;
    QString replyToId;
    QString clientId;
    QStringList mentions; // user ids
    std::optional<qint64> editedAt;
    std::optional<qint64> deletedAt;
};

// What a write changed, so that views refresh only what they show.
struct StoreChange
{
    QSet<QString> conversations; // conversations whose timeline or summary changed
    QList<qint64> messageRowids; // rows inserted or changed
    bool conversationList = false; // conversations were added or renamed
    bool users = false;
    bool presence = false; // presence records (docs/protocol.md §6.6)
    bool tasks = false; // tasks or their comments (docs/protocol.md §11.4)
    bool approvals = false; // approval templates, requests or their trail (docs/protocol.md §6.11)

    [[nodiscard]] bool isEmpty() const
    {
        return conversations.isEmpty() && messageRowids.isEmpty() && !conversationList && !users && !presence
            && !tasks && !approvals;
    }
    void merge(const StoreChange &o)
    {
        conversations.unite(o.conversations);
        messageRowids += o.messageRowids;
        conversationList |= o.conversationList;
        users |= o.users;
        presence |= o.presence;
        tasks |= o.tasks;
        approvals |= o.approvals;
    }
};

struct SearchQuery
{
    QString text;
    QString conversationId; // empty: every conversation
    QString senderId; // empty: every sender
    qint64 fromMs = 0; // created at or after (0: no bound)
    qint64 toMs = 0; // created before (0: no bound)
    int limit = 20;
    // How many of the most recent matches are ranked. Bounds the cost of a one-character query over a
    // million messages; tests that compare against a full scan raise it.
    int candidateLimit = 1000;
};

struct Snippet
{
    QString text; // plain text, never markup
    QList<QPair<int, int>> highlights; // (start, length) in text, UTF-16 units
};

struct SearchHit
{
    qint64 rowid = 0;
    QString messageId;
    QString conversationId;
    QString senderId;
    qint64 createdAt = 0;
    double score = 0; // bm25: lower is more relevant
    Snippet snippet;
};

struct StoreStats
{
    qint64 conversations = 0;
    qint64 messages = 0;
    qint64 users = 0;
    qint64 outboxPending = 0;
    qint64 dbBytes = 0; // database file plus its WAL
    qint64 searchIndexBytes = 0;
    int schemaVersion = 0;
};

} // namespace tandem::store
