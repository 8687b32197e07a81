#include "convergence.h"

#include <QDeadlineTimer>
#include <QSet>
#include <QTest>

namespace tandem::test {

namespace {

// Each typed body must appear exactly once among `messages`, under the id the outbox gave it.
QString checkTyped(const QString &who, const QList<CanonicalMessage> &messages, const QList<Typed> &typed)
{
    QHash<QString, QList<const CanonicalMessage *>> byBody;
    for (const CanonicalMessage &m : messages)
        byBody[m.body].append(&m);
    for (const Typed &t : typed) {
        const auto found = byBody.value(t.body);
        if (found.size() != 1)
            return QStringLiteral("%1 holds \"%2\" %3 times").arg(who, t.body).arg(found.size());
        if (found.first()->id != t.id || found.first()->conversationId != t.conversationId)
            return QStringLiteral("%1 holds \"%2\" as %3 in %4, typed as %5 in %6")
                .arg(who, t.body, found.first()->id, found.first()->conversationId, t.id, t.conversationId);
    }
    return {};
}

// cseq runs 1, 2, 3, … in every conversation of the server.
QString checkGapless(const QList<CanonicalMessage> &messages)
{
    QHash<QString, QList<qint64>> byConversation;
    for (const CanonicalMessage &m : messages)
        byConversation[m.conversationId].append(m.cseq);
    for (auto it = byConversation.begin(); it != byConversation.end(); ++it) {
        QList<qint64> cseqs = it.value();
        std::sort(cseqs.begin(), cseqs.end());
        for (qsizetype i = 0; i < cseqs.size(); ++i)
            if (cseqs[i] != i + 1)
                return QStringLiteral("the server's cseqs of %1 are not 1…%2 (position %3 holds %4)")
                    .arg(it.key())
                    .arg(cseqs.size())
                    .arg(i)
                    .arg(cseqs[i]);
    }
    return {};
}

} // namespace

ConvergenceReport compare(const QString &serverDataDir, const QList<Replica *> &replicas,
    const QList<Typed> &typed, const QStringList &conversations, const QString &uniquePrefix)
{
    ConvergenceReport report;
    const auto server = serverMessages(serverDataDir);
    if (!server) {
        report.problem = QStringLiteral("server.db: %1").arg(server.error().message);
        return report;
    }
    if (QString p = checkTyped(QStringLiteral("the server"), *server, typed); !p.isEmpty()) {
        report.problem = p;
        return report;
    }
    if (!uniquePrefix.isEmpty()) {
        QSet<QString> bodies;
        for (const CanonicalMessage &m : *server) {
            if (!m.body.startsWith(uniquePrefix))
                continue;
            if (bodies.contains(m.body)) {
                report.problem = QStringLiteral("the server holds \"%1\" twice").arg(m.body);
                return report;
            }
            bodies.insert(m.body);
        }
    }
    if (QString p = checkGapless(*server); !p.isEmpty()) {
        report.problem = p;
        return report;
    }
    const QMap<QString, QByteArray> serverHashes = canonicalHashes(*server);
    for (Replica *replica : replicas) {
        const QString who = replica->userName();
        const auto unfinished = replica->unfinished();
        if (!unfinished || *unfinished != 0) {
            report.problem = unfinished
                ? QStringLiteral("%1 has %2 unsent or unconfirmed rows").arg(who).arg(*unfinished)
                : unfinished.error().message;
            return report;
        }
        const auto messages = replica->messages();
        if (!messages) {
            report.problem = messages.error().message;
            return report;
        }
        const QMap<QString, QByteArray> hashes = canonicalHashes(*messages);
        for (const QString &c : conversations)
            if (!hashes.contains(c)) {
                report.problem = QStringLiteral("%1 holds no message of %2").arg(who, c);
                return report;
            }
        if (QString p = checkTyped(who, *messages, typed); !p.isEmpty()) {
            report.problem = p;
            return report;
        }
        for (auto it = hashes.begin(); it != hashes.end(); ++it) {
            if (serverHashes.value(it.key()) != it.value()) {
                qsizetype count = 0;
                for (const CanonicalMessage &m : *messages)
                    count += m.conversationId == it.key() ? 1 : 0;
                qsizetype onServer = 0;
                for (const CanonicalMessage &m : *server)
                    onServer += m.conversationId == it.key() ? 1 : 0;
                report.problem = QStringLiteral("%1's %2 differs from the server's (%3 messages, server %4)")
                                     .arg(who, it.key())
                                     .arg(count)
                                     .arg(onServer);
                return report;
            }
        }
    }
    report.converged = true;
    return report;
}

ConvergenceReport waitForConvergence(const QString &serverDataDir, const QList<Replica *> &replicas,
    const QList<Typed> &typed, const QStringList &conversations, int timeoutMs, const QString &uniquePrefix)
{
    const QDeadlineTimer deadline(timeoutMs);
    ConvergenceReport report;
    do {
        report = compare(serverDataDir, replicas, typed, conversations, uniquePrefix);
        if (report.converged)
            return report;
        QTest::qWait(250);
    } while (!deadline.hasExpired());
    return report;
}

} // namespace tandem::test
