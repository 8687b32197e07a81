// Making changes (docs/protocol.md §5.2): each writes its outbox row and its local echo in one
// transaction that survives a power cut, before anything is sent. Ids are uuid v7, chosen here, so the
// echo already carries the id the server will use.
#pragma once

#include "store/filecache.h"
#include "store/storethread.h"

#include <QFuture>
#include <QJsonObject>
#include <QStringList>

namespace tandem::sync {

struct QueuedMutation
{
    QString mutationId;
    QString entityId; // the message id of a message.send
    QStringList attachmentIds; // the files it carries (queueFileMessage, tasks::queueTaskCreate, ...)
};

// Any kind, with its payload as given; shows once its event arrives.
QFuture<Result<QueuedMutation>> queueMutation(
    store::StoreThread &store, const QString &kind, const QJsonObject &payload);

// A file to send, once copied into the space's encrypted cache.
struct OutgoingFile
{
    QString name; // a display name only, never a path (§8.1)
    QString mimeType;
    qint64 sizeBytes = 0;
    QString sha256;
};

// Copies the file at `path` into `files`, so that the send survives the original being moved. Reads
// the whole file on the calling thread: call it off the GUI thread.
[[nodiscard]] Result<OutgoingFile> importOutgoingFile(
    store::FileCache &files, const QString &path, qint64 maxAttachmentBytes = 104857600);
// The same for each of `paths`, in order; the first that fails stops it.
[[nodiscard]] Result<QList<OutgoingFile>> importOutgoingFiles(
    store::FileCache &files, const QStringList &paths);

// Inside a store write: records `file` as waiting to be uploaded, under a new attachment id (returned).
// `messageId` is empty for a file no message carries (a request's form names it).
[[nodiscard]] Result<QString> insertOutgoingAttachment(
    store::Database &db, const OutgoingFile &file, const QString &messageId = {});

// Any kind whose payload is made inside the store's write, in the transaction that writes the outbox
// row (for example after insertOutgoingAttachment). The result carries `entityId` and the attachment
// ids `payload` appended to its second argument.
QFuture<Result<QueuedMutation>> queueMutation(store::StoreThread &store, const QString &kind,
    std::function<Result<QJsonObject>(store::SpaceStore &, QStringList &attachmentIds)> payload,
    const QString &entityId);

// What a message.send carries besides its body (docs/protocol.md §7.2).
struct OutgoingMessage
{
    QString format = QStringLiteral("plain"); // plain or markdown
    QString threadRootId; // empty: the main timeline; else a reply in this thread
    QString replyToId; // empty: not a quoted reply
    QStringList mentions; // user ids
};

// message.send, shown at once as "sending". The body is checked against the limit before anything is
// written (§9.4: a mutation that could not be sent never enters the outbox).
QFuture<Result<QueuedMutation>> queueMessage(store::StoreThread &store, const QString &conversationId,
    const QString &body, qint64 maxBodyBytes = 65536, const QString &format = QStringLiteral("plain"));
QFuture<Result<QueuedMutation>> queueMessage(store::StoreThread &store, const QString &conversationId,
    const QString &body, const OutgoingMessage &options, qint64 maxBodyBytes = 65536);

// message.send with one file: the file is copied into the space's encrypted cache first (so the send
// survives the original being moved), then the outbox row, the echo and the attachment row are written
// in one power-safe transaction. The engine uploads the file before it sends the mutation (§5.2.5).
// Reads the whole file once on the calling thread: call it off the GUI thread.
QFuture<Result<QueuedMutation>> queueFileMessage(store::StoreThread &store, store::FileCache &files,
    const QString &conversationId, const QString &filePath, const QString &body,
    qint64 maxAttachmentBytes = 104857600);

// A failed message sent again: a new mutation with new ids; the failed one goes away (§5.5).
QFuture<Result<QueuedMutation>> retryMessage(store::StoreThread &store, const QString &messageId);
// A failed message dropped with its outbox row.
QFuture<Result<bool>> discardMessage(store::StoreThread &store, const QString &messageId);

} // namespace tandem::sync
