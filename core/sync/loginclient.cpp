#include "loginclient.h"

#include "util/i18n.h"

#include "protocol/codec.h"
#include "transport.h"

#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>

namespace tandem::sync {

using namespace Qt::StringLiterals;

LoginClient::LoginClient(QObject *parent)
    : QObject(parent)
{ }

LoginClient::~LoginClient() = default;

void LoginClient::start(const LoginRequest &request)
{
    m_request = request;
    if (auto s = checkServerUrl(request.server); !s) {
        QTimer::singleShot(0, this, [this, s] { finish(std::nullopt, {QString(), s.error().message}); });
        return;
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        if (!selectedTandem(*m_socket)) {
            finish(std::nullopt,
                {QString(), trCore("tandem::signin", "The server did not accept the Tandem protocol.")});
            return;
        }
        QJsonObject device {{u"name"_s, m_request.deviceName}, {u"platform"_s, m_request.devicePlatform}};
        if (!m_request.deviceId.isEmpty())
            device.insert(u"id"_s, m_request.deviceId);
        const QJsonObject login {{u"type"_s, u"login"_s}, {u"rid"_s, u"r1"_s},
            {u"user_name"_s, m_request.userName}, {u"password"_s, m_request.password}, {u"device"_s, device},
            {u"client"_s,
                QJsonObject {{u"name"_s, m_request.clientName}, {u"version"_s, m_request.clientVersion}}}};
        m_socket->sendTextMessage(QString::fromUtf8(protocol::encodeFrame(login)));
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &LoginClient::onText);
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        finish(std::nullopt,
            {QString(),
                trCore("tandem::signin", "The server %1 closed the connection (%2).")
                    .arg(m_request.server.toString())
                    .arg(m_socket->closeCode())});
    });
    connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError) {
            finish(std::nullopt,
                {QString(),
                    trCore("tandem::signin", "Cannot reach the server %1: %2.")
                        .arg(m_request.server.toString(), m_socket->errorString())});
        });
    QTimer::singleShot(m_request.timeoutMs, this, [this] {
        finish(std::nullopt,
            {QString(),
                trCore("tandem::signin", "The server %1 did not answer in time.")
                    .arg(m_request.server.toString())});
    });
    openSocket(*m_socket, request.server, protocol::Limits().maxFrameBytes);
}

void LoginClient::onText(const QString &text)
{
    const protocol::Limits limits;
    const protocol::DecodeResult decoded
        = protocol::decodeFrame(text.toUtf8(), limits.maxFrameBytes, limits.maxJsonDepth);
    if (!decoded.ok()) {
        finish(std::nullopt, {QString(), trCore("tandem::signin", "The server sent a malformed frame.")});
        return;
    }
    const QString type = decoded.frame.value("type"_L1).toString();
    if (type == protocol::frame::login_result) {
        auto result = protocol::parseLoginResult(decoded.frame);
        if (!result)
            finish(std::nullopt,
                {QString(),
                    trCore("tandem::signin", "The server sent a malformed login answer (%1).")
                        .arg(result.error().message)});
        else
            finish(*result, {});
    } else if (type == protocol::frame::error) {
        auto error = protocol::parseError(decoded.frame);
        if (!error) {
            finish(std::nullopt, {QString(), trCore("tandem::signin", "The server sent a malformed error.")});
            return;
        }
        QString message = error->code == protocol::code::auth_failed
            ? trCore("tandem::signin", "Wrong user name or password.")
            : trCore("tandem::signin", "The server refused the login: %1 (%2).")
                  .arg(error->reason, error->code);
        finish(std::nullopt, {error->code, message});
    } else if (type == protocol::frame::ping) {
        auto ping = protocol::parsePingPong(decoded.frame);
        if (ping)
            m_socket->sendTextMessage(
                QString::fromUtf8(protocol::encodeFrame({{u"type"_s, u"pong"_s}, {u"rid"_s, ping->rid}})));
    }
}

void LoginClient::finish(std::optional<protocol::LoginResult> result, const LoginFailure &failure)
{
    if (m_done)
        return;
    m_done = true;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    }
    if (result)
        Q_EMIT succeeded(*result);
    else
        Q_EMIT failed(failure);
}

} // namespace tandem::sync
