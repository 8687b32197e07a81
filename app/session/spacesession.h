// One open space, as QML sees it: its store on a thread of its own, its encrypted file cache, its sync
// engine (none for a local space), the conversation list, search, the open conversation, and the
// totals the space switcher shows. Opening derives the key and opens the database off the GUI thread.
#pragma once

#include "platform/notifier.h"

#include "store/filecache.h"
#include "store/profile.h"
#include "store/syncstate.h"
#include "sync/syncstatus.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

Q_MOC_INCLUDE("attachmenttransfers.h")
Q_MOC_INCLUDE("conversationlistmodel.h")
Q_MOC_INCLUDE("conversationcontroller.h")
Q_MOC_INCLUDE("searchmodel.h")
Q_MOC_INCLUDE("spaceboundary.h")
Q_MOC_INCLUDE("digestmodel.h")

namespace tandem::store {
class StoreThread;
}
namespace tandem::sync {
class SpaceSync;
}

namespace tandem::app {

class AttachmentTransfers;
class ConversationListModel;
class ConversationController;
class SearchModel;
class SpaceBoundaryController;
class DigestModel;

class SpaceSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Spaces are opened by App.")
    Q_PROPERTY(QString spaceId READ spaceId CONSTANT)
    Q_PROPERTY(QString name READ name NOTIFY lookChanged)
    Q_PROPERTY(QString kind READ kind CONSTANT)
    // A palette key (Theme.accentPalette), empty for the kind's colour; one grapheme, empty for the initial.
    Q_PROPERTY(QString accent READ accent NOTIFY lookChanged)
    Q_PROPERTY(QString icon READ icon NOTIFY lookChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY accountChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY accountChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY accountChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY accountChanged)
    Q_PROPERTY(QString syncState READ syncState NOTIFY syncStateChanged)
    Q_PROPERTY(QString syncText READ syncText NOTIFY syncStateChanged)
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY totalsChanged)
    Q_PROPERTY(int mentionCount READ mentionCount NOTIFY totalsChanged)
    Q_PROPERTY(tandem::app::ConversationListModel *conversations READ conversations NOTIFY modelsChanged)
    Q_PROPERTY(tandem::app::ConversationController *currentConversation READ currentConversation NOTIFY
            currentConversationChanged)
    Q_PROPERTY(QString currentConversationId READ currentConversationId NOTIFY currentConversationChanged)
    Q_PROPERTY(tandem::app::SearchModel *search READ search NOTIFY modelsChanged)
    Q_PROPERTY(tandem::app::AttachmentTransfers *transfers READ transfers NOTIFY modelsChanged)
    // The space's schedule and its off-hours state; the catch-up digest (issue 5).
    Q_PROPERTY(tandem::app::SpaceBoundaryController *boundary READ boundary NOTIFY modelsChanged)
    Q_PROPERTY(tandem::app::DigestModel *digest READ digest NOTIFY modelsChanged)

public:
    SpaceSession(const QString &profileDirectory, store::SpaceEntry entry, QObject *parent = nullptr);
    ~SpaceSession() override;

    // Unlocks the key and opens the store (off the GUI thread), then starts the sync when the space has
    // a server. With `serverUrl`, the space's server address is changed first (the demo's new port).
    // `opened` or `openFailed` follows.
    void open(const QString &passphrase, const QUrl &serverUrl = {});
    [[nodiscard]] bool isOpen() const { return m_open; }

    [[nodiscard]] QString spaceId() const { return m_entry.meta.id; }
    [[nodiscard]] QString name() const { return m_entry.meta.name; }
    [[nodiscard]] QString kind() const { return m_entry.meta.kind; }
    [[nodiscard]] QString accent() const { return m_entry.meta.accent; }
    [[nodiscard]] QString icon() const { return m_entry.meta.icon; }
    // Renames the space and sets its accent and icon in the profile; the error's message (translated), or
    // an empty string when the change is saved.
    Q_INVOKABLE QString editLook(const QString &name, const QString &accent, const QString &icon);
    [[nodiscard]] QString userId() const { return m_account.userId; }
    [[nodiscard]] QString userName() const { return m_account.userName; }
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] QString serverUrl() const { return m_account.serverUrl; }
    [[nodiscard]] QString syncState() const { return m_syncState; }
    [[nodiscard]] QString syncText() const { return m_syncText; }
    [[nodiscard]] int unreadCount() const { return m_unread; }
    [[nodiscard]] int mentionCount() const { return m_mentions; }
    [[nodiscard]] ConversationListModel *conversations() const { return m_conversations; }
    [[nodiscard]] ConversationController *currentConversation() const { return m_current; }
    [[nodiscard]] QString currentConversationId() const { return m_currentId; }
    [[nodiscard]] SearchModel *search() const { return m_search; }
    [[nodiscard]] AttachmentTransfers *transfers() const { return m_transfers; }
    [[nodiscard]] SpaceBoundaryController *boundary() const { return m_boundary; }
    [[nodiscard]] DigestModel *digest() const { return m_digest; }

    [[nodiscard]] store::StoreThread *store() const { return m_store.get(); }
    [[nodiscard]] sync::SpaceSync *spaceSync() const { return m_sync.get(); }
    [[nodiscard]] std::shared_ptr<store::FileCache> files() const { return m_files; }

    // Replaces the open conversation (the old controller is deleted later).
    Q_INVOKABLE void openConversation(const QString &conversationId);
    // A user's display name (their user name when they have none; the id when unknown). The contract's
    // `userName(userId)` is this: QML cannot tell a method from the `userName` property of the same name.
    Q_INVOKABLE QString displayNameOf(const QString &userId) const;
    // People of the space whose name or id contains `text` (any case), by name, at most `limit`, without
    // the signed-in user: [{userId, displayName}]. From the names held in memory, for pickers.
    Q_INVOKABLE QVariantList findPeople(const QString &text, int limit = 8) const;
    // Logs in again when the sync needs it (syncState "needs_login").
    Q_INVOKABLE void login(const QString &password);
    // Builds the catch-up digest since the off period began (or the last digest); `digestRequested`
    // follows.
    Q_INVOKABLE void openDigest();

Q_SIGNALS:
    void opened();
    void lookChanged();
    void openFailed(const tandem::Error &error);
    void accountChanged();
    void syncStateChanged();
    void totalsChanged();
    void modelsChanged();
    void currentConversationChanged();
    // New messages from others, after the first full sync (for notifications).
    void messagesArrived(const QList<tandem::app::IncomingMessage> &messages);
    // The digest is loaded and should be shown (on demand, or a work period began after an off period).
    void digestRequested();

private:
    void adoptOpened(const QUrl &serverUrl, const QString &passphrase);
    void finishOpening(const QString &passphrase);
    void startSync(const QString &passphrase);
    void setSyncStatus(const sync::SyncStatus &status);
    void setSync(const QString &state, const QString &text);
    void onStoreChanged(const store::StoreChange &change);
    void refreshTotals();
    void setUpBoundary();

    QString m_profileDirectory;
    store::SpaceEntry m_entry;
    store::SyncAccount m_account;
    std::unique_ptr<store::StoreThread> m_store;
    std::shared_ptr<store::FileCache> m_files;
    std::unique_ptr<sync::SpaceSync> m_sync;
    ConversationListModel *m_conversations = nullptr;
    SearchModel *m_search = nullptr;
    AttachmentTransfers *m_transfers = nullptr;
    ConversationController *m_current = nullptr;
    SpaceBoundaryController *m_boundary = nullptr;
    DigestModel *m_digest = nullptr;
    bool m_digestAutomatic = false; // the digest being read was asked by the schedule, not the person
    QString m_currentId;
    bool m_open = false;
    bool m_settledOnce = false; // arrivals are offered to notifications only after the first sync
    bool m_armRequested = false;

    QString m_syncState = QStringLiteral("idle");
    QString m_syncText;
    int m_unread = 0;
    int m_mentions = 0;
    QHash<QString, QString> m_names; // user id → display name

    // Totals and arrivals are read after a burst of store changes, at most one read in flight.
    QTimer m_refresh;
    bool m_refreshing = false;
    bool m_refreshAgain = false;
    bool m_usersDirty = false;
    qint64 m_seenRowid = 0; // messages up to here were offered to notifications already

    struct Opening; // key and store, between the worker and the GUI thread
    std::shared_ptr<Opening> m_opening;
};

} // namespace tandem::app

Q_DECLARE_METATYPE(tandem::app::IncomingMessage)
