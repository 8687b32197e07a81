// The app's handle on one space's sync: it runs a SpaceConnection on a thread of its own and forwards
// its signals, so the GUI thread never waits on the network or on SQL. Changes the user makes go
// through here: written to the outbox first, then the connection is told to send them.
#pragma once

#include "mutations.h"

#include "approvals/approvalpayloads.h"
#include "syncconfig.h"
#include "syncstatus.h"

#include "store/storethread.h"
#include "tasks/taskactions.h"

#include <QObject>
#include <QThread>

namespace tandem::sync {

class SpaceConnection;

class SpaceSync : public QObject
{
    Q_OBJECT
public:
    // `store` must be open on the space and outlive this object.
    SpaceSync(store::StoreThread *store, SyncConfig config, QObject *parent = nullptr);
    ~SpaceSync() override;

    void start();
    void stop();
    void loginWith(const QString &password);
    [[nodiscard]] SyncStatus status() const { return m_status; }

    QFuture<Result<QueuedMutation>> sendMessage(const QString &conversationId, const QString &body);
    // With a format, a thread or quoted reply, and mentions.
    QFuture<Result<QueuedMutation>> sendMessage(
        const QString &conversationId, const QString &body, const OutgoingMessage &options);
    QFuture<Result<QueuedMutation>> mutate(const QString &kind, const QJsonObject &payload);
    QFuture<Result<QueuedMutation>> retryMessage(const QString &messageId);
    QFuture<Result<bool>> discardMessage(const QString &messageId);
    // A message with one file (mutations.h: queueFileMessage); needs SyncConfig::files.
    QFuture<Result<QueuedMutation>> sendFile(
        const QString &conversationId, const QString &filePath, const QString &body = {});
    // Fetches an attachment into the file cache; attachmentReady or attachmentFailed follows.
    void downloadAttachment(const QString &attachmentId);
    // The account is typing in the conversation: tells the other members (at most every 3 s; nothing
    // when the server does not announce typing or the connection is not ready).
    void sendTyping(const QString &conversationId);

    // Boundary (issue 5; docs/protocol.md §6.6, §6.8, §6.9), spacesyncboundary.cpp. Each queues one
    // mutation like mutate(); the server must announce the feature (presence, scheduled_send, urgent).
    // Off duty until `offUntil` (UTC ms), shown to colleagues in `timeZone` (IANA name).
    QFuture<Result<QueuedMutation>> setOffDuty(qint64 offUntil, const QString &timeZone);
    // Back on duty (presence.set online: no chosen status).
    QFuture<Result<QueuedMutation>> clearOffDuty();
    // message.send with deliver_at (UTC ms): kept by the server and delivered then, even if this
    // device is off. Listed by boundary::scheduledMessages() until delivered; entityId is the message id.
    QFuture<Result<QueuedMutation>> scheduleMessage(const QString &conversationId, const QString &body,
        qint64 deliverAt, const OutgoingMessage &options = {});
    QFuture<Result<QueuedMutation>> cancelScheduledMessage(const QString &messageId);
    // message.send with urgent: true (an explicit action, never the default). The server may refuse it
    // with urgent_not_allowed (mutationRejected gives the reason); entityId is the message id.
    QFuture<Result<QueuedMutation>> sendUrgentMessage(
        const QString &conversationId, const QString &body, const OutgoingMessage &options = {});
    // The recipient's side of an urgent message: seen (shown) or acknowledged (the explicit action).
    QFuture<Result<QueuedMutation>> markUrgent(
        const QString &conversationId, const QString &messageId, bool acknowledged);
    // Who may send this account urgent messages (manager, team, anyone, nobody) and how many a day.
    QFuture<Result<QueuedMutation>> setUrgentPolicy(const QString &allow, int perDay);
    // Tasks (feature tasks; core/tasks/taskactions.h says what each carries). Each is stamped with the
    // device's hybrid logical clock and shown at once through the field merge (docs/protocol.md §11.2).
    QFuture<Result<QueuedMutation>> createTask(const tasks::TaskDraft &draft);
    QFuture<Result<QueuedMutation>> updateTask(const QString &taskId, const QJsonObject &changes);
    QFuture<Result<QueuedMutation>> attachToTask(const QString &taskId, const QList<OutgoingFile> &files);
    QFuture<Result<QueuedMutation>> deleteTask(const QString &taskId);
    QFuture<Result<QueuedMutation>> commentOnTask(const QString &taskId, const QString &body);
    // Approvals (spacesyncapprovals.cpp; docs/approvals.md). Each queues one approval.* mutation in the
    // outbox (so it survives being offline and is sent exactly once); nothing else changes until the
    // server's events arrive. submitApproval's entityId is the new request's id.
    QFuture<Result<QueuedMutation>> submitApproval(
        const QString &templateId, const QJsonObject &form, const QString &title = {});
    // A request with files: `files` maps each attachments field to the paths chosen for it. The files
    // are copied into the encrypted cache, and their new attachment ids become the fields' answers; the
    // engine uploads them before it sends the submission. Reads every file on the calling thread: call
    // it off the GUI thread.
    // `returnedRequestId`, when set, resubmits that returned request (expected_state `returned`) under
    // its own id: the file ids the form already names stay, the new files are appended to their fields.
    QFuture<Result<QueuedMutation>> submitApproval(const QString &templateId, const QJsonObject &form,
        const QString &title, const QMap<QString, QStringList> &files, const QString &returnedRequestId = {});
    // approve, reject, return, withdraw, delegate, comment, remind, cc, or a resubmission: `action`
    // names the kind and carries what it needs (approvals/approvalpayloads.h).
    QFuture<Result<QueuedMutation>> actOnApproval(const approvals::ApprovalMutation &action);

Q_SIGNALS:
    void statusChanged(const tandem::sync::SyncStatus &status);
    // Everything is applied, sent and answered (cursor at the head, outbox empty, history complete).
    void settled();
    void mutationRejected(const QString &mutationId, const QString &code, const QString &reason);
    void spacesWiped(const QStringList &spaceIds);
    void attachmentReady(const QString &attachmentId);
    void attachmentFailed(const QString &attachmentId, const QString &reason);
    // SpaceConnection::transferProgress, on this object's thread.
    void transferProgress(const QString &attachmentId, bool upload, qint64 done, qint64 total);
    // The other members typing in a conversation (§6.7), expiry and messages already taken into account.
    void typingChanged(const QString &conversationId, const QStringList &userIds);

private:
    template<typename T> QFuture<Result<T>> thenNotify(QFuture<Result<T>> future);
    void notifyOutbox();

    store::StoreThread *m_store;
    QThread m_thread;
    SpaceConnection *m_connection = nullptr;
    SyncStatus m_status;
    std::shared_ptr<store::FileCache> m_files;
};

} // namespace tandem::sync
