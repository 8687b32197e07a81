// The catch-up digest: what happened in a space while the person was away, read from the space's own
// store by queries (nothing leaves the device to make it). Runs on the store thread.
#pragma once

#include "util/result.h"

#include <QList>
#include <QString>

namespace tandem::store {
class Database;
}

namespace tandem::boundary {

// One line of the digest; the sections come in this order, and so do their rows.
struct DigestItem
{
    enum class Section {
        Mention, // a message in [from, to) that mentions me; oldest first
        Direct, // a direct conversation with messages to me in [from, to); by its first such message
        Approval, // a pending approval whose active step waits on my decision; oldest submitted first
        Task, // my open task due before `to` + 24 h (overdue when due before `to`); soonest due first
        BusyThread, // the threads with the most replies in [from, to), at most kBusyThreads; busiest first
        Unread, // a conversation with unread messages (not muted); most unread first
    };

    Section section = Section::Mention;
    QString conversationId; // where a click goes; empty for an approval or task not tied to a conversation
    QString targetId; // the message, approval request or task
    QString title; // conversation name, sender, request or task title
    QString text; // the first line of the message or thread root, bounded
    qint64 at = 0; // ms since the epoch: the message, submission or due time
    int count = 0; // messages (direct), replies (thread), unread (unread)
    bool overdue = false; // tasks
};

struct Digest
{
    qint64 from = 0;
    qint64 to = 0;
    QList<DigestItem> items;

    [[nodiscard]] int count(DigestItem::Section section) const;
};

inline constexpr int kBusyThreads = 5;
inline constexpr int kDigestRowsPerSection = 50;

// The digest of [fromMs, toMs) for `self` (the space's account).
[[nodiscard]] Result<Digest> buildDigest(
    store::Database &db, const QString &self, qint64 fromMs, qint64 toMs);

} // namespace tandem::boundary
