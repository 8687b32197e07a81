// The members of a conversation (or the people a mention may name): a small list, loaded whole from
// the store thread and re-read when a change names the conversation or its users.
#pragma once

#include "messaging/messagingtypes.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace tandem::store {
class StoreThread;
struct StoreChange;
} // namespace tandem::store

namespace tandem::app {

class MemberListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Members belong to a ConversationController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { UserIdRole = Qt::UserRole + 1, DisplayNameRole, UserNameRole, ExternalRole, RoleRole };
    Q_ENUM(Role)

    // With a store, loads the conversation's members and follows its changes; without one, shows
    // what setMembers() gives (the composer's mention candidates).
    MemberListModel(store::StoreThread *store, QString conversationId, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(m_members.size()); }
    [[nodiscard]] const QList<messaging::MemberInfo> &members() const { return m_members; }
    [[nodiscard]] const messaging::MemberInfo *member(const QString &userId) const;
    void setMembers(QList<messaging::MemberInfo> members);

    // The member's display name, else the id.
    Q_INVOKABLE QString displayName(const QString &userId) const;

Q_SIGNALS:
    void countChanged();
    void membersChanged(); // the list or a member's receipt changed

private:
    void reload();

    store::StoreThread *m_store;
    QString m_conversationId;
    QList<messaging::MemberInfo> m_members;
    bool m_reloading = false;
    bool m_again = false;
};

} // namespace tandem::app
