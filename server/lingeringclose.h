// A close the peer can read. QWebSocket::close() writes the close frame and closes the TCP socket at
// once. If the peer is still sending (a client flooding mutations is closed for exactly that), the
// kernel answers its data with a reset: the peer's next write fails, and a client whose write error
// wins over reading the close frame (an asyncio client, say) sees 1006 instead of our code and reason.
// Like a web server's lingering close, LingeringClose keeps a duplicate of the socket's descriptor
// while Qt closes its own, then shuts the sending side (a FIN after the close frame) and reads and
// drops what the peer still sends, until the peer closes its side or kLingerMs pass.
#pragma once

#include <QObject>
#include <QTimer>

class QSocketNotifier;
class QTcpSocket;

namespace tandem::server {

class LingeringClose : public QObject
{
    Q_OBJECT
public:
    static constexpr int kLingerMs = 2000;

    // Call just before closing the QWebSocket over `socket`. Does nothing if the socket has no descriptor
    // (already closed) or it cannot be duplicated; the close is then Qt's own.
    static void arm(QTcpSocket *socket, QObject *parent);

    ~LingeringClose() override;

private:
    LingeringClose(int fd, QObject *parent);
    void start(); // Qt wrote everything and closed its descriptor: ours is the last
    void drain();
    void finish();

    int m_fd = -1;
    bool m_started = false;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_deadline;
};

} // namespace tandem::server
