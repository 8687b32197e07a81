// The files shared in a conversation, newest first (at most 500), re-read when a change names the
// conversation or an attachment finishes downloading.
#pragma once

#include "messaging/messagingtypes.h"

#include <QAbstractListModel>
#include <QHash>
#include <QtQml/qqmlregistration.h>

namespace tandem::store {
class StoreThread;
struct StoreChange;
} // namespace tandem::store

namespace tandem::app {

class FileListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Files belong to a ConversationController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        AttachmentIdRole = Qt::UserRole + 1,
        MessageIdRole,
        NameRole,
        SizeBytesRole,
        MimeTypeRole,
        SenderNameRole,
        CreatedAtRole,
        StateRole, // remote, uploading, downloading, cached, failed
        ProgressRole, // 0..1
        LocalPathRole, // a decrypted copy opened or saved by the user, else empty
        DoneBytesRole, // bytes moved so far while uploading or downloading
    };
    Q_ENUM(Role)

    FileListModel(store::StoreThread *store, QString conversationId, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return int(m_files.size()); }

    [[nodiscard]] const messaging::AttachmentItem *file(const QString &attachmentId) const;
    // Where the user last saved or opened the file (shown as localPath).
    void setLocalPath(const QString &attachmentId, const QString &path);
    void setState(const QString &attachmentId, const QString &state);
    // Bytes moved so far (transferProgress).
    void setProgress(const QString &attachmentId, qint64 done, qint64 total);
    void reload();

Q_SIGNALS:
    void countChanged();

private:
    store::StoreThread *m_store;
    QString m_conversationId;
    QList<messaging::AttachmentItem> m_files;
    QHash<QString, QString> m_localPaths;
    QHash<QString, QString> m_states; // states known here before the store has them (downloading)
    QHash<QString, std::pair<qint64, qint64>> m_progress; // bytes done, total
    bool m_reloading = false;
    bool m_again = false;
};

} // namespace tandem::app
