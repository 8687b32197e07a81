#include "memberlistmodel.h"

#include "storereply.h"

#include "messaging/conversationqueries.h"
#include "store/storethread.h"

namespace tandem::app {

using models::onReply;

MemberListModel::MemberListModel(store::StoreThread *store, QString conversationId, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_conversationId(std::move(conversationId))
{
    if (!m_store)
        return;
    connect(m_store, &store::StoreThread::changed, this, [this](const store::StoreChange &change) {
        if (change.users || change.conversations.contains(m_conversationId))
            reload();
    });
    reload();
}

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

QHash<int, QByteArray> MemberListModel::roleNames() const
{
    return {{UserIdRole, "userId"}, {DisplayNameRole, "displayName"}, {UserNameRole, "userName"},
        {ExternalRole, "external"}, {RoleRole, "role"}};
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const messaging::MemberInfo &m = m_members.at(index.row());
    switch (role) {
    case UserIdRole:
        return m.userId;
    case DisplayNameRole:
        return m.displayName;
    case UserNameRole:
        return m.userName;
    case ExternalRole:
        return m.external;
    case RoleRole:
        return m.role;
    default:
        return {};
    }
}

const messaging::MemberInfo *MemberListModel::member(const QString &userId) const
{
    for (const messaging::MemberInfo &m : m_members)
        if (m.userId == userId)
            return &m;
    return nullptr;
}

QString MemberListModel::displayName(const QString &userId) const
{
    const messaging::MemberInfo *m = member(userId);
    return m ? m->displayName : userId;
}

void MemberListModel::setMembers(QList<messaging::MemberInfo> members)
{
    if (members == m_members)
        return;
    const bool sameRows = members.size() == m_members.size()
        && std::equal(members.cbegin(), members.cend(), m_members.cbegin(),
            [](const auto &a, const auto &b) { return a.userId == b.userId; });
    if (sameRows) {
        // Receipts and names change often; the rows stay where they are.
        m_members = std::move(members);
        if (!m_members.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_members.size()) - 1));
    } else {
        beginResetModel();
        m_members = std::move(members);
        endResetModel();
        Q_EMIT countChanged();
    }
    Q_EMIT membersChanged();
}

void MemberListModel::reload()
{
    if (m_reloading) {
        m_again = true;
        return;
    }
    m_reloading = true;
    const QString id = m_conversationId;
    auto future = m_store->read<QList<messaging::MemberInfo>>(
        [id](store::SpaceStore &s) { return messaging::members(s, id); });
    onReply(this, future, [this](const Result<QList<messaging::MemberInfo>> &members) {
        m_reloading = false;
        if (members)
            setMembers(*members);
        if (m_again) {
            m_again = false;
            reload();
        }
    });
}

} // namespace tandem::app
