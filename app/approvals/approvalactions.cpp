#include "approvalactions.h"

#include "futurewatch.h"
#include "spacesession.h"

#include <QLoggingCategory>
#include <QTimer>

#include <memory>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcApprovalActions, "tandem.app.approvals")

using namespace Qt::StringLiterals;

namespace {

ApprovalActions::Sender &installedSender()
{
    static ApprovalActions::Sender s;
    return s;
}

QString kindName(ApprovalCommand::Kind kind)
{
    switch (kind) {
    case ApprovalCommand::Kind::Approve:
        return u"approve"_s;
    case ApprovalCommand::Kind::Reject:
        return u"reject"_s;
    case ApprovalCommand::Kind::Submit:
        break;
    }
    return u"submit"_s;
}

} // namespace

void ApprovalActions::setSender(Sender s)
{
    installedSender() = std::move(s);
}

bool ApprovalActions::hasSender()
{
    return bool(installedSender());
}

ApprovalActions::ApprovalActions(QObject *parent)
    : QObject(parent)
{ }

void ApprovalActions::setSession(SpaceSession *session)
{
    if (m_session == session)
        return;
    m_session = session;
    Q_EMIT sessionChanged();
}

void ApprovalActions::send(const ApprovalCommand &command, std::function<void(const Status &)> done)
{
    const QString id = command.requestId;
    const QString kind = kindName(command.kind);
    const auto finish = [this, id, kind, done](const Status &s) {
        if (m_pending.removeOne(id))
            Q_EMIT pendingChanged();
        if (!s)
            qCInfo(lcApprovalActions) << kind << "was not sent:" << s.error().codeName();
        Q_EMIT finished(id, kind, s.ok(), s.ok() ? QString() : s.error().message);
        if (done)
            done(s);
    };
    if (!installedSender()) {
        // Later, as a real answer would come: the caller's busy state is set before it is cleared.
        const Error e = Error::make(ErrorCode::Unavailable,
            tr("Approvals cannot be sent from this version of Tandem yet. Nothing was changed; "
               "decide on the request from the web or ask your administrator."));
        QTimer::singleShot(0, this, [finish, e] { finish(e); });
        return;
    }
    if (!id.isEmpty() && !m_pending.contains(id)) {
        m_pending.append(id);
        Q_EMIT pendingChanged();
    }
    whenFinished(this, installedSender()(m_session, command), finish);
}

void ApprovalActions::approve(const QString &requestId, const QString &comment)
{
    send({ApprovalCommand::Kind::Approve, requestId, comment, {}, {}, {}});
}

void ApprovalActions::reject(const QString &requestId, const QString &reason)
{
    send({ApprovalCommand::Kind::Reject, requestId, reason, {}, {}, {}});
}

void ApprovalActions::approveMany(const QStringList &requestIds, const QString &comment)
{
    struct Tally
    {
        int left = 0;
        int queued = 0;
        int failed = 0;
        QString firstError;
    };
    auto tally = std::make_shared<Tally>();
    tally->left = int(requestIds.size());
    if (requestIds.isEmpty()) {
        Q_EMIT bulkFinished(0, 0, {});
        return;
    }
    for (const QString &id : requestIds)
        send({ApprovalCommand::Kind::Approve, id, comment, {}, {}, {}}, [this, tally](const Status &s) {
            if (s)
                ++tally->queued;
            else if (tally->failed++ == 0)
                tally->firstError = s.error().message;
            if (--tally->left == 0)
                Q_EMIT bulkFinished(tally->queued, tally->failed, tally->firstError);
        });
}

void ApprovalActions::submit(const QString &templateId, const QString &title, const QJsonObject &formData)
{
    send({ApprovalCommand::Kind::Submit, {}, {}, templateId, title, formData});
}

} // namespace tandem::app
