// A request filled in and submitted while the server is down goes through after reconnecting,
// exactly once; until then it is shown as pending and the approval tables do not change (§11.3).
#include "../sync/realclient.h"
#include "../sync/serverprocess.h"

#include "sync/storewriterapprovals.h"

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
};

QTEST_GUILESS_MAIN(TstApprovalsOffline)
#include "tst_approvals_offline.moc"
