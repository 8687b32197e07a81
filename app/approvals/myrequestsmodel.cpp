#include "myrequestsmodel.h"

#include "approvaldashboard.h"
#include "futurewatch.h"
#include "spacesession.h"

#include "approvals/formview.h"
#include "store/storethread.h"

#include <QLocale>

namespace tandem::app {

MyRequestsModel::MyRequestsModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

SpaceSession *MyRequestsModel::session() const
{
    return m_session;
}

void MyRequestsModel::setSession(SpaceSession *session)
{
    if (m_session == session)
        return;
    m_session = session;
    setStore(session ? session->store() : nullptr, session ? session->userId() : QString());
    Q_EMIT sessionChanged();
}

void MyRequestsModel::setStore(store::StoreThread *store, const QString &me)
{
    disconnect(m_changedConnection);
    m_store = store;
    m_me = me;
    if (m_store)
        m_changedConnection
            = connect(m_store, &store::StoreThread::changed, this, [this](const store::StoreChange &change) {
                  if (change.approvals)
                      reload();
              });
    reload();
}

void MyRequestsModel::reload()
{
    if (!m_store || m_me.isEmpty()) {
        setRows({});
        return;
    }
    const quint64 generation = ++m_generation;
    whenFinished(this, m_store->read<QList<approvals::OwnRequest>>([me = m_me](store::SpaceStore &s) {
        return approvals::ownRequests(s, me, kLimit);
    }),
        [this, generation](const Result<QList<approvals::OwnRequest>> &r) {
            if (generation != m_generation || !r)
                return; // a newer read is on its way; a failed read keeps what is shown
            setRows(*r);
            Q_EMIT loaded();
        });
}

void MyRequestsModel::setRows(QList<approvals::OwnRequest> rows)
{
    if (rows == m_rows)
        return; // most changes of approval data are someone else's requests
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    Q_EMIT countChanged();
}

int MyRequestsModel::returnedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
        [](const approvals::OwnRequest &r) { return r.state == u"returned"; }));
}

int MyRequestsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MyRequestsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const approvals::OwnRequest &r = m_rows.at(index.row());
    switch (role) {
    case RequestIdRole:
        return r.id;
    case TitleRole:
        return r.title;
    case TemplateNameRole:
        return r.templateName;
    case StateRole:
        return r.state;
    case StateTextRole:
        return ApprovalDashboard::stateText(r.state);
    case AmountTextRole:
        return r.hasAmount ? approvals::formatMoneyAnswer(r.amountMinor, r.currency, QLocale()) : QString();
    case SubmittedAtRole:
        return r.submittedAt;
    case UpdatedAtRole:
        return r.updatedAt;
    case WaitingOnRole:
        return r.waitingOn;
    default:
        return {};
    }
}

QHash<int, QByteArray> MyRequestsModel::roleNames() const
{
    return {{RequestIdRole, "requestId"}, {TitleRole, "title"}, {TemplateNameRole, "templateName"},
        {StateRole, "state"}, {StateTextRole, "stateText"}, {AmountTextRole, "amountText"},
        {SubmittedAtRole, "submittedAt"}, {UpdatedAtRole, "updatedAt"}, {WaitingOnRole, "waitingOn"}};
}

} // namespace tandem::app
