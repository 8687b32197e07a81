#include "uploadlistmodel.h"

#include "sync/spacesync.h"

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
    return {{NameRole, "name"}, {ProgressRole, "progress"}, {StateRole, "state"},
        {ErrorTextRole, "errorText"}, {DoneBytesRole, "doneBytes"}, {TotalBytesRole, "totalBytes"}};
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
        return u.total > 0 ? std::clamp(double(u.done) / double(u.total), 0.0, 1.0) : 0.0;
    case StateRole:
        return u.state;
    case ErrorTextRole:
        return u.errorText;
    case DoneBytesRole:
        return u.done;
    case TotalBytesRole:
        return u.total;
    default:
        return {};
    }
}

void UploadListModel::follow(sync::SpaceSync *sync)
{
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    m_sync = sync;
    if (!sync)
        return;
    connect(sync, &sync::SpaceSync::transferProgress, this, &UploadListModel::onProgress);
    connect(sync, &sync::SpaceSync::mutationRejected, this,
        [this](const QString &mutationId, const QString &, const QString &reason) {
            onRejected(mutationId, reason);
        });
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
    m_rows.append({m_nextKey, name, u"preparing"_s, {}, {}, {}, 0, 0});
    endInsertRows();
    Q_EMIT countChanged();
    return m_nextKey++;
}

void UploadListModel::uploading(int key, const QString &attachmentId, const QString &mutationId)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    Upload &u = m_rows[row];
    u.state = u"uploading"_s;
    u.attachmentId = attachmentId;
    u.mutationId = mutationId;
    Q_EMIT dataChanged(index(row), index(row), {StateRole});
    if (const auto early = m_early.constFind(attachmentId); early != m_early.constEnd()) {
        const auto [done, total] = *early;
        m_early.erase(early);
        onProgress(attachmentId, true, done, total);
    }
}

void UploadListModel::onProgress(const QString &attachmentId, bool upload, qint64 done, qint64 total)
{
    if (!upload)
        return;
    for (int row = 0; row < m_rows.size(); ++row) {
        Upload &u = m_rows[row];
        if (u.attachmentId != attachmentId)
            continue;
        if (done >= total) {
            finish(u.key);
            return;
        }
        u.done = done;
        u.total = total;
        Q_EMIT dataChanged(index(row), index(row), {ProgressRole, DoneBytesRole, TotalBytesRole});
        return;
    }
    // Not (yet) one of ours: kept briefly, in case its row learns its id after this.
    if (m_early.size() >= kMaxEarly)
        m_early.erase(m_early.begin());
    m_early.insert(attachmentId, {done, total});
}

void UploadListModel::onRejected(const QString &mutationId, const QString &reason)
{
    for (const Upload &u : std::as_const(m_rows))
        if (!u.mutationId.isEmpty() && u.mutationId == mutationId && u.state == "uploading"_L1) {
            fail(u.key, reason);
            return;
        }
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
