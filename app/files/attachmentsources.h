// Where attachment previews come from, for code off the GUI thread (the image provider's workers): each
// open space registers its store and encrypted file cache under its id, and unregisters before its
// store goes. Also keeps the decoded previews (bounded) and the last preview error of each attachment,
// so a view can say why a picture cannot be shown.
#pragma once

#include "messaging/messagingtypes.h"
#include "util/result.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QString>

#include <memory>
#include <mutex>

namespace tandem::store {
class FileCache;
class StoreThread;
} // namespace tandem::store

namespace tandem::app {

// One space's attachments. Thread-safe; close() makes every later read fail cleanly.
class AttachmentSource
{
public:
    // `store` must stay alive until close() returns.
    AttachmentSource(store::StoreThread *store, std::shared_ptr<store::FileCache> files);

    // The attachment's row, read through the store thread; blocks the calling thread, so never call it
    // on the GUI thread.
    [[nodiscard]] Result<messaging::AttachmentItem> attachment(const QString &attachmentId) const;
    // The cache that holds the bytes (empty once closed).
    [[nodiscard]] std::shared_ptr<store::FileCache> files() const;
    void close();

private:
    mutable std::mutex m_mutex;
    store::StoreThread *m_store;
    std::shared_ptr<store::FileCache> m_files;
};

class AttachmentSources
{
public:
    static constexpr qint64 kPreviewCacheBytes = 64LL * 1024 * 1024;
    static constexpr int kMaxErrors = 256;

    static AttachmentSources &instance();

    void add(const QString &spaceId, std::shared_ptr<AttachmentSource> source);
    // Closes the space's source and forgets its previews and errors.
    void remove(const QString &spaceId);
    [[nodiscard]] std::shared_ptr<AttachmentSource> find(const QString &spaceId) const;

    // Decoded previews by key ("<space>/<attachment>@<w>x<h>"), at most kPreviewCacheBytes in all.
    [[nodiscard]] std::optional<QImage> preview(const QString &key) const;
    void keepPreview(const QString &key, const QImage &image);

    // Why the attachment's preview failed last (empty: it did not).
    [[nodiscard]] QString previewError(const QString &spaceId, const QString &attachmentId) const;
    void setPreviewError(const QString &spaceId, const QString &attachmentId, const QString &error);

private:
    AttachmentSources();

    mutable std::mutex m_mutex;
    QHash<QString, std::shared_ptr<AttachmentSource>> m_sources;
    QCache<QString, QImage> m_previews; // cost in KiB
    QHash<QString, QString> m_errors; // "<space>/<attachment>" → reason
};

} // namespace tandem::app
