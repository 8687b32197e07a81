// The files of one approval request, for its detail view: name, size, type and where each one is (on
// the server, coming down, here), and open / save, which download it first when it is not cached yet.
// The request's viewers may download its files (docs/protocol.md §8.2); the request detail hands the list
// over each time it reads the request.
#pragma once

#include "approvals/requestqueries.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace tandem::app {

class SpaceSession;

class RequestFiles : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A request's files come from RequestDetail.files.")
    // [{id, name, mimeType, sizeBytes, state}]; state: cached or remote (what is under way is the space's
    // AttachmentTransfers')
    Q_PROPERTY(QVariantList items READ items NOTIFY itemsChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    explicit RequestFiles(QObject *parent = nullptr);

    void setSession(SpaceSession *session);
    void setFiles(const QList<approvals::RequestFile> &files);

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
    [[nodiscard]] const approvals::RequestFile *file(const QString &attachmentId) const;

    QPointer<SpaceSession> m_session;
    QList<QMetaObject::Connection> m_syncConnections;
    QList<approvals::RequestFile> m_files;
    QHash<QString, Pending> m_afterDownload;
    QString m_error;
};

} // namespace tandem::app
