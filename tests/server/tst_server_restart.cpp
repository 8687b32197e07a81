// Exactly one effect across a crash (docs/protocol.md §5.3): a write storm, kill -9 in the middle, a
// restart on the same data directory, and the client's verbatim resend. Every mutation that was
// answered is still there exactly once, the rest apply once, and the stream has no gap.
#include "serverfixture.h"

#include <QSet>
#include <QTest>

using namespace tandem::testing;
using namespace Qt::StringLiterals;

namespace {
const QString kWork = u"sp_demo_work"_s;
const QString kLaunch = u"00000000-0000-4000-8000-000000000002"_s;
constexpr int kMutations = 400;
constexpr int kWindow = 32;
} // namespace

class TestServerRestart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killMidStormThenResendIsExactlyOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QStringList args {u"--demo"_s, u"--mutation-rate"_s, u"100000"_s};
        ServerProcess server;
        QVERIFY(server.start(dir.path(), args));

        // The outbox: fixed ids and payloads, resent verbatim.
        struct Outgoing
        {
            QString mutationId;
            QJsonObject payload;
        };
        QList<Outgoing> outbox;
        for (int i = 0; i < kMutations; ++i)
            outbox.push_back({tandem::protocol::newUuid(),
                {{u"message_id"_s, tandem::protocol::newUuid()}, {u"conversation_id"_s, kLaunch},
                    {u"body"_s, u"storm %1"_s.arg(i)}, {u"format"_s, u"plain"_s}}});
        auto frame = [&](int i, const QString &rid) {
            return QJsonObject {{u"type"_s, u"mutate"_s}, {u"rid"_s, rid}, {u"space_id"_s, kWork},
                {u"mutation_id"_s, outbox[i].mutationId}, {u"kind"_s, u"message.send"_s},
                {u"created_at"_s, 1764000000000.0 + i}, {u"payload"_s, outbox[i].payload}};
        };

        TestClient::Login login;
        QHash<QString, double> answeredCseq; // mutation id -> cseq of the applied result
        {
            TestClient c;
            c.connectFromStart(server.url(), u"alice"_s, {kWork}, &login);
            int next = 0;
            int inFlight = 0;
            // Pipeline within the window; kill -9 once a third has been answered.
            while (answeredCseq.size() < kMutations / 3) {
                while (inFlight < kWindow && next < kMutations) {
                    c.send(frame(next, u"a%1"_s.arg(next)));
                    ++next;
                    ++inFlight;
                }
                const QJsonObject r = c.waitType(u"result"_s);
                QVERIFY(!r.isEmpty());
                QCOMPARE(r.value(u"status"_s).toString(), u"applied"_s);
                answeredCseq.insert(r.value(u"mutation_id"_s).toString(),
                    r.value(u"data"_s).toObject().value(u"cseq"_s).toDouble());
                --inFlight;
            }
            server.process()->kill(); // SIGKILL with mutations in flight
            server.process()->waitForFinished(5000);
        }

        ServerProcess restarted;
        QVERIFY(restarted.start(dir.path(), args));
        TestClient c;
        QVERIFY(c.open(restarted.url()));
        // The token survived the restart; the stream is learnt afresh.
        const QJsonObject w = c.hello(login, {QJsonObject {{u"space_id"_s, kWork}}});
        QCOMPARE(w.value(u"type"_s).toString(), u"welcome"_s);
        QSet<QString> messages;
        for (int i = 0; i < kMutations; ++i) {
            const QJsonObject r
                = c.mutate(kWork, u"message.send"_s, frame(i, {}).value(u"payload"_s).toObject(),
                    outbox[i].mutationId, qint64(1764000000000.0 + i));
            const QString status = r.value(u"status"_s).toString();
            const QString mutationId = outbox[i].mutationId;
            if (answeredCseq.contains(mutationId)) {
                QCOMPARE(status, u"duplicate"_s);
                QCOMPARE(
                    r.value(u"original"_s).toObject().value(u"data"_s).toObject().value(u"cseq"_s).toDouble(),
                    answeredCseq.value(mutationId));
            } else {
                QVERIFY2(status == u"applied"_s || status == u"duplicate"_s, qPrintable(status));
            }
            messages.insert(outbox[i].payload.value(u"message_id"_s).toString());
        }
        // Each message exists exactly once: history holds every id once.
        QHash<QString, int> seen;
        qint64 before = 0;
        for (int page = 0; page < 20; ++page) {
            QJsonObject req {{u"type"_s, u"history"_s}, {u"rid"_s, u"h%1"_s.arg(page)},
                {u"space_id"_s, kWork}, {u"conversation_id"_s, kLaunch}, {u"limit"_s, 200}};
            if (before)
                req.insert(u"before_cseq"_s, double(before));
            c.send(req);
            const QJsonObject p = c.waitRid(u"h%1"_s.arg(page));
            const QJsonArray ms = p.value(u"messages"_s).toArray();
            for (const QJsonValue &m : ms)
                seen[m.toObject().value(u"id"_s).toString()] += 1;
            if (!p.value(u"has_more"_s).toBool() || ms.isEmpty())
                break;
            before = qint64(ms.first().toObject().value(u"cseq"_s).toDouble());
        }
        for (const QString &id : std::as_const(messages))
            QVERIFY2(seen.value(id) == 1, qPrintable(id));
        // The stream is gapless from 1 to its head.
        const QJsonObject status = statusOf(w, kWork);
        c.socket().close();
        TestClient resume;
        QVERIFY(resume.open(restarted.url()));
        const QJsonObject w2
            = resume.hello(login, {spaceRequest(kWork, status.value(u"epoch"_s).toString(), 0)});
        const qint64 head = qint64(statusOf(w2, kWork).value(u"head_seq"_s).toDouble());
        QCOMPARE(statusOf(w2, kWork).value(u"status"_s).toString(), u"resume"_s);
        const QList<QJsonObject> events = resume.collect(kWork, 0, head);
        QCOMPARE(events.size(), head);
        int created = 0;
        for (const QJsonObject &e : events)
            if (e.value(u"kind"_s).toString() == u"message.created"_s
                && messages.contains(
                    e.value(u"data"_s).toObject().value(u"message"_s).toObject().value(u"id"_s).toString()))
                ++created;
        QCOMPARE(created, kMutations);
    }
};

QTEST_GUILESS_MAIN(TestServerRestart)
#include "tst_server_restart.moc"
