// The manager dashboard behind qml/approvals/: what waits on me and my team's figures for the filter
// chosen (people, types, submission dates), all computed by DashboardQueries on the store thread. Only
// a change of approval data (StoreChange::approvals) matters: a moment after the last one the team copy
// is rebuilt on the store thread, in the background while the dashboard is not shown (so that opening
// it only reads the copy), together with the figures while it is. An answer for an older filter than
// the current one is dropped.
#pragma once

#include "waitinglistmodel.h"

#include "approvals/dashboardqueries.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace tandem::store {
class StoreThread;
struct StoreChange;
} // namespace tandem::store

namespace tandem::app {

class SpaceSession;

class ApprovalDashboard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("spacesession.h")
    Q_PROPERTY(tandem::app::SpaceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    // While false (the dashboard is not shown) store changes only mark the figures stale.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(QStringList people READ people WRITE setPeople NOTIFY filterChanged)
    Q_PROPERTY(QStringList templateIds READ templateIds WRITE setTemplateIds NOTIFY filterChanged)
    Q_PROPERTY(QDate fromDate READ fromDate WRITE setFromDate NOTIFY filterChanged) // first day, included
    Q_PROPERTY(QDate toDate READ toDate WRITE setToDate NOTIFY filterChanged) // last day, included
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY figuresChanged)
    Q_PROPERTY(tandem::app::WaitingListModel *waiting READ waiting CONSTANT)
    // [{state, label, count}] over every type
    Q_PROPERTY(QVariantList byState READ byState NOTIFY figuresChanged)
    // [{templateId, name, total, pending, approved, rejected, returned, withdrawn}]
    Q_PROPERTY(QVariantList byType READ byType NOTIFY figuresChanged)
    // [{label, count}] for < 1 d, 1-3 d, 3-7 d, > 7 d
    Q_PROPERTY(QVariantList aging READ aging NOTIFY figuresChanged)
    // [{templateId, name, slaHours, pendingBreached, decidedLate, measured}]
    Q_PROPERTY(QVariantList sla READ sla NOTIFY figuresChanged)
    Q_PROPERTY(int decisions READ decisions NOTIFY figuresChanged)
    Q_PROPERTY(QString medianDecisionText READ medianDecisionText NOTIFY figuresChanged)
    // [{templateId, name, decisions, medianText, medianHours}]
    Q_PROPERTY(QVariantList decisionTimeByType READ decisionTimeByType NOTIFY figuresChanged)
    // [{week, submitted, decided}], oldest first
    Q_PROPERTY(QVariantList throughput READ throughput NOTIFY figuresChanged)
    // [{templateId, name, position, decided, medianText, medianHours}], slowest first
    Q_PROPERTY(QVariantList slowestSteps READ slowestSteps NOTIFY figuresChanged)
    // For the filters: [{id, name}]
    Q_PROPERTY(QVariantList templates READ templates NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList teamPeople READ teamPeople NOTIFY choicesChanged)

public:
    static constexpr int kSettleMs = 400; // after the last store change

    explicit ApprovalDashboard(QObject *parent = nullptr);

    [[nodiscard]] SpaceSession *session() const;
    void setSession(SpaceSession *session);
    // Without a session (tests): the store and the signed-in user.
    void setStore(store::StoreThread *store, const QString &me);

    [[nodiscard]] bool active() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] QStringList people() const { return m_filter.people; }
    void setPeople(const QStringList &people);
    [[nodiscard]] QStringList templateIds() const { return m_filter.templateIds; }
    void setTemplateIds(const QStringList &ids);
    [[nodiscard]] QDate fromDate() const { return m_from; }
    void setFromDate(const QDate &date);
    [[nodiscard]] QDate toDate() const { return m_to; }
    void setToDate(const QDate &date);
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] QString errorText() const { return m_error; }
    [[nodiscard]] WaitingListModel *waiting() const { return m_waiting; }
    [[nodiscard]] QVariantList byState() const { return m_byState; }
    [[nodiscard]] QVariantList byType() const { return m_byType; }
    [[nodiscard]] QVariantList aging() const { return m_aging; }
    [[nodiscard]] QVariantList sla() const { return m_sla; }
    [[nodiscard]] int decisions() const { return m_figures.decisionTime.decisions; }
    [[nodiscard]] QString medianDecisionText() const;
    [[nodiscard]] QVariantList decisionTimeByType() const { return m_decisionByType; }
    [[nodiscard]] QVariantList throughput() const { return m_throughput; }
    [[nodiscard]] QVariantList slowestSteps() const { return m_slowest; }
    [[nodiscard]] QVariantList templates() const { return m_templates; }
    [[nodiscard]] QVariantList teamPeople() const { return m_people; }
    [[nodiscard]] const approvals::DashboardFigures &figures() const { return m_figures; }

    // Computes everything again, the team copy included.
    Q_INVOKABLE void reload();
    Q_INVOKABLE void clearFilters();
    // Writes the team requests the filters show to `file` as CSV (on the store thread).
    Q_INVOKABLE void exportCsv(const QUrl &file);
    // "pending" → "Pending", translated.
    Q_INVOKABLE static QString stateText(const QString &state);

Q_SIGNALS:
    void sessionChanged();
    void activeChanged();
    void filterChanged();
    void loadingChanged();
    void figuresChanged();
    void choicesChanged();
    void loaded(); // the figures for the current filter are shown
    void csvExported(bool ok, const QString &message);

private:
    void onStoreChanged(const store::StoreChange &change);
    void refreshTeamInBackground();
    void load(bool refreshTeam);
    void loadChoices();
    void setLoading(bool loading);
    void apply(const approvals::DashboardFigures &figures);
    [[nodiscard]] approvals::DashboardFilter currentFilter() const;

    QPointer<SpaceSession> m_session;
    store::StoreThread *m_store = nullptr;
    QMetaObject::Connection m_changedConnection;
    approvals::DashboardFilter m_filter;
    QDate m_from;
    QDate m_to;
    bool m_active = false;
    bool m_stale = true;
    bool m_loading = false;
    quint64 m_generation = 0;
    quint64 m_teamGeneration = 0;
    bool m_teamRefreshing = false;
    QTimer m_settle;
    QString m_error;
    WaitingListModel *m_waiting;
    approvals::DashboardFigures m_figures;
    QVariantList m_byState, m_byType, m_aging, m_sla, m_decisionByType, m_throughput, m_slowest;
    QVariantList m_templates, m_people;
};

} // namespace tandem::app
