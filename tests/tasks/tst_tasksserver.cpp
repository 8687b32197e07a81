// Tasks through the real tandem-server (docs/protocol.md §11.2, §11.4): two people edit the same task
// offline, reconnect, and both end with the values the merge rule predicts; a write stamped by a clock
// that is behind loses to a later-stamped one; a clock ten minutes ahead is refused with clock_skew.
#include "../sync/realclient.h"
#include "../sync/serverprocess.h"
#include "../sync/synctestsupport.h"

#include "store/syncstate.h"
#include "tasks/taskqueries.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace tandem;
using namespace tandem::sync;
using namespace tandem::sync::test;

namespace {

QString taskLine(Client &c, const QString &id)
{
    const QStringList rows = readTexts(*c.store,
        "SELECT title || '|' || status || '|' || priority || '|' || description FROM tasks WHERE id = '"
            + id.toStdString() + "'");
    return rows.value(0);
}

qint64 outboxLeft(Client &c)
{
    return readInt(*c.store, "SELECT count(*) FROM outbox WHERE state != 'rejected'");
}

void setClockOffset(Client &c, qint64 ms)
{
    const auto done
        = c.store
              ->write<bool>([ms](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
                  TANDEM_TRY(store::setSetting(s.db(), u"clock_offset_ms"_s, QString::number(ms)));
                  return true;
              })
              .result();
    QVERIFY(done.ok());
}

QJsonObject fields(const QJsonObject &f)
{
    return {{u"fields"_s, f}};
}

} // namespace

class TestTasksServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offlineEditsMergeFieldByFieldAndAStaleClockLoses()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_tasksserver"_s);
        auto bob = connectClient(dir.filePath(u"bob"_s), server.url(), u"bob"_s, u"tst_tasksserver"_s);
        QVERIFY(alice && bob);
        QTRY_COMPARE_WITH_TIMEOUT(alice->sync->status().state, SyncState::Ready, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(bob->sync->status().state, SyncState::Ready, 20000);
        const QString bobId
            = readTexts(*alice->store, "SELECT id FROM users WHERE user_name = 'bob'").value(0);
        QVERIFY(!bobId.isEmpty());

        tasks::TaskDraft draft;
        draft.title = u"Draft"_s;
        draft.assignees = {bobId};
        auto created = alice->sync->createTask(draft).result();
        QVERIFY(created.ok());
        const QString id = created->entityId;
        QCOMPARE(taskLine(*alice, id), u"Draft|open|0|"_s); // the local echo, at once
        QTRY_COMPARE_WITH_TIMEOUT(taskLine(*bob, id), u"Draft|open|0|"_s, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(outboxLeft(*alice), qint64(0), 20000);

        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(alice->sync->status().state != SyncState::Ready, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(bob->sync->status().state != SyncState::Ready, 10000);
        // Both devices read the same wall clock, so the order of the writes below is the order of their
        // timestamps, as long as neither keeps the offset its welcome measured: on a loaded machine a
        // welcome can arrive hundreds of milliseconds late, which would put one device that far behind.
        setClockOffset(*alice, 0);
        setClockOffset(*bob, 0);
        // Different fields: both keep their change.
        QVERIFY(alice->sync->updateTask(id, fields({{u"title"_s, u"Final"_s}})).result().ok());
        QVERIFY(bob->sync->updateTask(id, fields({{u"status"_s, u"done"_s}})).result().ok());
        // The same field: the later timestamp wins (bob's, a few ms after alice's).
        QVERIFY(alice->sync->updateTask(id, fields({{u"description"_s, u"alice"_s}})).result().ok());
        QTest::qWait(20);
        QVERIFY(bob->sync->updateTask(id, fields({{u"description"_s, u"bob"_s}})).result().ok());
        // A stale clock: bob's runs an hour behind, so his later write is stamped with the last time he
        // saw (his own description write), before alice's priority write: hers wins.
        QTest::qWait(20);
        QVERIFY(alice->sync->updateTask(id, fields({{u"priority"_s, 3}})).result().ok());
        setClockOffset(*bob, -3600000);
        QTest::qWait(20);
        QVERIFY(bob->sync->updateTask(id, fields({{u"priority"_s, 1}})).result().ok());
        QCOMPARE(taskLine(*alice, id), u"Final|open|3|alice"_s);
        QCOMPARE(taskLine(*bob, id), u"Draft|done|1|bob"_s);

        QVERIFY(server.start());
        QTRY_VERIFY_WITH_TIMEOUT(outboxLeft(*alice) == 0 && outboxLeft(*bob) == 0, 30000);
        const QString expected = u"Final|done|3|bob"_s;
        QTRY_COMPARE_WITH_TIMEOUT(taskLine(*alice, id), expected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(taskLine(*bob, id), expected, 20000);
        // Same clocks too, not only same values.
        const std::string clocks = "SELECT field_clocks FROM tasks WHERE id = '" + id.toStdString() + "'";
        QCOMPARE(readTexts(*alice->store, clocks), readTexts(*bob->store, clocks));
        // The views: bob's task is done, so no longer among his open tasks; alice assigned it.
        const QString bobSelf = bobId;
        auto mine = bob->store
                        ->read<QList<tasks::TaskSummary>>(
                            [bobSelf](store::SpaceStore &s) { return tasks::myTasks(s.db(), bobSelf); })
                        .result();
        QVERIFY(mine.ok());
        // (The demo gives bob open tasks of his own; this one must not be among them.)
        QVERIFY(std::none_of(
            mine->cbegin(), mine->cend(), [&](const tasks::TaskSummary &t) { return t.id == id; }));
    }

    void aTaskCreatedWithAFileUploadsItFirstAndTheAssigneeGetsItListed()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_tasksserver"_s);
        auto bob = connectClient(dir.filePath(u"bob"_s), server.url(), u"bob"_s, u"tst_tasksserver"_s);
        QVERIFY(alice && bob);
        QTRY_COMPARE_WITH_TIMEOUT(alice->sync->status().state, SyncState::Ready, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(bob->sync->status().state, SyncState::Ready, 20000);
        const QString bobId
            = readTexts(*alice->store, "SELECT id FROM users WHERE user_name = 'bob'").value(0);
        QVERIFY(!bobId.isEmpty());

        const QByteArray content = QByteArray("the signed contract\n").repeated(5000); // several chunks
        const QString path = dir.filePath(u"contract.txt"_s);
        QFile written(path);
        QVERIFY(written.open(QIODevice::WriteOnly));
        written.write(content);
        written.close();
        const auto staged = sync::importOutgoingFile(*alice->files, path);
        QVERIFY(staged.ok());

        tasks::TaskDraft draft;
        draft.title = u"Countersign"_s;
        draft.assignees = {bobId};
        draft.files = {*staged};
        auto created = alice->sync->createTask(draft).result();
        QVERIFY(created.ok());
        QCOMPARE(created->attachmentIds.size(), 1);
        const QString fileId = created->attachmentIds.first();
        const QString id = created->entityId;
        const auto filesOf = [id](Client &c) {
            auto d = c.store
                         ->read<std::optional<tasks::TaskDetail>>(
                             [id](store::SpaceStore &s) { return tasks::taskDetail(s.db(), id); })
                         .result();
            QStringList out;
            if (d.ok() && *d)
                for (const tasks::TaskFile &f : (*d)->files)
                    out << f.name + u'|' + QString::number(f.sizeBytes) + u'|' + f.sha256;
            return out;
        };
        const QString expected = u"contract.txt|%1|%2"_s.arg(content.size()).arg(staged->sha256);
        QCOMPARE(filesOf(*alice), QStringList {expected}); // the local echo lists it at once
        // The upload went first (else the server refuses the create): the outbox empties without a rejection.
        QTRY_COMPARE_WITH_TIMEOUT(outboxLeft(*alice), qint64(0), 20000);
        QCOMPARE(readInt(*alice->store, "SELECT count(*) FROM outbox WHERE state = 'rejected'"), qint64(0));
        QTRY_COMPARE_WITH_TIMEOUT(filesOf(*bob), QStringList {expected}, 20000);
        QCOMPARE(readTexts(*bob->store,
                     "SELECT message_id || '|' || state FROM attachments WHERE id = '" + fileId.toStdString()
                         + "'"),
            QStringList {u"|remote"_s});

        // The assignee downloads it, and it is the same file.
        QSignalSpy ready(bob->sync.get(), &SpaceSync::attachmentReady);
        bob->sync->downloadAttachment(fileId);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 20000);
        auto read = bob->files->read(staged->sha256, 0, content.size());
        QVERIFY(read.ok());
        QCOMPARE(*read, content);

        // Removing it: both sides stop listing it.
        QVERIFY(bob->sync->updateTask(id, {{u"attachments"_s, QJsonObject {{fileId, false}}}}).result().ok());
        QCOMPARE(filesOf(*bob), QStringList());
        QTRY_COMPARE_WITH_TIMEOUT(filesOf(*alice), QStringList(), 20000);
    }

    void aClockTenMinutesAheadIsRefused()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_tasksserver"_s);
        QVERIFY(alice);
        QTRY_COMPARE_WITH_TIMEOUT(alice->sync->status().state, SyncState::Ready, 20000);
        tasks::TaskDraft draft;
        draft.title = u"Skewed"_s;
        QTRY_COMPARE_WITH_TIMEOUT(outboxLeft(*alice), qint64(0), 20000);
        setClockOffset(*alice, 10 * 60 * 1000);
        auto created = alice->sync->createTask(draft).result();
        QVERIFY(created.ok());
        QTRY_COMPARE_WITH_TIMEOUT(
            readTexts(*alice->store, "SELECT error_code FROM outbox WHERE state = 'rejected'"),
            QStringList {u"clock_skew"_s}, 20000);
    }
};

QTEST_GUILESS_MAIN(TestTasksServer)
#include "tst_tasksserver.moc"
