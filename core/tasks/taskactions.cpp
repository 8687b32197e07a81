#include "taskactions.h"

#include "taskstore.h"

#include "protocol/codec.h"
#include "protocol/fields.h"
#include "store/syncstate.h"
#include "sync/storewriter.h"
#include "util/i18n.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tandem::tasks {

using namespace Qt::StringLiterals;

namespace {

// One transaction: clock, outbox row, echo, and the rows of the files it attaches, whose new ids the
// payload names (a create's attachment_ids, an update's attachments). `stamped` says whether the kind
// carries an hlc.
QFuture<Result<sync::QueuedMutation>> queue(store::StoreThread &store, const QString &kind,
    QJsonObject payload, const QString &entityId, bool stamped, const QList<sync::OutgoingFile> &files = {})
{
    return store.write<sync::QueuedMutation>(
        [kind, payload, entityId, stamped, files](
            store::SpaceStore &s, store::StoreChange &change) mutable -> Result<sync::QueuedMutation> {
            auto account = store::loadSyncAccount(s.db());
            if (!account)
                return account.error();
            if (stamped) {
                if (account->deviceId.isEmpty())
                    return Error::make(ErrorCode::Unavailable,
                        trCore("tandem::tasks", "Sign in to this space once before changing tasks."));
                auto hlc = issueTaskClock(s.db(), account->deviceId, protocol::nowMs());
                if (!hlc)
                    return hlc.error();
                payload.insert(u"hlc"_s, hlc->toString());
            }
            QStringList attachmentIds;
            for (const sync::OutgoingFile &file : files) {
                auto fileId = sync::insertOutgoingAttachment(s.db(), file);
                if (!fileId)
                    return fileId.error();
                attachmentIds << *fileId;
            }
            if (!files.isEmpty() && kind == "task.create"_L1) {
                payload.insert(u"attachment_ids"_s, QJsonArray::fromStringList(attachmentIds));
            } else if (!files.isEmpty()) {
                QJsonObject attachments = payload.value("attachments"_L1).toObject();
                for (const QString &fileId : std::as_const(attachmentIds))
                    attachments.insert(fileId, true);
                payload.insert(u"attachments"_s, attachments);
            }
            store::OutboxRow row;
            row.mutationId = protocol::newUuid();
            row.kind = kind;
            row.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
            row.createdAt = protocol::nowMs();
            TANDEM_TRY(store::insertOutbox(s.db(), row));
            sync::StoreWriter writer(s.db(), account->userId, change);
            TANDEM_TRY(writer.applyEcho(row, sync::EchoState::Sending));
            TANDEM_TRY(writer.finish());
            return sync::QueuedMutation {row.mutationId, entityId, attachmentIds};
        },
        store::Durability::PowerLoss);
}

} // namespace

QJsonObject createPayload(const QString &taskId, const TaskDraft &d)
{
    QJsonObject p {{u"task_id"_s, taskId}, {u"title"_s, d.title}};
    if (!d.description.isEmpty())
        p.insert(u"description"_s, d.description);
    if (d.status != u"open"_s)
        p.insert(u"status"_s, d.status);
    if (d.priority != 0)
        p.insert(u"priority"_s, d.priority);
    if (d.dueAt)
        p.insert(u"due_at"_s, double(*d.dueAt));
    if (!d.assignees.isEmpty())
        p.insert(u"assignees"_s, QJsonArray::fromStringList(d.assignees));
    if (!d.checklist.isEmpty()) {
        QJsonArray items;
        for (const QString &text : d.checklist)
            items.append(QJsonObject {{u"item_id"_s, protocol::newUuid()}, {u"text"_s, text}});
        p.insert(u"checklist"_s, items);
    }
    if (!d.conversationId.isEmpty())
        p.insert(u"conversation_id"_s, d.conversationId);
    if (!d.sourceMessageId.isEmpty())
        p.insert(u"source_message_id"_s, d.sourceMessageId);
    return p; // attachment_ids: the ids of d.files, chosen in the transaction that queues it
}

QFuture<Result<sync::QueuedMutation>> queueTaskCreate(store::StoreThread &store, const TaskDraft &draft)
{
    const QString id = protocol::newUuid();
    return queue(store, u"task.create"_s, createPayload(id, draft), id, true, draft.files);
}

QFuture<Result<sync::QueuedMutation>> queueTaskAttach(
    store::StoreThread &store, const QString &taskId, const QList<sync::OutgoingFile> &files)
{
    return queue(store, u"task.update"_s, {{u"task_id"_s, taskId}}, taskId, true, files);
}

QFuture<Result<sync::QueuedMutation>> queueTaskUpdate(
    store::StoreThread &store, const QString &taskId, const QJsonObject &changes)
{
    QJsonObject p = changes;
    p.insert(u"task_id"_s, taskId);
    return queue(store, u"task.update"_s, p, taskId, true);
}

QFuture<Result<sync::QueuedMutation>> queueTaskDelete(store::StoreThread &store, const QString &taskId)
{
    return queue(store, u"task.delete"_s, {{u"task_id"_s, taskId}}, taskId, true);
}

QFuture<Result<sync::QueuedMutation>> queueTaskComment(
    store::StoreThread &store, const QString &taskId, const QString &body)
{
    const QString id = protocol::newUuid();
    return queue(store, u"task.comment"_s, {{u"task_id"_s, taskId}, {u"comment_id"_s, id}, {u"body"_s, body}},
        id, false);
}

} // namespace tandem::tasks
