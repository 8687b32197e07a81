// Opening a WebSocket to a Tandem server the way §2.1 asks: ws:// only to a loopback host, wss:// with
// the system's certificate checks, the subprotocol "tandem" offered and required, and incoming frames
// bounded by max_frame_bytes (Qt's own defaults allow about 2 GiB).
#pragma once

#include "util/result.h"

#include <QUrl>

class QWebSocket;

namespace tandem::sync {

// Refuses anything but wss://, and ws:// to 127.0.0.0/8, ::1 or localhost.
[[nodiscard]] Status checkServerUrl(const QUrl &url);

// Sets the frame limits and opens the socket with the subprotocol offered.
void openSocket(QWebSocket &socket, const QUrl &url, qint64 maxFrameBytes);
void setFrameLimit(QWebSocket &socket, qint64 maxFrameBytes);

// True once the handshake selected "tandem".
[[nodiscard]] bool selectedTandem(const QWebSocket &socket);

} // namespace tandem::sync
