// What a person does to a request from the dashboard, the detail or the form: approve, reject, return,
// withdraw, comment, approve many at once, submit. The client never decides a request's state
// (docs/protocol.md §11.3): each command is queued in the space's outbox through its SpaceSync
// (actOnApproval, submitApproval) and shown as pending (pendingApprovalActions) until the server's event
// changes the request. A refusal is explained: state_conflict from the records the server sent ("Already
// approved by Chen at 10:42"). Tests may replace the sending with setSender.
#pragma once

#include "util/result.h"

#include <QFuture>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace tandem::store {
class StoreThread;
}

namespace tandem::app {

class SpaceSession;

struct ApprovalCommand
{
    enum class Kind { Approve, Reject, Submit, Return, Withdraw, Comment, Delegate, Remind };
    Kind kind = Kind::Approve;
    QString requestId; // submit: the returned request it resubmits, empty for a new one
    QString comment; // the comment, or the reason of a rejection, return or withdrawal
    // submit: the request as filled in
    QString templateId;
    QString title;
    QJsonObject formData;
    // approve, reject, return: the active step the person saw; -1: as the store holds it now
    int step = -1;
    // submit: the paths chosen for each attachments field
    QMap<QString, QStringList> files {};
    // delegate: who decides instead
    QString toUserId {};
};

class ApprovalActions : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("spacesession.h")
    // The space the commands are for.
    Q_PROPERTY(tandem::app::SpaceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    // Requests with an action queued or sent and not yet answered by an event (the outbox, and the
    // commands on their way to it).
    Q_PROPERTY(QStringList pending READ pending NOTIFY pendingChanged)
    Q_PROPERTY(bool canSend READ canSend NOTIFY sessionChanged)

public:
    // Replaces the sending through the session's SpaceSync (tests). Runs on the GUI thread; finishes when
    // the command is queued, or fails with a reason a person can read.
    using Sender = std::function<QFuture<Status>(SpaceSession *session, const ApprovalCommand &command)>;
    static void setSender(Sender sender);
    [[nodiscard]] static bool hasSender();

    explicit ApprovalActions(QObject *parent = nullptr);

    [[nodiscard]] SpaceSession *session() const;
    void setSession(SpaceSession *session);
    [[nodiscard]] QStringList pending() const { return m_pending; }
    [[nodiscard]] bool canSend() const;

    Q_INVOKABLE void approve(const QString &requestId, const QString &comment = {});
    Q_INVOKABLE void reject(const QString &requestId, const QString &reason);
    // Approves each request; bulkFinished says how many were queued and how many failed.
    Q_INVOKABLE void approveMany(const QStringList &requestIds, const QString &comment = {});
    Q_INVOKABLE void submit(const QString &templateId, const QString &title, const QJsonObject &formData);
    Q_INVOKABLE void returnForChanges(const QString &requestId, const QString &reason, int step = -1);
    Q_INVOKABLE void withdraw(const QString &requestId, const QString &reason = {});
    Q_INVOKABLE void comment(const QString &requestId, const QString &text);
    // An approver hands their decision on the active step to someone else (转交); the comment is optional.
    Q_INVOKABLE void delegateTo(
        const QString &requestId, const QString &toUserId, const QString &comment = {});
    // The requester nudges the active step's undecided approvers (the server allows one per 10 minutes).
    Q_INVOKABLE void remind(const QString &requestId);
    Q_INVOKABLE void refreshPending();

    // For the C++ side (tests, other controllers).
    void send(const ApprovalCommand &command, std::function<void(const Status &)> done = {});

Q_SIGNALS:
    void sessionChanged();
    void pendingChanged();
    // kind: "approve", "reject", "submit"; message: empty when ok.
    void finished(const QString &requestId, const QString &kind, bool ok, const QString &message);
    void bulkFinished(int queued, int failed, const QString &firstError);
    // The server refused a queued action (after finished said it was queued): a sentence to show.
    void refused(const QString &requestId, const QString &kind, const QString &code, const QString &message);

private:
    QFuture<Status> queue(const ApprovalCommand &command);
    void explainRefusal(const QString &mutationId, const QString &code, const QString &reason);
    void setPending(QStringList ids);

    QPointer<SpaceSession> m_session;
    QList<QMetaObject::Connection> m_connections;
    QStringList m_sending; // commands not yet in the outbox
    QStringList m_queued; // in the outbox, pending or sent
    QHash<QString, std::pair<QString, QString>> m_mutations; // mutation id → request id, kind
    QHash<QString, int> m_stepOf; // mutation id → the step it named
    QStringList m_pending;
};

} // namespace tandem::app
