// Search filters as index tokens. Each message's row in the full-text index carries, in a second
// column, tokens for its conversation, its sender and its month. A filtered search then intersects
// posting lists inside FTS5 instead of reading every matching message to test its conversation: at a
// million messages that is the difference between milliseconds and half a second. Tokens are stable
// hashes (FNV-1a), so they need no lookup; the exact filter is still applied to the few rows that match.
#pragma once

#include "util/result.h"

#include <QString>

struct sqlite3;

namespace tandem::store {

// "c<hash> s<hash> m<yyyymm>" for one message.
QString searchScope(const QString &conversationId, const QString &senderId, qint64 createdAtMs);

QString conversationScopeToken(const QString &conversationId);
QString senderScopeToken(const QString &senderId);
// Month tokens that narrow a date range [fromMs, toMs) (0: open): months to include, or, for a range
// open at one end, months to leave out. Each is an FTS5 OR-list, or empty when it would not help. The
// exact date test still runs on what remains: these only make the candidate set small.
struct MonthFilter
{
    QString include;
    QString exclude;
};
MonthFilter monthScopeFilter(qint64 fromMs, qint64 toMs);

// Registers tandem_search_scope(conversation_id, sender_id, created_at) for SQL (the index migration
// fills existing rows with it).
Status registerSearchScopeFunction(sqlite3 *db);

} // namespace tandem::store
