// The store queries behind a timeline: pages of messages, newest first, by keyset on (created_at,
// rowid), each joined with what the view shows beside the body (sender, send state and outbox error,
// thread summary, quoted reply, read-by count, reactions, attachments, pin). Run on the store thread.
#pragma once

#include "messagingtypes.h"

#include "store/spacestore.h"

#include <optional>

namespace tandem::messaging {

// Which messages a timeline shows.
struct TimelineScope
{
    QString conversationId;
    // Empty: the main timeline (messages that are not thread replies). Else the thread: its root and
    // its replies.
    QString threadRootId;
    QString selfUserId;
};

// Up to `limit` messages strictly older than `before`, newest first.
[[nodiscard]] Result<QList<TimelineItem>> messagesBefore(
    store::SpaceStore &store, const TimelineScope &scope, TimelineKey before, int limit);
// Up to `limit` messages strictly newer than `after`, newest first (the `limit` closest to `after`).
[[nodiscard]] Result<QList<TimelineItem>> messagesAfter(
    store::SpaceStore &store, const TimelineScope &scope, TimelineKey after, int limit);
// The rows among `rowids` that are in the scope, in any order (rows gone or elsewhere are left out).
[[nodiscard]] Result<QList<TimelineItem>> messagesByRowid(
    store::SpaceStore &store, const TimelineScope &scope, const QList<qint64> &rowids);

// Where a message is: its conversation, its thread (empty for the main timeline) and its key.
struct MessageLocation
{
    QString conversationId;
    QString threadRootId;
    TimelineKey key;
};
[[nodiscard]] Result<std::optional<MessageLocation>> locateMessage(
    store::SpaceStore &store, const QString &messageId);

// A page around one message (for jump-to): up to `each` newer messages, the message, and up to
// `each` older ones, newest first. `newerExhausted`/`olderExhausted` say whether either end is reached.
struct PageAround
{
    QList<TimelineItem> items;
    int targetRow = -1; // -1: the message is not in the scope
    bool newerExhausted = false;
    bool olderExhausted = false;
};
[[nodiscard]] Result<PageAround> pageAround(
    store::SpaceStore &store, const TimelineScope &scope, const QString &messageId, int each);

// Pinned messages of a conversation, most recently pinned first (at most `limit`).
[[nodiscard]] Result<QList<TimelineItem>> pinnedMessages(
    store::SpaceStore &store, const QString &conversationId, const QString &selfUserId, int limit = 100);

} // namespace tandem::messaging
