#include "loadclient.h"

#include "protocol/codec.h"
#include "protocol/fields.h"
#include "protocol/limits.h"

#include <QJsonArray>
#include <QNetworkRequest>
#include <QWebSocketHandshakeOptions>

namespace tandemctl::bench {

using namespace tandem::protocol;

LoadClient::LoadClient(LoadIdentity identity, const QElapsedTimer *clock, QObject *parent)
    : QObject(parent)
    , m_id(std::move(identity))
    , m_clock(clock)
{
    m_socket.setMaxAllowedIncomingFrameSize(quint64(Limits().maxFrameBytes));
    m_socket.setMaxAllowedIncomingMessageSize(quint64(Limits().maxFrameBytes));
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        QJsonArray spaces;
        if (!m_id.spaceId.isEmpty())
            spaces.append(QJsonObject {{QStringLiteral("space_id"), m_id.spaceId},
                {QStringLiteral("epoch"), m_id.epoch}, {QStringLiteral("cursor"), double(m_id.cursor)}});
        sendFrame({{QStringLiteral("type"), QStringLiteral("hello")},
            {QStringLiteral("rid"), QStringLiteral("h")}, {QStringLiteral("versions"), QJsonArray {kVersion}},
            {QStringLiteral("token"), m_id.token}, {QStringLiteral("device_id"), m_id.deviceId},
            {QStringLiteral("client"),
                QJsonObject {{QStringLiteral("name"), QStringLiteral("tandemctl-bench")},
                    {QStringLiteral("version"), QStringLiteral("1")}}},
            {QStringLiteral("spaces"), spaces}});
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &LoadClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        if (m_failure.isEmpty())
            m_failure
                = QStringLiteral("closed %1 %2").arg(int(m_socket.closeCode())).arg(m_socket.closeReason());
        m_ready = false;
        Q_EMIT failed(m_failure);
    });
}

void LoadClient::open(const QString &url)
{
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({QString(kSubprotocol)});
    m_socket.open(QNetworkRequest(QUrl(url)), options);
}

void LoadClient::sendFrame(const QJsonObject &frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(encodeFrame(frame)));
}

QString LoadClient::send(const QString &conversationId, const QString &body)
{
    const QString messageId = newUuid();
    sendFrame({{QStringLiteral("type"), QStringLiteral("mutate")},
        {QStringLiteral("rid"), QStringLiteral("m%1").arg(m_nextRid++)},
        {QStringLiteral("space_id"), m_id.spaceId}, {QStringLiteral("mutation_id"), newUuid()},
        {QStringLiteral("kind"), QStringLiteral("message.send")},
        {QStringLiteral("created_at"), double(nowMs())},
        {QStringLiteral("payload"),
            QJsonObject {{QStringLiteral("message_id"), messageId},
                {QStringLiteral("conversation_id"), conversationId}, {QStringLiteral("body"), body},
                {QStringLiteral("format"), QStringLiteral("plain")}}}});
    return messageId;
}

void LoadClient::onText(const QString &text)
{
    const qint64 at = m_clock->elapsed();
    const DecodeResult decoded = decodeFrame(text.toUtf8(), Limits().maxFrameBytes, Limits().maxJsonDepth);
    if (!decoded.ok())
        return;
    const QJsonObject &frame = decoded.frame;
    const QString type = frame.value(QStringLiteral("type")).toString();
    if (type == frame::welcome) {
        m_ready = true;
        Q_EMIT ready();
    } else if (type == frame::events) {
        const QJsonArray events = frame.value(QStringLiteral("events")).toArray();
        for (const QJsonValue &event : events) {
            const QJsonObject e = event.toObject();
            if (e.value(QStringLiteral("kind")).toString() == QStringLiteral("message.created"))
                Q_EMIT messageArrived(e.value(QStringLiteral("data"))
                                          .toObject()
                                          .value(QStringLiteral("message"))
                                          .toObject()
                                          .value(QStringLiteral("id"))
                                          .toString(),
                    at);
        }
        if (!events.isEmpty())
            sendFrame({{QStringLiteral("type"), QStringLiteral("ack")},
                {QStringLiteral("space_id"), frame.value(QStringLiteral("space_id"))},
                {QStringLiteral("seq"), events.last().toObject().value(QStringLiteral("seq"))}});
    } else if (type == frame::ping) {
        sendFrame({{QStringLiteral("type"), QStringLiteral("pong")},
            {QStringLiteral("rid"), frame.value(QStringLiteral("rid"))}});
    } else if (type == frame::error && frame.value(QStringLiteral("fatal")).toBool()) {
        m_failure = frame.value(QStringLiteral("code")).toString() + QStringLiteral(": ")
            + frame.value(QStringLiteral("reason")).toString();
    }
}

} // namespace tandemctl::bench
