#include "uploadlistmodel.h"

namespace tandem::app {

using namespace Qt::StringLiterals;

UploadListModel::UploadListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int UploadListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> UploadListModel::roleNames() const
{
    return {
        {NameRole, "name"}, {ProgressRole, "progress"}, {StateRole, "state"}, {ErrorTextRole, "errorText"}};
}

QVariant UploadListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Upload &u = m_rows.at(index.row());
    switch (role) {
    case NameRole:
        return u.name;
    case ProgressRole:
        return 0.0; // the file is copied into the encrypted cache; the engine uploads it after
    case StateRole:
        return u.state;
    case ErrorTextRole:
        return u.errorText;
    default:
        return {};
    }
}

int UploadListModel::rowOf(int key) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).key == key)
            return i;
    return -1;
}

int UploadListModel::add(const QString &name)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append({m_nextKey, name, u"preparing"_s, {}});
    endInsertRows();
    Q_EMIT countChanged();
    return m_nextKey++;
}

void UploadListModel::finish(int key)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.remove(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

void UploadListModel::fail(int key, const QString &reason)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    m_rows[row].state = u"failed"_s;
    m_rows[row].errorText = reason;
    Q_EMIT dataChanged(index(row), index(row), {StateRole, ErrorTextRole});
}

void UploadListModel::clearFailed()
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row)
        if (m_rows.at(row).state == "failed"_L1) {
            beginRemoveRows({}, row, row);
            m_rows.remove(row);
            endRemoveRows();
        }
    Q_EMIT countChanged();
}

} // namespace tandem::app
