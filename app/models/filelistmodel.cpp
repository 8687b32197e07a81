#include "filelistmodel.h"

#include "storereply.h"

#include "messaging/conversationqueries.h"
#include "store/storethread.h"

namespace tandem::app {

using namespace Qt::StringLiterals;
using models::onReply;

FileListModel::FileListModel(store::StoreThread *store, QString conversationId, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_conversationId(std::move(conversationId))
{
    connect(m_store, &store::StoreThread::changed, this, [this](const store::StoreChange &change) {
        if (change.conversations.contains(m_conversationId))
            reload();
    });
    reload();
}

int FileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

QHash<int, QByteArray> FileListModel::roleNames() const
{
    return {{AttachmentIdRole, "attachmentId"}, {MessageIdRole, "messageId"}, {NameRole, "name"},
        {SizeBytesRole, "sizeBytes"}, {MimeTypeRole, "mimeType"}, {SenderNameRole, "senderName"},
        {CreatedAtRole, "createdAt"}, {StateRole, "state"}, {ProgressRole, "progress"},
        {LocalPathRole, "localPath"}, {DoneBytesRole, "doneBytes"}};
}

QVariant FileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const messaging::AttachmentItem &f = m_files.at(index.row());
    const QString state = m_states.value(f.id, f.state);
    switch (role) {
    case AttachmentIdRole:
        return f.id;
    case MessageIdRole:
        return f.messageId;
    case NameRole:
        return f.name;
    case SizeBytesRole:
        return f.sizeBytes;
    case MimeTypeRole:
        return f.mimeType;
    case SenderNameRole:
        return f.senderName;
    case CreatedAtRole:
        return f.createdAt;
    case StateRole:
        return state;
    case ProgressRole: {
        if (state == "cached"_L1)
            return 1.0;
        const auto [done, total] = m_progress.value(f.id);
        return total > 0 ? std::clamp(double(done) / double(total), 0.0, 1.0) : 0.0;
    }
    case DoneBytesRole:
        return state == "cached"_L1 ? f.sizeBytes : m_progress.value(f.id).first;
    case LocalPathRole:
        return m_localPaths.value(f.id);
    default:
        return {};
    }
}

const messaging::AttachmentItem *FileListModel::file(const QString &attachmentId) const
{
    for (const messaging::AttachmentItem &f : m_files)
        if (f.id == attachmentId)
            return &f;
    return nullptr;
}

void FileListModel::setLocalPath(const QString &attachmentId, const QString &path)
{
    m_localPaths.insert(attachmentId, path);
    for (int row = 0; row < m_files.size(); ++row)
        if (m_files.at(row).id == attachmentId)
            Q_EMIT dataChanged(index(row), index(row), {LocalPathRole});
}

void FileListModel::setState(const QString &attachmentId, const QString &state)
{
    if (state.isEmpty())
        m_states.remove(attachmentId);
    else
        m_states.insert(attachmentId, state);
    for (int row = 0; row < m_files.size(); ++row)
        if (m_files.at(row).id == attachmentId)
            Q_EMIT dataChanged(index(row), index(row), {StateRole, ProgressRole});
}

void FileListModel::setProgress(const QString &attachmentId, qint64 done, qint64 total)
{
    m_progress.insert(attachmentId, {done, total});
    for (int row = 0; row < m_files.size(); ++row)
        if (m_files.at(row).id == attachmentId)
            Q_EMIT dataChanged(index(row), index(row), {ProgressRole, DoneBytesRole});
}

void FileListModel::reload()
{
    if (m_reloading) {
        m_again = true;
        return;
    }
    m_reloading = true;
    const QString id = m_conversationId;
    auto future = m_store->read<QList<messaging::AttachmentItem>>(
        [id](store::SpaceStore &s) { return messaging::fileList(s, id); });
    onReply(this, future, [this](const Result<QList<messaging::AttachmentItem>> &files) {
        m_reloading = false;
        if (files && *files != m_files) {
            const bool countChanges = files->size() != m_files.size();
            beginResetModel();
            m_files = *files;
            endResetModel();
            if (countChanges)
                Q_EMIT countChanged();
        }
        if (m_again) {
            m_again = false;
            reload();
        }
    });
}

} // namespace tandem::app
