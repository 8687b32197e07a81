// What QML knows about attachments on the move in one space: for each attachment a small object
// (AttachmentTransfer) whose state, bytes and progress follow SpaceSync's transferProgress,
// attachmentReady and attachmentFailed, so a file card or the composer can bind to them. Also the
// space's preview addresses (image://attachment/…) and which files may be previewed.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace tandem::sync {
class SpaceSync;
}

namespace tandem::app {

class AttachmentTransfer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Transfers come from AttachmentTransfers.watch().")
    Q_PROPERTY(QString attachmentId READ attachmentId CONSTANT)
    // "" (nothing under way here), "uploading", "downloading", "ready" (complete in the cache), "failed".
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(qint64 doneBytes READ doneBytes NOTIFY changed)
    Q_PROPERTY(qint64 totalBytes READ totalBytes NOTIFY changed)
    Q_PROPERTY(double progress READ progress NOTIFY changed) // 0..1
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)

public:
    explicit AttachmentTransfer(QString attachmentId, QObject *parent = nullptr);

    [[nodiscard]] QString attachmentId() const { return m_id; }
    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] qint64 doneBytes() const { return m_done; }
    [[nodiscard]] qint64 totalBytes() const { return m_total; }
    [[nodiscard]] double progress() const;
    [[nodiscard]] QString errorText() const { return m_error; }

    void update(const QString &state, qint64 done, qint64 total, const QString &error = {});

Q_SIGNALS:
    void changed();

private:
    QString m_id;
    QString m_state;
    qint64 m_done = 0;
    qint64 m_total = 0;
    QString m_error;
};

class AttachmentTransfers : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Transfers belong to a SpaceSession.")
    Q_PROPERTY(QString spaceId READ spaceId CONSTANT)

public:
    // Files above this size (and pictures of formats this build cannot decode) are not fetched on
    // sight: the user downloads them.
    static constexpr qint64 kAutoDownloadBytes = 10LL * 1024 * 1024;

    // `sync` may be null (a space kept on this computer only: nothing moves).
    AttachmentTransfers(QString spaceId, sync::SpaceSync *sync, QObject *parent = nullptr);

    [[nodiscard]] QString spaceId() const { return m_spaceId; }

    // The attachment's transfer object (made on first use; owned here).
    Q_INVOKABLE tandem::app::AttachmentTransfer *watch(const QString &attachmentId);
    // image://attachment/<spaceId>/<attachmentId>
    Q_INVOKABLE QUrl imageUrl(const QString &attachmentId) const;
    // A picture this build can decode (PNG, JPEG, GIF, WebP when its plugin is there).
    Q_INVOKABLE bool canPreview(const QString &mimeType) const;
    // Small enough, and previewable, to be fetched as soon as it is shown.
    Q_INVOKABLE bool fetchesOnSight(const QString &mimeType, qint64 sizeBytes) const;
    // Why the last preview of the attachment failed (empty when it did not).
    Q_INVOKABLE QString previewError(const QString &attachmentId) const;

    // A download was asked for: shown as under way before the first bytes arrive.
    void markDownloading(const QString &attachmentId, qint64 totalBytes);

Q_SIGNALS:
    // After the attachment's transfer object changed.
    void progressChanged(const QString &attachmentId, const QString &state, qint64 done, qint64 total);

private:
    void onProgress(const QString &attachmentId, bool upload, qint64 done, qint64 total);
    void set(const QString &attachmentId, const QString &state, qint64 done, qint64 total,
        const QString &error = {});

    QString m_spaceId;
    QPointer<sync::SpaceSync> m_sync;
    QHash<QString, AttachmentTransfer *> m_transfers;
};

} // namespace tandem::app
