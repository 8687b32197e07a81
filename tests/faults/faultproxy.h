// A WebSocket man in the middle for robustness tests. It listens on 127.0.0.1 (subprotocol `tandem`),
// opens one upstream connection per client connection, and forwards frames both ways while a seeded
// random generator drops, duplicates, reorders and delays them and cuts connections. The same seed and
// the same sequence of frames give the same faults, so a failing run can be replayed.
#pragma once

#include <QObject>
#include <QSet>
#include <QUrl>

#include <random>

class QWebSocketServer;

namespace tandem::test {

// Faults applied to the frames of one direction. Probabilities are per frame, checked in this order:
// drop, duplicate, reorder (hold the frame and send it after the next one), delay.
struct FaultPlan
{
    double drop = 0;
    double duplicate = 0;
    double reorder = 0;
    double delay = 0;
    int delayMinMs = 1;
    int delayMaxMs = 50;
};

struct FaultConfig
{
    FaultPlan up; // client → upstream
    FaultPlan down; // upstream → client
    // Cut each connection (both sides, without a close frame) after this many frames in either
    // direction, plus a random 0…cutJitter; 0 never cuts.
    int cutAfterFrames = 0;
    int cutJitter = 0;
};

struct DirectionCounters
{
    qint64 frames = 0; // frames received from the sender
    qint64 forwarded = 0; // frames written to the receiver (duplicates count twice)
    qint64 dropped = 0;
    qint64 duplicated = 0;
    qint64 reordered = 0;
    qint64 delayed = 0;
};

struct FaultCounters
{
    DirectionCounters up;
    DirectionCounters down;
    qint64 connections = 0; // client connections accepted
    qint64 cuts = 0; // connections cut by cutAfterFrames or cutAll()
    qint64 upstreamFailures = 0; // upstream connections that never opened
};

class FaultProxy : public QObject
{
    Q_OBJECT

public:
    FaultProxy(QUrl upstream, quint64 seed, QObject *parent = nullptr);
    ~FaultProxy() override;

    // Starts listening on 127.0.0.1 on a free port.
    [[nodiscard]] bool listen();
    // ws://127.0.0.1:PORT, the URL clients use instead of the upstream one.
    [[nodiscard]] QUrl url() const;

    // New faults for frames from now on; open connections get a new cut budget too.
    void setFaults(const FaultConfig &config);
    // Pass everything through unchanged from now on, and release held frames.
    void clearFaults();
    // Where connections go from now on (a restarted server listens on a new port).
    void setUpstream(const QUrl &upstream);
    // Cuts every open connection now.
    void cutAll();

    [[nodiscard]] const FaultCounters &counters() const { return m_counters; }
    [[nodiscard]] int openConnections() const;

Q_SIGNALS:
    void connectionClosed();

private:
    class Link;
    friend class Link;

    void accept();
    quint64 draw(quint64 bound); // uniform in 0…bound-1
    bool chance(double probability);

    QUrl m_upstream;
    std::mt19937_64 m_random;
    FaultConfig m_config;
    FaultCounters m_counters;
    QWebSocketServer *m_server = nullptr;
    QSet<Link *> m_links;
};

} // namespace tandem::test
