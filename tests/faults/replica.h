// One client replica for the robustness tests: a profile holding one space synced from a real
// tandem-server, its store thread, and the sync engine (core/sync) on it. Also the canonical view of
// messages that the tests compare between replicas and with the server's own database.
#pragma once

#include "store/profile.h"
#include "store/storethread.h"
#include "sync/spaceconnection.h"
#include "sync/spacesync.h"
#include "util/result.h"

#include <QMap>
#include <QString>
#include <QUrl>

#include <memory>

namespace tandem::test {

// One message as every replica must agree on it (the fields a user sees as "the message").
struct CanonicalMessage
{
    QString id;
    QString conversationId;
    qint64 cseq = 0;
    QString senderId;
    QString body;
    bool edited = false;
    bool deleted = false;
};

// Per conversation, a SHA-256 of its messages in cseq order: "id cseq sender edited deleted body".
QMap<QString, QByteArray> canonicalHashes(const QList<CanonicalMessage> &messages);

// The messages in the server's database (server.db in its data directory), read without the server.
Result<QList<CanonicalMessage>> serverMessages(const QString &dataDir);

class Replica
{
public:
    // The profile lives in `profileDir`; the account is `userName` with the demo password.
    Replica(QString profileDir, QString userName);
    ~Replica();

    // Creates the profile's space, bound to `serverSpaceId` on `server`, with no token yet (the
    // engine logs in with the password on first start).
    [[nodiscard]] Status create(const QUrl &server, const QString &serverSpaceId);
    // Opens the space created earlier (by this process or another one).
    [[nodiscard]] Status open();
    // Runs the engine (SpaceConnection) on this thread; with `ownThread`, through SpaceSync on a thread
    // of its own, as the app does.
    void start(sync::SyncConfig config, bool ownThread = false);
    void stop();
    void close(); // stops and closes the store

    [[nodiscard]] sync::SyncState state() const { return m_state; }
    [[nodiscard]] store::StoreThread *store() const { return m_store.get(); }
    [[nodiscard]] const QString &userName() const { return m_userName; }
    // How often the engine's `settled` signal fired.
    [[nodiscard]] int settledCount() const { return m_settled; }
    // Everything applied, sent and answered, asked of the engine itself when it runs on this thread
    // (SpaceConnection::isSettled); through SpaceSync only the signal can tell.
    [[nodiscard]] bool isSettled() const;

    // Queues a message (outbox row and local echo in one transaction); the message id, or an error.
    Result<QString> send(const QString &conversationId, const QString &body);

    // Messages the server has confirmed (send_state 0).
    Result<QList<CanonicalMessage>> messages();
    // Rows in the outbox in any state, and local echoes not yet confirmed.
    Result<qint64> unfinished();
    Result<qint64> rejectedOutboxRows();
    // Conversation ids this replica holds.
    Result<QStringList> conversations();

    // The settings every robustness test uses: short waits, full history, no giving up.
    static sync::SyncConfig testConfig();

private:
    QString m_profileDir;
    QString m_userName;
    store::Profile m_profile;
    std::unique_ptr<store::StoreThread> m_store;
    std::unique_ptr<sync::SpaceSync> m_sync;
    std::unique_ptr<sync::SpaceConnection> m_connection;
    int m_settled = 0;
    sync::SyncState m_state = sync::SyncState::Idle;
};

} // namespace tandem::test
