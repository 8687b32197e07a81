// "Waiting on me": the requests whose active step waits for my decision, oldest first, with a check box
// each for bulk approval. Filled by ApprovalDashboard from the store thread.
#pragma once

#include "approvals/dashboardqueries.h"

#include <QAbstractListModel>
#include <QSet>
#include <QtQml/qqmlregistration.h>

namespace tandem::app {

class WaitingListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The waiting list belongs to an ApprovalDashboard.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
    Q_PROPERTY(QStringList selectedIds READ selectedIds NOTIFY selectionChanged)

public:
    enum Role {
        RequestIdRole = Qt::UserRole + 1,
        TitleRole,
        TemplateNameRole,
        RequesterNameRole,
        AmountTextRole, // "¥1,234.50"; empty when the request has no amount
        SubmittedAtRole, // ms since the epoch
        WaitingSinceRole,
        WaitingTextRole, // "3 d", "5 h"
        OverdueRole, // past its template's SLA
        StepRole,
        SelectedRole,
    };
    Q_ENUM(Role)

    explicit WaitingListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] int selectedCount() const { return int(m_selected.size()); }
    [[nodiscard]] QStringList selectedIds() const;

    Q_INVOKABLE void setSelected(int row, bool selected);
    Q_INVOKABLE void selectAll(bool selected);
    Q_INVOKABLE QString requestIdAt(int row) const;

    // Keeps the selection of requests still listed.
    void setRows(QList<approvals::WaitingRequest> rows, qint64 nowMs);

Q_SIGNALS:
    void countChanged();
    void selectionChanged();

private:
    QList<approvals::WaitingRequest> m_rows;
    QSet<QString> m_selected;
    qint64 m_nowMs = 0;
};

// "5 h", "3 d": how long something has waited, as the dashboard shows it.
[[nodiscard]] QString waitingText(qint64 ms);

} // namespace tandem::app
