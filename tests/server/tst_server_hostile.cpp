// tandem-server under hostile input and flow-control abuse: every bad frame gets its code and close,
// the server never crashes, keeps serving others, and its data stays intact.
#include "serverfixture.h"

#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace tandem::testing;
using namespace Qt::StringLiterals;

namespace {
const QString kWork = u"sp_demo_work"_s;
const QString kGeneral = u"00000000-0000-4000-8000-000000000001"_s;
const QString kLaunch = u"00000000-0000-4000-8000-000000000002"_s;

// A WebSocket client written by hand, to send what QWebSocket refuses to (invalid UTF-8 in a text frame).
class RawSocket
{
public:
    bool open(const QUrl &url)
    {
        m_socket.connectToHost(url.host(), quint16(url.port()));
        if (!m_socket.waitForConnected(5000))
            return false;
        m_socket.write("GET / HTTP/1.1\r\nHost: " + url.host().toUtf8()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
              "Sec-WebSocket-Protocol: tandem\r\n\r\n");
        QByteArray response;
        while (!response.contains("\r\n\r\n")) {
            if (!m_socket.waitForReadyRead(5000))
                return false;
            response += m_socket.readAll();
        }
        return response.startsWith("HTTP/1.1 101");
    }
    void sendText(const QByteArray &payload)
    {
        QByteArray frame;
        frame.append(char(0x81));
        frame.append(char(0x80 | payload.size())); // < 126 bytes
        const char mask[4] = {0x11, 0x22, 0x33, 0x44};
        frame.append(mask, 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(char(payload[i] ^ mask[i % 4]));
        m_socket.write(frame);
        m_socket.flush();
    }
    bool waitDisconnected(int ms)
    {
        return waitUntil(
            [this]() {
                m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            ms);
    }

private:
    QTcpSocket m_socket;
};

// A client that keeps sending after the server closed it, as one that floods does until it reads the
// close. Plain POSIX sockets: a write the server answered with a reset fails with EPIPE or ECONNRESET,
// which QTcpSocket reports like an orderly close.
class FloodingClient
{
public:
    ~FloodingClient()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool open(const QUrl &url)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(quint16(url.port()));
        if (m_fd < 0 || ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr) != 1
            || ::connect(m_fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0)
            return false;
        const QByteArray request = "GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                                   "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                   "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: tandem\r\n\r\n";
        if (::send(m_fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) != request.size())
            return false;
        QByteArray response;
        char buffer[4096];
        while (!response.contains("\r\n\r\n")) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                return false;
            response.append(buffer, n);
        }
        m_received = response.mid(response.indexOf("\r\n\r\n") + 4);
        return response.startsWith("HTTP/1.1 101") && ::fcntl(m_fd, F_SETFL, O_NONBLOCK) == 0;
    }
    // Sends malformed frames (the first closes the connection with 4000) until `extraMs` after the close
    // frame arrived, or 10 s. Returns the close code read, or -1.
    int floodPastTheClose(int extraMs)
    {
        QByteArray payload(4000, 'x');
        payload[0] = '{';
        QByteArray frame("\x81\xfe", 2); // text, masked, 16-bit length
        frame.append(char(payload.size() >> 8)).append(char(payload.size() & 0xff));
        frame.append(QByteArray(4, '\0')); // a zero mask leaves the payload as it is
        frame.append(payload);
        QElapsedTimer clock;
        clock.start();
        qint64 closedAt = -1;
        while (clock.elapsed() < 10000 && (closedAt < 0 || clock.elapsed() - closedAt < extraMs)) {
            if (::send(m_fd, frame.constData(), size_t(frame.size()), MSG_NOSIGNAL) < 0 && errno != EAGAIN
                && errno != EWOULDBLOCK) {
                m_sendError = errno;
                break;
            }
            char buffer[16384];
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n > 0)
                m_received.append(buffer, n);
            else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
                m_recvError = errno;
            if (closedAt < 0 && closeCode() >= 0)
                closedAt = clock.elapsed();
            QThread::usleep(500);
        }
        return closeCode();
    }
    int sendError() const { return m_sendError; }
    int recvError() const { return m_recvError; }

private:
    // The code of the first close frame in what was received (server frames are not masked).
    int closeCode() const
    {
        qsizetype at = 0;
        while (at + 2 <= m_received.size()) {
            const int opcode = quint8(m_received[at]) & 0x0f;
            qsizetype length = quint8(m_received[at + 1]) & 0x7f;
            qsizetype header = 2;
            if (length == 126) {
                if (at + 4 > m_received.size())
                    return -1;
                length = (quint8(m_received[at + 2]) << 8) | quint8(m_received[at + 3]);
                header = 4;
            } else if (length == 127) {
                return -1; // the server sends nothing that large here
            }
            if (at + header + length > m_received.size())
                return -1;
            if (opcode == 0x8 && length >= 2)
                return (quint8(m_received[at + header]) << 8) | quint8(m_received[at + header + 1]);
            at += header + length;
        }
        return -1;
    }

    int m_fd = -1;
    QByteArray m_received;
    int m_sendError = 0;
    int m_recvError = 0;
};

QJsonObject helloFrame(const TestClient::Login &l)
{
    return {{u"type"_s, u"hello"_s}, {u"rid"_s, u"h"_s}, {u"versions"_s, QJsonArray {1}},
        {u"token"_s, l.token}, {u"device_id"_s, l.deviceId},
        {u"client"_s, QJsonObject {{u"name"_s, u"t"_s}, {u"version"_s, u"1"_s}}},
        {u"spaces"_s, QJsonArray {QJsonObject {{u"space_id"_s, kWork}}}}};
}
} // namespace

class TestServerHostile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    TestClient::Login m_alice;

    std::unique_ptr<TestClient> readyAlice()
    {
        auto c = std::make_unique<TestClient>();
        if (!c->open(m_server.url()))
            return {};
        m_alice = c->login(u"alice"_s);
        c->hello(m_alice, {QJsonObject {{u"space_id"_s, kWork}}});
        return c;
    }

    // Sends `text` on a fresh connection and returns (error code, close code).
    std::pair<QString, int> closesWith(const QString &text, bool afterHello = false)
    {
        auto c = afterHello ? readyAlice() : std::make_unique<TestClient>();
        if (!afterHello && !c->open(m_server.url()))
            return {};
        c->sendText(text);
        c->waitClosed();
        const QJsonObject err = c->waitType(u"error"_s, 100);
        return {err.value(u"code"_s).toString(), c->closeCode()};
    }

    int generalMessages()
    {
        auto c = readyAlice();
        int total = 0;
        qint64 before = 0;
        for (int i = 0; i < 10; ++i) {
            QJsonObject req {{u"type"_s, u"history"_s}, {u"rid"_s, u"h%1"_s.arg(i)}, {u"space_id"_s, kWork},
                {u"conversation_id"_s, kGeneral}, {u"limit"_s, 500}};
            if (before)
                req.insert(u"before_cseq"_s, double(before));
            c->send(req);
            const QJsonObject page = c->waitRid(u"h%1"_s.arg(i));
            const QJsonArray m = page.value(u"messages"_s).toArray();
            total += int(m.size());
            if (!page.value(u"has_more"_s).toBool() || m.isEmpty())
                break;
            before = qint64(m.first().toObject().value(u"cseq"_s).toDouble());
        }
        return total;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.start(m_dir.path(),
            {u"--demo"_s, u"--mutation-rate"_s, u"5"_s, u"--limit"_s, u"max_mutations_in_flight=4"_s,
                u"--limit"_s, u"idle_timeout_ms=3000"_s, u"--limit"_s, u"ping_interval_ms=1000"_s}));
    }

    void oversizedFrameCloses1009()
    {
        TestClient c;
        QVERIFY(c.open(m_server.url()));
        c.sendText(QString(1048576 + 10, u'a'));
        QVERIFY(c.waitClosed(10000));
        QCOMPARE(c.closeCode(), 1009);
    }

    void malformedFramesAreBadFrame4000()
    {
        const QString deep = QString(40, u'[') + QString(40, u']');
        for (const QString &text : {u"{\"type\": \"ping\", \"rid\": \"x\""_s, u"[1,2,3]"_s,
                 u"{\"rid\": \"r\"}"_s, u"{\"type\": \"ping\", \"rid\": \"\\ud800\"}"_s,
                 u"{\"type\":\"hello\",\"x\":"_s + deep + u"}"_s}) {
            const auto [codeName, closeCode] = closesWith(text);
            QCOMPARE(codeName, u"bad_frame"_s);
            QCOMPARE(closeCode, 4000);
        }
    }

    // The server closes a client that is still sending without resetting the connection: the client
    // reads the close frame, and its writes keep succeeding until it has read it (LingeringClose).
    // Qt alone closes the socket at once, and every round here failed with EPIPE or ECONNRESET.
    void aFloodingClientIsClosedWithoutAReset()
    {
        for (int round = 0; round < 5; ++round) {
            FloodingClient c;
            QVERIFY(c.open(m_server.url()));
            QCOMPARE(c.floodPastTheClose(200), 4000);
            QVERIFY2(c.sendError() == 0,
                qPrintable(u"round %1: a write failed with %2"_s.arg(round).arg(
                    QString::fromLocal8Bit(strerror(c.sendError())))));
            QVERIFY2(c.recvError() == 0,
                qPrintable(u"round %1: a read failed with %2"_s.arg(round).arg(
                    QString::fromLocal8Bit(strerror(c.recvError())))));
        }
    }

    void binaryMessageIsBadFrame()
    {
        TestClient c;
        QVERIFY(c.open(m_server.url()));
        c.sendBinary(QByteArray("\x00\x01\x02", 3));
        QVERIFY(c.waitClosed());
        QCOMPARE(c.closeCode(), 4000);
        QCOMPARE(c.waitType(u"error"_s, 100).value(u"code"_s).toString(), u"bad_frame"_s);
    }

    void invalidUtf8ClosesTheConnection()
    {
        RawSocket raw;
        QVERIFY(raw.open(m_server.url()));
        raw.sendText(QByteArray("{\"type\":\"ping\",\"rid\":\"\xff\xfe\"}"));
        QVERIFY(raw.waitDisconnected(5000));
    }

    void unknownFrameTypeIsNotFatal()
    {
        TestClient c;
        QVERIFY(c.open(m_server.url()));
        c.send({{u"type"_s, u"subscribe"_s}, {u"rid"_s, u"q1"_s}});
        const QJsonObject err = c.waitRid(u"q1"_s);
        QCOMPARE(err.value(u"code"_s).toString(), u"unknown_frame_type"_s);
        QCOMPARE(err.value(u"fatal"_s).toBool(), false);
        c.send({{u"type"_s, u"ping"_s}, {u"rid"_s, u"q2"_s}});
        QCOMPARE(c.waitRid(u"q2"_s).value(u"type"_s).toString(), u"pong"_s);
        QVERIFY(!c.closed());
    }

    void wrongTypesInHelloAreBadFrame()
    {
        TestClient login;
        QVERIFY(login.open(m_server.url()));
        const TestClient::Login l = login.login(u"bob"_s);
        QVERIFY(!l.token.isEmpty());
        const QList<QJsonValue> wrong {QJsonValue(true), QJsonValue(7), QJsonValue(QJsonArray {}),
            QJsonValue(QJsonObject {}), QJsonValue()};
        for (const QString &field :
            {u"rid"_s, u"versions"_s, u"token"_s, u"device_id"_s, u"client"_s, u"spaces"_s}) {
            for (const QJsonValue &v : wrong) {
                QJsonObject h = helloFrame(l);
                if (h.value(field).type() == v.type() || (field == u"spaces"_s && v.isArray()))
                    continue;
                if (field == u"versions"_s && v.isArray())
                    continue; // an empty list: checked on its own below
                h.insert(field, v);
                const auto [codeName, closeCode]
                    = closesWith(QString::fromUtf8(tandem::protocol::encodeFrame(h)));
                QVERIFY2(closeCode == 4000 || codeName == u"bad_frame"_s, qPrintable(field));
            }
        }
        QJsonObject h = helloFrame(l);
        h.insert(u"versions"_s, QJsonArray {2, 3});
        const auto [codeName, closeCode] = closesWith(QString::fromUtf8(tandem::protocol::encodeFrame(h)));
        QCOMPARE(codeName, u"unsupported_version"_s);
        QCOMPARE(closeCode, 4001);
    }

    void wrongTypesInMutatePayloadAreRejectedNotFatal()
    {
        auto c = readyAlice();
        const QJsonObject good {{u"message_id"_s, tandem::protocol::newUuid()},
            {u"conversation_id"_s, kLaunch}, {u"body"_s, u"hi"_s}, {u"format"_s, u"plain"_s}};
        const QList<QJsonValue> wrong {QJsonValue(true), QJsonValue(7.5), QJsonValue(QJsonArray {1}),
            QJsonValue(QJsonObject {{u"a"_s, 1}})};
        int sent = 0;
        for (const QString &field : {u"message_id"_s, u"conversation_id"_s, u"body"_s, u"format"_s,
                 u"mentions"_s, u"attachment_ids"_s, u"thread_root_id"_s}) {
            for (const QJsonValue &v : wrong) {
                QJsonObject p = good;
                p.insert(field, v);
                const QJsonObject r = c->mutate(kWork, u"message.send"_s, p);
                QCOMPARE(r.value(u"status"_s).toString(), u"rejected"_s);
                QCOMPARE(r.value(u"code"_s).toString(), u"invalid_payload"_s);
                QCOMPARE(
                    r.value(u"details"_s).toObject().value(u"field"_s).toString(), u"/payload/"_s + field);
                if (++sent % 4 == 0)
                    QTest::qWait(900); // stay under --mutation-rate 5
            }
        }
        QVERIFY(!c->closed());
        // A broken envelope is fatal.
        c->send({{u"type"_s, u"mutate"_s}, {u"rid"_s, u"m"_s}, {u"space_id"_s, kWork}, {u"mutation_id"_s, 12},
            {u"kind"_s, u"message.send"_s}, {u"created_at"_s, 1}, {u"payload"_s, QJsonObject {}}});
        QVERIFY(c->waitClosed());
        QCOMPARE(c->closeCode(), 4000);
    }

    void tooManyMutationsInFlightCloses4003()
    {
        auto c = readyAlice();
        // All in one go: they arrive before the server has answered the first.
        for (int i = 0; i < 40; ++i)
            c->send({{u"type"_s, u"mutate"_s}, {u"rid"_s, u"b%1"_s.arg(i)}, {u"space_id"_s, kWork},
                {u"mutation_id"_s, tandem::protocol::newUuid()}, {u"kind"_s, u"receipt.mark"_s},
                {u"created_at"_s, 1},
                {u"payload"_s, QJsonObject {{u"conversation_id"_s, kLaunch}, {u"up_to_cseq"_s, 1}}}});
        QVERIFY(c->waitClosed(10000));
        QCOMPARE(c->closeCode(), 4003);
        const QJsonObject err
            = c->waitFor([](const QJsonObject &f) { return f.value(u"fatal"_s).toBool(); }, 100);
        QCOMPARE(err.value(u"code"_s).toString(), u"too_many_in_flight"_s);
        QCOMPARE(
            err.value(u"details"_s).toObject().value(u"limit"_s).toString(), u"max_mutations_in_flight"_s);
    }

    void ignoringSlowDownEndsWithRateLimited()
    {
        auto c = readyAlice();
        bool slowed = false;
        for (int i = 0; i < 60 && !c->closed(); ++i) {
            c->mutate(kWork, u"receipt.mark"_s, {{u"conversation_id"_s, kLaunch}, {u"up_to_cseq"_s, 1}});
            for (const QJsonObject &f : std::as_const(c->inbox()))
                slowed = slowed || f.value(u"type"_s).toString() == u"slow_down"_s;
        }
        QVERIFY(slowed);
        QVERIFY(c->waitClosed());
        QCOMPARE(c->closeCode(), 4003);
    }

    void idleConnectionsAreClosed()
    {
        // No hello in time.
        TestClient silent;
        QVERIFY(silent.open(m_server.url()));
        silent.setAutoPong(false);
        QVERIFY(silent.waitClosed(6000));
        QCOMPARE(silent.closeCode(), 4002);
        // After welcome: pongs keep it alive, silence ends it.
        auto lively = readyAlice();
        QTest::qWait(4500);
        QVERIFY(!lively->closed());
        QVERIFY(lively->pingsAnswered() >= 2);
        lively->setAutoPong(false);
        QVERIFY(lively->waitClosed(6000));
        QCOMPARE(lively->closeCode(), 4002);
    }

    void serverSurvivedWithDataIntact()
    {
        QVERIFY(m_server.running());
        QVERIFY(generalMessages() >= 120);
    }
};

QTEST_GUILESS_MAIN(TestServerHostile)
#include "tst_server_hostile.moc"
