// The messages that arrived in a space since the last look, as the notifier needs them: sender,
// conversation, its level and kind, mention and urgent flags. Runs on the store thread.
#pragma once

#include "platform/notifier.h"

#include "util/result.h"

#include <QList>

namespace tandem::store {
class SpaceStore;
class Statement;
} // namespace tandem::store

namespace tandem::app {

struct ArrivalQuery
{
    qint64 afterRowid = 0; // messages after this local row
    qint64 since = 0; // created after this (ms): older ones are history, not news
    int limit = 20;
    QString self; // the space's account
    QString spaceId;
    QString spaceName;
    QString spaceKind;
};

// A message from the first eight columns of an arrivals query, in this order: id, conversation id,
// sender id, sender name, text, created at, conversation name, notify level.
[[nodiscard]] IncomingMessage arrivalFromRow(const store::Statement &row, const ArrivalQuery &query);

[[nodiscard]] Result<QList<IncomingMessage>> readArrivals(
    store::SpaceStore &store, const ArrivalQuery &query);

} // namespace tandem::app
