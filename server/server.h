// tandem-server: the WebSocket listener, the registry of live sessions (who syncs which stream, which
// device holds which space), the shared services sessions use, and the periodic tick (liveness,
// expiry, administrative changes made by `tandem-server admin` while the server runs).
#pragma once

#include "accounts.h"
#include "attachments.h"
#include "mutationengine.h"
#include "options.h"
#include "presence.h"
#include "serverstore.h"
#include "sessionsupport.h"
#include "typingrelay.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <memory>

class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

namespace tandem::server {

class Session;

class Server : public QObject
{
    Q_OBJECT
public:
    Server(ServerOptions options, std::unique_ptr<ServerStore> store, QObject *parent = nullptr);
    ~Server() override;

    Status listen();
    [[nodiscard]] QUrl url() const;
    // Sends server_shutdown to every connection, then emits stopped() once they are closed (or after
    // a short grace period).
    void shutdown();

    [[nodiscard]] const ServerOptions &options() const { return m_options; }
    [[nodiscard]] ServerStore &store() { return *m_store; }
    [[nodiscard]] MutationEngine &engine() { return m_engine; }
    [[nodiscard]] Accounts &accounts() { return m_accounts; }
    [[nodiscard]] AttachmentService &attachments() { return m_attachments; }
    [[nodiscard]] LoginLimiter &loginLimiter() { return m_loginLimiter; }
    [[nodiscard]] SnapshotCache &snapshots() { return m_snapshots; }
    [[nodiscard]] const QString &dummyPasswordHash() const { return m_dummyHash; }
    [[nodiscard]] Presence &presence() { return m_presence; }
    [[nodiscard]] QStringList features() const;

    // Streams that grew: poke every session that pushes them.
    void notify(const QSet<StreamKey> &touched);
    // A session syncs these spaces for its device: older sessions of the device on any of them are
    // replaced (§3.3); the session is registered for pushes.
    void attach(Session *session, const QStringList &spaceIds);
    void closeDevice(const QString &deviceId, QLatin1StringView code, const QString &reason);
    void closeUser(const QString &userId, QLatin1StringView code, const QString &reason);
    // A ready session's typing notice (§6.7): relayed to the other members' ready sessions that asked
    // for notices, or dropped.
    void relayTyping(Session *from, const protocol::TypingFrame &notice);

Q_SIGNALS:
    void stopped();

private:
    void onTcpConnection();
    void onNewConnection();
    void onSessionFinished(Session *session);
    void presenceChanged(const Result<QSet<StreamKey>> &touched);
    void tick();
    void pollAdminChanges();
    // Scheduled send (server/boundary/): messages whose time has come, delivered.
    void deliverScheduled(qint64 now);

    ServerOptions m_options;
    std::unique_ptr<ServerStore> m_store;
    Presence m_presence;
    TypingRelay m_typing;
    MutationEngine m_engine;
    Accounts m_accounts;
    AttachmentService m_attachments;
    LoginLimiter m_loginLimiter;
    SnapshotCache m_snapshots;
    QString m_dummyHash;
    QWebSocketServer *m_ws = nullptr;
    // Connections are accepted here (a QSslServer under TLS) and handed to m_ws, so that each session
    // knows its TCP socket and can close it lingering (lingeringclose.h).
    QTcpServer *m_tcp = nullptr;
    QHash<QString, QPointer<QTcpSocket>> m_handshaking; // by the peer's "address port"
    QSet<Session *> m_sessions;
    QHash<StreamKey, QList<Session *>> m_byStream;
    QHash<QPair<QString, QString>, Session *> m_byDeviceSpace; // (device, space)
    QSet<Session *> m_present; // attached sessions, each counted once by m_presence
    QTimer m_tick;
    qint64 m_lastAdminChange = 0;
    qint64 m_lastAdminPoll = 0;
    bool m_stopping = false;
};

} // namespace tandem::server
