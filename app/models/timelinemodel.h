// A conversation's (or a thread's) messages for a ListView, NEWEST FIRST: row 0 is the newest. Pages
// of 50 come from the store thread (fetchMore returns at once; rows arrive when the store answers), at
// most kMaxRows are held, and a store change re-reads only the loaded rows of the conversation it
// names: new messages are inserted at row 0, changed rows signal dataChanged, and nothing else moves.
#pragma once

#include "messaging/messagingtypes.h"

#include <QAbstractListModel>
#include <QCache>
#include <QSet>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace tandem::store {
class StoreThread;
struct StoreChange;
} // namespace tandem::store

namespace tandem::app {

class TimelineModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A timeline belongs to a ConversationController or a ThreadController.")
    Q_PROPERTY(QString conversationId READ conversationId CONSTANT)
    Q_PROPERTY(QString threadRootId READ threadRootId CONSTANT)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // True while a page is being read.
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // False after a jump to an older message: newer pages are then loaded with fetchNewer().
    Q_PROPERTY(bool atLatest READ atLatest NOTIFY atLatestChanged)
    Q_PROPERTY(QString firstUnreadMessageId READ firstUnreadMessageId NOTIFY firstUnreadMessageIdChanged)

public:
    enum class Mode { Conversation, Thread, Pinned };

    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        SenderIdRole,
        SenderNameRole,
        BodyRole, // raw text
        FormatRole, // "plain" | "markdown"
        BlocksRole, // QVariantList from app/rendering
        CreatedAtRole, // ms since the epoch
        TimeTextRole, // "14:05"
        DayTextRole, // "Today", "Yesterday", "Monday 23 November"
        ShowDaySeparatorRole, // first message of its day in reading order
        GroupedWithPreviousRole, // same sender as the message above, within 5 minutes, same day
        SendStateRole, // "sent" | "sending" | "failed"
        ErrorTextRole, // why a failed message was refused
        EditedRole,
        DeletedRole,
        MineRole,
        MentionsMeRole,
        ThreadReplyCountRole,
        ThreadLastReplyAtRole,
        ReplyToIdRole,
        ReplyToSenderNameRole,
        ReplyToTextRole, // one line, plain
        ReactionsRole, // [{emoji, count, mine, names}]
        ReadByCountRole,
        ReceiptTotalRole, // members other than the sender
        AttachmentsRole, // [{attachmentId, name, sizeBytes, mimeType, state, progress, localUrl, isImage}]
        HighlightedRole, // true for ~2 s after a jump to the message
        CanEditRole,
        CanDeleteRole,
        IsFirstUnreadRole,
        PinnedRole,
        SeqRole,
        MentionNamesRole,
        SystemKindRole, // a server notice's kind ("handover"); empty for an ordinary message
        SystemTextRole, // a server notice's sentence, translated (the body for an unknown kind); else empty
    };
    Q_ENUM(Role)

    static constexpr int kPageSize = 50;
    static constexpr int kMaxRows = 500;
    static constexpr qint64 kGroupWindowMs = 5 * 60 * 1000;
    static constexpr int kHighlightMs = 2000;

    TimelineModel(store::StoreThread *store, QString conversationId, QString selfUserId,
        Mode mode = Mode::Conversation, QString threadRootId = {}, QObject *parent = nullptr);
    ~TimelineModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] QString conversationId() const { return m_conversationId; }
    [[nodiscard]] QString threadRootId() const { return m_threadRootId; }
    [[nodiscard]] int count() const { return int(m_items.size()); }
    [[nodiscard]] bool loading() const { return m_loadingOlder || m_loadingNewer || m_loadingReset; }
    [[nodiscard]] bool atLatest() const { return m_atLatest; }
    [[nodiscard]] QString firstUnreadMessageId() const { return m_firstUnreadId; }

    // The view asks by scroll distance (qml/timeline/Timeline.qml): the page of messages older than the
    // last row, as fetchMore(); nothing while that page is loading or when the start is reached.
    Q_INVOKABLE void fetchOlder() { fetchMore({}); }
    // Loads the page of messages newer than row 0 (after a jump); nothing when atLatest.
    Q_INVOKABLE void fetchNewer();
    // Shows the newest page again.
    Q_INVOKABLE void jumpToLatest();
    // Loads the messages around `messageId`, then emits positionRequested(row) and highlights it.
    Q_INVOKABLE void loadAround(const QString &messageId);
    // The row of a loaded message, or -1.
    Q_INVOKABLE int rowOf(const QString &messageId) const;

    // What the controllers read (GUI thread, loaded rows only).
    [[nodiscard]] const QList<messaging::TimelineItem> &items() const { return m_items; }
    [[nodiscard]] const messaging::TimelineItem *item(const QString &messageId) const;
    [[nodiscard]] bool canEdit(const messaging::TimelineItem &item) const;
    [[nodiscard]] static bool withinWindow(const messaging::TimelineItem &item, qint64 windowMs);
    void setFirstUnreadMessageId(const QString &id);
    void setPolicy(const messaging::MessagePolicy &policy);
    void setCanModerate(bool canModerate); // owners and admins delete any message
    void setHighlighted(const QString &messageId);

Q_SIGNALS:
    void countChanged();
    void loadingChanged();
    void atLatestChanged();
    void firstUnreadMessageIdChanged();
    // After loadAround: the row to show.
    void positionRequested(int row);
    // The first page (or a reset) is in.
    void loaded();
    void errorOccurred(const QString &message);

private:
    void onStoreChanged(const store::StoreChange &change);
    void loadLatest();
    void requestRefresh(const QList<qint64> &rowids);
    void runRefresh();
    void applyRefresh(const QSet<qint64> &asked, const QList<messaging::TimelineItem> &found);
    void insertSorted(const messaging::TimelineItem &item);
    void removeAt(int row);
    void resetItems(QList<messaging::TimelineItem> items);
    void appendOlder(const QList<messaging::TimelineItem> &older);
    void prependNewer(const QList<messaging::TimelineItem> &newer);
    void trimNewest();
    void trimOldest();
    void setAtLatest(bool atLatest);
    void setLoading(bool &flag, bool value);
    void neighbourChanged(int row);
    [[nodiscard]] QVariantList blocksOf(const messaging::TimelineItem &item) const;
    [[nodiscard]] QVariantList reactionsOf(const messaging::TimelineItem &item) const;
    [[nodiscard]] static QVariantList attachmentsOf(const messaging::TimelineItem &item);
    [[nodiscard]] bool showDaySeparator(int row) const;
    [[nodiscard]] bool groupedWithPrevious(int row) const;
    [[nodiscard]] int rowOfRowid(qint64 rowid) const;

    store::StoreThread *m_store;
    QString m_conversationId;
    QString m_selfUserId;
    Mode m_mode;
    QString m_threadRootId;

    QList<messaging::TimelineItem> m_items; // newest first
    bool m_olderExhausted = false;
    bool m_atLatest = true;
    bool m_loadingOlder = false;
    bool m_loadingNewer = false;
    bool m_loadingReset = false;
    quint64 m_generation = 0; // bumped by each reset; answers for an older generation are dropped

    bool m_refreshRunning = false;
    bool m_refreshAll = false; // re-read every loaded row on the next refresh
    QSet<qint64> m_refreshRowids; // named by changes since the last refresh started
    QTimer m_refreshTimer; // coalesces bursts of changes into one read

    QString m_firstUnreadId;
    QString m_highlightedId;
    QTimer m_highlightTimer;
    messaging::MessagePolicy m_policy;
    bool m_canModerate = false;
    mutable QCache<QString, QVariantList> m_blocks; // rendered blocks by message id and edit time
};

} // namespace tandem::app
