#include "server.h"

#include "session.h"

#include "boundary/boundarykinds.h"

#include "protocol/codec.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

namespace tandem::server {

Q_LOGGING_CATEGORY(lcServer, "tandem.server")

using namespace Qt::StringLiterals;

namespace {
constexpr int kTickMs = 250;
constexpr qint64 kAdminPollMs = 1000;

QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u' ' + QString::number(port);
}
} // namespace

Server::Server(ServerOptions options, std::unique_ptr<ServerStore> store, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_store(std::move(store))
    , m_presence(*m_store)
    , m_typing(*m_store)
    , m_engine(*m_store, m_options.limits, m_options.policy, features())
    , m_accounts(*m_store)
    , m_attachments(*m_store, m_options.dataDir + u"/attachments"_s)
    , m_dummyHash(Accounts::hashPassword(Accounts::randomId("", 16)))
{
    if (m_options.presence)
        m_engine.setPresence(&m_presence);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &Server::tick);
}

Server::~Server()
{
    // Sessions are children of this object; they must not call back into a half-destroyed server.
    for (Session *s : std::as_const(m_sessions))
        disconnect(s, nullptr, this, nullptr);
}

Status Server::listen()
{
    const bool tls = !m_options.tlsCert.isEmpty();
    const int handshakeMs = int(std::min<qint64>(m_options.limits.idleTimeoutMs, 30000));
    // We accept the connections ourselves (TLS included) and hand them to m_ws for the WebSocket
    // handshake: so each session knows its TCP socket and can close it lingering (lingeringclose.h).
    if (tls) {
        QFile certFile(m_options.tlsCert);
        QFile keyFile(m_options.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return Error::make(ErrorCode::Io, u"cannot read --tls-cert or --tls-key"_s);
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || key.isNull())
            return Error::make(
                ErrorCode::Invalid, u"--tls-cert or --tls-key is not a PEM certificate / key"_s);
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(key);
        ssl.setProtocol(QSsl::TlsV1_2OrLater);
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(ssl);
        sslServer->setHandshakeTimeout(handshakeMs);
        m_tcp = sslServer;
    } else {
        m_tcp = new QTcpServer(this);
    }
    m_ws = new QWebSocketServer(u"tandem-server"_s, QWebSocketServer::NonSecureMode, this);
    m_ws->setSupportedSubprotocols({QString(protocol::kSubprotocol)});
    m_ws->setMaxPendingConnections(1024);
    m_ws->setHandshakeTimeout(handshakeMs);
    QHostAddress address;
    if (m_options.host == u"localhost"_s)
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(m_options.host))
        return Error::make(ErrorCode::Invalid, u"--listen needs an IP address or localhost"_s);
    m_tcp->setMaxPendingConnections(1024);
    if (!m_tcp->listen(address, m_options.port))
        return Error::make(ErrorCode::Io,
            u"cannot listen on %1:%2: %3"_s.arg(m_options.host)
                .arg(m_options.port)
                .arg(m_tcp->errorString()));
    // Not newConnection: QSslServer offers a socket once its TLS handshake is done, and says so here.
    connect(m_tcp, &QTcpServer::pendingConnectionAvailable, this, &Server::onTcpConnection);
    // Accepted sockets inherit TCP_NODELAY from the listening socket (Linux, BSD, Windows). Without it
    // a frame written in two pieces (header, then body) waits for the client's delayed ACK: 40 ms on
    // every answer larger than one segment (lowdelay.h). It is set once here rather than on every
    // accepted socket.
    if (const qintptr fd = m_tcp->socketDescriptor(); fd >= 0) {
        const int on = 1;
        ::setsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    }
    connect(m_ws, &QWebSocketServer::newConnection, this, &Server::onNewConnection);
    auto last = m_store->lastAdminChange();
    m_lastAdminChange = last ? *last : 0;
    m_tick.start();
    return {};
}

QStringList Server::features() const
{
    QStringList out {u"typing"_s};
    if (m_options.presence)
        out.prepend(u"presence"_s);
    if (m_options.scheduledSend)
        out << u"scheduled_send"_s;
    if (m_options.urgent)
        out << u"urgent"_s;
    out << u"tasks"_s;
    out << u"approvals"_s;
    out << u"handover"_s;
    return out;
}

QUrl Server::url() const
{
    QUrl url;
    url.setScheme(m_options.tlsCert.isEmpty() ? u"ws"_s : u"wss"_s);
    url.setHost(m_tcp->serverAddress().toString());
    url.setPort(m_tcp->serverPort());
    return url;
}

void Server::onTcpConnection()
{
    while (QTcpSocket *tcp = m_tcp->nextPendingConnection()) {
        const QString key = peerKey(tcp->peerAddress(), tcp->peerPort());
        m_handshaking.insert(key, tcp);
        // A failed or timed-out handshake: m_ws deletes the socket, and never hands out a QWebSocket.
        connect(tcp, &QObject::destroyed, this, [this, key] {
            auto it = m_handshaking.find(key);
            if (it != m_handshaking.end() && it->isNull())
                m_handshaking.erase(it);
        });
        m_ws->handleConnection(tcp);
    }
}

void Server::onNewConnection()
{
    while (QWebSocket *socket = m_ws->nextPendingConnection()) {
        QTcpSocket *tcp = m_handshaking.take(peerKey(socket->peerAddress(), socket->peerPort()));
        if (m_stopping) {
            socket->close(QWebSocketProtocol::CloseCodeGoingAway, QString(protocol::code::server_shutdown));
            socket->deleteLater();
            continue;
        }
        auto *session = new Session(*this, socket, tcp, this);
        m_sessions.insert(session);
        connect(session, &Session::finished, this, &Server::onSessionFinished);
    }
}

void Server::onSessionFinished(Session *session)
{
    if (!m_sessions.remove(session))
        return;
    for (const QString &space : session->spaceIds()) {
        auto it = m_byStream.find({space, session->userId()});
        if (it != m_byStream.end()) {
            it->removeAll(session);
            if (it->isEmpty())
                m_byStream.erase(it);
        }
        const QPair<QString, QString> key {session->deviceId(), space};
        if (m_byDeviceSpace.value(key) == session)
            m_byDeviceSpace.remove(key);
    }
    m_typing.forget(session->sessionId());
    if (m_present.remove(session))
        presenceChanged(m_presence.disconnected(session->userId(), protocol::nowMs()));
    session->deleteLater();
    if (m_stopping && m_sessions.isEmpty())
        Q_EMIT stopped();
}

void Server::notify(const QSet<StreamKey> &touched)
{
    for (const StreamKey &key : touched) {
        const auto it = m_byStream.constFind(key);
        if (it == m_byStream.constEnd())
            continue;
        for (Session *s : *it)
            s->poke(key.first);
    }
}

void Server::attach(Session *session, const QStringList &spaceIds)
{
    for (const QString &space : spaceIds) {
        const QPair<QString, QString> key {session->deviceId(), space};
        if (Session *older = m_byDeviceSpace.value(key); older && older != session)
            older->fail(protocol::code::session_replaced,
                u"another connection of this device now syncs %1"_s.arg(space));
        m_byDeviceSpace.insert(key, session);
        m_byStream[{space, session->userId()}].push_back(session);
    }
    if (m_options.presence && !m_present.contains(session)) {
        m_present.insert(session);
        presenceChanged(m_presence.connected(session->userId(), protocol::nowMs()));
    }
}

void Server::presenceChanged(const Result<QSet<StreamKey>> &touched)
{
    // Presence is a courtesy: a store failure here is logged, and the session carries on.
    if (!touched) {
        qCWarning(lcServer) << "cannot record a presence change:" << touched.error().message;
        return;
    }
    notify(*touched);
}

void Server::relayTyping(Session *from, const protocol::TypingFrame &notice)
{
    const auto delivery
        = m_typing.accept(from->sessionId(), from->userId(), from->spaceIds(), notice, protocol::nowMs());
    if (!delivery)
        return;
    for (const QString &user : delivery->recipients) {
        const auto it = m_byStream.constFind({delivery->spaceId, user});
        if (it == m_byStream.constEnd())
            continue;
        for (Session *s : *it)
            if (s->acceptsTyping())
                s->push(delivery->frame);
    }
}

void Server::closeDevice(const QString &deviceId, QLatin1StringView code, const QString &reason)
{
    for (Session *s : QList<Session *>(m_sessions.cbegin(), m_sessions.cend()))
        if (s->deviceId() == deviceId && s->state() != Session::State::Closing)
            s->fail(code, reason);
}

void Server::closeUser(const QString &userId, QLatin1StringView code, const QString &reason)
{
    for (Session *s : QList<Session *>(m_sessions.cbegin(), m_sessions.cend()))
        if (s->userId() == userId && s->state() != Session::State::Closing)
            s->fail(code, reason);
}

void Server::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (m_tcp)
        m_tcp->close();
    if (m_ws)
        m_ws->close();
    // Spread the reconnects over a few seconds (§3.10).
    qint64 spread = 1000;
    for (Session *s : QList<Session *>(m_sessions.cbegin(), m_sessions.cend())) {
        s->fail(protocol::code::server_shutdown, u"the server is shutting down"_s, spread);
        spread = 1000 + (spread + 137) % 4000;
    }
    if (m_sessions.isEmpty())
        Q_EMIT stopped();
    else
        QTimer::singleShot(2000, this, &Server::stopped);
}

void Server::tick()
{
    const qint64 now = protocol::nowMs();
    for (Session *s : QList<Session *>(m_sessions.cbegin(), m_sessions.cend()))
        s->tick(now);
    if (now - m_lastAdminPoll >= kAdminPollMs) {
        m_lastAdminPoll = now;
        m_loginLimiter.prune(now);
        m_snapshots.prune(now);
        pollAdminChanges();
        deliverScheduled(now);
    }
}

void Server::pollAdminChanges()
{
    auto changes = m_store->adminChangesAfter(m_lastAdminChange);
    if (!changes) {
        qCWarning(lcServer) << "cannot read administrative changes:" << changes.error().message;
        return;
    }
    if (changes->isEmpty())
        return;
    for (const AdminChange &c : *changes) {
        m_lastAdminChange = c.id;
        if (c.kind == u"revoke-device"_s)
            closeDevice(c.target, protocol::code::device_revoked, u"this device was revoked"_s);
        else if (c.kind == u"deactivate-user"_s)
            closeUser(c.target, protocol::code::device_revoked, u"this account was deactivated"_s);
        else if (c.kind == u"reset-password"_s)
            closeUser(c.target, protocol::code::token_revoked, u"the password was reset; log in again"_s);
    }
    // Administrative commands append events (a new space member, a revoked device): push them.
    for (Session *s : std::as_const(m_sessions))
        for (const QString &space : s->spaceIds())
            s->poke(space);
}

void Server::deliverScheduled(qint64 now)
{
    auto touched = boundary::deliverDue(m_engine, *m_store, now);
    if (!touched) {
        qCWarning(lcServer) << "cannot deliver scheduled messages:" << touched.error().message;
        return;
    }
    notify(*touched);
}

} // namespace tandem::server
