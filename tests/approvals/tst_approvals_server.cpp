// Approvals through the real tandem-server: many approvers of one parallel-any step acting at the
// same moment get exactly one decision, and a resent submit creates nothing twice.
#include "../server/serverfixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem::testing;

namespace {

const QString kSpace = u"sp_demo_work"_s;
const QStringList kApprovers {
    u"alice"_s, u"bob"_s, u"chen"_s, u"dana"_s, u"eve"_s, u"frank"_s, u"grace"_s, u"hui"_s};

const char *kTemplate = R"({"id": "tpl_any8", "name": "Any of eight", "category": "general",
  "form": [{"id": "what", "type": "text", "label": "What", "required": true}],
  "flow": {"steps": [{"name": "Anyone", "mode": "any", "approvers": [
     {"user": "u_alice"}, {"user": "u_bob"}, {"user": "u_chen"}, {"user": "u_dana"},
     {"user": "u_eve"}, {"user": "u_frank"}, {"user": "u_grace"}, {"user": "u_hui"}]}]}})";

} // namespace

class TstApprovalsServer : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerProcess m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.start(m_dir.path(), {u"--demo"_s}));
        QFile file(m_dir.filePath(u"tpl.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kTemplate);
        file.close();
        const auto [code, out] = runAdmin(m_dir.path(), {u"put-template"_s, u"org_demo"_s, file.fileName()});
        QCOMPARE(code, 0);
    }

    void welcomeAnnouncesApprovals()
    {
        TestClient c;
        const QJsonObject welcome = c.connectFromStart(m_server.url(), u"kevin"_s, {kSpace});
        QVERIFY(welcome.value(u"features"_s).toArray().contains(u"approvals"_s));
    }

    void eightApproversOfAnAnyStepAtOnceGetExactlyOneDecision()
    {
        TestClient requester;
        QVERIFY(!requester.connectFromStart(m_server.url(), u"kevin"_s, {kSpace}).isEmpty());
        const QString requestId = tandem::protocol::newUuid();
        const QJsonObject submitted = requester.mutate(kSpace, u"approval.submit"_s,
            {{u"request_id"_s, requestId}, {u"template_id"_s, u"tpl_any8"_s},
                {u"form"_s, QJsonObject {{u"what"_s, u"a new laptop"_s}}}});
        QCOMPARE(submitted.value(u"status"_s).toString(), u"applied"_s);
        QCOMPARE(submitted.value(u"data"_s).toObject().value(u"state"_s).toString(), u"pending"_s);

        std::vector<std::unique_ptr<TestClient>> clients;
        for (const QString &user : kApprovers) {
            clients.push_back(std::make_unique<TestClient>());
            QVERIFY(!clients.back()->connectFromStart(m_server.url(), user, {kSpace}).isEmpty());
        }
        // Every approver sends before anyone waits for an answer.
        QStringList rids;
        for (auto &c : clients) {
            rids << c->nextRid();
            c->send({{u"type"_s, u"mutate"_s}, {u"rid"_s, rids.back()}, {u"space_id"_s, kSpace},
                {u"mutation_id"_s, tandem::protocol::newUuid()}, {u"kind"_s, u"approval.approve"_s},
                {u"created_at"_s, 1764000000000.0},
                {u"payload"_s, QJsonObject {{u"request_id"_s, requestId}, {u"step"_s, 0}}}});
        }
        QString winner;
        QList<QJsonObject> refusals;
        for (size_t i = 0; i < clients.size(); ++i) {
            const QJsonObject r = clients[i]->waitRid(rids[int(i)], 15000);
            if (r.value(u"status"_s).toString() == u"applied"_s) {
                QVERIFY2(winner.isEmpty(), "two approvals applied");
                winner = u"u_"_s + kApprovers[int(i)];
            } else {
                refusals << r;
            }
        }
        QVERIFY(!winner.isEmpty());
        QCOMPARE(refusals.size(), kApprovers.size() - 1);
        for (const QJsonObject &r : std::as_const(refusals)) {
            QCOMPARE(r.value(u"code"_s).toString(), u"state_conflict"_s);
            const QJsonObject d = r.value(u"details"_s).toObject();
            QCOMPARE(d.value(u"decided_by"_s).toString(), winner);
            QVERIFY(d.value(u"decided_at"_s).toDouble() > 0);
            QCOMPARE(d.value(u"state"_s).toString(), u"approved"_s);
            QCOMPARE(d.value(u"version"_s).toInt(), 2); // submit, then the one decision
        }
    }

    void aResentSubmitIsADuplicateAndCreatesNothingTwice()
    {
        TestClient c;
        QVERIFY(!c.connectFromStart(m_server.url(), u"dana"_s, {kSpace}).isEmpty());
        const QString requestId = tandem::protocol::newUuid();
        const QString mutationId = tandem::protocol::newUuid();
        const QJsonObject payload {{u"request_id"_s, requestId}, {u"template_id"_s, u"tpl_general"_s},
            {u"form"_s, QJsonObject {{u"subject"_s, u"Desk move"_s}, {u"details"_s, u"Third floor"_s}}}};
        const QJsonObject first = c.mutate(kSpace, u"approval.submit"_s, payload, mutationId);
        QCOMPARE(first.value(u"status"_s).toString(), u"applied"_s);
        const QJsonObject again = c.mutate(kSpace, u"approval.submit"_s, payload, mutationId);
        QCOMPARE(again.value(u"status"_s).toString(), u"duplicate"_s);
        // A new mutation with the same request id is refused: one request per id.
        const QJsonObject reused = c.mutate(kSpace, u"approval.submit"_s, payload);
        QCOMPARE(reused.value(u"code"_s).toString(), u"id_conflict"_s);
    }

    void refusalsThroughTheServerKeepTheVersion()
    {
        TestClient dana;
        QVERIFY(!dana.connectFromStart(m_server.url(), u"dana"_s, {kSpace}).isEmpty());
        const QString requestId = tandem::protocol::newUuid();
        QCOMPARE(dana.mutate(kSpace, u"approval.submit"_s,
                         {{u"request_id"_s, requestId}, {u"template_id"_s, u"tpl_general"_s},
                             {u"form"_s, QJsonObject {{u"subject"_s, u"Pens"_s}, {u"details"_s, u"Blue"_s}}}})
                     .value(u"status"_s)
                     .toString(),
            u"applied"_s);
        TestClient bob;
        QVERIFY(!bob.connectFromStart(m_server.url(), u"bob"_s, {kSpace}).isEmpty());
        // Bob is not the manager (Alice is) and cannot even see the request.
        QCOMPARE(bob.mutate(kSpace, u"approval.approve"_s, {{u"request_id"_s, requestId}, {u"step"_s, 0}})
                     .value(u"code"_s)
                     .toString(),
            u"not_found"_s);
        QCOMPARE(dana.mutate(kSpace, u"approval.approve"_s, {{u"request_id"_s, requestId}, {u"step"_s, 0}})
                     .value(u"code"_s)
                     .toString(),
            u"forbidden"_s);
        QCOMPARE(dana.mutate(kSpace, u"approval.remind"_s, {{u"request_id"_s, requestId}})
                     .value(u"status"_s)
                     .toString(),
            u"applied"_s);
        const QJsonObject tooSoon = dana.mutate(kSpace, u"approval.remind"_s, {{u"request_id"_s, requestId}});
        QCOMPARE(tooSoon.value(u"code"_s).toString(), u"rate_limited"_s);
        QVERIFY(tooSoon.value(u"details"_s).toObject().value(u"retry_after_ms"_s).toDouble() > 0);
        TestClient alice;
        QVERIFY(!alice.connectFromStart(m_server.url(), u"alice"_s, {kSpace}).isEmpty());
        const QJsonObject approved
            = alice.mutate(kSpace, u"approval.approve"_s, {{u"request_id"_s, requestId}, {u"step"_s, 0}});
        QCOMPARE(approved.value(u"data"_s).toObject().value(u"version"_s).toInt(), 2);
        const QJsonObject late = dana.mutate(kSpace, u"approval.withdraw"_s, {{u"request_id"_s, requestId}});
        QCOMPARE(late.value(u"code"_s).toString(), u"state_conflict"_s);
        QCOMPARE(late.value(u"details"_s).toObject().value(u"decided_by"_s).toString(), u"u_alice"_s);
        QCOMPARE(late.value(u"details"_s).toObject().value(u"version"_s).toInt(), 2);
    }

    void theFilesOfARequestAreNamedInItsRecordAndReadableByItsViewersOnly()
    {
        TestClient dana;
        QVERIFY(!dana.connectFromStart(m_server.url(), u"dana"_s, {kSpace}).isEmpty());
        const QByteArray content = QByteArray("receipt: taxi 86.00 CNY\n").repeated(40);
        const QString receipt = dana.uploadWhole(kSpace, u"taxi.txt"_s, u"text/plain"_s, content);
        // uploaded, never named in a request
        const QString unrelated = dana.uploadWhole(kSpace, u"diary.txt"_s, u"text/plain"_s, content);
        QVERIFY(!receipt.isEmpty() && !unrelated.isEmpty());
        const QString requestId = tandem::protocol::newUuid();
        QCOMPARE(dana.mutate(kSpace, u"approval.submit"_s,
                         {{u"request_id"_s, requestId}, {u"template_id"_s, u"tpl_general"_s},
                             {u"form"_s,
                                 QJsonObject {{u"subject"_s, u"Taxi"_s}, {u"details"_s, u"To the client"_s},
                                     {u"files"_s, QJsonArray {receipt}}}}})
                     .value(u"status"_s)
                     .toString(),
            u"applied"_s);

        TestClient alice; // Dana's manager: the approver
        QVERIFY(!alice.connectFromStart(m_server.url(), u"alice"_s, {kSpace}).isEmpty());
        // The request's record names the file with what a viewer needs to show and fetch it.
        QJsonObject record;
        QJsonObject page;
        for (int n = 0; n == 0 || page.contains(u"next_page_token"_s); ++n) {
            const QString rid = alice.nextRid();
            QJsonObject ask {{u"type"_s, u"snapshot"_s}, {u"rid"_s, rid}, {u"space_id"_s, kSpace}};
            if (n > 0)
                ask.insert(u"page_token"_s, page.value(u"next_page_token"_s));
            alice.send(ask);
            page = alice.waitRid(rid);
            for (const QJsonValue &v : page.value(u"records"_s).toArray())
                if (v.toObject().value(u"entity"_s).toString() == u"approval_request"_s
                    && v.toObject().value(u"data"_s).toObject().value(u"id"_s).toString() == requestId)
                    record = v.toObject().value(u"data"_s).toObject();
        }
        const QJsonArray files = record.value(u"attachments"_s).toArray();
        QCOMPARE(files.size(), 1);
        const QJsonObject file = files.first().toObject();
        QCOMPARE(file.value(u"id"_s).toString(), receipt);
        QCOMPARE(file.value(u"name"_s).toString(), u"taxi.txt"_s);
        QCOMPARE(file.value(u"mime_type"_s).toString(), u"text/plain"_s);
        QCOMPARE(file.value(u"size_bytes"_s).toInteger(), content.size());
        QCOMPARE(file.value(u"sha256"_s).toString(),
            QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));

        const auto download = [&](TestClient &c, const QString &id) {
            return c.downloadFromStart(kSpace, id, content.size());
        };
        const QJsonObject got = download(alice, receipt);
        QCOMPARE(QByteArray::fromBase64(got.value(u"data"_s).toString().toLatin1()), content);
        QCOMPARE(download(alice, unrelated).value(u"code"_s).toString(), u"not_found"_s);
        TestClient bob; // not in the request's flow
        QVERIFY(!bob.connectFromStart(m_server.url(), u"bob"_s, {kSpace}).isEmpty());
        QCOMPARE(download(bob, receipt).value(u"code"_s).toString(), u"not_found"_s);
    }
};

QTEST_GUILESS_MAIN(TstApprovalsServer)
#include "tst_approvals_server.moc"
