// Search filters as index tokens. Each message's row in the full-text index carries, in a second
// column, tokens for its conversation, its sender, its month and its day. A filtered search then intersects
// posting lists inside FTS5 instead of reading every matching message to test its conversation: at a
// million messages that is the difference between milliseconds and half a second. Tokens are stable
// hashes (FNV-1a), so they need no lookup; the exact filter is still applied to the few rows that match.
#pragma once

#include "util/result.h"

#include <QString>

struct sqlite3;

namespace tandem::store {

// "c<hash> s<hash> m<yyyymm> d<yyyymmdd>" for one message (dates in UTC).
QString searchScope(const QString &conversationId, const QString &senderId, qint64 createdAtMs);

QString conversationScopeToken(const QString &conversationId);
QString senderScopeToken(const QString &senderId);
// Date tokens that narrow a range [fromMs, toMs) (0: open): the days to include (whole months as one
// month token), or, for a range open at one end, the days to leave out (up to 36 months beyond the
// bound). Each is an FTS5 OR-list, or empty when it would not help. Only rows on the boundary days
// themselves can still fail the exact test, which always runs on what remains.
struct DateFilter
{
    QString include;
    QString exclude;
};
DateFilter dateScopeFilter(qint64 fromMs, qint64 toMs);

// Registers tandem_search_scope(conversation_id, sender_id, created_at) for SQL (the index migration
// fills existing rows with it).
Status registerSearchScopeFunction(sqlite3 *db);

} // namespace tandem::store
