// Image previews of attachments for QML: `image://attachment/<spaceId>/<attachmentId>`. The picture is
// read from the space's encrypted file cache and decrypted in memory on a worker thread (never on the
// GUI thread, never to disk), decoded at the size asked for (scaled while decoding, EXIF orientation
// applied) within hard bounds, so a hostile file cannot take the memory or the time of the app.
// Decoded previews are kept in AttachmentSources' bounded cache.
#pragma once

#include "util/result.h"

#include <QImage>
#include <QQuickAsyncImageProvider>
#include <QThreadPool>

namespace tandem::app {

struct PreviewLimits
{
    qint64 maxFileBytes = 32LL * 1024 * 1024; // the encrypted content decrypted into memory
    int maxSide = 4096; // of the decoded preview
    int allocationLimitMb = 64; // what a decoder may allocate for one picture
    int maxSourceSide = 32768; // a header claiming more is a decompression bomb
    qint64 maxSourcePixels = 200LL * 1000 * 1000;
};

// Decodes `bytes` to fit in `requested` (a zero or negative side leaves that side free; never
// upscaled; at most maxSide×maxSide). Errors are sentences for the user.
[[nodiscard]] Result<QImage> decodePreview(
    const QByteArray &bytes, const QSize &requested, const PreviewLimits &limits = {});

class AttachmentImageProvider : public QQuickAsyncImageProvider
{
    Q_OBJECT
public:
    static constexpr auto kProviderId = "attachment";

    explicit AttachmentImageProvider(PreviewLimits limits = {});
    // Waits for the decodes under way.
    ~AttachmentImageProvider() override;

    // `id` is "<spaceId>/<attachmentId>".
    QQuickImageResponse *requestImageResponse(const QString &id, const QSize &requestedSize) override;

    // The whole job, as a worker runs it: find the space, read the attachment's row, decrypt the
    // bytes, decode. Blocks; never call it on the GUI thread.
    [[nodiscard]] static Result<QImage> load(const QString &spaceId, const QString &attachmentId,
        const QSize &requestedSize, const PreviewLimits &limits = {});

private:
    PreviewLimits m_limits;
    QThreadPool m_pool;
};

} // namespace tandem::app
