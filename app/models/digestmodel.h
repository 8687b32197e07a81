// The catch-up digest of one space as a list for QML: built by boundary::buildDigest on the store
// thread, one row per item, in the digest's order, each with the conversation a click opens.
#pragma once

#include "boundary/digest.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace tandem::store {
class StoreThread;
}

namespace tandem::app {

class DigestModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each space has its digest: session.digest.")
    Q_PROPERTY(int count READ count NOTIFY loaded)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(qint64 from READ from NOTIFY loaded)
    Q_PROPERTY(qint64 to READ to NOTIFY loaded)
    Q_PROPERTY(QString errorText READ errorText NOTIFY loaded)

public:
    enum Role {
        SectionRole = Qt::UserRole + 1, // string: mention, direct, approval, task, thread, unread
        SectionTitleRole, // string, translated: "Mentions", "Direct messages"…
        ConversationIdRole, // string: where a click goes ("" when nowhere)
        TargetIdRole, // string: message, request or task id
        TitleRole, // string
        TextRole, // string "body": a first line, plain text
        CountRole, // int
        OverdueRole, // bool
        AtRole, // qint64 ms since the epoch
    };
    Q_ENUM(Role)

    DigestModel(store::StoreThread *store, QString self, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(m_items.size()); }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] qint64 from() const { return m_from; }
    [[nodiscard]] qint64 to() const { return m_to; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] const QList<boundary::DigestItem> &items() const { return m_items; }

    // Builds the digest of [from, to) off the GUI thread; `loaded` follows.
    void load(qint64 from, qint64 to);

    [[nodiscard]] static QString sectionKey(boundary::DigestItem::Section section);

Q_SIGNALS:
    void loaded();
    void busyChanged();

private:
    store::StoreThread *m_store;
    QString m_self;
    QList<boundary::DigestItem> m_items;
    qint64 m_from = 0;
    qint64 m_to = 0;
    bool m_busy = false;
    quint64 m_generation = 0;
    QString m_errorText;
};

} // namespace tandem::app
