// A request filled in and submitted while the server is down goes through after reconnecting,
// exactly once; until then it is shown as pending and the approval tables do not change (§11.3). Its
// files go first, then the request that names them, and its approver can read them.
#include "../sync/realclient.h"
#include "../sync/serverprocess.h"

#include "sync/storewriterapprovals.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTest>

using namespace tandem;
using namespace tandem::sync;
using namespace tandem::sync::test;

class TstApprovalsOffline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void submittedOfflineGoesThroughOnceAfterReconnect()
    {
        QTemporaryDir data;
        QTemporaryDir profile;
        ServerProcess server(data.path());
        QVERIFY(server.start());
        auto dana = connectClient(profile.path(), server.url(), u"dana"_s, u"tst"_s);
        QVERIFY(dana);
        QTRY_VERIFY_WITH_TIMEOUT(
            readInt(*dana->store, "SELECT count(*) FROM approval_templates WHERE id = 'tpl_leave'") == 1,
            20000);
        const qint64 before = readInt(*dana->store, "SELECT count(*) FROM approval_requests");

        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(dana->sync->status().state != SyncState::Ready, 10000);
        auto queued
            = dana->sync
                  ->submitApproval(u"tpl_leave"_s,
                      {{u"leave_type"_s, u"annual"_s},
                          {u"period"_s,
                              QJsonObject {{u"start"_s, u"2026-03-02"_s}, {u"end"_s, u"2026-03-06"_s}}}})
                  .result();
        QVERIFY(queued);
        const std::string id = queued->entityId.toStdString();
        // Offline: pending in the outbox, nothing in the approval tables.
        auto pending = dana->store
                           ->read<QList<PendingApprovalAction>>(
                               [](store::SpaceStore &s) { return pendingApprovalActions(s.db()); })
                           .result();
        QVERIFY(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().requestId, queued->entityId);
        QCOMPARE(readInt(*dana->store, "SELECT count(*) FROM approval_requests"), before);

        QVERIFY(server.start());
        QTRY_VERIFY_WITH_TIMEOUT(
            readInt(*dana->store, "SELECT count(*) FROM approval_requests WHERE id = '" + id + "'") == 1,
            30000);
        QTRY_COMPARE_WITH_TIMEOUT(readInt(*dana->store, "SELECT count(*) FROM outbox"), qint64(0), 20000);
        QCOMPARE(readTexts(*dana->store, "SELECT state FROM approval_requests WHERE id = '" + id + "'"),
            QStringList {u"pending"_s});
        // Applied once: one submit in the trail, computed leave days (Monday to Friday), Alice to decide.
        QCOMPARE(readInt(*dana->store,
                     "SELECT count(*) FROM approval_actions WHERE action = 'submit' AND request_id = '" + id
                         + "'"),
            qint64(1));
        QCOMPARE(
            readInt(*dana->store,
                "SELECT json_extract(form_data, '$.days') FROM approval_requests WHERE id = '" + id + "'"),
            qint64(5));
        QCOMPARE(readTexts(*dana->store,
                     "SELECT user_id FROM approval_step_approvers WHERE position = 0 AND request_id = '" + id
                         + "'"),
            QStringList {u"u_alice"_s});
        QCOMPARE(readInt(*dana->store, "SELECT count(*) FROM approval_requests"), before + 1);
    }

    void aRequestWithFilesSubmittedOfflineUploadsThemFirst()
    {
        QTemporaryDir data;
        QTemporaryDir profile;
        QTemporaryDir approverProfile;
        QTemporaryDir chosen;
        ServerProcess server(data.path());
        QVERIFY(server.start());
        auto dana = connectClient(profile.path(), server.url(), u"dana"_s, u"tst"_s);
        QVERIFY(dana);
        QTRY_VERIFY_WITH_TIMEOUT(
            readInt(*dana->store, "SELECT count(*) FROM approval_templates WHERE id = 'tpl_general'") == 1,
            20000);
        // Two files, one over a chunk (256 KiB), so that the upload takes several frames.
        QByteArray plan(300000, Qt::Uninitialized);
        for (qsizetype i = 0; i < plan.size(); ++i)
            plan[i] = char((i * 7919) % 251);
        const QByteArray note = QByteArrayLiteral("Seats for the offsite");
        const QString planPath = chosen.filePath(u"floor plan.pdf"_s);
        const QString notePath = chosen.filePath(u"note.txt"_s);
        for (const auto &[path, bytes] : {std::pair {planPath, plan}, std::pair {notePath, note}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }

        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(dana->sync->status().state != SyncState::Ready, 10000);
        auto queued = dana->sync
                          ->submitApproval(u"tpl_general"_s,
                              {{u"subject"_s, u"Offsite seating"_s}, {u"details"_s, u"Plan attached"_s}},
                              u"Offsite seating"_s, {{u"files"_s, {planPath, notePath}}})
                          .result();
        QVERIFY2(queued, queued ? "" : qPrintable(queued.error().message));
        QCOMPARE(queued->attachmentIds.size(), 2);
        QVERIFY(QFile::remove(planPath)); // the cache's copy is what goes
        const std::string id = queued->entityId.toStdString();
        QCOMPARE(
            readInt(*dana->store, "SELECT count(*) FROM attachments WHERE state = 'uploading'"), qint64(2));

        QVERIFY(server.start());
        QTRY_VERIFY_WITH_TIMEOUT(
            readInt(*dana->store, "SELECT count(*) FROM approval_requests WHERE id = '" + id + "'") == 1,
            30000);
        QTRY_COMPARE_WITH_TIMEOUT(readInt(*dana->store, "SELECT count(*) FROM outbox"), qint64(0), 20000);
        // The form names the two new files, in the order chosen, and the record lists them.
        QCOMPARE(
            readTexts(*dana->store,
                "SELECT f.value FROM approval_requests r, json_each(r.form_data, '$.files') f WHERE r.id = '"
                    + id + "'"),
            queued->attachmentIds);
        QCOMPARE(readInt(*dana->store,
                     "SELECT count(*) FROM approval_actions WHERE action = 'submit' AND request_id = '" + id
                         + "'"),
            qint64(1));

        // Alice, Dana's manager, decides it: she sees the files and downloads the plan intact.
        auto alice = connectClient(approverProfile.path(), server.url(), u"alice"_s, u"tst"_s);
        QVERIFY(alice);
        const QString planId = queued->attachmentIds.first();
        const std::string byId = " FROM attachments WHERE id = '" + planId.toStdString() + "'";
        QTRY_COMPARE_WITH_TIMEOUT(
            readTexts(*alice->store, "SELECT name" + byId), QStringList {u"floor plan.pdf"_s}, 30000);
        const QString sha256
            = QString::fromLatin1(QCryptographicHash::hash(plan, QCryptographicHash::Sha256).toHex());
        QCOMPARE(readTexts(*alice->store, "SELECT sha256" + byId).value(0), sha256);
        QSignalSpy ready(alice->sync.get(), &SpaceSync::attachmentReady);
        QSignalSpy failed(alice->sync.get(), &SpaceSync::attachmentFailed);
        alice->sync->downloadAttachment(planId);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 20000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().value(1).toString()));
        QCOMPARE(*alice->files->read(sha256, 0, plan.size()), plan);
    }

    void aFileThatCannotBeReadIsRefusedBeforeAnythingIsQueued()
    {
        QTemporaryDir data;
        QTemporaryDir profile;
        ServerProcess server(data.path());
        QVERIFY(server.start());
        auto dana = connectClient(profile.path(), server.url(), u"dana"_s, u"tst"_s);
        QVERIFY(dana);
        auto queued = dana->sync
                          ->submitApproval(u"tpl_general"_s,
                              {{u"subject"_s, u"Offsite seating"_s}, {u"details"_s, u"Plan attached"_s}},
                              u"Offsite seating"_s, {{u"files"_s, {profile.filePath(u"gone.pdf"_s)}}})
                          .result();
        QVERIFY(!queued);
        QVERIFY2(queued.error().message.contains(u"gone.pdf"_s), qPrintable(queued.error().message));
        QCOMPARE(readInt(*dana->store, "SELECT count(*) FROM outbox"), qint64(0));
        QCOMPARE(readInt(*dana->store, "SELECT count(*) FROM attachments"), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TstApprovalsOffline)
#include "tst_approvals_offline.moc"
