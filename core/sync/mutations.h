// Making changes (docs/protocol.md §5.2): each writes its outbox row and its local echo in one
// transaction that survives a power cut, before anything is sent. Ids are uuid v7, chosen here, so the
// echo already carries the id the server will use.
#pragma once

#include "store/storethread.h"

#include <QFuture>
#include <QJsonObject>

namespace tandem::sync {

struct QueuedMutation
{
    QString mutationId;
    QString entityId; // the message id of a message.send
};

// Any kind, with its payload as given; shows once its event arrives.
QFuture<Result<QueuedMutation>> queueMutation(
    store::StoreThread &store, const QString &kind, const QJsonObject &payload);

// message.send, shown at once as "sending". The body is checked against the limit before anything is
// written (§9.4: a mutation that could not be sent never enters the outbox).
QFuture<Result<QueuedMutation>> queueMessage(store::StoreThread &store, const QString &conversationId,
    const QString &body, qint64 maxBodyBytes = 65536, const QString &format = QStringLiteral("plain"));

// A failed message sent again: a new mutation with new ids; the failed one goes away (§5.5).
QFuture<Result<QueuedMutation>> retryMessage(store::StoreThread &store, const QString &messageId);
// A failed message dropped with its outbox row.
QFuture<Result<bool>> discardMessage(store::StoreThread &store, const QString &messageId);

} // namespace tandem::sync
