// Files being attached from a composer: each row lives from the drop until its message is queued
// (then it leaves; the timeline shows the message) or until it fails (then it stays, with the reason).
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace tandem::app {

class UploadListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Uploads belong to a ComposerController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, ProgressRole, StateRole, ErrorTextRole };
    Q_ENUM(Role)

    explicit UploadListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return int(m_rows.size()); }

    // Returns the new row's key.
    int add(const QString &name);
    void finish(int key);
    void fail(int key, const QString &reason);
    // Forgets the failed rows (the user has read them).
    Q_INVOKABLE void clearFailed();

Q_SIGNALS:
    void countChanged();

private:
    struct Upload
    {
        int key = 0;
        QString name;
        QString state; // preparing, failed
        QString errorText;
    };
    [[nodiscard]] int rowOf(int key) const;

    QList<Upload> m_rows;
    int m_nextKey = 1;
};

} // namespace tandem::app
