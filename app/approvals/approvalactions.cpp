#include "approvalactions.h"

#include "approvaldashboard.h"

#include "futurewatch.h"
#include "spacesession.h"

#include "approvals/requestqueries.h"
#include "store/storethread.h"
#include "sync/spacesync.h"
#include "sync/storewriterapprovals.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPromise>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

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
    case ApprovalCommand::Kind::Return:
        return u"return"_s;
    case ApprovalCommand::Kind::Withdraw:
        return u"withdraw"_s;
    case ApprovalCommand::Kind::Comment:
        return u"comment"_s;
    case ApprovalCommand::Kind::Delegate:
        return u"delegate"_s;
    case ApprovalCommand::Kind::Remind:
        return u"remind"_s;
    case ApprovalCommand::Kind::Submit:
        break;
    }
    return u"submit"_s;
}

bool namesStep(ApprovalCommand::Kind kind)
{
    return kind == ApprovalCommand::Kind::Approve || kind == ApprovalCommand::Kind::Reject
        || kind == ApprovalCommand::Kind::Return || kind == ApprovalCommand::Kind::Delegate;
}

QFuture<Status> failed(const Error &e)
{
    QPromise<Status> p;
    p.start();
    p.addResult(Status(e));
    p.finish();
    return p.future();
}

// "approved" → "Already approved by %1 at %2": the sentence of a state_conflict (docs/approvals.md §5).
QString conflictText(const approvals::RequestQueries::Settled &s)
{
    const QString at = QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.at).time(), QLocale::ShortFormat);
    if (s.name.isEmpty())
        return ApprovalActions::tr(
            "This request changed before your action arrived; it is %1 now. Nothing was changed.")
            .arg(ApprovalDashboard::stateText(s.state));
    if (s.decision == u"approved")
        return ApprovalActions::tr("Already approved by %1 at %2.").arg(s.name, at);
    if (s.decision == u"rejected")
        return ApprovalActions::tr("Already rejected by %1 at %2.").arg(s.name, at);
    if (s.decision == u"returned")
        return ApprovalActions::tr("Already returned for changes by %1 at %2.").arg(s.name, at);
    if (s.decision == u"withdrawn")
        return ApprovalActions::tr("Withdrawn by %1 at %2.").arg(s.name, at);
    if (s.decision == u"delegated")
        return ApprovalActions::tr("Already handed on by %1 at %2.").arg(s.name, at);
    return ApprovalActions::tr("Already decided by %1 at %2.").arg(s.name, at);
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

bool ApprovalActions::canSend() const
{
    return hasSender() || (m_session && m_session->spaceSync());
}

ApprovalActions::ApprovalActions(QObject *parent)
    : QObject(parent)
{ }

SpaceSession *ApprovalActions::session() const
{
    return m_session;
}

void ApprovalActions::setSession(SpaceSession *session)
{
    if (m_session == session)
        return;
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_session = session;
    if (session && session->store())
        m_connections << connect(
            session->store(), &store::StoreThread::changed, this, [this](const store::StoreChange &change) {
                // An event changed a request: what it answered is no longer pending.
                if (change.approvals)
                    refreshPending();
            });
    if (session && session->spaceSync())
        m_connections << connect(
            session->spaceSync(), &sync::SpaceSync::mutationRejected, this, &ApprovalActions::explainRefusal);
    m_queued.clear();
    m_mutations.clear();
    setPending(m_sending);
    refreshPending();
    Q_EMIT sessionChanged();
}

void ApprovalActions::setPending(QStringList ids)
{
    ids.removeDuplicates();
    if (ids == m_pending)
        return;
    m_pending = ids;
    Q_EMIT pendingChanged();
}

void ApprovalActions::refreshPending()
{
    if (!m_session || !m_session->store())
        return;
    auto future = m_session->store()->read<QList<sync::PendingApprovalAction>>(
        [](store::SpaceStore &s) { return sync::pendingApprovalActions(s.db()); });
    whenFinished(this, future, [this](const Result<QList<sync::PendingApprovalAction>> &r) {
        if (!r)
            return;
        m_queued.clear();
        for (const sync::PendingApprovalAction &a : *r) {
            m_mutations.insert(a.mutationId, {a.requestId, a.kind});
            if (a.state != u"rejected")
                m_queued << a.requestId;
        }
        setPending(m_queued + m_sending);
    });
}

void ApprovalActions::explainRefusal(const QString &mutationId, const QString &code, const QString &reason)
{
    if (!m_mutations.contains(mutationId) || !m_session || !m_session->store())
        return;
    const auto [requestId, kind] = m_mutations.value(mutationId);
    const QString shortKind = kind.section(u'.', 1);
    refreshPending();
    if (code != u"state_conflict") {
        Q_EMIT refused(requestId, shortKind, code,
            code == u"forbidden"       ? tr("You cannot do this on this request. Nothing was changed.")
                : code == u"not_found" ? tr("This request is no longer shared with you. Nothing was changed.")
                : code == u"rate_limited"
                ? tr("A reminder was sent a moment ago; try again in a few minutes.")
                : tr("The server refused this (%1). Nothing was changed.").arg(reason));
        return;
    }
    // The request's record arrives before the refusal (docs/protocol.md §7.4): who settled it is held.
    const int step = m_stepOf.value(mutationId, -1);
    auto future = m_session->store()->read<std::optional<approvals::RequestQueries::Settled>>(
        [requestId, step](
            store::SpaceStore &s) { return approvals::RequestQueries::settled(s, requestId, step); });
    whenFinished(this, future,
        [this, requestId, shortKind, code](
            const Result<std::optional<approvals::RequestQueries::Settled>> &r) {
            const QString text = r && r->has_value()
                ? conflictText(**r)
                : tr("This request changed before your action arrived. Nothing was changed.");
            Q_EMIT refused(requestId, shortKind, code, text);
        });
}

QFuture<Status> ApprovalActions::queue(const ApprovalCommand &command)
{
    if (installedSender())
        return installedSender()(m_session, command);
    sync::SpaceSync *sync = m_session ? m_session->spaceSync() : nullptr;
    if (!sync || !m_session->store())
        return failed(Error::make(ErrorCode::Unavailable,
            tr("This space is not open. Nothing was changed; open the space and try again.")));
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    const auto done = [this, promise](const Result<sync::QueuedMutation> &r, const QString &requestId,
                          const QString &kind, int step) {
        if (r) {
            m_mutations.insert(r->mutationId, {requestId, kind});
            m_stepOf.insert(r->mutationId, step);
        }
        promise->addResult(r ? Status() : Status(r.error()));
        promise->finish();
    };
    if (command.kind == ApprovalCommand::Kind::Submit) {
        // Copying the files into the encrypted cache reads all of them: a pool thread does that, then
        // waits for the store to queue the request.
        // A command with a request id resubmits that returned request.
        auto queued = command.files.isEmpty()
            ? sync->submitApproval(command.templateId, command.formData, command.title, {}, command.requestId)
            : QtConcurrent::run([sync, command] {
                  return sync
                      ->submitApproval(command.templateId, command.formData, command.title, command.files,
                          command.requestId)
                      .result();
              });
        whenFinished(this, queued, [done](const Result<sync::QueuedMutation> &r) {
            done(r, r ? r->entityId : QString(), u"approval.submit"_s, -1);
        });
        return promise->future();
    }
    approvals::ApprovalMutation m;
    m.kind = u"approval."_s + kindName(command.kind);
    m.requestId = command.requestId;
    m.text = command.comment;
    m.step = command.step;
    m.toUserId = command.toUserId;
    const auto send = [this, sync, done](const approvals::ApprovalMutation &action) {
        whenFinished(
            this, sync->actOnApproval(action), [done, action](const Result<sync::QueuedMutation> &r) {
                done(r, action.requestId, action.kind, action.step);
            });
    };
    const bool withdraw = command.kind == ApprovalCommand::Kind::Withdraw;
    if (!withdraw && (!namesStep(command.kind) || command.step >= 0)) {
        send(m);
        return promise->future();
    }
    // The step the person acts on is the one the store shows as active now; a withdrawal expects the
    // state the store shows (pending, or returned for changes).
    auto request = m_session->store()->read<std::optional<approvals::RequestQueries::Settled>>(
        [id = command.requestId](
            store::SpaceStore &s) { return approvals::RequestQueries::settled(s, id, -1); });
    whenFinished(this, request,
        [send, done, m, withdraw](
            const Result<std::optional<approvals::RequestQueries::Settled>> &r) mutable {
            if (!r || !r->has_value()) {
                done(Error::make(ErrorCode::NotFound, tr("This request is not in this space.")), m.requestId,
                    m.kind, -1);
                return;
            }
            if (withdraw)
                m.expectedState = (*r)->state == u"returned" ? u"returned"_s : u"pending"_s;
            else
                m.step = (*r)->currentStep;
            send(m);
        });
    return promise->future();
}

void ApprovalActions::send(const ApprovalCommand &command, std::function<void(const Status &)> done)
{
    const QString id = command.requestId;
    const QString kind = kindName(command.kind);
    const auto finish = [this, id, kind, done](const Status &s) {
        m_sending.removeOne(id);
        if (s && !id.isEmpty() && m_session && m_session->store())
            m_queued.append(id); // in the outbox now; refreshPending reads it back
        setPending(m_queued + m_sending);
        refreshPending();
        if (!s)
            qCInfo(lcApprovalActions) << kind << "was not sent:" << s.error().codeName();
        Q_EMIT finished(id, kind, s.ok(), s.ok() ? QString() : s.error().message);
        if (done)
            done(s);
    };
    if (!id.isEmpty()) {
        m_sending.append(id);
        setPending(m_queued + m_sending);
    }
    whenFinished(this, queue(command), finish);
}

void ApprovalActions::approve(const QString &requestId, const QString &comment)
{
    send({ApprovalCommand::Kind::Approve, requestId, comment, {}, {}, {}});
}

void ApprovalActions::reject(const QString &requestId, const QString &reason)
{
    // The server requires a reason (docs/approvals.md §5); saying so here spares a round trip and a
    // refusal that would arrive after the dialog has closed.
    if (reason.trimmed().isEmpty()) {
        Q_EMIT finished(
            requestId, u"reject"_s, false, tr("Give a reason for rejecting this request. Nothing was sent."));
        return;
    }
    send({ApprovalCommand::Kind::Reject, requestId, reason, {}, {}, {}});
}

void ApprovalActions::returnForChanges(const QString &requestId, const QString &reason, int step)
{
    send({ApprovalCommand::Kind::Return, requestId, reason, {}, {}, {}, step});
}

void ApprovalActions::withdraw(const QString &requestId, const QString &reason)
{
    send({ApprovalCommand::Kind::Withdraw, requestId, reason, {}, {}, {}});
}

void ApprovalActions::comment(const QString &requestId, const QString &text)
{
    send({ApprovalCommand::Kind::Comment, requestId, text, {}, {}, {}});
}

void ApprovalActions::delegateTo(const QString &requestId, const QString &toUserId, const QString &comment)
{
    if (toUserId.isEmpty()) {
        Q_EMIT finished(requestId, u"delegate"_s, false, tr("Choose who decides instead. Nothing was sent."));
        return;
    }
    ApprovalCommand command {ApprovalCommand::Kind::Delegate, requestId, comment, {}, {}, {}};
    command.toUserId = toUserId;
    send(command);
}

void ApprovalActions::remind(const QString &requestId)
{
    send({ApprovalCommand::Kind::Remind, requestId, {}, {}, {}, {}});
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
