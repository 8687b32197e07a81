#include "spacelistmodel.h"

#include "spacesession.h"

namespace tandem::app {

SpaceListModel::SpaceListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int SpaceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

QVariant SpaceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    SpaceSession *s = m_sessions.at(index.row());
    switch (role) {
    case SpaceIdRole:
        return s->spaceId();
    case Qt::DisplayRole:
    case NameRole:
        return s->name();
    case KindRole:
        return s->kind();
    case UnreadCountRole:
        return s->unreadCount();
    case MentionCountRole:
        return s->mentionCount();
    case SyncStateRole:
        return s->syncState();
    case SessionRole:
        return QVariant::fromValue(s);
    case AccentRole:
        return s->accent();
    case IconRole:
        return s->icon();
    default:
        return {};
    }
}

QHash<int, QByteArray> SpaceListModel::roleNames() const
{
    return {{SpaceIdRole, "spaceId"}, {NameRole, "name"}, {KindRole, "kind"},
        {UnreadCountRole, "unreadCount"}, {MentionCountRole, "mentionCount"}, {SyncStateRole, "syncState"},
        {SessionRole, "session"}, {AccentRole, "lookAccent"}, {IconRole, "lookIcon"}};
}

SpaceSession *SpaceListModel::at(int row) const
{
    return row >= 0 && row < m_sessions.size() ? m_sessions.at(row) : nullptr;
}

void SpaceListModel::append(SpaceSession *session)
{
    const int row = int(m_sessions.size());
    beginInsertRows({}, row, row);
    m_sessions.append(session);
    endInsertRows();
    connect(session, &SpaceSession::totalsChanged, this, [this, session] {
        sessionChanged(session, {UnreadCountRole, MentionCountRole});
        Q_EMIT totalsChanged();
    });
    connect(session, &SpaceSession::syncStateChanged, this,
        [this, session] { sessionChanged(session, {SyncStateRole}); });
    connect(session, &SpaceSession::lookChanged, this, [this, session] {
        sessionChanged(session, {Qt::DisplayRole, NameRole, AccentRole, IconRole});
    });
    connect(session, &QObject::destroyed, this, [this, session] {
        const qsizetype i = m_sessions.indexOf(session);
        if (i < 0)
            return;
        beginRemoveRows({}, int(i), int(i));
        m_sessions.removeAt(i);
        endRemoveRows();
        Q_EMIT countChanged();
    });
    Q_EMIT countChanged();
    Q_EMIT totalsChanged();
}

void SpaceListModel::clear()
{
    if (m_sessions.isEmpty())
        return;
    beginResetModel();
    for (SpaceSession *s : std::as_const(m_sessions))
        s->disconnect(this);
    m_sessions.clear();
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT totalsChanged();
}

void SpaceListModel::sessionChanged(SpaceSession *session, const QList<int> &roles)
{
    const qsizetype i = m_sessions.indexOf(session);
    if (i < 0)
        return;
    const QModelIndex idx = index(int(i));
    Q_EMIT dataChanged(idx, idx, roles);
}

} // namespace tandem::app
