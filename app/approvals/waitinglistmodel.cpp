#include "waitinglistmodel.h"

#include "approvals/formview.h"

#include <QCoreApplication>
#include <QLocale>

namespace tandem::app {

QString waitingText(qint64 ms)
{
    const qint64 hours = std::max<qint64>(0, ms / 3600000);
    if (hours < 1)
        return QCoreApplication::translate("tandem::app::WaitingListModel", "< 1 h");
    if (hours < 48)
        return QCoreApplication::translate("tandem::app::WaitingListModel", "%1 h").arg(hours);
    return QCoreApplication::translate("tandem::app::WaitingListModel", "%1 d").arg(hours / 24);
}

WaitingListModel::WaitingListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int WaitingListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant WaitingListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const approvals::WaitingRequest &w = m_rows.at(index.row());
    switch (role) {
    case RequestIdRole:
        return w.id;
    case TitleRole:
        return w.title;
    case TemplateNameRole:
        return w.templateName;
    case RequesterNameRole:
        return w.requesterName;
    case AmountTextRole:
        return w.hasAmount ? approvals::formatMoneyAnswer(w.amountMinor, w.currency, QLocale()) : QString();
    case SubmittedAtRole:
        return w.submittedAt;
    case WaitingSinceRole:
        return w.waitingSince;
    case WaitingTextRole:
        return waitingText(m_nowMs - w.waitingSince);
    case OverdueRole:
        return w.slaDueAt > 0 && m_nowMs > w.slaDueAt;
    case StepRole:
        return w.stepPosition;
    case SelectedRole:
        return m_selected.contains(w.id);
    default:
        return {};
    }
}

QHash<int, QByteArray> WaitingListModel::roleNames() const
{
    return {{RequestIdRole, "requestId"}, {TitleRole, "title"}, {TemplateNameRole, "templateName"},
        {RequesterNameRole, "requesterName"}, {AmountTextRole, "amountText"},
        {SubmittedAtRole, "submittedAt"}, {WaitingSinceRole, "waitingSince"},
        {WaitingTextRole, "waitingText"}, {OverdueRole, "overdue"}, {StepRole, "step"},
        {SelectedRole, "selected"}};
}

QStringList WaitingListModel::selectedIds() const
{
    QStringList out; // in list order: the oldest is approved first
    for (const approvals::WaitingRequest &w : m_rows)
        if (m_selected.contains(w.id))
            out << w.id;
    return out;
}

void WaitingListModel::setSelected(int row, bool selected)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const QString id = m_rows.at(row).id;
    if (m_selected.contains(id) == selected)
        return;
    if (selected)
        m_selected.insert(id);
    else
        m_selected.remove(id);
    Q_EMIT dataChanged(index(row), index(row), {SelectedRole});
    Q_EMIT selectionChanged();
}

void WaitingListModel::selectAll(bool selected)
{
    QSet<QString> next;
    if (selected)
        for (const approvals::WaitingRequest &w : m_rows)
            next.insert(w.id);
    if (next == m_selected)
        return;
    m_selected = next;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {SelectedRole});
    Q_EMIT selectionChanged();
}

QString WaitingListModel::requestIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

void WaitingListModel::setRows(QList<approvals::WaitingRequest> rows, qint64 nowMs)
{
    const int before = count();
    const qsizetype selectedBefore = m_selected.size();
    beginResetModel();
    m_rows = std::move(rows);
    m_nowMs = nowMs;
    QSet<QString> still;
    for (const approvals::WaitingRequest &w : m_rows)
        if (m_selected.contains(w.id))
            still.insert(w.id);
    m_selected = still;
    endResetModel();
    if (count() != before)
        Q_EMIT countChanged();
    if (m_selected.size() != selectedBefore)
        Q_EMIT selectionChanged();
}

} // namespace tandem::app
