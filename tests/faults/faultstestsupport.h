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

// Waits until every replica has settled once (snapshot applied, history fetched, outbox empty).
inline bool waitUntilSettled(const QList<Replica *> &replicas, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            for (Replica *r : replicas)
                if (r->settledCount() == 0)
                    return false;
            return true;
        },
        timeoutMs);
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
