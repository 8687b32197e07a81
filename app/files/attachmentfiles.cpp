#include "attachmentfiles.h"

#include "futurewatch.h"
#include "spacesession.h"

#include "attachmenttransfers.h"
#include "fileexport.h"
#include "store/filecache.h"
#include "sync/spacesync.h"

#include <QDesktopServices>

namespace tandem::app {

using namespace Qt::StringLiterals;

AttachmentFiles::AttachmentFiles(QObject *parent)
    : QObject(parent)
{ }

void AttachmentFiles::setSession(SpaceSession *session)
{
    for (const QMetaObject::Connection &c : std::as_const(m_syncConnections))
        disconnect(c);
    m_syncConnections.clear();
    m_session = session;
    m_afterDownload.clear();
    if (sync::SpaceSync *sync = session ? session->spaceSync() : nullptr) {
        m_syncConnections << connect(sync, &sync::SpaceSync::attachmentReady, this, &AttachmentFiles::onReady)
                          << connect(
                                 sync, &sync::SpaceSync::attachmentFailed, this, &AttachmentFiles::onFailed);
    }
    Q_EMIT itemsChanged();
}

void AttachmentFiles::setCache(std::shared_ptr<store::FileCache> cache)
{
    m_cache = std::move(cache);
    Q_EMIT itemsChanged();
}

std::shared_ptr<store::FileCache> AttachmentFiles::cache() const
{
    const std::shared_ptr<store::FileCache> own = m_session ? m_session->files() : nullptr;
    return own ? own : m_cache;
}

void AttachmentFiles::setFiles(const QList<store::AttachmentInfo> &files)
{
    // The detail reads its record again after every store change; the views keep their file cards
    // unless the files themselves changed.
    if (m_files == files)
        return;
    m_files = files;
    Q_EMIT itemsChanged();
}

const store::AttachmentInfo *AttachmentFiles::file(const QString &attachmentId) const
{
    for (const store::AttachmentInfo &f : m_files)
        if (f.id == attachmentId)
            return &f;
    return nullptr;
}

QVariantList AttachmentFiles::items() const
{
    const std::shared_ptr<store::FileCache> cache = this->cache();
    QVariantList out;
    for (const store::AttachmentInfo &f : m_files)
        out.append(QVariantMap {{u"id"_s, f.id}, {u"name"_s, f.name}, {u"mimeType"_s, f.mimeType},
            {u"sizeBytes"_s, f.sizeBytes},
            {u"state"_s, cache && cache->contains(f.sha256) ? u"cached"_s : u"remote"_s}});
    return out;
}

void AttachmentFiles::setError(const QString &text)
{
    if (m_error == text)
        return;
    m_error = text;
    Q_EMIT errorTextChanged();
}

void AttachmentFiles::download(const QString &attachmentId)
{
    const store::AttachmentInfo *f = file(attachmentId);
    sync::SpaceSync *sync = m_session ? m_session->spaceSync() : nullptr;
    if (!f)
        return;
    if (!sync) {
        setError(tr("Files can be downloaded only while the space is connected to its server."));
        return;
    }
    setError({});
    // The space's transfers follow the download from here (state, bytes, failure) for the file card.
    if (AttachmentTransfers *transfers = m_session->transfers())
        transfers->markDownloading(attachmentId, f->sizeBytes);
    sync->downloadAttachment(attachmentId);
}

void AttachmentFiles::open(const QString &attachmentId)
{
    exportFile(attachmentId, {true, QString()});
}

void AttachmentFiles::save(const QString &attachmentId, const QUrl &fileUrl)
{
    if (!fileUrl.isLocalFile()) {
        setError(tr("Choose a folder on this computer to save the file in."));
        return;
    }
    exportFile(attachmentId, {false, fileUrl.toLocalFile()});
}

void AttachmentFiles::exportFile(const QString &attachmentId, const Pending &pending)
{
    const store::AttachmentInfo *f = file(attachmentId);
    const std::shared_ptr<store::FileCache> cache = this->cache();
    if (!f || !cache)
        return;
    if (!cache->contains(f->sha256)) {
        m_afterDownload.insert(attachmentId, pending); // the export follows attachmentReady
        download(attachmentId);
        return;
    }
    const QString target = pending.open ? FileExport::openedCopyPath(f->id, f->name) : pending.path;
    if (target.isEmpty()) {
        setError(tr("No private folder could be made to open the file in."));
        return;
    }
    whenFinished(this, FileExport::exportCached(cache, f->sha256, target, pending.open),
        [this, attachmentId, target, open = pending.open](const Status &done) {
            if (!done) {
                setError(done.error().message);
                return;
            }
            if (open) {
                QDesktopServices::openUrl(QUrl::fromLocalFile(target));
                Q_EMIT opened(attachmentId, target);
            } else {
                Q_EMIT saved(attachmentId, target);
            }
        });
}

void AttachmentFiles::onReady(const QString &attachmentId)
{
    if (!file(attachmentId))
        return;
    Q_EMIT itemsChanged(); // now in the cache
    if (const auto it = m_afterDownload.constFind(attachmentId); it != m_afterDownload.constEnd()) {
        const Pending pending = *it;
        m_afterDownload.erase(it);
        exportFile(attachmentId, pending);
    }
}

void AttachmentFiles::onFailed(const QString &attachmentId, const QString &reason)
{
    if (!file(attachmentId))
        return;
    m_afterDownload.remove(attachmentId);
    setError(reason);
}

} // namespace tandem::app
