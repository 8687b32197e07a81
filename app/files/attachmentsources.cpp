#include "attachmentsources.h"

#include "messaging/conversationqueries.h"
#include "store/filecache.h"
#include "store/storethread.h"

namespace tandem::app {

using namespace Qt::StringLiterals;

AttachmentSource::AttachmentSource(store::StoreThread *store, std::shared_ptr<store::FileCache> files)
    : m_store(store)
    , m_files(std::move(files))
{ }

Result<messaging::AttachmentItem> AttachmentSource::attachment(const QString &attachmentId) const
{
    QFuture<Result<std::optional<messaging::AttachmentItem>>> future;
    {
        // Queued under the lock, so close() cannot let the store go between the check and the post;
        // the wait is outside it (the store thread finishes what was queued before it stops).
        std::lock_guard lock(m_mutex);
        if (!m_store)
            return Error::make(ErrorCode::Unavailable, u"The space is closed."_s);
        future = m_store->read<std::optional<messaging::AttachmentItem>>(
            [attachmentId](store::SpaceStore &s) { return messaging::attachment(s, attachmentId); });
    }
    future.waitForFinished();
    if (future.resultCount() == 0)
        return Error::make(ErrorCode::Unavailable, u"The space is closed."_s);
    auto row = future.result();
    if (!row)
        return row.error();
    if (!*row)
        return Error::make(ErrorCode::NotFound, u"There is no such file in this space."_s);
    return **row;
}

std::shared_ptr<store::FileCache> AttachmentSource::files() const
{
    std::lock_guard lock(m_mutex);
    return m_files;
}

void AttachmentSource::close()
{
    std::lock_guard lock(m_mutex);
    m_store = nullptr;
    m_files.reset();
}

AttachmentSources::AttachmentSources()
    : m_previews(int(kPreviewCacheBytes / 1024))
{ }

AttachmentSources &AttachmentSources::instance()
{
    static AttachmentSources sources;
    return sources;
}

void AttachmentSources::add(const QString &spaceId, std::shared_ptr<AttachmentSource> source)
{
    std::lock_guard lock(m_mutex);
    m_sources.insert(spaceId, std::move(source));
}

void AttachmentSources::remove(const QString &spaceId)
{
    std::shared_ptr<AttachmentSource> source;
    {
        std::lock_guard lock(m_mutex);
        source = m_sources.take(spaceId);
        const QString prefix = spaceId + u'/';
        const QStringList keys = m_previews.keys();
        for (const QString &key : keys)
            if (key.startsWith(prefix))
                m_previews.remove(key);
        m_errors.removeIf([&](const auto &it) { return it.key().startsWith(prefix); });
    }
    if (source)
        source->close();
}

std::shared_ptr<AttachmentSource> AttachmentSources::find(const QString &spaceId) const
{
    std::lock_guard lock(m_mutex);
    return m_sources.value(spaceId);
}

std::optional<QImage> AttachmentSources::preview(const QString &key) const
{
    std::lock_guard lock(m_mutex);
    if (const QImage *image = m_previews.object(key))
        return *image;
    return std::nullopt;
}

void AttachmentSources::keepPreview(const QString &key, const QImage &image)
{
    std::lock_guard lock(m_mutex);
    m_previews.insert(key, new QImage(image), int(std::max<qint64>(1, image.sizeInBytes() / 1024)));
}

QString AttachmentSources::previewError(const QString &spaceId, const QString &attachmentId) const
{
    std::lock_guard lock(m_mutex);
    return m_errors.value(spaceId + u'/' + attachmentId);
}

void AttachmentSources::setPreviewError(
    const QString &spaceId, const QString &attachmentId, const QString &error)
{
    std::lock_guard lock(m_mutex);
    const QString key = spaceId + u'/' + attachmentId;
    if (error.isEmpty()) {
        m_errors.remove(key);
        return;
    }
    if (m_errors.size() >= kMaxErrors && !m_errors.contains(key))
        m_errors.erase(m_errors.begin()); // any: these are hints for the view, not records
    m_errors.insert(key, error);
}

} // namespace tandem::app
