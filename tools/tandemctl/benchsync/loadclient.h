// A bare protocol client for load: one WebSocket session that resumes a space at a known cursor,
// answers pings, acknowledges every events frame, and reports each message it receives with the time
// it arrived. No store: it stands for the thousands of other users connected while the benchmark
// measures one pair of real clients.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QWebSocket>

namespace tandemctl::bench {

struct LoadIdentity
{
    QString userId;
    QString deviceId;
    QString token;
    QString spaceId; // empty: a session that syncs nothing
    QString epoch;
    qint64 cursor = 0;
};

class LoadClient : public QObject
{
    Q_OBJECT

public:
    LoadClient(LoadIdentity identity, const QElapsedTimer *clock, QObject *parent = nullptr);

    void open(const QString &url);
    [[nodiscard]] bool isReady() const { return m_ready; }
    [[nodiscard]] const QString &failure() const { return m_failure; }
    // Sends a message.send mutation into `conversationId`; returns its message id.
    QString send(const QString &conversationId, const QString &body);

Q_SIGNALS:
    void ready();
    void failed(const QString &why);
    // A message.created event arrived; `atMs` is the shared clock's reading.
    void messageArrived(const QString &messageId, qint64 atMs);

private:
    void onText(const QString &text);
    void sendFrame(const QJsonObject &frame);

    LoadIdentity m_id;
    const QElapsedTimer *m_clock;
    QWebSocket m_socket;
    bool m_ready = false;
    QString m_failure;
    qint64 m_nextRid = 1;
};

} // namespace tandemctl::bench
