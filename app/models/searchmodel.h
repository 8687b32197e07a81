// Ctrl+K: conversations, people and messages matching what is typed. Queries run on the store thread
// ~120 ms after the last keystroke; an answer to an older query than the current one is dropped.
#pragma once

#include <QAbstractListModel>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace tandem::store {
class StoreThread;
}

namespace tandem::app {

class SearchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Search belongs to a SpaceSession.")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // True from a keystroke until its answer is shown.
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)
    // The account (for direct conversations' names); read from the store when empty.
    Q_PROPERTY(QString selfUserId READ selfUserId WRITE setSelfUserId NOTIFY selfUserIdChanged)

public:
    enum Role {
        ResultKindRole = Qt::UserRole + 1, // "conversation" | "person" | "message"
        TitleRole,
        SubtitleRole,
        SnippetHtmlRole, // safe html: the snippet escaped, matches in <b>
        ConversationIdRole,
        MessageIdRole,
        UserIdRole,
        CreatedAtRole,
    };
    Q_ENUM(Role)

    static constexpr int kDebounceMs = 120;
    static constexpr int kLimitEach = 8;

    explicit SearchModel(store::StoreThread *store, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString query() const { return m_query; }
    void setQuery(const QString &query);
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] bool searching() const { return m_searching; }
    [[nodiscard]] QString selfUserId() const { return m_selfUserId; }
    void setSelfUserId(const QString &userId);

    Q_INVOKABLE void clear();

    struct Row
    {
        QString kind;
        QString title;
        QString subtitle;
        QString snippetHtml;
        QString conversationId;
        QString messageId;
        QString userId;
        qint64 createdAt = 0;
    };

Q_SIGNALS:
    void queryChanged();
    void countChanged();
    void searchingChanged();
    void selfUserIdChanged();
    void resultsReady(); // the answer for the current query is shown

private:
    void run();
    void setSearching(bool searching);
    void setRows(QList<Row> rows);

    store::StoreThread *m_store;
    QString m_query;
    QString m_selfUserId;
    QList<Row> m_rows;
    QTimer m_debounce;
    quint64 m_generation = 0;
    bool m_searching = false;
};

} // namespace tandem::app
