#include "spacesync.h"

#include "util/i18n.h"

#include "spaceconnection.h"

#include <QPointer>

namespace tandem::sync {

SpaceSync::SpaceSync(store::StoreThread *store, SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    qRegisterMetaType<tandem::sync::SyncStatus>();
    m_thread.setObjectName(QStringLiteral("tandem-sync"));
    m_files = config.files;
    m_connection = new SpaceConnection(store, std::move(config));
    m_connection->moveToThread(&m_thread);
    connect(m_connection, &SpaceConnection::statusChanged, this, [this](const SyncStatus &s) {
        m_status = s;
        Q_EMIT statusChanged(s);
    });
    connect(m_connection, &SpaceConnection::settled, this, &SpaceSync::settled);
    connect(m_connection, &SpaceConnection::mutationRejected, this, &SpaceSync::mutationRejected);
    connect(m_connection, &SpaceConnection::spacesWiped, this, &SpaceSync::spacesWiped);
    connect(m_connection, &SpaceConnection::attachmentReady, this, &SpaceSync::attachmentReady);
    connect(m_connection, &SpaceConnection::attachmentFailed, this, &SpaceSync::attachmentFailed);
    connect(m_connection, &SpaceConnection::transferProgress, this, &SpaceSync::transferProgress);
    connect(m_connection, &SpaceConnection::typingChanged, this, &SpaceSync::typingChanged);
    m_thread.start();
}

SpaceSync::~SpaceSync()
{
    // The connection and its socket die on their own thread, then the thread ends.
    SpaceConnection *connection = m_connection;
    QMetaObject::invokeMethod(
        connection, [connection] { delete connection; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SpaceSync::start()
{
    QMetaObject::invokeMethod(m_connection, &SpaceConnection::start, Qt::QueuedConnection);
}

void SpaceSync::stop()
{
    QMetaObject::invokeMethod(m_connection, &SpaceConnection::stop, Qt::QueuedConnection);
}

void SpaceSync::loginWith(const QString &password)
{
    QMetaObject::invokeMethod(
        m_connection, [c = m_connection, password] { c->loginWith(password); }, Qt::QueuedConnection);
}

void SpaceSync::notifyOutbox()
{
    QMetaObject::invokeMethod(m_connection, &SpaceConnection::outboxChanged, Qt::QueuedConnection);
}

template<typename T> QFuture<Result<T>> SpaceSync::thenNotify(QFuture<Result<T>> future)
{
    // Runs on the store thread as soon as the row is committed, so that a caller may wait on the
    // future from any thread (the GUI thread included) without waiting on its own event loop.
    QPointer<SpaceConnection> connection = m_connection;
    return future.then([connection](Result<T> r) {
        if (r && connection)
            QMetaObject::invokeMethod(connection, &SpaceConnection::outboxChanged, Qt::QueuedConnection);
        return r;
    });
}
// Also used by spacesyncapprovals.cpp.
template QFuture<Result<QueuedMutation>> SpaceSync::thenNotify(QFuture<Result<QueuedMutation>>);

QFuture<Result<QueuedMutation>> SpaceSync::sendMessage(const QString &conversationId, const QString &body)
{
    return thenNotify(sync::queueMessage(*m_store, conversationId, body));
}

QFuture<Result<QueuedMutation>> SpaceSync::sendMessage(
    const QString &conversationId, const QString &body, const OutgoingMessage &options)
{
    return thenNotify(sync::queueMessage(*m_store, conversationId, body, options));
}

QFuture<Result<QueuedMutation>> SpaceSync::mutate(const QString &kind, const QJsonObject &payload)
{
    return thenNotify(sync::queueMutation(*m_store, kind, payload));
}

QFuture<Result<QueuedMutation>> SpaceSync::retryMessage(const QString &messageId)
{
    return thenNotify(sync::retryMessage(*m_store, messageId));
}

QFuture<Result<QueuedMutation>> SpaceSync::sendFile(
    const QString &conversationId, const QString &filePath, const QString &body)
{
    if (!m_files)
        return QtFuture::makeReadyFuture(Result<QueuedMutation>(Error::make(ErrorCode::Unavailable,
            trCore("tandem::files", "This space has no file cache to send files from."))));
    return thenNotify(sync::queueFileMessage(*m_store, *m_files, conversationId, filePath, body));
}

void SpaceSync::sendTyping(const QString &conversationId)
{
    QMetaObject::invokeMethod(
        m_connection, [c = m_connection, conversationId] { c->sendTyping(conversationId); },
        Qt::QueuedConnection);
}

void SpaceSync::downloadAttachment(const QString &attachmentId)
{
    QMetaObject::invokeMethod(
        m_connection, [c = m_connection, attachmentId] { c->downloadAttachment(attachmentId); },
        Qt::QueuedConnection);
}

QFuture<Result<bool>> SpaceSync::discardMessage(const QString &messageId)
{
    return sync::discardMessage(*m_store, messageId);
}

QFuture<Result<QueuedMutation>> SpaceSync::createTask(const tasks::TaskDraft &draft)
{
    return thenNotify(tasks::queueTaskCreate(*m_store, draft));
}

QFuture<Result<QueuedMutation>> SpaceSync::updateTask(const QString &taskId, const QJsonObject &changes)
{
    return thenNotify(tasks::queueTaskUpdate(*m_store, taskId, changes));
}

QFuture<Result<QueuedMutation>> SpaceSync::attachToTask(
    const QString &taskId, const QList<OutgoingFile> &files)
{
    return thenNotify(tasks::queueTaskAttach(*m_store, taskId, files));
}

QFuture<Result<QueuedMutation>> SpaceSync::deleteTask(const QString &taskId)
{
    return thenNotify(tasks::queueTaskDelete(*m_store, taskId));
}

QFuture<Result<QueuedMutation>> SpaceSync::commentOnTask(const QString &taskId, const QString &body)
{
    return thenNotify(tasks::queueTaskComment(*m_store, taskId, body));
}

} // namespace tandem::sync
