#include "attachmentimageprovider.h"

#include "attachmentsources.h"

#include "store/filecache.h"

#include <QBuffer>
#include <QImageReader>
#include <QLoggingCategory>

#include <QRunnable>

#include <atomic>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcPreview, "tandem.app.preview")

using namespace Qt::StringLiterals;

namespace {

Error tooLarge(const QSize &size)
{
    return Error::make(ErrorCode::Invalid,
        AttachmentImageProvider::tr("The picture is %1×%2 pixels: too large to preview. Open it instead.")
            .arg(size.width())
            .arg(size.height()));
}

// The size to decode to: `source` (as shown, after any rotation) fitted into `requested` and the
// limit, keeping the aspect ratio, never larger than the source.
QSize fittedSize(const QSize &source, const QSize &requested, int maxSide)
{
    QSize bound(requested.width() > 0 ? requested.width() : maxSide,
        requested.height() > 0 ? requested.height() : maxSide);
    bound = bound.boundedTo(QSize(maxSide, maxSide));
    if (source.width() <= bound.width() && source.height() <= bound.height())
        return source;
    return source.scaled(bound, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

// One decode on the provider's pool. A QObject whose signal reaches the response across threads: if
// the engine drops the response first, the connection goes with it and nothing is delivered.
class PreviewJob : public QObject, public QRunnable
{
    Q_OBJECT
public:
    PreviewJob(QString spaceId, QString attachmentId, QSize requested, QString key, PreviewLimits limits,
        std::shared_ptr<std::atomic_bool> cancelled)
        : m_spaceId(std::move(spaceId))
        , m_attachmentId(std::move(attachmentId))
        , m_requested(requested)
        , m_key(std::move(key))
        , m_limits(limits)
        , m_cancelled(std::move(cancelled))
    { }

    void run() override
    {
        if (m_cancelled->load()) {
            Q_EMIT done(QImage(), u"cancelled"_s);
            return;
        }
        Result<QImage> image
            = AttachmentImageProvider::load(m_spaceId, m_attachmentId, m_requested, m_limits);
        AttachmentSources &sources = AttachmentSources::instance();
        if (image) {
            sources.keepPreview(m_key, *image);
            sources.setPreviewError(m_spaceId, m_attachmentId, QString());
            Q_EMIT done(*image, QString());
        } else {
            qCInfo(lcPreview) << "no preview:" << image.error().codeName();
            sources.setPreviewError(m_spaceId, m_attachmentId, image.error().message);
            Q_EMIT done(QImage(), image.error().message);
        }
    }
Q_SIGNALS:
    void done(const QImage &image, const QString &error);

private:
    QString m_spaceId;
    QString m_attachmentId;
    QSize m_requested;
    QString m_key;
    PreviewLimits m_limits;
    std::shared_ptr<std::atomic_bool> m_cancelled; // shared with the response
};

class PreviewResponse : public QQuickImageResponse
{
    Q_OBJECT
public:
    QQuickTextureFactory *textureFactory() const override
    {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }
    QString errorString() const override { return m_error; }
    void cancel() override { m_cancelled->store(true); }

    [[nodiscard]] std::shared_ptr<std::atomic_bool> cancelled() const { return m_cancelled; }
    // Takes the job's answer when it comes.
    void follow(PreviewJob *job)
    {
        connect(job, &PreviewJob::done, this, &PreviewResponse::complete, Qt::QueuedConnection);
    }
    void complete(const QImage &image, const QString &error)
    {
        m_image = image;
        m_error = error;
        Q_EMIT finished();
    }

private:
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
    QImage m_image;
    QString m_error;
};

} // namespace

Result<QImage> decodePreview(const QByteArray &bytes, const QSize &requested, const PreviewLimits &limits)
{
    QByteArray data = bytes; // shared, not copied: QBuffer only reads it
    QBuffer buffer(&data);
    if (!buffer.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Io, AttachmentImageProvider::tr("The picture cannot be read."));
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    reader.setAllocationLimit(limits.allocationLimitMb);
    if (!reader.canRead())
        return Error::make(ErrorCode::Invalid,
            AttachmentImageProvider::tr("This file is not a picture Tandem can show, or it is damaged."));
    // The header's size, before any pixel is decoded: a few bytes can claim a huge picture.
    const QSize source = reader.size();
    if (!source.isValid() || source.isEmpty())
        return Error::make(ErrorCode::Corrupt,
            AttachmentImageProvider::tr("The picture is damaged: its size cannot be read."));
    if (source.width() > limits.maxSourceSide || source.height() > limits.maxSourceSide
        || qint64(source.width()) * source.height() > limits.maxSourcePixels)
        return tooLarge(source);
    // JPEG scales while decoding (libjpeg's DCT scaling); other formats decode every pixel first.
    const bool scalesWhileDecoding = reader.format() == "jpeg" || reader.format() == "jpg";
    if (!scalesWhileDecoding
        && qint64(source.width()) * source.height() * 4 > qint64(limits.allocationLimitMb) * 1024 * 1024)
        return tooLarge(source);
    const bool turned = reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
    const QSize shown = turned ? source.transposed() : source;
    const QSize target = fittedSize(shown, requested, limits.maxSide);
    // The scaled size applies before the orientation is.
    if (target != shown)
        reader.setScaledSize(turned ? target.transposed() : target);
    QImage image = reader.read();
    if (image.isNull())
        return Error::make(ErrorCode::Corrupt,
            AttachmentImageProvider::tr("The picture is damaged and cannot be shown (%1).")
                .arg(reader.errorString()));
    // Some handlers ignore the scaled size: the bound holds anyway.
    if (image.width() > limits.maxSide || image.height() > limits.maxSide)
        image = image.scaled(
            QSize(limits.maxSide, limits.maxSide), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

AttachmentImageProvider::AttachmentImageProvider(PreviewLimits limits)
    : m_limits(limits)
{
    // Two decodes at a time at most: previews should not take the machine from the rest of the app.
    m_pool.setMaxThreadCount(2);
    m_pool.setObjectName(u"tandem-previews"_s);
}

AttachmentImageProvider::~AttachmentImageProvider()
{
    m_pool.waitForDone();
}

Result<QImage> AttachmentImageProvider::load(const QString &spaceId, const QString &attachmentId,
    const QSize &requestedSize, const PreviewLimits &limits)
{
    std::shared_ptr<AttachmentSource> source = AttachmentSources::instance().find(spaceId);
    if (!source)
        return Error::make(ErrorCode::Unavailable, tr("The space of this picture is not open."));
    auto item = source->attachment(attachmentId);
    if (!item)
        return item.error();
    if (!item->mimeType.startsWith("image/"_L1))
        return Error::make(ErrorCode::Invalid, tr("%1 is not a picture.").arg(item->name));
    if (item->sizeBytes > limits.maxFileBytes)
        return Error::make(ErrorCode::Invalid,
            tr("%1 is too large to preview (%2 MB). Open it instead.")
                .arg(item->name)
                .arg(double(item->sizeBytes) / (1024 * 1024), 0, 'f', 1));
    std::shared_ptr<store::FileCache> files = source->files();
    if (!files)
        return Error::make(ErrorCode::Unavailable, tr("The space of this picture is not open."));
    if (!files->contains(item->sha256))
        return Error::make(ErrorCode::NotFound, tr("The picture is not downloaded yet."));
    auto bytes = files->read(item->sha256, 0, item->sizeBytes);
    if (!bytes)
        return bytes.error();
    if (bytes->size() != item->sizeBytes)
        return Error::make(ErrorCode::Corrupt, tr("The cached copy of %1 is damaged.").arg(item->name));
    return decodePreview(*bytes, requestedSize, limits);
}

QQuickImageResponse *AttachmentImageProvider::requestImageResponse(
    const QString &id, const QSize &requestedSize)
{
    auto *response = new PreviewResponse;
    const qsizetype slash = id.indexOf(u'/');
    const QString spaceId = id.left(slash);
    const QString attachmentId = slash < 0 ? QString() : id.mid(slash + 1);
    const QString key = u"%1@%2x%3"_s.arg(id).arg(requestedSize.width()).arg(requestedSize.height());
    if (spaceId.isEmpty() || attachmentId.isEmpty() || attachmentId.contains(u'/')) {
        const QString error = tr("Not a picture address: %1").arg(id);
        QMetaObject::invokeMethod(
            response, [response, error] { response->complete(QImage(), error); }, Qt::QueuedConnection);
        return response;
    }
    if (std::optional<QImage> cached = AttachmentSources::instance().preview(key)) {
        QMetaObject::invokeMethod(
            response, [response, image = *cached] { response->complete(image, QString()); },
            Qt::QueuedConnection);
        return response;
    }
    auto *job = new PreviewJob(spaceId, attachmentId, requestedSize, key, m_limits, response->cancelled());
    job->setAutoDelete(true);
    response->follow(job);
    m_pool.start(job);
    return response;
}

} // namespace tandem::app

#include "attachmentimageprovider.moc"
