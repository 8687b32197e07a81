#include "lingeringclose.h"

#include <QSocketNotifier>
#include <QTcpSocket>

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tandem::server {

void LingeringClose::arm(QTcpSocket *socket, QObject *parent)
{
    const qintptr fd = socket ? socket->socketDescriptor() : -1;
    if (fd < 0)
        return;
    const int copy = ::fcntl(int(fd), F_DUPFD_CLOEXEC, 0);
    if (copy < 0)
        return;
    auto *linger = new LingeringClose(copy, parent);
    // Qt closes its descriptor once the close frame is written out; the socket object may go first.
    connect(socket, &QAbstractSocket::disconnected, linger, &LingeringClose::start);
    connect(socket, &QObject::destroyed, linger, &LingeringClose::start);
}

LingeringClose::LingeringClose(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
{
    // Bounds the whole close, also a peer that never reads what Qt still has to write.
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &LingeringClose::finish);
    m_deadline.start(kLingerMs);
}

LingeringClose::~LingeringClose()
{
    delete m_notifier; // before its descriptor closes
    if (m_fd >= 0)
        ::close(m_fd);
}

void LingeringClose::start()
{
    if (m_started || m_fd < 0)
        return;
    m_started = true;
    ::shutdown(m_fd, SHUT_WR);
    // The descriptor shares Qt's open file description, which is non-blocking: reads never wait.
    m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &LingeringClose::drain);
    drain();
}

void LingeringClose::drain()
{
    char sink[16384];
    for (;;) {
        const ssize_t n = ::read(m_fd, sink, sizeof sink);
        if (n > 0)
            continue;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // more may come: wait for the notifier
        finish(); // the peer closed its side (0), or the connection failed
        return;
    }
}

void LingeringClose::finish()
{
    if (m_notifier)
        m_notifier->setEnabled(false);
    m_deadline.stop();
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    deleteLater();
}

} // namespace tandem::server
