// What a person does to a request from the dashboard, the detail or the form: approve, reject,
// approve many at once, submit. The client never decides a request's state (docs/protocol.md §11.3):
// each command goes to a pluggable Sender, which the sync layer of the approvals feature provides
// (ApprovalActions::setSender, called once at start-up). Until one is set, every command fails with a
// message saying so; nothing is shown as done that the server has not accepted.
#pragma once

#include "util/result.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>
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
    enum class Kind { Approve, Reject, Submit };
    Kind kind = Kind::Approve;
    QString requestId; // approve and reject
    QString comment; // the approver's comment, or the reason of a rejection
    // submit: the request as filled in
    QString templateId;
    QString title;
    QJsonObject formData;
};

class ApprovalActions : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("spacesession.h")
    // The space the commands are for.
    Q_PROPERTY(tandem::app::SpaceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    // Requests with a command on its way (for the buttons' busy state).
    Q_PROPERTY(QStringList pending READ pending NOTIFY pendingChanged)
    Q_PROPERTY(bool canSend READ canSend CONSTANT)

public:
    // Queues the command for the server (the mutation of §7.3 in the space's outbox) and finishes when it
    // is queued, or fails with a reason a person can read (also when `session` is null). Runs on the GUI
    // thread.
    using Sender = std::function<QFuture<Status>(SpaceSession *session, const ApprovalCommand &command)>;
    static void setSender(Sender sender);
    [[nodiscard]] static bool hasSender();

    explicit ApprovalActions(QObject *parent = nullptr);

    [[nodiscard]] SpaceSession *session() const { return m_session; }
    void setSession(SpaceSession *session);
    [[nodiscard]] QStringList pending() const { return m_pending; }
    [[nodiscard]] bool canSend() const { return hasSender(); }

    Q_INVOKABLE void approve(const QString &requestId, const QString &comment = {});
    Q_INVOKABLE void reject(const QString &requestId, const QString &reason);
    // Approves each request; bulkFinished says how many were queued and how many failed.
    Q_INVOKABLE void approveMany(const QStringList &requestIds, const QString &comment = {});
    Q_INVOKABLE void submit(const QString &templateId, const QString &title, const QJsonObject &formData);

    // For the C++ side (tests, other controllers).
    void send(const ApprovalCommand &command, std::function<void(const Status &)> done = {});

Q_SIGNALS:
    void sessionChanged();
    void pendingChanged();
    // kind: "approve", "reject", "submit"; message: empty when ok.
    void finished(const QString &requestId, const QString &kind, bool ok, const QString &message);
    void bulkFinished(int queued, int failed, const QString &firstError);

private:
    SpaceSession *m_session = nullptr;
    QStringList m_pending;
};

} // namespace tandem::app
