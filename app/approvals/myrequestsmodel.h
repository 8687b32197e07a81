// "My requests": what the signed-in person asked for and where each stands, returned ones first (they
// wait on the requester: edit and resubmit, or withdraw). Read on the store thread after each change of
// approval data.
#pragma once

#include "approvals/ownrequests.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace tandem::store {
class StoreThread;
}

namespace tandem::app {

class SpaceSession;

class MyRequestsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("spacesession.h")
    Q_PROPERTY(tandem::app::SpaceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // How many were returned for changes: they wait on me.
    Q_PROPERTY(int returnedCount READ returnedCount NOTIFY countChanged)

public:
    static constexpr int kLimit = 500;

    enum Role {
        RequestIdRole = Qt::UserRole + 1,
        TitleRole,
        TemplateNameRole,
        StateRole,
        StateTextRole,
        AmountTextRole, // "¥1,234.50"; empty when the request has no amount
        SubmittedAtRole, // ms since the epoch
        UpdatedAtRole,
        WaitingOnRole, // pending: who decides now, by name
    };
    Q_ENUM(Role)

    explicit MyRequestsModel(QObject *parent = nullptr);

    [[nodiscard]] SpaceSession *session() const;
    void setSession(SpaceSession *session);
    // Without a session (tests): the store and the signed-in user.
    void setStore(store::StoreThread *store, const QString &me);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] int returnedCount() const;

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void sessionChanged();
    void countChanged();
    void loaded();

private:
    void setRows(QList<approvals::OwnRequest> rows);

    QPointer<SpaceSession> m_session;
    store::StoreThread *m_store = nullptr;
    QMetaObject::Connection m_changedConnection;
    QString m_me;
    quint64 m_generation = 0;
    QList<approvals::OwnRequest> m_rows;
};

} // namespace tandem::app
