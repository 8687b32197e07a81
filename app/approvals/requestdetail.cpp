#include "requestdetail.h"

#include "approvaldashboard.h"
#include "futurewatch.h"
#include "spacesession.h"

#include "approvals/formview.h"
#include "approvals/requestqueries.h"
#include "store/storethread.h"
#include "util/localizedtext.h"

#include <QJsonDocument>

namespace tandem::app {

using namespace Qt::StringLiterals;
using approvals::RequestQueries;

namespace {

QString modeText(const QString &mode)
{
    if (mode == u"all")
        return RequestDetail::tr("Everyone must approve");
    if (mode == u"any")
        return RequestDetail::tr("Any one approver");
    return RequestDetail::tr("One approver");
}

QString stepStateText(const QString &state)
{
    if (state == u"active")
        return RequestDetail::tr("Waiting for a decision");
    if (state == u"approved")
        return RequestDetail::tr("Approved");
    if (state == u"rejected")
        return RequestDetail::tr("Rejected");
    if (state == u"skipped")
        return RequestDetail::tr("Skipped");
    return RequestDetail::tr("Not started");
}

} // namespace

RequestDetail::RequestDetail(QObject *parent)
    : QObject(parent)
    , m_files(new AttachmentFiles(this))
{ }

SpaceSession *RequestDetail::session() const
{
    return m_session;
}

void RequestDetail::setSession(SpaceSession *session)
{
    if (m_session == session)
        return;
    m_session = session;
    m_files->setSession(session);
    setStore(session ? session->store() : nullptr, session ? session->userId() : QString());
    Q_EMIT sessionChanged();
}

void RequestDetail::setStore(store::StoreThread *store, const QString &me)
{
    disconnect(m_changedConnection);
    m_store = store;
    m_me = me;
    if (m_store)
        m_changedConnection = connect(m_store, &store::StoreThread::changed, this, [this] { reload(); });
    reload();
}

void RequestDetail::setRequestId(const QString &id)
{
    if (m_requestId == id)
        return;
    m_requestId = id;
    Q_EMIT requestIdChanged();
    reload();
}

QString RequestDetail::stateText() const
{
    return ApprovalDashboard::stateText(m_state);
}

QString RequestDetail::actionText(const QString &action)
{
    if (action == u"submit")
        return tr("submitted the request");
    if (action == u"approve")
        return tr("approved");
    if (action == u"reject")
        return tr("rejected");
    if (action == u"return")
        return tr("returned it for changes");
    if (action == u"withdraw")
        return tr("withdrew the request");
    if (action == u"delegate")
        return tr("delegated the decision");
    if (action == u"comment")
        return tr("commented");
    if (action == u"remind")
        return tr("sent a reminder");
    return action;
}

void RequestDetail::reload()
{
    if (!m_store || m_requestId.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    auto future = m_store->read<std::optional<approvals::RequestDetail>>(
        [id = m_requestId](store::SpaceStore &s) { return RequestQueries::detail(s, id); });
    whenFinished(this, future, [this, generation](const Result<std::optional<approvals::RequestDetail>> &r) {
        if (generation != m_generation)
            return;
        m_loaded = true;
        m_found = r.ok() && r->has_value();
        m_answers.clear();
        m_steps.clear();
        m_timeline.clear();
        m_cc.clear();
        m_waitingOnMe = false;
        if (!m_found) {
            m_files->setFiles({});
            Q_EMIT changed();
            return;
        }
        const approvals::RequestDetail &d = **r;
        const QLocale locale;
        m_title = d.title;
        m_templateName = d.templateName;
        m_requesterName = d.requesterName;
        m_state = d.state;
        m_amountText
            = d.hasAmount ? approvals::formatMoneyAnswer(d.amountMinor, d.currency, locale) : QString();
        m_submittedAt = d.submittedAt;
        m_decidedAt = d.decidedAt;
        m_currentStep = d.currentStep;
        // Only the form matters here; the server filled the computed fields in at submit.
        const auto tpl = approvals::templateFromStore(
            {d.templateId, d.templateName, u"custom"_s, 0, d.formSchema, QByteArrayLiteral("{}")});
        const QJsonObject answers = QJsonDocument::fromJson(d.formData).object();
        if (const auto *t = std::get_if<approvals::Template>(&tpl)) {
            for (const approvals::FormField &f : t->form) {
                const QString text = approvals::answerText(f, answers.value(f.id), locale);
                if (!text.isEmpty())
                    m_answers.append(QVariantMap {
                        {u"label"_s, localizedText(f.definition, "label"_L1, locale)}, {u"text"_s, text}});
            }
        }
        m_isMine = d.requesterId == m_me;
        for (const approvals::RequestStep &s : d.steps) {
            QVariantList approvers;
            for (const approvals::StepApprover &a : s.approvers) {
                approvers.append(QVariantMap {{u"name"_s, a.name}, {u"decision"_s, a.decision},
                    {u"decisionText"_s,
                        a.decision.isEmpty() ? QString() : ApprovalDashboard::stateText(a.decision)},
                    {u"decidedAt"_s, a.decidedAt}});
                if (s.state == u"active" && a.userId == m_me && a.decision.isEmpty() && d.state == u"pending")
                    m_waitingOnMe = true;
            }
            m_steps.append(QVariantMap {{u"position"_s, s.position}, {u"name"_s, s.name},
                {u"modeText"_s, modeText(s.mode)}, {u"state"_s, s.state},
                {u"stateText"_s, stepStateText(s.state)}, {u"startedAt"_s, s.startedAt},
                {u"decidedAt"_s, s.decidedAt}, {u"approvers"_s, approvers}});
        }
        for (const approvals::RequestAction &a : d.actions)
            m_timeline.append(QVariantMap {{u"actorName"_s, a.actorName}, {u"action"_s, a.action},
                {u"actionText"_s, actionText(a.action)}, {u"comment"_s, a.comment}, {u"at"_s, a.at},
                {u"deviceId"_s, a.deviceId}});
        for (const approvals::PersonInfo &p : d.cc)
            m_cc << p.name;
        QList<store::AttachmentInfo> files;
        for (const approvals::RequestFile &f : d.files)
            files.append({f.id, f.name, f.mimeType, f.sizeBytes, f.sha256});
        m_files->setFiles(files);
        Q_EMIT changed();
    });
}

} // namespace tandem::app
