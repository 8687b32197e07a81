// Transfer progress (SpaceSync::transferProgress) against the real tandem-server: a file of several
// chunks goes up from alice and down to bob, and each side reports bytes that only grow, arrive no
// faster than the throttle allows, and end at the file's size.
#include "realclient.h"
#include "serverprocess.h"
#include "synctestsupport.h"

#include "sync/loginclient.h"
#include "sync/spacesync.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace tandem;
using namespace tandem::sync;
using namespace tandem::sync::test;

namespace {

struct Report
{
    QString attachmentId;
    bool upload = false;
    qint64 done = 0;
    qint64 total = 0;
    qint64 atMs = 0;
};

// Records every transferProgress of `sync` with the time it arrived.
QList<Report> *record(SpaceSync &sync, const QElapsedTimer &clock, QObject *context)
{
    auto *reports = new QList<Report>;
    QObject::connect(context, &QObject::destroyed, [reports] { delete reports; });
    QObject::connect(&sync, &SpaceSync::transferProgress, context,
        [reports, &clock](const QString &id, bool upload, qint64 done, qint64 total) {
            reports->append({id, upload, done, total, clock.elapsed()});
        });
    return reports;
}

// Bytes only grow, the last report is the whole file, and reports come at most ten a second (plus
// the final one, which always comes).
void checkReports(const QList<Report> &reports, const QString &attachmentId, bool upload, qint64 size)
{
    QVERIFY2(reports.size() >= 2, qPrintable(u"%1 reports"_s.arg(reports.size())));
    qint64 previous = -1;
    for (const Report &r : reports) {
        QCOMPARE(r.attachmentId, attachmentId);
        QCOMPARE(r.upload, upload);
        QCOMPARE(r.total, size);
        QVERIFY2(r.done >= previous, qPrintable(u"%1 after %2"_s.arg(r.done).arg(previous)));
        QVERIFY(r.done <= size);
        previous = r.done;
    }
    QCOMPARE(reports.last().done, size);
    QCOMPARE(std::count_if(reports.cbegin(), reports.cend(), [&](const Report &r) { return r.done == size; }),
        qsizetype(1));
    // The sync engine emits every report but the final one at least 100 ms after the one before. They reach
    // this thread through a queue, so one can arrive late and the next on time: the gaps seen here are
    // each over half the interval, and the rate is at most ten a second over the whole transfer.
    for (qsizetype i = 1; i + 1 < reports.size(); ++i)
        QVERIFY2(reports.at(i).atMs - reports.at(i - 1).atMs >= 50,
            qPrintable(u"reports %1 ms apart"_s.arg(reports.at(i).atMs - reports.at(i - 1).atMs)));
    if (reports.size() > 2) {
        const qint64 span = reports.at(reports.size() - 2).atMs - reports.first().atMs;
        QVERIFY2(reports.size() - 2 <= span / 100 + 1,
            qPrintable(u"%1 reports in %2 ms"_s.arg(reports.size() - 1).arg(span)));
    }
}

} // namespace

class TestTransferProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uploadAndDownloadReportGrowingBytesEndingAtTheSize()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice
            = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_transferprogress"_s);
        auto bob = connectClient(dir.filePath(u"bob"_s), server.url(), u"bob"_s, u"tst_transferprogress"_s);
        QVERIFY(alice && bob);
        QTRY_VERIFY_WITH_TIMEOUT(
            !directWith(*alice, u"bob"_s).isEmpty() && !directWith(*bob, u"alice"_s).isEmpty(), 20000);
        const QString chat = directWith(*alice, u"bob"_s);

        // 2.5 MB: ten chunks at the default 256 KiB.
        QByteArray content(2500 * 1000, Qt::Uninitialized);
        QRandomGenerator rng(20261124);
        for (qsizetype i = 0; i < content.size(); ++i)
            content[i] = char(rng.bounded(256));
        const QString path = dir.filePath(u"figures.bin"_s);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }

        QElapsedTimer clock;
        clock.start();
        QObject context;
        const QList<Report> *uploads = record(*alice->sync, clock, &context);
        const QList<Report> *downloads = record(*bob->sync, clock, &context);

        auto queued = alice->sync->sendFile(chat, path, u"progress"_s).result();
        QVERIFY(queued.ok());
        QCOMPARE(queued->attachmentIds.size(), 1);
        const QString attachment = queued->attachmentIds.first();
        QTRY_VERIFY_WITH_TIMEOUT(!uploads->isEmpty() && uploads->last().done == content.size(), 30000);
        checkReports(*uploads, attachment, true, content.size());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(uploads->first().done, 0); // the first answer: nothing held yet

        QTRY_COMPARE_WITH_TIMEOUT(
            readTexts(*bob->store, "SELECT id FROM attachments WHERE id = '" + attachment.toStdString() + "'")
                .value(0),
            attachment, 20000);
        QSignalSpy ready(bob->sync.get(), &SpaceSync::attachmentReady);
        QSignalSpy failed(bob->sync.get(), &SpaceSync::attachmentFailed);
        bob->sync->downloadAttachment(attachment);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().value(1).toString()));
        checkReports(*downloads, attachment, false, content.size());
        if (QTest::currentTestFailed())
            return;
        // A download reports after each stored chunk: the first is one chunk in, never zero.
        QVERIFY(downloads->first().done > 0);
        QCOMPARE(*bob->files->read(
                     readTexts(*bob->store,
                         "SELECT sha256 FROM attachments WHERE id = '" + attachment.toStdString() + "'")
                         .value(0),
                     0, content.size()),
            content);
    }

    void aFileAlreadyCachedReportsNoProgress()
    {
        // Downloading what the cache already holds (alice's own file) says ready at once.
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice
            = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_transferprogress"_s);
        QVERIFY(alice);
        QTRY_VERIFY_WITH_TIMEOUT(!directWith(*alice, u"bob"_s).isEmpty(), 20000);
        const QString path = dir.filePath(u"note.txt"_s);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("a short note");
        }
        auto queued = alice->sync->sendFile(directWith(*alice, u"bob"_s), path).result();
        QVERIFY(queued.ok());
        QSignalSpy progress(alice->sync.get(), &SpaceSync::transferProgress);
        QTRY_VERIFY_WITH_TIMEOUT(
            readInt(*alice->store, "SELECT count(*) FROM attachments WHERE state = 'cached'") == 1, 20000);
        progress.clear();
        QSignalSpy ready(alice->sync.get(), &SpaceSync::attachmentReady);
        alice->sync->downloadAttachment(queued->attachmentIds.first());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        // The upload's own last reports may still be on their way from the sync thread: only downloads count.
        QCOMPARE(std::count_if(progress.cbegin(), progress.cend(),
                     [](const QList<QVariant> &args) { return !args.at(1).toBool(); }),
            0);
    }
};

QTEST_GUILESS_MAIN(TestTransferProgress)
#include "tst_transferprogress.moc"
