// What every robustness test checks at the end, whatever the fault: the replicas and the server agree
// (the same messages, per conversation, hashed canonically), every message that was typed exists
// exactly once everywhere, and nothing is left unsent.
#pragma once

#include "replica.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tandem::test {

// A message the test typed: its id (from the outbox) and its unique body.
struct Typed
{
    QString id;
    QString conversationId;
    QString body;
};

struct ConvergenceReport
{
    bool converged = false;
    QString problem; // the first difference found, for the failure message
};

// One comparison of the server's database with every replica. `typed` are all messages the test
// queued; `conversations` those it sent into (every replica must hold them). Server messages whose body
// starts with `uniquePrefix` (when given) must not repeat a body: that catches a message committed but
// not reported (a client killed between commit and print) that was applied twice.
ConvergenceReport compare(const QString &serverDataDir, const QList<Replica *> &replicas,
    const QList<Typed> &typed, const QStringList &conversations, const QString &uniquePrefix = {});

// Polls compare() until it holds or `timeoutMs` passes; the last report.
ConvergenceReport waitForConvergence(const QString &serverDataDir, const QList<Replica *> &replicas,
    const QList<Typed> &typed, const QStringList &conversations, int timeoutMs,
    const QString &uniquePrefix = {});

} // namespace tandem::test
