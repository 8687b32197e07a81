// The open spaces, in the order the space switcher shows them, with the totals each one's session
// keeps up to date.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace tandem::app {

class SpaceSession;

class SpaceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.spaces lists the open spaces.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        SpaceIdRole = Qt::UserRole + 1, // string: the local space's id
        NameRole, // string
        KindRole, // string: "work" or "personal"
        UnreadCountRole, // int: unread messages in conversations that are not muted
        MentionCountRole, // int
        SyncStateRole, // string: SpaceSession::syncState
        SessionRole, // SpaceSession*
        AccentRole, // "lookAccent" (not "accent" or "icon": SpaceTile has those): a palette key, empty for
                    // the kind's colour
        IconRole, // string: one grapheme, empty for the name's initial
    };
    Q_ENUM(Role)

    explicit SpaceListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(m_sessions.size()); }
    [[nodiscard]] SpaceSession *at(int row) const;
    [[nodiscard]] const QList<SpaceSession *> &sessions() const { return m_sessions; }
    // Sessions are owned by their parent (App); the model only lists them.
    void append(SpaceSession *session);
    void clear();

Q_SIGNALS:
    void countChanged();
    // Any session's unread or mention total changed.
    void totalsChanged();

private:
    void sessionChanged(SpaceSession *session, const QList<int> &roles);

    QList<SpaceSession *> m_sessions;
};

} // namespace tandem::app
