// The space's conversations for the sidebar: pinned first, then by last activity, each with its
// unread and mention counts, last message, draft and members, who is typing there and, for a direct
// conversation, the other person's presence. Read on the store thread; a change re-reads the
// conversations it names (all of them when the list itself changed), and rows move, appear and
// disappear with fine-grained signals, so the view keeps its place and selection. Typing comes from
// the sync engine (SpaceSync::typingChanged), presence from the store (StoreChange::presence).
#pragma once

#include "messaging/messagingtypes.h"
#include "messaging/presencequeries.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>

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
        TypingTextRole, // "Bob is typing…", "Bob and Chen are typing…", "3 people are typing…"; empty: nobody
        PresenceRole, // direct only: online, away, busy, off_duty, offline; empty: not known
        PinnedRole,
        OtherUserIdRole, // direct conversations only
        PresenceTextRole, // direct only: "Online", "Away", "Off duty until 09:00"; empty: not known
        LastMessageAgeTextRole, // "just now", "3 minutes ago" within the last hour (refreshed each minute);
                                // else empty
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
    // "all", "mentions" or "muted"; anything else is refused with errorOccurred.
    Q_INVOKABLE void setNotifyLevel(const QString &conversationId, const QString &level);

    [[nodiscard]] const QList<messaging::ConversationSummary> &all() const { return m_all; }

    // A presence as people read it: "Online", "Away until 14:00", "Off duty until 09:00" (in the local
    // time of `now`; with the day when it is not today).
    static QString presenceText(const messaging::UserPresence &presence, const QDateTime &now);
    // "Bob is typing…", "Bob and Chen are typing…", "3 people are typing…"; empty for nobody.
    static QString typingText(const QStringList &names);

    // The clock the age texts are read against (tests set their own), and the once-a-minute refresh of
    // the rows whose age text it changes (dataChanged on LastMessageAgeTextRole only).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    void refreshAgeTexts();

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
    void onTypingChanged(const QString &conversationId, const QStringList &userIds);
    void readNames(const QStringList &userIds);
    void refreshPresence();
    // dataChanged for the rows of these conversations (or, with `users`, of the direct conversations
    // with these users).
    void rowsChanged(const QSet<QString> &conversationIds, const QList<int> &roles);
    void directRowsChanged(const QSet<QString> &userIds, const QList<int> &roles);

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

    QHash<QString, QStringList> m_typing; // conversation id -> user ids typing there
    QHash<QString, QString> m_names; // user id -> display name, for typing lines
    QHash<QString, messaging::UserPresence> m_presence; // by user id
    bool m_presenceRunning = false;
    bool m_presenceDirty = false;
    std::function<qint64()> m_clock;
    QTimer m_ageTimer;
};

// One conversation's typing and presence lines as the list shows them, for views outside the list
// (the open conversation's header): follows the row of `conversationId` in `model`.
class ConversationStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(tandem::app::ConversationListModel *model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(
        QString conversationId READ conversationId WRITE setConversationId NOTIFY conversationIdChanged)
    Q_PROPERTY(QString typingText READ typingText NOTIFY changed)
    Q_PROPERTY(QString presence READ presence NOTIFY changed)
    Q_PROPERTY(QString presenceText READ presenceText NOTIFY changed)

public:
    explicit ConversationStatus(QObject *parent = nullptr);

    [[nodiscard]] ConversationListModel *model() const { return m_model; }
    void setModel(ConversationListModel *model);
    [[nodiscard]] QString conversationId() const { return m_conversationId; }
    void setConversationId(const QString &id);
    [[nodiscard]] QString typingText() const { return m_typingText; }
    [[nodiscard]] QString presence() const { return m_presence; }
    [[nodiscard]] QString presenceText() const { return m_presenceText; }

Q_SIGNALS:
    void modelChanged();
    void conversationIdChanged();
    void changed();

private:
    void update();

    QPointer<ConversationListModel> m_model;
    QString m_conversationId;
    QString m_typingText;
    QString m_presence;
    QString m_presenceText;
};

} // namespace tandem::app
