#include "transport.h"

#include "util/i18n.h"

#include "protocol/codes.h"

#include <QHostAddress>
#include <QNetworkRequest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

namespace tandem::sync {

Status checkServerUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return Error::make(ErrorCode::Invalid,
            trCore("tandem::signin", "\"%1\" is not a server address.").arg(url.toString()));
    if (url.scheme() == u"wss")
        return {};
    if (url.scheme() == u"ws") {
        const QString host = url.host();
        const QHostAddress address(host);
        if (host == u"localhost" || (!address.isNull() && address.isLoopback()))
            return {};
        return Error::make(ErrorCode::Invalid,
            trCore("tandem::signin", "Unencrypted ws:// is only allowed to this computer; use wss:// for %1.")
                .arg(host));
    }
    return Error::make(ErrorCode::Invalid,
        trCore("tandem::signin", "A server address starts with wss:// (not \"%1\").").arg(url.toString()));
}

void setFrameLimit(QWebSocket &socket, qint64 maxFrameBytes)
{
    socket.setMaxAllowedIncomingFrameSize(quint64(maxFrameBytes));
    socket.setMaxAllowedIncomingMessageSize(quint64(maxFrameBytes));
}

void openSocket(QWebSocket &socket, const QUrl &url, qint64 maxFrameBytes)
{
    setFrameLimit(socket, maxFrameBytes);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({QString(protocol::kSubprotocol)});
    socket.open(QNetworkRequest(url), options);
}

bool selectedTandem(const QWebSocket &socket)
{
    return socket.subprotocol() == protocol::kSubprotocol;
}

} // namespace tandem::sync
