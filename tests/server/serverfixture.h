// Test support for tandem-server: the real binary started on a free loopback port, and a small
// synchronous WebSocket client that speaks the protocol frame by frame.
#pragma once

#include "../childprocess.h"

#include "protocol/codec.h"
#include "protocol/fields.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <functional>
#include <memory>

namespace tandem::testing {

using namespace Qt::StringLiterals;

// Waits in the event loop until `done()` or the timeout; returns done(). `done` is called once per
// turn (it may take what it found).
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        if (done())
            return true;
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(1);
    }
}

class ServerProcess
{
public:
    ServerProcess() = default;
    ~ServerProcess() { kill(); }

    // Starts tandem-server on 127.0.0.1:0 with `args` (besides --listen and --data); false on failure.
    bool start(const QString &dataDir, const QStringList &args = {}, int timeoutMs = 30000)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(
            QProcess::ForwardedErrorChannel); // server warnings show in the test log
        dieWithParent(*m_process);
        m_process->start(QStringLiteral(TANDEM_SERVER_BINARY),
            QStringList {u"--listen"_s, u"127.0.0.1:0"_s, u"--data"_s, dataDir} + args);
        if (!m_process->waitForStarted(5000))
            return false;
        const bool ready = waitUntil(
            [this]() { return m_process->canReadLine() || m_process->state() != QProcess::Running; },
            timeoutMs);
        if (!ready || !m_process->canReadLine())
            return false;
        const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
        const QString prefix = u"tandem-server listening on "_s;
        if (!line.startsWith(prefix))
            return false;
        m_url = QUrl(line.mid(prefix.size()));
        return m_url.isValid();
    }

    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] QProcess *process() const { return m_process.get(); }

    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    // SIGTERM; returns the exit code (or -1 when it did not exit in time).
    int terminate(int timeoutMs = 10000)
    {
        m_process->terminate();
        if (!m_process->waitForFinished(timeoutMs))
            return -1;
        return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    }
    [[nodiscard]] bool running() const { return m_process && m_process->state() == QProcess::Running; }

private:
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
};

// Runs `tandem-server admin --data DIR args...` and returns (exit code, stdout).
inline std::pair<int, QString> runAdmin(
    const QString &dataDir, const QStringList &args, const QString &password = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!password.isEmpty())
        env.insert(u"TANDEM_PASSWORD"_s, password);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TANDEM_SERVER_BINARY), QStringList {u"admin"_s, u"--data"_s, dataDir} + args);
    p.waitForFinished(30000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput())};
}

class TestClient : public QObject
{
public:
    TestClient()
    {
        connect(&m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            QJsonParseError error;
            const QJsonObject f = QJsonDocument::fromJson(text.toUtf8(), &error).object();
            if (error.error != QJsonParseError::NoError)
                qWarning("TestClient: unparsable frame (%s at %d): %s", qPrintable(error.errorString()),
                    error.offset, qPrintable(text.mid(std::max(0, error.offset - 80), 160)));
            if (qEnvironmentVariableIsSet("TANDEM_TEST_TRACE"))
                qWarning("TestClient %p got %s", static_cast<void *>(this), qPrintable(text.left(60)));
            if (f.value(u"type"_s).toString() == u"ping"_s && m_autoPong) {
                m_ws.sendTextMessage(QString::fromUtf8(
                    protocol::encodeFrame({{u"type"_s, u"pong"_s}, {u"rid"_s, f.value(u"rid"_s)}})));
                ++m_pings;
                return;
            }
            m_inbox.push_back(f);
        });
        connect(&m_ws, &QWebSocket::disconnected, this, [this]() {
            m_closed = true;
            m_closeCode = int(m_ws.closeCode());
        });
    }

    bool open(const QUrl &url, int timeoutMs = 5000)
    {
        QWebSocketHandshakeOptions options;
        options.setSubprotocols({u"tandem"_s});
        m_ws.setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
        m_ws.open(url, options);
        if (qEnvironmentVariableIsSet("TANDEM_TEST_TRACE"))
            qWarning("TestClient %p opens %s", static_cast<void *>(this), qPrintable(url.toString()));
        return waitUntil([this]() { return m_ws.state() == QAbstractSocket::ConnectedState || m_closed; },
                   timeoutMs)
            && m_ws.state() == QAbstractSocket::ConnectedState;
    }

    void send(const QJsonObject &frame)
    {
        m_ws.sendTextMessage(QString::fromUtf8(protocol::encodeFrame(frame)));
    }
    void sendText(const QString &text) { m_ws.sendTextMessage(text); }
    void sendBinary(const QByteArray &data) { m_ws.sendBinaryMessage(data); }

    // The first received frame matching `match` (removed from the inbox), or an empty object.
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs = 5000)
    {
        QJsonObject found;
        waitUntil(
            [&]() {
                for (qsizetype i = 0; i < m_inbox.size(); ++i) {
                    if (match(m_inbox[i])) {
                        found = m_inbox.takeAt(i);
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        if (found.isEmpty()) {
            QStringList types;
            for (const QJsonObject &f : std::as_const(m_inbox))
                types << f.value(u"type"_s).toString() + u':' + f.value(u"code"_s).toString();
            qWarning("waitFor: nothing matched; closed %d (%d), inbox %s", int(m_closed), m_closeCode,
                qPrintable(types.join(u' ')));
        }
        return found;
    }
    QJsonObject waitType(const QString &type, int timeoutMs = 5000)
    {
        return waitFor(
            [&](const QJsonObject &f) { return f.value(u"type"_s).toString() == type; }, timeoutMs);
    }
    QJsonObject waitRid(const QString &rid, int timeoutMs = 5000)
    {
        return waitFor([&](const QJsonObject &f) { return f.value(u"rid"_s).toString() == rid; }, timeoutMs);
    }
    bool waitClosed(int timeoutMs = 5000)
    {
        return waitUntil([this]() { return m_closed; }, timeoutMs);
    }

    [[nodiscard]] bool closed() const { return m_closed; }
    [[nodiscard]] int closeCode() const { return m_closeCode; }
    [[nodiscard]] QString subprotocol() const { return m_ws.subprotocol(); }
    QList<QJsonObject> &inbox() { return m_inbox; }
    void setAutoPong(bool on) { m_autoPong = on; }
    [[nodiscard]] int pingsAnswered() const { return m_pings; }
    QWebSocket &socket() { return m_ws; }

    // ---- protocol helpers ----

    QString nextRid() { return u"r%1"_s.arg(++m_rid); }

    struct Login
    {
        QString token;
        QString deviceId;
        QString userId;
        QJsonObject frame;
    };
    Login login(const QString &user, const QString &password = u"demo"_s, const QString &deviceId = {})
    {
        QJsonObject device {{u"name"_s, u"test device"_s}, {u"platform"_s, u"cli"_s}};
        if (!deviceId.isEmpty())
            device.insert(u"id"_s, deviceId);
        const QString rid = nextRid();
        send({{u"type"_s, u"login"_s}, {u"rid"_s, rid}, {u"user_name"_s, user}, {u"password"_s, password},
            {u"device"_s, device},
            {u"client"_s, QJsonObject {{u"name"_s, u"tst"_s}, {u"version"_s, u"1"_s}}}});
        const QJsonObject r = waitRid(rid, 15000);
        return {r.value(u"token"_s).toString(), r.value(u"device_id"_s).toString(),
            r.value(u"user_id"_s).toString(), r};
    }

    QJsonObject hello(const Login &login, const QJsonArray &spaces)
    {
        const QString rid = nextRid();
        send({{u"type"_s, u"hello"_s}, {u"rid"_s, rid}, {u"versions"_s, QJsonArray {1}},
            {u"token"_s, login.token}, {u"device_id"_s, login.deviceId},
            {u"client"_s, QJsonObject {{u"name"_s, u"tst"_s}, {u"version"_s, u"1"_s}}},
            {u"spaces"_s, spaces}});
        return waitRid(rid, 10000);
    }

    // Uploads `content` as a new attachment in one chunk; its id, or empty when the server did not take it.
    QString uploadWhole(
        const QString &space, const QString &name, const QString &mimeType, const QByteArray &content)
    {
        const QString id = protocol::newUuid();
        const QString begin = nextRid();
        send({{u"type"_s, u"upload_begin"_s}, {u"rid"_s, begin}, {u"space_id"_s, space},
            {u"attachment_id"_s, id}, {u"name"_s, name}, {u"mime_type"_s, mimeType},
            {u"size_bytes"_s, double(content.size())},
            {u"sha256"_s,
                QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex())}});
        if (waitRid(begin).value(u"received_bytes"_s).toInt() != 0)
            return {};
        const QString chunk = nextRid();
        send({{u"type"_s, u"upload_chunk"_s}, {u"rid"_s, chunk}, {u"space_id"_s, space},
            {u"attachment_id"_s, id}, {u"offset"_s, 0},
            {u"data"_s, QString::fromLatin1(content.toBase64())}});
        return waitRid(chunk).value(u"complete"_s).toBool() ? id : QString();
    }

    // Asks for `length` bytes of an attachment from the start: the download_chunk, or the error.
    QJsonObject downloadFromStart(const QString &space, const QString &attachmentId, qint64 length)
    {
        const QString rid = nextRid();
        send({{u"type"_s, u"download"_s}, {u"rid"_s, rid}, {u"space_id"_s, space},
            {u"attachment_id"_s, attachmentId}, {u"offset"_s, 0}, {u"length"_s, double(length)}});
        return waitRid(rid);
    }

    // Logs in and says hello resuming each space from 0 (so the whole stream is pushed).
    QJsonObject connectFromStart(
        const QUrl &url, const QString &user, const QStringList &spaces, Login *out = nullptr)
    {
        if (!open(url))
            return {};
        const Login l = login(user);
        if (out)
            *out = l;
        // A first hello without cursor learns the epochs; the second resumes from 0 on a new socket.
        QJsonArray requests;
        for (const QString &s : spaces)
            requests.append(QJsonObject {{u"space_id"_s, s}});
        const QJsonObject welcome = hello(l, requests);
        return welcome;
    }

    QJsonObject mutate(const QString &space, const QString &kind, const QJsonObject &payload,
        const QString &mutationId = protocol::newUuid(), qint64 createdAt = 1764000000000)
    {
        const QString rid = nextRid();
        send({{u"type"_s, u"mutate"_s}, {u"rid"_s, rid}, {u"space_id"_s, space},
            {u"mutation_id"_s, mutationId}, {u"kind"_s, kind}, {u"created_at"_s, double(createdAt)},
            {u"payload"_s, payload}});
        return waitRid(rid, 10000);
    }

    // Collects pushed events of `space` until `headSeq` was reached, acking each frame; checks that
    // seqs are gapless from `after` + 1. Returns the events (empty on a gap or timeout).
    QList<QJsonObject> collect(const QString &space, qint64 after, qint64 headSeq, int timeoutMs = 15000)
    {
        QList<QJsonObject> events;
        qint64 cursor = after;
        while (cursor < headSeq) {
            const QJsonObject f = waitFor(
                [&](const QJsonObject &x) {
                    return x.value(u"type"_s).toString() == u"events"_s && !x.contains(u"rid"_s)
                        && x.value(u"space_id"_s).toString() == space;
                },
                timeoutMs);
            if (f.isEmpty()) {
                qWarning("collect: nothing after seq %lld of %lld", cursor, headSeq);
                return {};
            }
            if (qEnvironmentVariableIsSet("TANDEM_TEST_TRACE"))
                qWarning("collect: frame %s",
                    QJsonDocument(f).toJson(QJsonDocument::Compact).left(120).constData());
            for (const QJsonValue &v : f.value(u"events"_s).toArray()) {
                const QJsonObject e = v.toObject();
                if (qint64(e.value(u"seq"_s).toDouble()) != cursor + 1) {
                    qWarning("collect: seq %lld after %lld", qint64(e.value(u"seq"_s).toDouble()), cursor);
                    return {};
                }
                cursor += 1;
                events << e;
            }
            send({{u"type"_s, u"ack"_s}, {u"space_id"_s, space}, {u"seq"_s, double(cursor)}});
        }
        return events;
    }

private:
    QWebSocket m_ws;
    QList<QJsonObject> m_inbox;
    bool m_closed = false;
    int m_closeCode = -1;
    bool m_autoPong = true;
    int m_pings = 0;
    int m_rid = 0;
};

inline QJsonObject spaceRequest(const QString &space, const QString &epoch, qint64 cursor)
{
    return {{u"space_id"_s, space}, {u"epoch"_s, epoch}, {u"cursor"_s, double(cursor)}};
}

// The space_status entry of `space` in a welcome.
inline QJsonObject statusOf(const QJsonObject &welcome, const QString &space)
{
    for (const QJsonValue &v : welcome.value(u"spaces"_s).toArray())
        if (v.toObject().value(u"space_id"_s).toString() == space)
            return v.toObject();
    return {};
}

} // namespace tandem::testing
