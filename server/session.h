// One WebSocket connection (docs/protocol.md §3): its state machine, its queue of requests (processed
// in order, which keeps mutation results in order, §5.3), the push of each synced space's stream with
// its window (§4.2), and flow control (§9).
#pragma once

#include "protocol/clientframes.h"
#include "protocol/codec.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <deque>

class QTcpSocket;
class QWebSocket;

namespace tandem::server {

class Server;

class Session : public QObject
{
    Q_OBJECT
public:
    enum class State { Open, Authenticating, Ready, Closing };

    // `tcp` is the socket under `socket` (a QSslSocket under TLS), or null.
    Session(Server &server, QWebSocket *socket, QTcpSocket *tcp, QObject *parent = nullptr);
    ~Session() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const QString &userId() const { return m_userId; }
    [[nodiscard]] const QString &deviceId() const { return m_deviceId; }
    [[nodiscard]] QStringList spaceIds() const { return m_spaces.keys(); }
    [[nodiscard]] const QString &sessionId() const { return m_sessionId; }
    // The client announced feature typing in hello (§6.7).
    [[nodiscard]] bool acceptsTyping() const { return m_acceptsTyping && m_state == State::Ready; }
    // Sends a pushed frame (a typing notice) when the session is ready.
    void push(const QJsonObject &frame);

    // The stream of `spaceId` grew: push what the window allows (soon, batched).
    void poke(const QString &spaceId);
    // Sends a fatal error and closes with its close code.
    void fail(
        QLatin1StringView code, const QString &reason, qint64 retryAfterMs = -1, const QString &rid = {});
    // Liveness (§9.3), called by the server's tick.
    void tick(qint64 now);

Q_SIGNALS:
    void finished(Session *session);

private:
    struct SpaceSync
    {
        QString epoch;
        bool live = false; // pushing (after resume, or after a snapshot's last page)
        qint64 sent = 0; // last seq pushed
        qint64 acked = 0; // last cumulative ack (or the starting point)
        bool pokeScheduled = false;
    };

    void onText(const QString &text);
    void onBinary(const QByteArray &data);
    void scheduleDrain();
    void drain();
    void handle(const protocol::ClientFrame &frame);
    // upload_begin, upload_chunk, download: the state and space checks, then `answer` (a Result of the
    // frame to send).
    template<typename Answer>
    void attachmentRequest(bool ready, const QString &spaceId, const char *type, Answer answer);

    void onLogin(const protocol::LoginFrame &f);
    void finishLogin(const protocol::LoginFrame &f, bool passwordOk, const QString &userId);
    void onHello(const protocol::HelloFrame &f);
    void onFetch(const protocol::FetchFrame &f);
    void onAck(const protocol::AckFrame &f);
    void onSnapshot(const protocol::SnapshotFrame &f);
    void onHistory(const protocol::HistoryFrame &f);
    void onMutate(const protocol::MutateFrame &f);
    void onLogout();

    // The space's sync state if this connection syncs it; else a fatal unexpected_frame and nullptr.
    SpaceSync *synced(const QString &spaceId);
    void pump(const QString &spaceId);
    void send(const QJsonObject &frame);
    void sendBytes(const QByteArray &utf8);
    void sendError(QLatin1StringView code, const QString &reason, const QString &rid = {},
        const QString &spaceId = {}, const QJsonObject &details = {}, qint64 retryAfterMs = -1);
    void internalError(const Error &error);
    void closeSocket(quint16 code, const QString &reason);

    Server &m_server;
    QPointer<QWebSocket> m_socket;
    QPointer<QTcpSocket> m_tcp;
    State m_state = State::Open;
    protocol::Limits m_limits; // defaults until welcome, then the announced ones
    QString m_sessionId;
    QString m_userId;
    QString m_deviceId;
    QByteArray m_tokenHash;
    QString m_address;
    QHash<QString, SpaceSync> m_spaces;
    bool m_acceptsTyping = false;

    std::deque<protocol::ClientFrame> m_queue;
    int m_queuedMutations = 0;
    int m_queuedRequests = 0;
    bool m_drainScheduled = false;
    bool m_busy = false; // a login is being verified off the event loop

    qint64 m_lastReceived = 0;
    qint64 m_lastSent = 0;
    qint64 m_helloDeadlineFrom = 0; // the handshake, or the answer to the last login
    int m_loginFailures = 0;
    int m_pingCounter = 0;

    // --mutation-rate: a token bucket per connection; slow_down, then rate_limited (§9.2).
    double m_tokens = 0;
    qint64 m_tokensAt = 0;
    qint64 m_slowDownUntil = 0;
    int m_slowDownViolations = 0;
};

} // namespace tandem::server
