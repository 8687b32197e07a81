// The space's conversations for the sidebar: pinned first, then by last activity, each with its
// unread and mention counts, last message, draft and members. Read on the store thread; a change
// re-reads the conversations it names (all of them when the list itself changed), and rows move,
// appear and disappear with fine-grained signals, so the view keeps its place and selection.
#pragma once

#include "messaging/messagingtypes.h"

#include <QAbstractListModel>
#include <QSet>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace tandem::store {
class StoreThread;
struct StoreChange;
} // namespace tandem::store

namespace tandem::sync {
class SpaceSync;
}

namespace tandem::app {

class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The conversation list belongs to a SpaceSession.")
    // Shows only the conversations whose name contains this text (case-insensitive).
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    enum Role {
        ConversationIdRole = Qt::UserRole + 1,
        NameRole, // for a direct conversation, the other person's display name
        KindRole, // "direct" | "group" | "channel"
        TopicRole,
        ExternalRole,
        UnreadCountRole,
        MentionCountRole,
        LastMessageTextRole, // plain, one line, at most 200 characters
        LastSenderNameRole, // "You" for the account's own messages
        LastMessageAtRole, // last activity, ms since the epoch
        DraftTextRole,
        MemberCountRole,
        MutedRole,
        TypingTextRole, // empty in v1: the protocol has no typing frames
        PresenceRole, // empty in v1
        PinnedRole,
        OtherUserIdRole, // direct conversations only
    };
    Q_ENUM(Role)

    ConversationListModel(
        store::StoreThread *store, sync::SpaceSync *sync, QString selfUserId, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] bool loading() const { return m_loading; }

    // The row showing a conversation, or -1.
    Q_INVOKABLE int indexOf(const QString &conversationId) const;
    Q_INVOKABLE QString conversationIdAt(int row) const;
    // Conversation preferences (prefs.set): pinned to the top, muted.
    Q_INVOKABLE void setPinned(const QString &conversationId, bool pinned);
    Q_INVOKABLE void setMuted(const QString &conversationId, bool muted);

    [[nodiscard]] const QList<messaging::ConversationSummary> &all() const { return m_all; }

Q_SIGNALS:
    void filterTextChanged();
    void countChanged();
    void loadingChanged();
    void loaded(); // the first read is in
    void errorOccurred(const QString &message);

private:
    void onStoreChanged(const store::StoreChange &change);
    void refresh();
    void merge(const QList<messaging::ConversationSummary> &fresh, const QSet<QString> &asked, bool whole);
    void show();
    void setPrefs(const QString &conversationId, const QJsonObject &prefs);
    [[nodiscard]] QString lastMessageText(const messaging::ConversationSummary &c) const;

    store::StoreThread *m_store;
    sync::SpaceSync *m_sync;
    QString m_selfUserId;
    QString m_filterText;
    QList<messaging::ConversationSummary> m_all; // every conversation, in order
    QList<messaging::ConversationSummary> m_rows; // those shown
    bool m_loading = false;
    bool m_loadedOnce = false;
    bool m_running = false;
    bool m_wholeDirty = true;
    QSet<QString> m_dirty;
    QTimer m_timer; // coalesces bursts of changes
};

} // namespace tandem::app
