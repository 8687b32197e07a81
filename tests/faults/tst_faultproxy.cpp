// The fault proxy itself, against a local echo server: without faults it is transparent; each fault does
// what it says and counts it; the same seed gives the same faults.
#include "faultproxy.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>
#include <QWebSocketServer>

#include <memory>

using namespace tandem::test;

namespace {

// Records what it receives and, when asked, sends every text message back.
class EchoServer : public QObject
{
public:
    explicit EchoServer(bool echo)
        : m_echo(echo)
    {
        m_server.setSupportedSubprotocols({QStringLiteral("tandem")});
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                sockets << socket;
                connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
                    received << text;
                    if (m_echo)
                        socket->sendTextMessage(text);
                });
                connect(socket, &QWebSocket::disconnected, this, [this] { ++disconnects; });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server.serverPort())); }

    QStringList received;
    QList<QWebSocket *> sockets;
    int disconnects = 0;

private:
    QWebSocketServer m_server {QStringLiteral("echo"), QWebSocketServer::NonSecureMode};
    bool m_echo;
};

struct Client
{
    QWebSocket socket;
    QStringList received;

    bool open(const QUrl &url)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
            [this](const QString &text) { received << text; });
        QWebSocketHandshakeOptions options;
        options.setSubprotocols({QStringLiteral("tandem")});
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(url, options);
        return connected.wait(5000);
    }
    void send(int from, int to)
    {
        for (int i = from; i < to; ++i)
            socket.sendTextMessage(QString::number(i));
    }
};

QStringList numbers(int from, int to)
{
    QStringList out;
    for (int i = from; i < to; ++i)
        out << QString::number(i);
    return out;
}

// An application close code (4000–4999) lies outside Qt's enum, which Qt carries as an int (as the
// server does in Session::closeSocket). Converted on the way into the call, never held in a variable of
// the enum's type: UBSan rightly rejects loading one.
QWebSocketProtocol::CloseCode applicationCloseCode(int value)
{
    return static_cast<QWebSocketProtocol::CloseCode>(value);
}

bool isOrderedSubsequence(const QStringList &items)
{
    for (qsizetype i = 1; i < items.size(); ++i)
        if (items[i].toInt() <= items[i - 1].toInt())
            return false;
    return true;
}

} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EchoServer> m_echo;
    std::unique_ptr<FaultProxy> m_proxy;

    void start(quint64 seed, const FaultConfig &config, bool echo = true)
    {
        m_echo = std::make_unique<EchoServer>(echo);
        QVERIFY(m_echo->listen());
        m_proxy = std::make_unique<FaultProxy>(m_echo->url(), seed);
        QVERIFY(m_proxy->listen());
        m_proxy->setFaults(config);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_proxy.reset();
        m_echo.reset();
    }

    void isTransparentWithoutFaults()
    {
        start(1, {});
        Client client;
        QVERIFY(client.open(m_proxy->url()));
        QCOMPARE(client.socket.subprotocol(), QStringLiteral("tandem"));
        client.send(0, 500);
        QTRY_COMPARE_WITH_TIMEOUT(client.received.size(), 500, 10000);
        QCOMPARE(m_echo->received, numbers(0, 500));
        QCOMPARE(client.received, numbers(0, 500));
        const FaultCounters &c = m_proxy->counters();
        QCOMPARE(c.connections, 1);
        QCOMPARE(c.up.frames, 500);
        QCOMPARE(c.up.forwarded, 500);
        QCOMPARE(c.down.forwarded, 500);
        QCOMPARE(c.up.dropped + c.up.duplicated + c.up.reordered + c.up.delayed, 0);
    }

    void dropsEveryFrameAtProbabilityOne()
    {
        FaultConfig config;
        config.up.drop = 1.0;
        start(2, config);
        Client client;
        QVERIFY(client.open(m_proxy->url()));
        client.send(0, 50);
        QTRY_COMPARE(m_proxy->counters().up.dropped, 50);
        QTest::qWait(100);
        QVERIFY(m_echo->received.isEmpty());
        // Cleared faults let the next frames through on the same connection.
        m_proxy->clearFaults();
        client.send(50, 60);
        QTRY_COMPARE(client.received, numbers(50, 60));
    }

    void dropsAboutTheConfiguredShareAndKeepsOrder()
    {
        FaultConfig config;
        config.down.drop = 0.3;
        start(3, config);
        Client client;
        QVERIFY(client.open(m_proxy->url()));
        client.send(0, 1000);
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->counters().down.frames, 1000, 10000);
        QTRY_COMPARE(client.received.size(), 1000 - m_proxy->counters().down.dropped);
        QCOMPARE(m_echo->received.size(), 1000); // the other direction is untouched
        QVERIFY2(m_proxy->counters().down.dropped > 220 && m_proxy->counters().down.dropped < 380,
            qPrintable(QString::number(m_proxy->counters().down.dropped)));
        QVERIFY(isOrderedSubsequence(client.received));
    }

    void duplicatesFramesNextToThemselves()
    {
        FaultConfig config;
        config.down.duplicate = 1.0;
        start(4, config);
        Client client;
        QVERIFY(client.open(m_proxy->url()));
        client.send(0, 20);
        QTRY_COMPARE(client.received.size(), 40);
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(client.received[2 * i], QString::number(i));
            QCOMPARE(client.received[2 * i + 1], QString::number(i));
        }
        QCOMPARE(m_proxy->counters().down.duplicated, 20);
        QCOMPARE(m_proxy->counters().down.forwarded, 40);
    }

    void reordersByHoldingAFrameUntilTheNext()
    {
        FaultConfig config;
        config.up.reorder = 1.0;
        start(5, config, false);
        Client client;
        QVERIFY(client.open(m_proxy->url()));
        client.send(0, 10);
        QTRY_COMPARE(m_echo->received.size(), 10);
        QCOMPARE(m_echo->received,
            (QStringList {QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("3"), QStringLiteral("2"),
                QStringLiteral("5"), QStringLiteral("4"), QStringLiteral("7"), QStringLiteral("6"),
                QStringLiteral("9"), QStringLiteral("8")}));
        QCOMPARE(m_proxy->counters().up.reordered, 5);
    }

    void releasesAHeldFrameWhenNoneFollows()
    {
        FaultConfig config;
        config.up.reorder = 1.0;
        start(6, config, false);
        Client client;
        QVERIFY(client.open(m_proxy->url()));
        client.send(0, 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_echo->received, numbers(0, 1), 2000);
    }

    void delaysWithoutReordering()
    {
        FaultConfig config;
        config.up.delay = 0.5;
        config.up.delayMinMs = 20;
        config.up.delayMaxMs = 80;
        start(7, config, false);
        Client client;
        QVERIFY(client.open(m_proxy->url()));
        QElapsedTimer timer;
        timer.start();
        client.send(0, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_echo->received.size(), 200, 20000);
        QVERIFY(timer.elapsed() >= 20);
        QCOMPARE(m_echo->received, numbers(0, 200));
        QVERIFY(m_proxy->counters().up.delayed > 60 && m_proxy->counters().up.delayed < 140);
    }

    void cutsBothSidesAfterNFrames()
    {
        FaultConfig config;
        config.cutAfterFrames = 5;
        start(8, config, false);
        Client client;
        QVERIFY(client.open(m_proxy->url()));
        QSignalSpy disconnected(&client.socket, &QWebSocket::disconnected);
        QTRY_COMPARE(m_echo->sockets.size(), 1);
        client.send(0, 5);
        QTRY_COMPARE(m_echo->received, numbers(0, 5));
        client.send(5, 10); // the sixth frame cuts the connection
        QVERIFY(disconnected.wait(5000));
        QTRY_COMPARE(m_echo->disconnects, 1);
        QCOMPARE(m_echo->received, numbers(0, 5));
        QCOMPARE(m_proxy->counters().cuts, 1);
        QTRY_COMPARE(m_proxy->openConnections(), 0);
        // A new connection gets a new budget.
        Client again;
        QVERIFY(again.open(m_proxy->url()));
        again.send(100, 103);
        QTRY_COMPARE(m_echo->received.size(), 8);
    }

    void newFaultsApplyToOpenConnections()
    {
        start(13, {}, false);
        Client client;
        QVERIFY(client.open(m_proxy->url()));
        QTRY_COMPARE(m_echo->sockets.size(), 1);
        client.send(0, 10);
        QTRY_COMPARE(m_echo->received.size(), 10);
        FaultConfig config;
        config.cutAfterFrames = 3; // counted from now
        m_proxy->setFaults(config);
        QSignalSpy disconnected(&client.socket, &QWebSocket::disconnected);
        client.send(10, 20);
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(m_echo->received, numbers(0, 13));
    }

    void cutAllCutsEveryOpenConnection()
    {
        start(9, {});
        Client a;
        Client b;
        QVERIFY(a.open(m_proxy->url()));
        QVERIFY(b.open(m_proxy->url()));
        QTRY_COMPARE(m_proxy->openConnections(), 2);
        QSignalSpy aGone(&a.socket, &QWebSocket::disconnected);
        QSignalSpy bGone(&b.socket, &QWebSocket::disconnected);
        m_proxy->cutAll();
        QTRY_COMPARE(aGone.size(), 1);
        QTRY_COMPARE(bGone.size(), 1);
        QTRY_COMPARE(m_echo->disconnects, 2);
        QCOMPARE(m_proxy->counters().cuts, 2);
    }

    void passesCloseCodesAndReasons()
    {
        start(10, {});
        Client client;
        QVERIFY(client.open(m_proxy->url()));
        QTRY_COMPARE(m_echo->sockets.size(), 1);
        QSignalSpy disconnected(&client.socket, &QWebSocket::disconnected);
        m_echo->sockets.first()->close(applicationCloseCode(4002), QStringLiteral("idle_timeout"));
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(int(client.socket.closeCode()), 4002);
        QCOMPARE(client.socket.closeReason(), QStringLiteral("idle_timeout"));
    }

    void deliversFramesSentBeforeAClose()
    {
        FaultConfig config;
        config.down.delay = 1.0;
        config.down.delayMinMs = 100;
        config.down.delayMaxMs = 100;
        start(11, config);
        Client client;
        QVERIFY(client.open(m_proxy->url()));
        QTRY_COMPARE(m_echo->sockets.size(), 1);
        m_echo->sockets.first()->sendTextMessage(QStringLiteral("last words"));
        m_echo->sockets.first()->close(
            QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server_shutdown"));
        QSignalSpy disconnected(&client.socket, &QWebSocket::disconnected);
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(client.received, QStringList {QStringLiteral("last words")});
        QCOMPARE(int(client.socket.closeCode()), 1001);
    }

    void closesTheClientWhenUpstreamIsDown()
    {
        start(12, {});
        m_proxy->setUpstream(QUrl(QStringLiteral("ws://127.0.0.1:1")));
        Client client;
        QSignalSpy disconnected(&client.socket, &QWebSocket::disconnected);
        client.open(m_proxy->url()); // the proxy accepts, then loses the upstream
        QTRY_VERIFY_WITH_TIMEOUT(disconnected.size() >= 1, 5000);
        QTRY_COMPARE(m_proxy->counters().upstreamFailures, 1);
    }

    void theSameSeedGivesTheSameFaults()
    {
        const auto run = [this](quint64 seed) {
            FaultConfig config;
            config.up.drop = 0.3;
            config.up.duplicate = 0.2;
            config.up.reorder = 0.2;
            start(seed, config, false);
            Client client;
            if (!client.open(m_proxy->url()))
                return QStringList();
            client.send(0, 300);
            if (!QTest::qWaitFor([this] { return m_proxy->counters().up.frames == 300; }, 10000))
                return QStringList();
            QTest::qWait(500); // the last held frame
            const QStringList received = m_echo->received;
            cleanup();
            return received;
        };
        const QStringList first = run(99);
        const QStringList second = run(99);
        const QStringList other = run(100);
        QVERIFY(first.size() > 150);
        QCOMPARE(second, first);
        QVERIFY(other != first);
    }
};

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
