// Files being attached from a composer: each row lives from the drop until the server holds the whole
// file (then it leaves; the timeline shows the message), or until it fails (then it stays, with the
// reason). While the file goes up, the row shows the bytes the server has confirmed.
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace tandem::sync {
class SpaceSync;
}

namespace tandem::app {

class UploadListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Uploads belong to a ComposerController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        ProgressRole, // 0..1
        StateRole, // preparing (copied into the encrypted cache), uploading, failed
        ErrorTextRole,
        DoneBytesRole,
        TotalBytesRole,
    };
    Q_ENUM(Role)

    explicit UploadListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return int(m_rows.size()); }

    // Upload progress and failures come from `sync`.
    void follow(sync::SpaceSync *sync);

    // Returns the new row's key.
    int add(const QString &name);
    // The file's message is queued: the row follows the upload of `attachmentId` and leaves when the
    // server holds all of it, or fails with the message (`mutationId`).
    void uploading(int key, const QString &attachmentId, const QString &mutationId);
    void finish(int key);
    void fail(int key, const QString &reason);
    // Forgets the failed rows (the user has read them).
    Q_INVOKABLE void clearFailed();

Q_SIGNALS:
    void countChanged();

private:
    struct Upload
    {
        int key = 0;
        QString name;
        QString state;
        QString errorText;
        QString attachmentId;
        QString mutationId;
        qint64 done = 0;
        qint64 total = 0;
    };
    static constexpr int kMaxEarly = 64;

    [[nodiscard]] int rowOf(int key) const;
    void onProgress(const QString &attachmentId, bool upload, qint64 done, qint64 total);
    void onRejected(const QString &mutationId, const QString &reason);

    QList<Upload> m_rows;
    int m_nextKey = 1;
    QPointer<sync::SpaceSync> m_sync;
    // Progress that came before the row knew its attachment (the engine starts as soon as the message
    // is queued), by attachment id.
    QHash<QString, std::pair<qint64, qint64>> m_early;
};

} // namespace tandem::app
