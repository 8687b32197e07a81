// One space's connection to its server (docs/protocol.md §2-§10), on a thread of its own: it owns the
// WebSocket, logs in when it has no token, says hello with the stored epoch and cursor, applies events
// in order (each batch with its cursor in one store transaction), takes snapshots, backfills history,
// sends the outbox and records results, keeps the connection alive and reconnects with backoff. All
// store work goes through the space's StoreThread; nothing here blocks on SQL.
#pragma once

#include "backoff.h"
#include "eventsequencer.h"
#include "syncconfig.h"
#include "syncstatus.h"
#include "typingtracker.h"

#include "protocol/serverframes.h"
#include "store/storethread.h"
#include "store/syncstate.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

class QWebSocket;

namespace tandem::sync {

class SpaceConnection : public QObject
{
    Q_OBJECT
public:
    SpaceConnection(store::StoreThread *store, SyncConfig config, QObject *parent = nullptr);
    ~SpaceConnection() override;

    // Everything applied, sent and answered: cursor at the head, outbox empty, backfill done.
    [[nodiscard]] bool isSettled() const;

public Q_SLOTS:
    void start();
    // Closes with 1000 and stops reconnecting.
    void stop();
    // New rows were written to the outbox: send them.
    void outboxChanged();
    // A password for the next login (after NeedsLogin); restarts the connection.
    void loginWith(const QString &password);
    // Fetches an attachment into the encrypted file cache, resuming what is already there (§8.2).
    void downloadAttachment(const QString &attachmentId);
    // Tells the other members that the account is typing in the conversation (§6.7), when the server
    // announced typing; at most once per kTypingIntervalMs per conversation, whatever the caller does.
    void sendTyping(const QString &conversationId);

Q_SIGNALS:
    void statusChanged(const tandem::sync::SyncStatus &status);
    void settled();
    void mutationRejected(const QString &mutationId, const QString &code, const QString &reason);
    // After device_revoked: the local spaces of this account were wiped (ids), or a wipe failed.
    void spacesWiped(const QStringList &spaceIds);
    // An attachment is complete in the file cache and checked against its SHA-256.
    void attachmentReady(const QString &attachmentId);
    void attachmentFailed(const QString &attachmentId, const QString &reason);
    // Bytes of an attachment confirmed by the server (upload) or held in the cache (download) so far:
    // at most every kProgressIntervalMs per transfer, and always when `done` reaches `total`.
    void transferProgress(const QString &attachmentId, bool upload, qint64 done, qint64 total);
    // The other members typing in a conversation now, in the order they started (empty: nobody).
    void typingChanged(const QString &conversationId, const QStringList &userIds);

private:
    static constexpr qint64 kTypingIntervalMs = 3000; // §6.7: a MUST for clients
    static constexpr qint64 kProgressIntervalMs = 100;
    enum class Phase { Idle, Opening, LoggingIn, Hello, Ready, Backoff, Stopped };
    enum class RequestKind { Login, Hello, Fetch, Snapshot, History, Mutate, Ping, Upload, Download };
    // One attachment on its way up or down.
    struct Transfer
    {
        QString attachmentId;
        QString mutationId; // uploads: the message.send waiting for it
        QString name;
        QString mimeType;
        QString sha256;
        qint64 size = 0;
        int mismatches = 0; // hash_mismatch answers so far; three and it fails (§8.1)
        qint64 progressAtMs = -1; // when transferProgress was last emitted for it
    };
    struct Pending
    {
        RequestKind kind;
        qint64 sentAtMs = 0;
        QString context; // the mutation id, the conversation id, …
    };

    // session (spaceconnection.cpp)
    void loadAndConnect();
    void openSocket();
    void onConnected();
    void onText(const QString &text);
    void onDisconnected();
    void dispatch(const QJsonObject &frame);
    void sendFrame(const QJsonObject &frame);
    void sendRaw(const QByteArray &utf8);
    QString nextRid();
    void sendLogin();
    void sendHello();
    void onLoginResult(const protocol::LoginResult &result);
    void onWelcome(const protocol::Welcome &welcome);
    void rememberPolicy(const protocol::Welcome &welcome); // the edit window, into the store
    void onError(const protocol::ErrorInfo &error);
    void protocolFailure(const QString &why);
    void closeWith(quint16 code, QLatin1StringView errorCode, const QString &reason);
    void afterClose();
    void scheduleReconnect(qint64 atLeastMs);
    void setStatus(SyncState state, const QString &reason = {}, const QString &code = {});
    void stopWith(SyncState state, const QString &reason, const QString &code);
    void needLogin(const QString &reason, const QString &code);
    void wipe(bool wholeAccount);
    void tick();
    void resetConnectionState();
    void checkSettled();
    void storeFailed(const Error &error);

    // events, snapshots, history (spacestream.cpp)
    void onEvents(const protocol::EventsFrame &frame);
    void applyBatch(const QList<protocol::Event> &events);
    void fetch();
    void scheduleAck();
    void sendAck();
    void startSnapshot();
    void requestSnapshotPage(const QString &pageToken);
    void onSnapshotPage(const protocol::SnapshotPage &page);
    void startBackfill();
    void requestNextHistory();
    void onHistoryPage(const protocol::HistoryPage &page);
    void sendRequest(RequestKind kind, QJsonObject frame, const QString &context = {});
    void drainRequests();

    // mutations (spaceoutbox.cpp)
    void reloadOutbox();
    void pumpOutbox();
    void onResult(const protocol::MutationResult &result);

    // attachments (spaceattachments.cpp)
    // True when `row` names attachments not yet on the server: their uploads are started and the row
    // (and every row after it, to keep the order) waits.
    bool waitsForUploads(const store::OutboxRow &row);
    void beginUpload(const Transfer &transfer);
    void sendUploadChunk(const QString &attachmentId, qint64 offset);
    void onUploadState(const protocol::UploadState &state);
    void requestDownloadChunk(const QString &attachmentId);
    void onDownloadChunk(const protocol::DownloadChunk &chunk);
    // An error answering an upload or download request; false when it is not about one.
    bool onTransferError(const Pending &answered, const protocol::ErrorInfo &error);
    void failUpload(const QString &attachmentId, QLatin1StringView code, const QString &reason);
    void failDownload(const QString &attachmentId, const QString &reason);
    void resumeTransfers();
    void reportProgress(Transfer &transfer, bool upload, qint64 done);

    template<typename R, typename F> void whenDone(QFuture<Result<R>> future, F &&onOk);

    store::StoreThread *m_store;
    SyncConfig m_config;
    QPointer<QWebSocket> m_socket;
    Phase m_phase = Phase::Idle;
    SyncStatus m_status;
    Backoff m_backoff;
    QTimer m_reconnectTimer {this}; // a child, so that it moves to the connection's thread
    QTimer m_tickTimer {this};
    QTimer m_gapTimer {this};
    QTimer m_tailTimer {this};
    QTimer m_ackTimer {this};
    QElapsedTimer m_clock;
    bool m_stopRequested = false;
    int m_protocolCloses = 0;
    quint64 m_generation = 0; // bumped per connection, so late store answers of an old one are ignored

    // stored state
    store::SyncAccount m_account;
    store::SyncCursor m_cursor; // as committed
    QString m_password;

    // per connection
    protocol::Limits m_limits;
    quint64 m_ridCounter = 0;
    QHash<QString, Pending> m_pending;
    std::deque<std::pair<RequestKind, std::pair<QJsonObject, QString>>> m_requestQueue;
    int m_requestsInFlight = 0;
    qint64 m_lastReceivedMs = 0;
    qint64 m_lastSentMs = 0;
    qint64 m_readySinceMs = -1;
    qint64 m_mutationsPausedUntilMs = 0;
    qint64 m_requestsPausedUntilMs = 0;
    quint16 m_localCloseCode = 0;
    std::optional<protocol::ErrorInfo> m_fatalError;
    bool m_snapshotAfterClose = false;

    EventSequencer m_sequencer;
    qint64 m_headSeq = 0;
    qint64 m_ackedSeq = 0;
    bool m_fetchInFlight = false;
    int m_pendingWrites = 0;
    bool m_snapshotActive = false;
    QString m_snapshotEpoch;
    qint64 m_snapshotAtSeq = -1;
    bool m_backfillRunning = false;
    bool m_backfillDone = false;
    bool m_backfillDirty = false;
    std::deque<QPair<QString, qint64>> m_historyQueue;

    QList<store::OutboxRow> m_outbox; // unanswered rows, in outbox order
    QSet<QString> m_sentHere; // mutation ids sent on this connection
    int m_mutationsInFlight = 0;
    bool m_outboxLoaded = false;
    bool m_wasSettled = false;

    QHash<QString, Transfer> m_uploads; // by attachment id: begun on this connection
    QSet<QString> m_uploaded; // complete on the server (kept across connections)
    QHash<QString, Transfer> m_downloads; // wanted, until complete or failed (kept across connections)
    QSet<QString> m_downloading; // a chunk request is out on this connection

    // typing (§6.7)
    QStringList m_serverFeatures; // from welcome
    QHash<QString, qint64> m_typingSentAtMs; // by conversation, on m_clock; per connection
    TypingTracker m_typing {this};
};

// Runs `onOk` on this thread once a store job succeeded (and the connection it belongs to is still
// the current one); a failed job restarts the connection.
template<typename R, typename F> void SpaceConnection::whenDone(QFuture<Result<R>> future, F &&onOk)
{
    ++m_pendingWrites;
    const quint64 generation = m_generation;
    // A watcher owned by the connection, not QFuture::then(this, …): in Qt 6.4 a context continuation
    // whose context is destroyed first can still run on a dead promise (seen as a crash when a test
    // tore a connection down with writes in flight). A child watcher dies with the connection and
    // delivers nothing after that.
    auto *watcher = new QFutureWatcher<Result<R>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
        [this, watcher, generation, onOk = std::forward<F>(onOk)]() mutable {
            watcher->deleteLater();
            --m_pendingWrites;
            Result<R> result = watcher->future().result();
            if (!result) {
                storeFailed(result.error());
                return;
            }
            if (generation == m_generation) {
                if constexpr (std::is_void_v<R>)
                    onOk();
                else
                    onOk(std::move(result.value()));
            }
            checkSettled();
        });
    watcher->setFuture(std::move(future));
}

} // namespace tandem::sync
