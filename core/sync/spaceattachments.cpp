// Attachments (docs/protocol.md §8): a message.send, a request or a task change that names files waits
// in the outbox until each file is on the server; uploads and downloads go chunk by chunk on the space's
// connection, resume from what the other side confirmed, and land in the space's encrypted file cache
// (store/filecache.h).
#include "spaceconnection.h"

#include "storewriter.h"

#include "protocol/codes.h"
#include "protocol/fields.h"
#include "store/filecache.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tandem::sync {

using namespace Qt::StringLiterals;
namespace code = protocol::code;

namespace {

// The attachment row the outbox insert (or an event) wrote; with `onlyWaiting`, only while it still
// waits for its upload (a file that came from the server, or finished uploading, is not sent again).
Result<std::optional<store::AttachmentInfo>> attachmentRow(
    store::SpaceStore &s, const QString &id, bool onlyWaiting)
{
    auto st = s.db().cached("SELECT name, mime_type, size_bytes, sha256 FROM attachments WHERE id = ?1 "
                            "AND (?2 = 0 OR state = 'uploading')");
    if (!st)
        return st.error();
    std::optional<store::AttachmentInfo> out;
    TANDEM_TRY((*st)->bind(1, id).bind(2, onlyWaiting).forEachRow([&](const store::Statement &r) {
        out = store::AttachmentInfo {id, r.text(0), r.text(1), r.int64(2), r.text(3)};
    }));
    return out;
}

// Also names the message's conversation and row in `change`, so views showing it read it again.
Status setAttachmentState(
    store::SpaceStore &s, store::StoreChange &change, const QString &id, QLatin1StringView state)
{
    auto st = s.db().cached("UPDATE attachments SET state = ?2 WHERE id = ?1");
    if (!st)
        return st.error();
    TANDEM_TRY((*st)->bind(1, id).bind(2, QString(state)).exec());
    auto where = s.db().cached("SELECT m.rowid, m.conversation_id FROM attachments a JOIN messages m ON "
                               "m.id = a.message_id WHERE a.id = ?1");
    if (!where)
        return where.error();
    return (*where)->bind(1, id).forEachRow([&](const store::Statement &r) {
        change.messageRowids.append(r.int64(0));
        change.conversations.insert(r.text(1));
    });
}

// The files a queued mutation names, which must be on the server before it is sent: the
// `attachment_ids` of a message or a new task, the `attachments` a task update sets to true, and the
// uuids in a request's form lists. Of a task's and a request's, only those still waiting for their upload
// (insertOutgoingAttachment) are sent; the others are already on the server, or not files at all (people,
// options): waitsForUploads skips them.
QStringList uploadsNamedBy(const store::OutboxRow &row)
{
    const QJsonObject payload = QJsonDocument::fromJson(row.payload).object();
    QStringList ids;
    if (row.kind == "message.send"_L1 || row.kind == "task.create"_L1) {
        for (const QJsonValue &v : payload.value("attachment_ids"_L1).toArray())
            ids.append(v.toString());
    } else if (row.kind == "approval.submit"_L1) {
        const QJsonObject form = payload.value("form"_L1).toObject();
        for (const QJsonValue &answer : form)
            for (const QJsonValue &v : answer.toArray())
                if (protocol::isUuid(v.toString()))
                    ids.append(v.toString());
    } else if (row.kind == "task.update"_L1) {
        const QJsonObject attachments = payload.value("attachments"_L1).toObject();
        for (auto it = attachments.begin(); it != attachments.end(); ++it)
            if (it->toBool())
                ids.append(it.key());
    }
    return ids;
}

} // namespace

bool SpaceConnection::waitsForUploads(const store::OutboxRow &row)
{
    const QStringList ids = uploadsNamedBy(row);
    const bool allFiles = row.kind == "message.send"_L1;
    bool waiting = false;
    for (const QString &id : ids) {
        if (m_uploaded.contains(id))
            continue;
        waiting = true;
        if (m_uploads.contains(id))
            continue; // under way
        if (!m_config.files)
            return false; // nothing to upload from: the server will answer not_found, shown as failed
        m_uploads.insert(id, Transfer {id, row.mutationId, {}, {}, {}, 0, 0});
        whenDone(m_store->read<std::optional<store::AttachmentInfo>>(
                     [id, allFiles](store::SpaceStore &s) { return attachmentRow(s, id, !allFiles); }),
            [this, id, allFiles](std::optional<store::AttachmentInfo> info) {
                if (!m_uploads.contains(id))
                    return;
                if (!info && !allFiles) {
                    m_uploads.remove(id);
                    m_uploaded.insert(id); // nothing to upload for it
                    pumpOutbox();
                    return;
                }
                if (!info || !m_config.files->contains(info->sha256)) {
                    failUpload(id, code::not_found, u"The file to send is no longer in the cache."_s);
                    return;
                }
                Transfer &t = m_uploads[id];
                t.name = info->name;
                t.mimeType = info->mimeType;
                t.size = info->sizeBytes;
                t.sha256 = info->sha256;
                beginUpload(t);
            });
    }
    return waiting;
}

void SpaceConnection::beginUpload(const Transfer &t)
{
    sendRequest(RequestKind::Upload,
        {{u"type"_s, u"upload_begin"_s}, {u"space_id"_s, m_account.serverSpaceId},
            {u"attachment_id"_s, t.attachmentId}, {u"name"_s, t.name}, {u"mime_type"_s, t.mimeType},
            {u"size_bytes"_s, double(t.size)}, {u"sha256"_s, t.sha256}},
        t.attachmentId);
}

void SpaceConnection::sendUploadChunk(const QString &attachmentId, qint64 offset)
{
    const Transfer t = m_uploads.value(attachmentId);
    auto bytes
        = m_config.files->read(t.sha256, offset, std::min(m_limits.attachmentChunkBytes, t.size - offset));
    if (!bytes || bytes->isEmpty()) {
        failUpload(attachmentId, code::not_found, u"The file to send could not be read from the cache."_s);
        return;
    }
    sendRequest(RequestKind::Upload,
        {{u"type"_s, u"upload_chunk"_s}, {u"space_id"_s, m_account.serverSpaceId},
            {u"attachment_id"_s, attachmentId}, {u"offset"_s, double(offset)},
            {u"data"_s, QString::fromLatin1(bytes->toBase64())}},
        attachmentId);
}

void SpaceConnection::onUploadState(const protocol::UploadState &state)
{
    if (!m_uploads.contains(state.attachmentId))
        return;
    if (state.complete) {
        const QString id = state.attachmentId;
        reportProgress(m_uploads[id], true, state.sizeBytes);
        m_uploads.remove(id);
        m_uploaded.insert(id);
        whenDone(m_store->write<bool>([id](store::SpaceStore &s, store::StoreChange &change) -> Result<bool> {
            TANDEM_TRY(setAttachmentState(s, change, id, "cached"_L1));
            return true;
        }),
            [](bool) {});
        pumpOutbox();
        return;
    }
    reportProgress(m_uploads[state.attachmentId], true, state.receivedBytes);
    sendUploadChunk(state.attachmentId, state.receivedBytes);
}

bool SpaceConnection::onTransferError(const Pending &answered, const protocol::ErrorInfo &error)
{
    const QString id = answered.context;
    if (answered.kind == RequestKind::Upload) {
        if (!m_uploads.contains(id))
            return true;
        if (error.code == code::upload_offset) {
            sendUploadChunk(id, qint64(error.details.value("received_bytes"_L1).toDouble()));
        } else if (error.code == code::hash_mismatch && ++m_uploads[id].mismatches < 3) {
            sendUploadChunk(id, 0); // the server dropped what it had; the cache's copy goes again
        } else {
            failUpload(id, QLatin1StringView(error.code.toLatin1()), error.reason);
        }
        return true;
    }
    if (answered.kind == RequestKind::Download) {
        m_downloading.remove(id);
        failDownload(id, error.reason);
        return true;
    }
    return false;
}

void SpaceConnection::failUpload(
    const QString &attachmentId, QLatin1StringView errorCode, const QString &reason)
{
    // The message cannot go: it is marked failed like a rejected mutation, with the reason (§5.5).
    const QString mutationId = m_uploads.value(attachmentId).mutationId;
    m_uploads.remove(attachmentId);
    if (mutationId.isEmpty())
        return;
    m_outbox.removeIf([&](const store::OutboxRow &r) { return r.mutationId == mutationId; });
    const protocol::Outcome failed {u"rejected"_s, std::nullopt, {}, QString(errorCode), reason, {}};
    const QString self = m_account.userId;
    whenDone(
        m_store->write<bool>(
            [mutationId, failed, self](store::SpaceStore &s, store::StoreChange &change) -> Result<bool> {
                StoreWriter writer(s.db(), self, change);
                TANDEM_TRY(writer.applyResult(mutationId, failed));
                TANDEM_TRY(writer.finish());
                return true;
            },
            store::Durability::PowerLoss),
        [this, mutationId, failed](bool) {
            Q_EMIT mutationRejected(mutationId, failed.code, failed.reason);
            pumpOutbox();
        });
}

void SpaceConnection::downloadAttachment(const QString &attachmentId)
{
    if (!m_config.files) {
        Q_EMIT attachmentFailed(attachmentId, u"This copy of Tandem has no file cache."_s);
        return;
    }
    if (m_downloads.contains(attachmentId))
        return;
    m_downloads.insert(attachmentId, Transfer {attachmentId, {}, {}, {}, {}, 0, 0});
    whenDone(m_store->read<std::optional<store::AttachmentInfo>>(
                 [attachmentId](store::SpaceStore &s) { return attachmentRow(s, attachmentId, false); }),
        [this, attachmentId](std::optional<store::AttachmentInfo> info) {
            if (!info) {
                failDownload(attachmentId, u"There is no such attachment in this space."_s);
                return;
            }
            Transfer &t = m_downloads[attachmentId];
            t.size = info->sizeBytes;
            t.sha256 = info->sha256;
            t.name = info->name;
            requestDownloadChunk(attachmentId);
        });
}

void SpaceConnection::requestDownloadChunk(const QString &attachmentId)
{
    const Transfer t = m_downloads.value(attachmentId);
    if (m_config.files->contains(t.sha256)) { // already here: the same content, sent or fetched before
        m_downloads.remove(attachmentId);
        whenDone(m_store->write<bool>(
                     [attachmentId](store::SpaceStore &s, store::StoreChange &change) -> Result<bool> {
                         TANDEM_TRY(setAttachmentState(s, change, attachmentId, "cached"_L1));
                         return true;
                     }),
            [this, attachmentId](bool) { Q_EMIT attachmentReady(attachmentId); });
        return;
    }
    if (m_phase != Phase::Ready || m_downloading.contains(attachmentId))
        return; // resumeTransfers() continues after the next welcome
    const qint64 offset = m_config.files->partialSize(t.sha256);
    if (offset >= t.size) {
        if (Status done = m_config.files->finish(t.sha256, t.size); !done) {
            if (++m_downloads[attachmentId].mismatches >= 3)
                return failDownload(attachmentId, done.error().message);
            return requestDownloadChunk(attachmentId); // the partial entry was dropped: from zero again
        }
        return requestDownloadChunk(attachmentId); // now in the cache
    }
    m_downloading.insert(attachmentId);
    sendRequest(RequestKind::Download,
        {{u"type"_s, u"download"_s}, {u"space_id"_s, m_account.serverSpaceId},
            {u"attachment_id"_s, attachmentId}, {u"offset"_s, double(offset)}},
        attachmentId);
}

void SpaceConnection::onDownloadChunk(const protocol::DownloadChunk &chunk)
{
    const QString id = chunk.attachmentId;
    m_downloading.remove(id);
    if (!m_downloads.contains(id))
        return;
    const Transfer t = m_downloads.value(id);
    // Bytes only count at the offset the cache holds, and only for the content the record names.
    if (chunk.sha256 != t.sha256 || chunk.sizeBytes != t.size
        || chunk.offset != m_config.files->partialSize(t.sha256))
        return failDownload(id, u"The server sent bytes of another file."_s);
    if (Status s = m_config.files->append(t.sha256, chunk.data); !s)
        return failDownload(id, s.error().message);
    reportProgress(m_downloads[id], false, chunk.offset + chunk.data.size());
    requestDownloadChunk(id);
}

void SpaceConnection::failDownload(const QString &attachmentId, const QString &reason)
{
    m_downloads.remove(attachmentId);
    Q_EMIT attachmentFailed(attachmentId, reason);
    checkSettled();
}

void SpaceConnection::reportProgress(Transfer &transfer, bool upload, qint64 done)
{
    // A view redraws a bar at most ten times a second; a fast link answers far more chunks than that.
    const qint64 now = m_clock.elapsed();
    const bool final = done >= transfer.size;
    if (!final && transfer.progressAtMs >= 0 && now - transfer.progressAtMs < kProgressIntervalMs)
        return;
    transfer.progressAtMs = now;
    Q_EMIT transferProgress(transfer.attachmentId, upload, std::min(done, transfer.size), transfer.size);
}

void SpaceConnection::resumeTransfers()
{
    // Keys first: a download that turns out complete leaves the hash while this runs.
    const QStringList ids = m_downloads.keys();
    for (const QString &id : ids)
        if (m_downloads.contains(id) && !m_downloads.value(id).sha256.isEmpty())
            requestDownloadChunk(id);
}

} // namespace tandem::sync
