// Files attached to tasks through the real tandem-server (docs/protocol.md §8, §11.4): a task names the
// files its creator uploaded, with what its audience needs to show and fetch them; a file someone else
// uploaded is refused; the task's audience may download its files, anyone else gets not_found.
#include "../server/serverfixture.h"

#include "tasks/hlc.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem::testing;

namespace {

const QString kSpace = u"sp_demo_work"_s;

// A timestamp of the device: every one later than the one before.
QString stamp(const TestClient::Login &login)
{
    static tandem::tasks::HlcClock clock;
    return clock.issue(QDateTime::currentMSecsSinceEpoch(), login.deviceId).toString();
}

// The task's record in `c`'s snapshot (empty when the account does not see it).
QJsonObject snapshotTask(TestClient &c, const QString &taskId)
{
    QJsonObject record;
    QJsonObject page;
    for (int n = 0; n == 0 || page.contains(u"next_page_token"_s); ++n) {
        const QString rid = c.nextRid();
        QJsonObject ask {{u"type"_s, u"snapshot"_s}, {u"rid"_s, rid}, {u"space_id"_s, kSpace}};
        if (n > 0)
            ask.insert(u"page_token"_s, page.value(u"next_page_token"_s));
        c.send(ask);
        page = c.waitRid(rid);
        for (const QJsonValue &v : page.value(u"records"_s).toArray())
            if (v.toObject().value(u"entity"_s).toString() == u"task"_s
                && v.toObject().value(u"data"_s).toObject().value(u"id"_s).toString() == taskId)
                record = v.toObject().value(u"data"_s).toObject();
    }
    return record;
}

} // namespace

class TstTaskFilesServer : public QObject
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
    }

    void aTaskNamesTheFilesItsCreatorUploadedAndItsAudienceMayReadThem()
    {
        TestClient dana;
        TestClient::Login danaLogin;
        QVERIFY(!dana.connectFromStart(m_server.url(), u"dana"_s, {kSpace}, &danaLogin).isEmpty());
        TestClient alice;
        TestClient::Login aliceLogin;
        QVERIFY(!alice.connectFromStart(m_server.url(), u"alice"_s, {kSpace}, &aliceLogin).isEmpty());
        TestClient bob; // in the space, not in the task's audience
        QVERIFY(!bob.connectFromStart(m_server.url(), u"bob"_s, {kSpace}).isEmpty());

        const QByteArray content = QByteArray("Q4 slides, final numbers\n").repeated(30);
        const QString slides = dana.uploadWhole(kSpace, u"slides.pdf"_s, u"application/pdf"_s, content);
        const QString bobs = bob.uploadWhole(kSpace, u"notes.txt"_s, u"text/plain"_s, content);
        QVERIFY(!slides.isEmpty() && !bobs.isEmpty());

        // Someone else's upload is not the creator's to attach.
        const QJsonObject refused = dana.mutate(kSpace, u"task.create"_s,
            {{u"task_id"_s, tandem::protocol::newUuid()}, {u"hlc"_s, stamp(danaLogin)},
                {u"title"_s, u"Steal"_s}, {u"attachment_ids"_s, QJsonArray {bobs}}});
        QCOMPARE(refused.value(u"code"_s).toString(), u"invalid_payload"_s);
        QCOMPARE(refused.value(u"details"_s).toObject().value(u"field"_s).toString(),
            u"/payload/attachment_ids"_s);

        const QString taskId = tandem::protocol::newUuid();
        const QJsonObject created = dana.mutate(kSpace, u"task.create"_s,
            {{u"task_id"_s, taskId}, {u"hlc"_s, stamp(danaLogin)}, {u"title"_s, u"Send the slides"_s},
                {u"assignees"_s, QJsonArray {aliceLogin.userId}},
                {u"attachment_ids"_s, QJsonArray {slides}}});
        QCOMPARE(created.value(u"status"_s).toString(), u"applied"_s);
        // Nor may an update attach it.
        const QJsonObject refusedUpdate = dana.mutate(kSpace, u"task.update"_s,
            {{u"task_id"_s, taskId}, {u"hlc"_s, stamp(danaLogin)},
                {u"attachments"_s, QJsonObject {{bobs, true}}}});
        QCOMPARE(refusedUpdate.value(u"code"_s).toString(), u"invalid_payload"_s);
        QCOMPARE(refusedUpdate.value(u"details"_s).toObject().value(u"field"_s).toString(),
            u"/payload/attachments"_s);

        // The assignee's record names the file with what a client needs to show and fetch it.
        const QJsonObject record = snapshotTask(alice, taskId);
        QVERIFY(
            record.value(u"attachments"_s).toObject().value(slides).toObject().value(u"value"_s).toBool());
        const QJsonArray files = record.value(u"files"_s).toArray();
        QCOMPARE(files.size(), 1);
        const QJsonObject file = files.first().toObject();
        QCOMPARE(file.value(u"id"_s).toString(), slides);
        QCOMPARE(file.value(u"name"_s).toString(), u"slides.pdf"_s);
        QCOMPARE(file.value(u"mime_type"_s).toString(), u"application/pdf"_s);
        QCOMPARE(file.value(u"size_bytes"_s).toInteger(), content.size());
        QCOMPARE(file.value(u"sha256"_s).toString(),
            QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));

        const auto download = [&](TestClient &c, const QString &id) {
            return c.downloadFromStart(kSpace, id, content.size());
        };
        QCOMPARE(
            QByteArray::fromBase64(download(alice, slides).value(u"data"_s).toString().toLatin1()), content);
        QCOMPARE(download(bob, slides).value(u"code"_s).toString(), u"not_found"_s);
        QCOMPARE(download(alice, bobs).value(u"code"_s).toString(), u"not_found"_s);

        // Removing the file: the record no longer lists it, the removal keeps its clock.
        QCOMPARE(dana.mutate(kSpace, u"task.update"_s,
                         {{u"task_id"_s, taskId}, {u"hlc"_s, stamp(danaLogin)},
                             {u"attachments"_s, QJsonObject {{slides, false}}}})
                     .value(u"status"_s)
                     .toString(),
            u"applied"_s);
        const QJsonObject after = snapshotTask(alice, taskId);
        QVERIFY(after.value(u"files"_s).toArray().isEmpty());
        QVERIFY(after.value(u"attachments"_s).toObject().value(slides).toObject().contains(u"hlc"_s));
    }
};

QTEST_GUILESS_MAIN(TstTaskFilesServer)
#include "tst_taskfiles_server.moc"
