#include "faultproxy.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>
#include <QWebSocketServer>

#include <deque>
#include <optional>

Q_LOGGING_CATEGORY(lcFaultProxy, "tandem.test.faultproxy", QtWarningMsg)

namespace tandem::test {

namespace {

const QString kSubprotocol = QStringLiteral("tandem");

struct Frame
{
    QString text;
    QByteArray binary;
    bool isBinary = false;
};

void write(QWebSocket *to, const Frame &frame)
{
    if (frame.isBinary)
        to->sendBinaryMessage(frame.binary);
    else
        to->sendTextMessage(frame.text);
}

} // namespace

// One client connection and its upstream twin, with the fault state of both directions.
class FaultProxy::Link : public QObject
{
public:
    // One direction: frames from `from` go to `to`, delayed in order through a release queue.
    struct Pipe
    {
        QWebSocket *from = nullptr;
        QWebSocket *to = nullptr;
        bool up = false;
        std::optional<Frame> held; // reordered: goes out after the next frame
        std::deque<std::pair<qint64, Frame>> queue; // (release time, frame), in order
        QTimer *releaseTimer = nullptr;
        QTimer *heldTimer = nullptr;
    };

    Link(FaultProxy *proxy, QWebSocket *client)
        : QObject(proxy)
        , m_proxy(proxy)
        , m_client(client)
        , m_upstream(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
    {
        m_client->setParent(this);
        rebudget();
        setUpPipe(m_upPipe, m_client, m_upstream, true);
        setUpPipe(m_downPipe, m_upstream, m_client, false);

        connect(m_upstream, &QWebSocket::connected, this, [this] {
            m_upstreamOpened = true;
            // Frames the client sent while the upstream handshake ran.
            for (const Frame &frame : m_waiting)
                write(m_upstream, frame);
            m_waiting.clear();
        });
        connect(m_upstream, &QWebSocket::disconnected, this, [this] { sideClosed(m_downPipe); });
        // A refused upstream connection may report only an error, never `disconnected`.
        connect(m_upstream, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
            if (!m_upstreamOpened)
                sideClosed(m_downPipe);
        });
        connect(m_client, &QWebSocket::disconnected, this, [this] { sideClosed(m_upPipe); });

        QWebSocketHandshakeOptions options;
        options.setSubprotocols({kSubprotocol});
        m_upstream->open(proxy->m_upstream, options);
    }

    void cut()
    {
        if (m_done)
            return;
        ++m_proxy->m_counters.cuts;
        finish();
        // What was already forwarded leaves first: the cut falls between frames, not inside one.
        m_client->flush();
        m_upstream->flush();
        m_client->abort();
        m_upstream->abort();
    }

    void flushHeld()
    {
        for (Pipe *pipe : {&m_upPipe, &m_downPipe}) {
            if (pipe->held) {
                enqueue(*pipe, *pipe->held, 0);
                pipe->held.reset();
            }
        }
    }

    [[nodiscard]] bool done() const { return m_done; }

    // The proxy is going away: its sockets may still report closing while they are destroyed, and
    // nothing may reach the proxy any more.
    void detach()
    {
        m_done = true;
        QObject::disconnect(m_client, nullptr, this, nullptr);
        QObject::disconnect(m_upstream, nullptr, this, nullptr);
    }

    // The frames this connection may still carry before it is cut, from the current configuration.
    void rebudget()
    {
        const FaultConfig &config = m_proxy->m_config;
        m_cutBudget = config.cutAfterFrames > 0
            ? m_frames + config.cutAfterFrames + qint64(m_proxy->draw(quint64(config.cutJitter) + 1))
            : 0;
    }

private:
    void setUpPipe(Pipe &pipe, QWebSocket *from, QWebSocket *to, bool up)
    {
        pipe.from = from;
        pipe.to = to;
        pipe.up = up;
        pipe.releaseTimer = new QTimer(this);
        pipe.releaseTimer->setSingleShot(true);
        connect(pipe.releaseTimer, &QTimer::timeout, this, [this, &pipe] { release(pipe); });
        pipe.heldTimer = new QTimer(this);
        pipe.heldTimer->setSingleShot(true);
        // A held frame is not held for ever when no next frame comes: that would be a drop.
        pipe.heldTimer->setInterval(300);
        connect(pipe.heldTimer, &QTimer::timeout, this, [this, &pipe] {
            if (pipe.held) {
                enqueue(pipe, *pipe.held, 0);
                pipe.held.reset();
            }
        });
        connect(from, &QWebSocket::aboutToClose, this, [from] { from->setProperty("tandemClosing", true); });
        connect(from, &QWebSocket::textMessageReceived, this, [this, &pipe](const QString &text) {
            received(pipe, Frame {text, {}, false});
        });
        connect(from, &QWebSocket::binaryMessageReceived, this, [this, &pipe](const QByteArray &bytes) {
            received(pipe, Frame {{}, bytes, true});
        });
    }

    void received(Pipe &pipe, const Frame &frame)
    {
        if (m_done)
            return;
        DirectionCounters &counters = pipe.up ? m_proxy->m_counters.up : m_proxy->m_counters.down;
        ++counters.frames;
        ++m_frames;
        if (m_cutBudget > 0 && m_frames > m_cutBudget) {
            cut();
            return;
        }
        const FaultPlan &plan = pipe.up ? m_proxy->m_config.up : m_proxy->m_config.down;
        if (m_proxy->chance(plan.drop)) {
            ++counters.dropped;
            return;
        }
        const bool twice = m_proxy->chance(plan.duplicate);
        if (twice)
            ++counters.duplicated;
        if (!pipe.held && m_proxy->chance(plan.reorder)) {
            ++counters.reordered;
            pipe.held = frame;
            pipe.heldTimer->start();
            if (twice)
                send(pipe, plan, frame);
            return;
        }
        send(pipe, plan, frame);
        if (twice)
            send(pipe, plan, frame);
        if (pipe.held) {
            pipe.heldTimer->stop();
            send(pipe, plan, *pipe.held);
            pipe.held.reset();
        }
    }

    void send(Pipe &pipe, const FaultPlan &plan, const Frame &frame)
    {
        int delayMs = 0;
        if (m_proxy->chance(plan.delay)) {
            DirectionCounters &counters = pipe.up ? m_proxy->m_counters.up : m_proxy->m_counters.down;
            ++counters.delayed;
            const int span = std::max(0, plan.delayMaxMs - plan.delayMinMs);
            delayMs = plan.delayMinMs + int(m_proxy->draw(quint64(span) + 1));
        }
        enqueue(pipe, frame, delayMs);
    }

    // Delays keep order: a frame never overtakes one queued before it.
    void enqueue(Pipe &pipe, const Frame &frame, int delayMs)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        qint64 at = now + delayMs;
        if (!pipe.queue.empty())
            at = std::max(at, pipe.queue.back().first);
        pipe.queue.emplace_back(at, frame);
        release(pipe);
    }

    void release(Pipe &pipe)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        while (!pipe.queue.empty() && pipe.queue.front().first <= now) {
            deliver(pipe, pipe.queue.front().second);
            pipe.queue.pop_front();
        }
        if (!pipe.queue.empty())
            pipe.releaseTimer->start(int(pipe.queue.front().first - now));
    }

    void deliver(Pipe &pipe, const Frame &frame)
    {
        if (m_done)
            return;
        DirectionCounters &counters = pipe.up ? m_proxy->m_counters.up : m_proxy->m_counters.down;
        ++counters.forwarded;
        if (pipe.up && m_upstream->state() != QAbstractSocket::ConnectedState) {
            m_waiting.push_back(frame);
            return;
        }
        write(pipe.to, frame);
    }

    // One side closed: what it sent before closing still arrives, then the other side is closed with
    // the same code and reason, as a real network would carry them.
    void sideClosed(Pipe &fromClosedSide)
    {
        if (m_done)
            return;
        if (fromClosedSide.held) {
            fromClosedSide.queue.emplace_back(0, *fromClosedSide.held);
            fromClosedSide.held.reset();
        }
        for (const auto &entry : fromClosedSide.queue)
            deliver(fromClosedSide, entry.second);
        fromClosedSide.queue.clear();
        QWebSocket *closed = fromClosedSide.from;
        QWebSocket *other = fromClosedSide.to;
        if (closed == m_upstream && !m_upstreamOpened)
            ++m_proxy->m_counters.upstreamFailures;
        finish();
        // Qt emits aboutToClose only when a close frame went or came; a dropped TCP connection is
        // passed on as one.
        if (other->state() == QAbstractSocket::ConnectedState && closed->property("tandemClosing").toBool())
            other->close(closed->closeCode(), closed->closeReason());
        else
            other->abort();
    }

    void finish()
    {
        m_done = true;
        m_upPipe.releaseTimer->stop();
        m_downPipe.releaseTimer->stop();
        m_upPipe.heldTimer->stop();
        m_downPipe.heldTimer->stop();
        // The sockets finish their close handshakes on their own; then the link goes.
        QTimer::singleShot(2000, this, &QObject::deleteLater);
        Q_EMIT m_proxy->connectionClosed();
    }

    FaultProxy *m_proxy;
    QWebSocket *m_client;
    QWebSocket *m_upstream;
    Pipe m_upPipe;
    Pipe m_downPipe;
    std::deque<Frame> m_waiting;
    qint64 m_cutBudget = 0;
    qint64 m_frames = 0;
    bool m_done = false;
    bool m_upstreamOpened = false;
};

FaultProxy::FaultProxy(QUrl upstream, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_upstream(std::move(upstream))
    , m_random(seed)
{ }

FaultProxy::~FaultProxy()
{
    delete m_server;
    for (Link *link : std::as_const(m_links))
        link->detach();
}

bool FaultProxy::listen()
{
    m_server
        = new QWebSocketServer(QStringLiteral("tandem-faultproxy"), QWebSocketServer::NonSecureMode, this);
    m_server->setSupportedSubprotocols({kSubprotocol});
    connect(m_server, &QWebSocketServer::newConnection, this, &FaultProxy::accept);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FaultProxy::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server ? m_server->serverPort() : 0));
}

void FaultProxy::setFaults(const FaultConfig &config)
{
    m_config = config;
    for (Link *link : std::as_const(m_links))
        if (!link->done())
            link->rebudget();
}

void FaultProxy::clearFaults()
{
    m_config = FaultConfig {};
    for (Link *link : std::as_const(m_links)) {
        if (!link->done()) {
            link->rebudget();
            link->flushHeld();
        }
    }
}

void FaultProxy::setUpstream(const QUrl &upstream)
{
    m_upstream = upstream;
}

void FaultProxy::cutAll()
{
    const QList<Link *> links = m_links.values();
    for (Link *link : links)
        link->cut();
}

int FaultProxy::openConnections() const
{
    int open = 0;
    for (Link *link : std::as_const(m_links))
        open += link->done() ? 0 : 1;
    return open;
}

void FaultProxy::accept()
{
    while (QWebSocket *client = m_server->nextPendingConnection()) {
        ++m_counters.connections;
        auto *link = new Link(this, client);
        m_links.insert(link);
        connect(link, &QObject::destroyed, this, [this, link] { m_links.remove(link); });
    }
}

quint64 FaultProxy::draw(quint64 bound)
{
    if (bound <= 1)
        return 0;
    return std::uniform_int_distribution<quint64>(0, bound - 1)(m_random);
}

bool FaultProxy::chance(double probability)
{
    if (probability <= 0)
        return false;
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < probability;
}

} // namespace tandem::test
