#include "attachmenttransfers.h"

#include "attachmentimageprovider.h"
#include "attachmentsources.h"

#include "sync/spacesync.h"

#include <QImageReader>

namespace tandem::app {

using namespace Qt::StringLiterals;

AttachmentTransfer::AttachmentTransfer(QString attachmentId, QObject *parent)
    : QObject(parent)
    , m_id(std::move(attachmentId))
{ }

double AttachmentTransfer::progress() const
{
    if (m_state == "ready"_L1)
        return 1.0;
    return m_total > 0 ? std::clamp(double(m_done) / double(m_total), 0.0, 1.0) : 0.0;
}

void AttachmentTransfer::update(const QString &state, qint64 done, qint64 total, const QString &error)
{
    if (state == m_state && done == m_done && total == m_total && error == m_error)
        return;
    m_state = state;
    m_done = done;
    m_total = total;
    m_error = error;
    Q_EMIT changed();
}

AttachmentTransfers::AttachmentTransfers(QString spaceId, sync::SpaceSync *sync, QObject *parent)
    : QObject(parent)
    , m_spaceId(std::move(spaceId))
    , m_sync(sync)
{
    if (!sync)
        return;
    connect(sync, &sync::SpaceSync::transferProgress, this, &AttachmentTransfers::onProgress);
    connect(sync, &sync::SpaceSync::attachmentReady, this, [this](const QString &id) {
        const AttachmentTransfer *t = m_transfers.value(id);
        const qint64 total = t ? t->totalBytes() : 0;
        set(id, u"ready"_s, total, total);
    });
    connect(sync, &sync::SpaceSync::attachmentFailed, this, [this](const QString &id, const QString &reason) {
        const AttachmentTransfer *t = m_transfers.value(id);
        set(id, u"failed"_s, t ? t->doneBytes() : 0, t ? t->totalBytes() : 0, reason);
    });
}

AttachmentTransfer *AttachmentTransfers::watch(const QString &attachmentId)
{
    if (attachmentId.isEmpty())
        return nullptr;
    AttachmentTransfer *&t = m_transfers[attachmentId];
    if (!t)
        t = new AttachmentTransfer(attachmentId, this);
    return t;
}

QUrl AttachmentTransfers::imageUrl(const QString &attachmentId) const
{
    QUrl url;
    url.setScheme(u"image"_s);
    url.setHost(QString::fromLatin1(AttachmentImageProvider::kProviderId));
    url.setPath(u'/' + m_spaceId + u'/' + attachmentId);
    return url;
}

bool AttachmentTransfers::canPreview(const QString &mimeType) const
{
    static const QStringList kPreviewed {u"image/png"_s, u"image/jpeg"_s, u"image/gif"_s, u"image/webp"_s};
    if (!kPreviewed.contains(mimeType.toLower()))
        return false;
    static const QList<QByteArray> supported = QImageReader::supportedMimeTypes();
    return supported.contains(mimeType.toLower().toLatin1());
}

bool AttachmentTransfers::fetchesOnSight(const QString &mimeType, qint64 sizeBytes) const
{
    return m_sync && sizeBytes > 0 && sizeBytes <= kAutoDownloadBytes && canPreview(mimeType);
}

QString AttachmentTransfers::previewError(const QString &attachmentId) const
{
    return AttachmentSources::instance().previewError(m_spaceId, attachmentId);
}

void AttachmentTransfers::markDownloading(const QString &attachmentId, qint64 totalBytes)
{
    const AttachmentTransfer *t = m_transfers.value(attachmentId);
    if (t && (t->state() == "downloading"_L1 || t->state() == "ready"_L1))
        return;
    set(attachmentId, u"downloading"_s, 0, totalBytes);
}

void AttachmentTransfers::onProgress(const QString &attachmentId, bool upload, qint64 done, qint64 total)
{
    // The final report of an upload means the server holds it all; of a download, that attachmentReady
    // follows once the cache has sealed the file.
    if (upload && done >= total)
        set(attachmentId, u"ready"_s, done, total);
    else
        set(attachmentId, upload ? u"uploading"_s : u"downloading"_s, done, total);
}

void AttachmentTransfers::set(
    const QString &attachmentId, const QString &state, qint64 done, qint64 total, const QString &error)
{
    watch(attachmentId)->update(state, done, total, error);
    Q_EMIT progressChanged(attachmentId, state, done, total);
}

} // namespace tandem::app
