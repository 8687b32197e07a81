#include "mutations.h"

#include "util/i18n.h"

#include "storewriter.h"

#include "protocol/codec.h"
#include "protocol/fields.h"
#include "store/filecache.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>

namespace tandem::sync {

using namespace Qt::StringLiterals;

namespace {

Result<QueuedMutation> writeMutation(store::SpaceStore &s, store::StoreChange &change, const QString &kind,
    const QJsonObject &payload, const QString &entityId)
{
    auto account = store::loadSyncAccount(s.db());
    if (!account)
        return account.error();
    store::OutboxRow row;
    row.mutationId = protocol::newUuid();
    row.kind = kind;
    row.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    row.createdAt = protocol::nowMs();
    TANDEM_TRY(store::insertOutbox(s.db(), row));
    StoreWriter writer(s.db(), account->userId, change);
    TANDEM_TRY(writer.applyEcho(row, EchoState::Sending));
    TANDEM_TRY(writer.finish());
    return QueuedMutation {row.mutationId, entityId, {}};
}

Result<std::optional<store::OutboxRow>> failedSendOf(store::Database &db, const QString &messageId)
{
    auto st = db.cached("SELECT client_id FROM messages WHERE id = ?1 AND seq IS NULL");
    if (!st)
        return st.error();
    QString mutationId;
    TANDEM_TRY(
        (*st)->bind(1, messageId).forEachRow([&](const store::Statement &r) { mutationId = r.text(0); }));
    if (mutationId.isEmpty())
        return Error::make(
            ErrorCode::NotFound, trCore("tandem::send", "There is no unsent message %1.").arg(messageId));
    auto row = store::outboxRow(db, mutationId);
    if (row && *row && (*row)->state != u"rejected")
        return Error::make(
            ErrorCode::Invalid, trCore("tandem::send", "The message %1 is still being sent.").arg(messageId));
    return row;
}

} // namespace

QFuture<Result<QueuedMutation>> queueMutation(
    store::StoreThread &store, const QString &kind, const QJsonObject &payload)
{
    return store.write<QueuedMutation>(
        [kind, payload](store::SpaceStore &s, store::StoreChange &change) {
            return writeMutation(s, change, kind, payload, QString());
        },
        store::Durability::PowerLoss);
}

Result<OutgoingFile> importOutgoingFile(
    store::FileCache &files, const QString &path, qint64 maxAttachmentBytes)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return Error::make(ErrorCode::NotFound, trCore("tandem::send", "There is no file %1.").arg(path));
    if (info.size() > maxAttachmentBytes)
        return Error::make(ErrorCode::Invalid,
            trCore("tandem::send", "%1 is %2 bytes; the server takes files up to %3.")
                .arg(info.fileName())
                .arg(info.size())
                .arg(maxAttachmentBytes));
    auto digest = files.importFile(path);
    if (!digest)
        return digest.error();
    // Within the protocol's 255 characters.
    return OutgoingFile {
        info.fileName().left(255), QMimeDatabase().mimeTypeForFile(info).name(), info.size(), *digest};
}

Result<QList<OutgoingFile>> importOutgoingFiles(store::FileCache &files, const QStringList &paths)
{
    QList<OutgoingFile> out;
    for (const QString &path : paths) {
        auto file = importOutgoingFile(files, path);
        if (!file)
            return file.error();
        out.append(*file);
    }
    return out;
}

Result<QString> insertOutgoingAttachment(
    store::Database &db, const OutgoingFile &file, const QString &messageId)
{
    auto st = db.cached("INSERT INTO attachments(id, message_id, name, mime_type, size_bytes, sha256, state) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'uploading')");
    if (!st)
        return st.error();
    const QString id = protocol::newUuid();
    TANDEM_TRY((*st)
                   ->bind(1, id)
                   .bind(2, messageId)
                   .bind(3, file.name)
                   .bind(4, file.mimeType)
                   .bind(5, file.sizeBytes)
                   .bind(6, file.sha256)
                   .exec());
    return id;
}

QFuture<Result<QueuedMutation>> queueMutation(store::StoreThread &store, const QString &kind,
    std::function<Result<QJsonObject>(store::SpaceStore &, QStringList &attachmentIds)> payload,
    const QString &entityId)
{
    return store.write<QueuedMutation>(
        [kind, payload = std::move(payload), entityId](
            store::SpaceStore &s, store::StoreChange &change) -> Result<QueuedMutation> {
            QStringList attachmentIds;
            auto made = payload(s, attachmentIds);
            if (!made)
                return made.error();
            auto queued = writeMutation(s, change, kind, *made, entityId);
            if (queued)
                queued->attachmentIds = attachmentIds;
            return queued;
        },
        store::Durability::PowerLoss);
}

QFuture<Result<QueuedMutation>> queueFileMessage(store::StoreThread &store, store::FileCache &files,
    const QString &conversationId, const QString &filePath, const QString &body, qint64 maxAttachmentBytes)
{
    auto file = importOutgoingFile(files, filePath, maxAttachmentBytes);
    if (!file)
        return QtFuture::makeReadyFuture(Result<QueuedMutation>(file.error()));
    const QString messageId = protocol::newUuid();
    return queueMutation(
        store, u"message.send"_s,
        [=, file = *file](store::SpaceStore &s, QStringList &attachmentIds) -> Result<QJsonObject> {
            auto id = insertOutgoingAttachment(s.db(), file, messageId);
            if (!id)
                return id.error();
            attachmentIds.append(*id);
            return QJsonObject {{u"message_id"_s, messageId}, {u"conversation_id"_s, conversationId},
                {u"body"_s, body}, {u"format"_s, u"plain"_s}, {u"attachment_ids"_s, QJsonArray {*id}}};
        },
        messageId);
}

QFuture<Result<QueuedMutation>> queueMessage(store::StoreThread &store, const QString &conversationId,
    const QString &body, qint64 maxBodyBytes, const QString &format)
{
    OutgoingMessage options;
    options.format = format;
    return queueMessage(store, conversationId, body, options, maxBodyBytes);
}

QFuture<Result<QueuedMutation>> queueMessage(store::StoreThread &store, const QString &conversationId,
    const QString &body, const OutgoingMessage &options, qint64 maxBodyBytes)
{
    const qint64 bytes = body.toUtf8().size();
    return store.write<QueuedMutation>(
        [=](store::SpaceStore &s, store::StoreChange &change) -> Result<QueuedMutation> {
            if (bytes > maxBodyBytes)
                return Error::make(ErrorCode::Invalid,
                    trCore("tandem::send", "The message is %1 bytes long; the limit is %2.")
                        .arg(bytes)
                        .arg(maxBodyBytes));
            if (body.isEmpty())
                return Error::make(ErrorCode::Invalid, trCore("tandem::send", "The message is empty."));
            const QString messageId = protocol::newUuid();
            QJsonObject payload {{u"message_id"_s, messageId}, {u"conversation_id"_s, conversationId},
                {u"body"_s, body}, {u"format"_s, options.format}};
            if (!options.threadRootId.isEmpty())
                payload.insert(u"thread_root_id"_s, options.threadRootId);
            if (!options.replyToId.isEmpty())
                payload.insert(u"reply_to_id"_s, options.replyToId);
            if (!options.mentions.isEmpty())
                payload.insert(u"mentions"_s, QJsonArray::fromStringList(options.mentions));
            return writeMutation(s, change, u"message.send"_s, payload, messageId);
        },
        store::Durability::PowerLoss);
}

QFuture<Result<QueuedMutation>> retryMessage(store::StoreThread &store, const QString &messageId)
{
    return store.write<QueuedMutation>(
        [messageId](store::SpaceStore &s, store::StoreChange &change) -> Result<QueuedMutation> {
            auto failed = failedSendOf(s.db(), messageId);
            if (!failed)
                return failed.error();
            if (!*failed)
                return Error::make(ErrorCode::NotFound,
                    trCore("tandem::send", "There is no failed message %1.").arg(messageId));
            QJsonObject payload = QJsonDocument::fromJson((*failed)->payload).object();
            auto account = store::loadSyncAccount(s.db());
            if (!account)
                return account.error();
            StoreWriter writer(s.db(), account->userId, change);
            TANDEM_TRY(writer.removeEcho(**failed));
            TANDEM_TRY(store::deleteOutbox(s.db(), (*failed)->mutationId));
            const QString newId = protocol::newUuid();
            payload.insert(u"message_id"_s, newId);
            return writeMutation(s, change, u"message.send"_s, payload, newId);
        },
        store::Durability::PowerLoss);
}

QFuture<Result<bool>> discardMessage(store::StoreThread &store, const QString &messageId)
{
    return store.write<bool>(
        [messageId](store::SpaceStore &s, store::StoreChange &change) -> Result<bool> {
            auto failed = failedSendOf(s.db(), messageId);
            if (!failed)
                return failed.error();
            auto account = store::loadSyncAccount(s.db());
            if (!account)
                return account.error();
            StoreWriter writer(s.db(), account->userId, change);
            if (*failed) {
                TANDEM_TRY(writer.removeEcho(**failed));
                TANDEM_TRY(store::deleteOutbox(s.db(), (*failed)->mutationId));
            }
            TANDEM_TRY(writer.finish());
            return true;
        },
        store::Durability::PowerLoss);
}

} // namespace tandem::sync
