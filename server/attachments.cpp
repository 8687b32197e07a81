#include "attachments.h"

#include "accounts.h"

#include "protocol/codec.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace tandem::server {

using namespace Qt::StringLiterals;
namespace code = protocol::code;

namespace {

QJsonObject error(QLatin1StringView c, const QString &reason, const QString &rid, const QString &spaceId,
    QJsonObject details = {}, bool retryable = false)
{
    protocol::ErrorFrame e;
    e.code = c;
    e.reason = reason;
    e.rid = rid;
    e.spaceId = spaceId;
    e.details = std::move(details);
    e.retryable = retryable;
    return protocol::makeError(e);
}

QJsonObject state(const AttachmentRow &row, const QString &rid, const QString &spaceId)
{
    return {{u"type"_s, u"upload_state"_s}, {u"rid"_s, rid}, {u"space_id"_s, spaceId},
        {u"attachment_id"_s, row.id}, {u"size_bytes"_s, double(row.sizeBytes)},
        {u"received_bytes"_s, double(row.receivedBytes)}, {u"complete"_s, row.complete}};
}

Error io(const QString &what)
{
    return Error::make(ErrorCode::Io, what);
}

} // namespace

AttachmentService::AttachmentService(ServerStore &store, QString directory)
    : m_store(store)
    , m_directory(std::move(directory))
{
    QDir().mkpath(m_directory);
}

QString AttachmentService::path(const AttachmentRow &row) const
{
    return m_directory + u'/' + row.fileName;
}

Status AttachmentService::save(const AttachmentRow &row)
{
    TANDEM_TRY(m_store.begin());
    if (auto s = m_store.putAttachment(row); !s) {
        m_store.rollback();
        return s;
    }
    return m_store.commit();
}

Result<QJsonObject> AttachmentService::begin(
    const QString &userId, const protocol::UploadBeginFrame &f, const protocol::Limits &limits)
{
    auto existing = m_store.attachment(f.attachmentId);
    if (!existing)
        return existing.error();
    if (*existing) {
        const AttachmentRow &a = **existing;
        if (a.uploaderId != userId || a.sizeBytes != f.sizeBytes || a.sha256 != f.sha256 || a.name != f.name
            || a.mimeType != f.mimeType || a.spaceId != f.spaceId)
            return error(code::id_conflict, u"the attachment id is already used"_s, f.rid, f.spaceId);
        return state(a, f.rid, f.spaceId);
    }
    if (f.sizeBytes > limits.maxAttachmentBytes)
        return error(code::attachment_too_large,
            u"the attachment is %1 bytes; the limit is %2"_s.arg(f.sizeBytes).arg(limits.maxAttachmentBytes),
            f.rid, f.spaceId);
    AttachmentRow row;
    row.id = f.attachmentId;
    row.uploaderId = userId;
    row.spaceId = f.spaceId;
    row.name = f.name;
    row.mimeType = f.mimeType;
    row.sizeBytes = f.sizeBytes;
    row.sha256 = f.sha256;
    row.fileName = Accounts::randomId("a", 18).replace(u'-', u'_') + u".bin"_s;
    row.updatedAt = protocol::nowMs();
    QFile file(path(row));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return io(u"cannot create an attachment file"_s);
    file.close();
    if (row.sizeBytes == 0) {
        const QByteArray empty = QCryptographicHash::hash(QByteArray(), QCryptographicHash::Sha256).toHex();
        if (QString::fromLatin1(empty) != row.sha256)
            return error(code::hash_mismatch, u"the declared SHA-256 is not that of empty content"_s, f.rid,
                f.spaceId, {}, true);
        row.complete = true;
    }
    TANDEM_TRY(save(row));
    return state(row, f.rid, f.spaceId);
}

Result<QJsonObject> AttachmentService::chunk(
    const QString &userId, const protocol::UploadChunkFrame &f, const protocol::Limits &limits)
{
    auto existing = m_store.attachment(f.attachmentId);
    if (!existing)
        return existing.error();
    if (!*existing || (*existing)->uploaderId != userId || (*existing)->spaceId != f.spaceId)
        return error(code::not_found, u"no such upload"_s, f.rid, f.spaceId);
    AttachmentRow row = **existing;
    if (f.data.size() > limits.attachmentChunkBytes)
        return error(code::limit_exceeded, u"the chunk is larger than attachment_chunk_bytes"_s, f.rid,
            f.spaceId,
            {{u"limit"_s, u"attachment_chunk_bytes"_s}, {u"max"_s, double(limits.attachmentChunkBytes)}});
    if (f.offset != row.receivedBytes)
        return error(code::upload_offset, u"the upload continues at %1"_s.arg(row.receivedBytes), f.rid,
            f.spaceId, {{u"received_bytes"_s, double(row.receivedBytes)}}, true);
    if (f.offset + f.data.size() > row.sizeBytes)
        return error(code::invalid_request, u"the chunk goes beyond size_bytes"_s, f.rid, f.spaceId,
            {{u"field"_s, u"/data"_s}});
    QFile file(path(row));
    if (!file.open(QIODevice::ReadWrite))
        return io(u"cannot open an attachment file"_s);
    // A crash may have left bytes beyond what the store confirmed: they are not ours to keep.
    if (!file.resize(row.receivedBytes) || !file.seek(row.receivedBytes)
        || file.write(f.data) != f.data.size() || !file.flush())
        return io(u"cannot write an attachment file"_s);
    row.receivedBytes += f.data.size();
    row.updatedAt = protocol::nowMs();
    if (row.receivedBytes == row.sizeBytes) {
        file.seek(0);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        if (QString::fromLatin1(hash.result().toHex()) != row.sha256) {
            file.resize(0);
            row.receivedBytes = 0;
            TANDEM_TRY(save(row));
            return error(code::hash_mismatch, u"the bytes do not match sha256; the upload starts again"_s,
                f.rid, f.spaceId, {}, true);
        }
        row.complete = true;
    }
    file.close();
    TANDEM_TRY(save(row));
    return state(row, f.rid, f.spaceId);
}

Result<QJsonObject> AttachmentService::download(
    const QString &userId, const protocol::DownloadFrame &f, const protocol::Limits &limits)
{
    auto existing = m_store.attachment(f.attachmentId);
    if (!existing)
        return existing.error();
    auto visible = m_store.attachmentVisibleTo(f.attachmentId, userId);
    if (!visible)
        return visible.error();
    if (!*existing || !(*existing)->complete || !*visible || (*existing)->spaceId != f.spaceId)
        return error(
            code::not_found, u"the attachment does not exist or is not visible to you"_s, f.rid, f.spaceId);
    const AttachmentRow &row = **existing;
    if (f.offset > row.sizeBytes)
        return error(code::invalid_request, u"offset is beyond the end"_s, f.rid, f.spaceId,
            {{u"field"_s, u"/offset"_s}});
    const qint64 length = std::min({f.length.value_or(limits.attachmentChunkBytes),
        limits.attachmentChunkBytes, row.sizeBytes - f.offset});
    QFile file(path(row));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(f.offset))
        return io(u"cannot read an attachment file"_s);
    const QByteArray data = file.read(length);
    if (data.size() != length)
        return io(u"an attachment file is shorter than its metadata"_s);
    return QJsonObject {{u"type"_s, u"download_chunk"_s}, {u"rid"_s, f.rid}, {u"space_id"_s, f.spaceId},
        {u"attachment_id"_s, row.id}, {u"offset"_s, double(f.offset)},
        {u"size_bytes"_s, double(row.sizeBytes)}, {u"sha256"_s, row.sha256},
        {u"data"_s, QString::fromLatin1(data.toBase64())}};
}

} // namespace tandem::server
