// A scripted Tandem server for the sync engine's tests (docs/protocol.md §14, "client checklist"): a
// QWebSocketServer on a free loopback port that records every frame a client sends and answers the
// way a test tells it to. By default it behaves like a small, correct server: login, hello/welcome,
// a snapshot of `records`, an event log that `fetch` reads, results for mutations, pong. A test turns
// parts of that off, or answers by hand, to play the cases a real server rarely produces.
#pragma once

#include "protocol/codec.h"
#include "protocol/limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>

namespace tandem::sync::test {

using namespace Qt::StringLiterals;

struct Received
{
    int connection = 0; // 1 for the first connection, 2 for the next, …
    QJsonObject frame;
    QByteArray bytes;
};

class FakeServer : public QObject
{
public:
    FakeServer()
    {
        m_server.setSupportedSubprotocols({u"tandem"_s});
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                m_client = socket;
                m_live = false;
                const int number = ++m_connections;
                connect(socket, &QWebSocket::textMessageReceived, this, [this, number](const QString &text) {
                    const QByteArray bytes = text.toUtf8();
                    const QJsonObject frame = QJsonDocument::fromJson(bytes).object();
                    received.append({number, frame, bytes});
                    if (number == m_connections)
                        handle(frame);
                });
                connect(socket, &QWebSocket::disconnected, this, [this, socket] {
                    closeCodes.append(int(socket->closeCode()));
                    socket->deleteLater();
                });
            }
        });
    }

    // A server that selects no subprotocol in the handshake.
    void withoutSubprotocol() { m_server.setSupportedSubprotocols({}); }

    [[nodiscard]] QString url() const { return u"ws://127.0.0.1:%1"_s.arg(m_server.serverPort()); }
    [[nodiscard]] int connections() const { return m_connections; }
    [[nodiscard]] bool connected() const
    {
        return m_client && m_client->state() == QAbstractSocket::ConnectedState;
    }

    // Frames of one type the client sent (on every connection, in order).
    [[nodiscard]] QList<Received> sent(const QString &type) const
    {
        QList<Received> out;
        for (const Received &r : received)
            if (r.frame.value("type"_L1).toString() == type)
                out.append(r);
        return out;
    }

    void send(const QJsonObject &frame) { sendRaw(protocol::encodeFrame(frame)); }
    void sendRaw(const QByteArray &bytes)
    {
        if (m_client)
            m_client->sendTextMessage(QString::fromUtf8(bytes));
    }
    void sendBinary(const QByteArray &bytes)
    {
        if (m_client)
            m_client->sendBinaryMessage(bytes);
    }
    // An error frame, fatal with a close, as §2.5 describes.
    void fail(const QString &code, quint16 closeCode, qint64 retryAfterMs = -1)
    {
        QJsonObject e {{u"type"_s, u"error"_s}, {u"code"_s, code}, {u"reason"_s, u"scripted"_s},
            {u"retryable"_s, false}, {u"fatal"_s, true}};
        if (retryAfterMs >= 0)
            e.insert(u"retry_after_ms"_s, double(retryAfterMs));
        send(e);
        closeClient(closeCode);
    }
    void closeClient(quint16 code)
    {
        if (m_client)
            m_client->close(QWebSocketProtocol::CloseCode(code), u"scripted"_s);
    }

    // The stream: events numbered from 1 in `epoch`. Appending pushes them when `pushLive`.
    QString spaceId = u"sp_test"_s;
    QString epoch = u"ep-1"_s;
    QList<QJsonObject> log; // events, each with seq = index + 1
    QList<QJsonObject> records; // the snapshot's records, {"entity", "data"}
    QHash<QString, QList<QJsonObject>> history; // older messages per conversation, ascending cseq
    int snapshotPageSize = 3;
    bool pushLive = true;
    QJsonObject policy {{u"edit_window_ms"_s, 0}, {u"recall_window_ms"_s, 0}}; // sent in welcome
    bool answerMutations = true;
    bool resumeAllowed = true; // false: welcome says snapshot
    QJsonObject limitOverrides;
    QStringList features; // welcome.features
    QString userId = u"u_alice"_s;
    // Called before the default handling; return true when the frame was handled.
    std::function<bool(const QJsonObject &)> intercept;

    QList<Received> received;
    QList<int> closeCodes;

    QJsonObject event(
        qint64 seq, const QString &kind, const QJsonObject &data, const QString &mutationId = {}) const
    {
        QJsonObject e {{u"seq"_s, double(seq)}, {u"kind"_s, kind}, {u"at"_s, double(1764000000000 + seq)},
            {u"data"_s, data}};
        if (!mutationId.isEmpty())
            e.insert(u"mutation_id"_s, mutationId);
        return e;
    }
    // Appends an event to the log and pushes it to the client if it is live.
    qint64 append(const QString &kind, const QJsonObject &data, const QString &mutationId = {})
    {
        const qint64 seq = log.size() + 1;
        log.append(event(seq, kind, data, mutationId));
        if (pushLive && m_live)
            push({log.last()});
        return seq;
    }
    void push(const QList<QJsonObject> &events, const QString &withEpoch = {})
    {
        QJsonArray items;
        for (const QJsonObject &e : events)
            items.append(e);
        send({{u"type"_s, u"events"_s}, {u"space_id"_s, spaceId},
            {u"epoch"_s, withEpoch.isEmpty() ? epoch : withEpoch}, {u"head_seq"_s, double(log.size())},
            {u"events"_s, items}});
    }

    static QJsonObject limits(const QJsonObject &overrides)
    {
        QJsonObject l = protocol::Limits().toJson();
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            l.insert(it.key(), it.value());
        return l;
    }

private:
    void handle(const QJsonObject &frame)
    {
        if (intercept && intercept(frame))
            return;
        const QString type = frame.value("type"_L1).toString();
        const QString rid = frame.value("rid"_L1).toString();
        if (type == "login"_L1) {
            send({{u"type"_s, u"login_result"_s}, {u"rid"_s, rid}, {u"token"_s, u"tk_0123456789abcdef0123"_s},
                {u"user_id"_s, userId}, {u"device_id"_s, u"dev1"_s},
                {u"spaces"_s,
                    QJsonArray {
                        QJsonObject {{u"id"_s, spaceId}, {u"name"_s, u"Test"_s}, {u"kind"_s, u"work"_s}}}}});
        } else if (type == "hello"_L1) {
            const QJsonObject req = frame.value("spaces"_L1).toArray().first().toObject();
            const bool resume = resumeAllowed && req.value("epoch"_L1).toString() == epoch
                && qint64(req.value("cursor"_L1).toDouble()) <= log.size();
            send({{u"type"_s, u"welcome"_s}, {u"rid"_s, rid}, {u"version"_s, 1}, {u"session_id"_s, u"s1"_s},
                {u"user_id"_s, userId}, {u"device_id"_s, u"dev1"_s},
                {u"server_time"_s, double(protocol::nowMs())},
                {u"server"_s, QJsonObject {{u"name"_s, u"fake"_s}, {u"version"_s, u"0"_s}}},
                {u"limits"_s, limits(limitOverrides)}, {u"policy"_s, policy},
                {u"features"_s, QJsonArray::fromStringList(features)},
                {u"spaces"_s,
                    QJsonArray {QJsonObject {{u"space_id"_s, spaceId},
                        {u"status"_s, resume ? u"resume"_s : u"snapshot"_s}, {u"epoch"_s, epoch},
                        {u"head_seq"_s, double(log.size())}}}},
                {u"account_spaces"_s, QJsonArray()}});
            if (resume) {
                m_live = true;
                const qint64 cursor = qint64(req.value("cursor"_L1).toDouble());
                if (pushLive && cursor < log.size())
                    push(log.mid(cursor));
            }
        } else if (type == "snapshot"_L1) {
            const int start
                = frame.contains("page_token"_L1) ? frame.value("page_token"_L1).toString().toInt() : 0;
            QJsonArray page;
            for (int i = start; i < std::min<int>(int(records.size()), start + snapshotPageSize); ++i)
                page.append(records.at(i));
            QJsonObject answer {{u"type"_s, u"snapshot_page"_s}, {u"rid"_s, rid}, {u"space_id"_s, spaceId},
                {u"epoch"_s, epoch}, {u"at_seq"_s, double(log.size())}, {u"records"_s, page}};
            if (start + snapshotPageSize < records.size())
                answer.insert(u"next_page_token"_s, QString::number(start + snapshotPageSize));
            else
                m_live = true;
            send(answer);
        } else if (type == "fetch"_L1) {
            const qint64 after = qint64(frame.value("after"_L1).toDouble());
            QJsonArray items;
            for (qint64 s = after; s < log.size() && items.size() < 500; ++s)
                items.append(log.at(s));
            send({{u"type"_s, u"events"_s}, {u"rid"_s, rid}, {u"space_id"_s, spaceId}, {u"epoch"_s, epoch},
                {u"head_seq"_s, double(log.size())}, {u"events"_s, items},
                {u"has_more"_s, after + items.size() < log.size()}});
        } else if (type == "history"_L1) {
            const QString conversation = frame.value("conversation_id"_L1).toString();
            const qint64 before = frame.contains("before_cseq"_L1)
                ? qint64(frame.value("before_cseq"_L1).toDouble())
                : std::numeric_limits<qint64>::max();
            QJsonArray items;
            const QList<QJsonObject> all = history.value(conversation);
            qsizetype end = 0;
            while (end < all.size() && qint64(all.at(end).value("cseq"_L1).toDouble()) < before)
                ++end;
            const qsizetype begin = std::max<qsizetype>(0, end - 2); // pages of two, to exercise paging
            for (qsizetype i = begin; i < end; ++i)
                items.append(all.at(i));
            send({{u"type"_s, u"history_page"_s}, {u"rid"_s, rid}, {u"space_id"_s, spaceId},
                {u"conversation_id"_s, conversation}, {u"at_seq"_s, double(log.size())},
                {u"messages"_s, items}, {u"has_more"_s, begin > 0}});
        } else if (type == "mutate"_L1 && answerMutations) {
            answerMutation(frame);
        } else if (type == "ping"_L1) {
            send({{u"type"_s, u"pong"_s}, {u"rid"_s, rid}, {u"time"_s, double(protocol::nowMs())}});
        }
    }

public:
    // Applies a mutation the way a server would for message.send; other kinds are applied without
    // events. A mutation seen before is answered duplicate.
    void answerMutation(const QJsonObject &frame)
    {
        const QString rid = frame.value("rid"_L1).toString();
        const QString id = frame.value("mutation_id"_L1).toString();
        if (m_outcomes.contains(id)) {
            send({{u"type"_s, u"result"_s}, {u"rid"_s, rid}, {u"space_id"_s, spaceId}, {u"mutation_id"_s, id},
                {u"status"_s, u"duplicate"_s}, {u"original"_s, m_outcomes.value(id)}});
            return;
        }
        QJsonObject outcome {{u"status"_s, u"applied"_s}};
        const QJsonObject payload = frame.value("payload"_L1).toObject();
        if (frame.value("kind"_L1).toString() == "message.send"_L1) {
            const QString conversation = payload.value("conversation_id"_L1).toString();
            const qint64 cseq = ++m_cseq[conversation];
            const qint64 now = protocol::nowMs();
            const QJsonObject message {{u"id"_s, payload.value("message_id"_L1)},
                {u"conversation_id"_s, conversation}, {u"cseq"_s, double(cseq)}, {u"sender_id"_s, userId},
                {u"created_at"_s, double(now)}, {u"body"_s, payload.value("body"_L1)},
                {u"format"_s, payload.value("format"_L1)}, {u"mentions"_s, QJsonArray()},
                {u"attachments"_s, QJsonArray()}, {u"reactions"_s, QJsonArray()}};
            const qint64 seq = append(u"message.created"_s, {{u"message"_s, message}}, id);
            outcome.insert(u"seq"_s, double(seq));
            outcome.insert(u"data"_s,
                QJsonObject {{u"message_id"_s, payload.value("message_id"_L1)}, {u"cseq"_s, double(cseq)},
                    {u"created_at"_s, double(now)}});
        }
        m_outcomes.insert(id, outcome);
        QJsonObject result = outcome;
        result.insert(u"type"_s, u"result"_s);
        result.insert(u"rid"_s, rid);
        result.insert(u"space_id"_s, spaceId);
        result.insert(u"mutation_id"_s, id);
        send(result);
    }
    void setConversationCseq(const QString &conversation, qint64 cseq) { m_cseq[conversation] = cseq; }

private:
    QWebSocketServer m_server {u"fake tandem"_s, QWebSocketServer::NonSecureMode};
    QPointer<QWebSocket> m_client;
    int m_connections = 0;
    bool m_live = false;
    QHash<QString, QJsonObject> m_outcomes;
    QHash<QString, qint64> m_cseq;
};

} // namespace tandem::sync::test
