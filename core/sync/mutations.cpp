#include "mutations.h"

#include "storewriter.h"

#include "protocol/codec.h"
#include "protocol/fields.h"

#include <QJsonDocument>

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
    return QueuedMutation {row.mutationId, entityId};
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
        return Error::make(ErrorCode::NotFound, u"There is no unsent message %1."_s.arg(messageId));
    auto row = store::outboxRow(db, mutationId);
    if (row && *row && (*row)->state != u"rejected")
        return Error::make(ErrorCode::Invalid, u"The message %1 is still being sent."_s.arg(messageId));
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

QFuture<Result<QueuedMutation>> queueMessage(store::StoreThread &store, const QString &conversationId,
    const QString &body, qint64 maxBodyBytes, const QString &format)
{
    const qint64 bytes = body.toUtf8().size();
    return store.write<QueuedMutation>(
        [=](store::SpaceStore &s, store::StoreChange &change) -> Result<QueuedMutation> {
            if (bytes > maxBodyBytes)
                return Error::make(ErrorCode::Invalid,
                    u"The message is %1 bytes long; the limit is %2."_s.arg(bytes).arg(maxBodyBytes));
            if (body.isEmpty())
                return Error::make(ErrorCode::Invalid, u"The message is empty."_s);
            const QString messageId = protocol::newUuid();
            const QJsonObject payload {{u"message_id"_s, messageId}, {u"conversation_id"_s, conversationId},
                {u"body"_s, body}, {u"format"_s, format}};
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
                return Error::make(ErrorCode::NotFound, u"There is no failed message %1."_s.arg(messageId));
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
