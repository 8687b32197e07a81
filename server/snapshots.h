// Reads for one account: the records of a snapshot (docs/protocol.md §3.8) and history pages (§4.7).
// Both only ever return what the account may see (§6.1).
#pragma once

#include "serverstore.h"

#include <QJsonObject>
#include <QList>

namespace tandem::server {

class Presence;

// Every record the account may see in the space, in the order §3.8 suggests (references point
// backwards), with the newest `messagesPerConversation` messages of each conversation, and the
// presence records `presence` knows of the account and the people it shares a conversation with.
Result<QList<QJsonObject>> snapshotRecords(ServerStore &store, const SpaceRow &space, const QString &userId,
    int messagesPerConversation, const Presence *presence = nullptr);

struct HistoryPage
{
    QList<QJsonObject> messages; // ascending cseq
    bool hasMore = false;
    bool found = false; // false: not_found (no such conversation, or not a member)
};

Result<HistoryPage> historyPage(ServerStore &store, const QString &spaceId, const QString &userId,
    const QString &conversationId, const QString &threadRootId, qint64 beforeCseq, int limit);

} // namespace tandem::server
