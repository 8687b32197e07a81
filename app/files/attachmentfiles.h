// Files that a record names outside any message (an approval request's, a task's), for its detail view:
// name, size, type and where each one is (on the server, coming down, here), and open / save, which
// download it first when it is not cached yet. Whoever sees the record may download its files
// (docs/protocol.md §8.2); the view's controller hands the list over each time it reads the record.
#pragma once

#include "store/records.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace tandem::store {
class FileCache;
}

namespace tandem::app {

class SpaceSession;

class AttachmentFiles : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A record's files come from its controller (RequestDetail.files, TaskController.files).")
    // [{id, name, mimeType, sizeBytes, state}]; state: cached or remote (what is under way is the space's
    // AttachmentTransfers')
    Q_PROPERTY(QVariantList items READ items NOTIFY itemsChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    explicit AttachmentFiles(QObject *parent = nullptr);

    void setSession(SpaceSession *session);
    // The cache to look files up in when there is no session (tests); a session's own wins.
    void setCache(std::shared_ptr<store::FileCache> cache);
    void setFiles(const QList<store::AttachmentInfo> &files);

    [[nodiscard]] QVariantList items() const;
    [[nodiscard]] QString errorText() const { return m_error; }

    Q_INVOKABLE void download(const QString &attachmentId);
    // A private decrypted copy, opened in the desktop's application for its type.
    Q_INVOKABLE void open(const QString &attachmentId);
    // A decrypted copy at `fileUrl` (a local file the user chose).
    Q_INVOKABLE void save(const QString &attachmentId, const QUrl &fileUrl);

Q_SIGNALS:
    void itemsChanged();
    void errorTextChanged();
    void saved(const QString &attachmentId, const QString &path);
    void opened(const QString &attachmentId, const QString &path);

private:
    struct Pending
    {
        bool open = false;
        QString path; // save: the chosen file
    };

    void setError(const QString &text);
    void exportFile(const QString &attachmentId, const Pending &pending);
    void onReady(const QString &attachmentId);
    void onFailed(const QString &attachmentId, const QString &reason);
    [[nodiscard]] const store::AttachmentInfo *file(const QString &attachmentId) const;
    [[nodiscard]] std::shared_ptr<store::FileCache> cache() const;

    QPointer<SpaceSession> m_session;
    std::shared_ptr<store::FileCache> m_cache;
    QList<QMetaObject::Connection> m_syncConnections;
    QList<store::AttachmentInfo> m_files;
    QHash<QString, Pending> m_afterDownload;
    QString m_error;
};

} // namespace tandem::app
