// What the robustness tests share: a demo server with fast liveness limits, replicas that reach a live
// stream, and the conversations every replica can write to.
#pragma once

#include "faultproxy.h"
#include "replica.h"
#include "serverprocess.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace tandem::test {

// tandem-server with the demo data, pings every second and a 3 s idle timeout so that broken
// connections are found fast, and no rate limit in the way of a write storm.
inline QStringList fastServerArguments()
{
    return {QStringLiteral("--demo"), QStringLiteral("--limit"), QStringLiteral("ping_interval_ms=1000"),
        QStringLiteral("--limit"), QStringLiteral("idle_timeout_ms=3000"), QStringLiteral("--mutation-rate"),
        QStringLiteral("100000")};
}

// Waits until every replica is settled (snapshot applied, history fetched, outbox empty).
inline bool waitUntilSettled(const QList<Replica *> &replicas, int timeoutMs)
{
    const bool settled = QTest::qWaitFor(
        [&] {
            for (Replica *r : replicas)
                if (!r->isSettled())
                    return false;
            return true;
        },
        timeoutMs);
    // The app relies on the signal, not on polling: it must have fired too.
    for (Replica *r : replicas)
        if (settled && !QTest::qWaitFor([r] { return r->settledCount() > 0; }, 2000))
            qWarning(
                "%s is settled but SpaceConnection::settled was never emitted", qPrintable(r->userName()));
    return settled;
}

// Waits until every replica is live and holds the space's conversations (its snapshot is applied).
inline bool waitUntilReady(const QList<Replica *> &replicas, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            for (Replica *r : replicas) {
                const auto conversations = r->state() == sync::SyncState::Ready
                    ? r->conversations()
                    : Result<QStringList>(QStringList());
                if (!conversations || conversations->isEmpty())
                    return false;
            }
            return true;
        },
        timeoutMs);
}

// Where each replica stands, for failure messages.
inline QByteArray describe(const QList<Replica *> &replicas)
{
    QStringList parts;
    for (Replica *r : replicas) {
        const auto unfinished = r->unfinished();
        parts << QStringLiteral("%1: state %2, settled %3 (signal %4 times), %5 unfinished")
                     .arg(r->userName())
                     .arg(int(r->state()))
                     .arg(r->isSettled())
                     .arg(r->settledCount())
                     .arg(unfinished ? *unfinished : -1);
    }
    return parts.join(QStringLiteral("; ")).toUtf8();
}

// Conversations every replica holds.
inline QStringList sharedConversations(const QList<Replica *> &replicas)
{
    QSet<QString> shared;
    bool first = true;
    for (Replica *r : replicas) {
        const auto mine = r->conversations();
        if (!mine)
            return {};
        const QSet<QString> set(mine->begin(), mine->end());
        shared = first ? set : shared.intersect(set);
        first = false;
    }
    QStringList out(shared.begin(), shared.end());
    out.sort();
    return out;
}

} // namespace tandem::test
