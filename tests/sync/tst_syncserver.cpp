// The sync engine against the real tandem-server (demo data): two clients converge, and changes made
// on both sides while the server is down all arrive once it is back.
#include "realclient.h"
#include "serverprocess.h"
#include "synctestsupport.h"

#include "sync/loginclient.h"
#include "sync/spacesync.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace tandem;
using namespace tandem::sync;
using namespace tandem::sync::test;

namespace {

// A local space of `user` connected to the demo work space, with a token from a real login.
// The conversation as "cseq:sender:body" lines, server-confirmed messages only.
QStringList timeline(Client &c, const QString &conversation)
{
    return readTexts(*c.store,
        "SELECT seq || ':' || sender_id || ':' || body FROM messages WHERE conversation_id = '"
            + conversation.toStdString() + "' AND seq IS NOT NULL AND send_state = 0 ORDER BY seq");
}

qint64 unsent(Client &c)
{
    return readInt(*c.store, "SELECT count(*) FROM messages WHERE seq IS NULL OR send_state != 0");
}

} // namespace

class TestSyncServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoClientsConverge()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_syncserver"_s);
        auto bob = connectClient(dir.filePath(u"bob"_s), server.url(), u"bob"_s, u"tst_syncserver"_s);
        QVERIFY(alice && bob);
        QTRY_VERIFY_WITH_TIMEOUT(!directWith(*alice, u"bob"_s).isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!directWith(*bob, u"alice"_s).isEmpty(), 20000);
        const QString chat = directWith(*alice, u"bob"_s);
        QCOMPARE(directWith(*bob, u"alice"_s), chat);

        for (int i = 0; i < 3; ++i) {
            QVERIFY(alice->sync->sendMessage(chat, u"alice says %1"_s.arg(i)).result().ok());
            QVERIFY(bob->sync->sendMessage(chat, u"bob says %1 你好"_s.arg(i)).result().ok());
        }
        QTRY_VERIFY_WITH_TIMEOUT(unsent(*alice) == 0 && unsent(*bob) == 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(timeline(*alice, chat) == timeline(*bob, chat), 20000);
        const QStringList lines = timeline(*alice, chat);
        QCOMPARE(lines.filter(u"says"_s).size(), 6);
        // Both see the same order, cseq by cseq, with no gap.
        qint64 previous = 0;
        for (const QString &line : lines) {
            const qint64 cseq = line.section(u':', 0, 0).toLongLong();
            QVERIFY(previous == 0 || cseq == previous + 1);
            previous = cseq;
        }
        QCOMPARE(readInt(*bob->store, "SELECT count(*) FROM message_fts WHERE message_fts MATCH '你好'"),
            qint64(3));
    }

    void offlineChangesOnBothSidesArriveAfterARestart()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_syncserver"_s);
        auto bob = connectClient(dir.filePath(u"bob"_s), server.url(), u"bob"_s, u"tst_syncserver"_s);
        QVERIFY(alice && bob);
        QTRY_VERIFY_WITH_TIMEOUT(
            !directWith(*alice, u"bob"_s).isEmpty() && !directWith(*bob, u"alice"_s).isEmpty(), 20000);
        const QString chat = directWith(*alice, u"bob"_s);
        QTRY_COMPARE_WITH_TIMEOUT(alice->sync->status().state, SyncState::Ready, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(bob->sync->status().state, SyncState::Ready, 10000);
        const qint64 before = timeline(*alice, chat).size();

        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(alice->sync->status().state != SyncState::Ready, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(bob->sync->status().state != SyncState::Ready, 10000);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(alice->sync->sendMessage(chat, u"offline alice %1"_s.arg(i)).result().ok());
            QVERIFY(bob->sync->sendMessage(chat, u"offline bob %1"_s.arg(i)).result().ok());
        }
        QCOMPARE(unsent(*alice), qint64(2));
        QCOMPARE(unsent(*bob), qint64(2));

        QVERIFY(server.start());
        QTRY_VERIFY_WITH_TIMEOUT(unsent(*alice) == 0 && unsent(*bob) == 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(timeline(*alice, chat) == timeline(*bob, chat), 20000);
        const QStringList lines = timeline(*alice, chat);
        QCOMPARE(lines.size(), before + 4);
        QCOMPARE(lines.filter(u"offline alice"_s).size(), 2);
        QCOMPARE(lines.filter(u"offline bob"_s).size(), 2);
        // Each side's own messages keep their order.
        QVERIFY(lines.indexOf(QRegularExpression(u".*offline alice 0"_s))
            < lines.indexOf(QRegularExpression(u".*offline alice 1"_s)));
        QVERIFY(lines.indexOf(QRegularExpression(u".*offline bob 0"_s))
            < lines.indexOf(QRegularExpression(u".*offline bob 1"_s)));
    }

    // §8: alice sends a file of three chunks; it waits in her outbox until uploaded, then bob fetches it
    // into his encrypted cache, resuming from the part he already holds.
    void filesTravelChunkedAndLandEncrypted()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.filePath(u"server"_s));
        QVERIFY(server.start());
        auto alice = connectClient(dir.filePath(u"alice"_s), server.url(), u"alice"_s, u"tst_syncserver"_s);
        auto bob = connectClient(dir.filePath(u"bob"_s), server.url(), u"bob"_s, u"tst_syncserver"_s);
        QVERIFY(alice && bob);
        QTRY_VERIFY_WITH_TIMEOUT(
            !directWith(*alice, u"bob"_s).isEmpty() && !directWith(*bob, u"alice"_s).isEmpty(), 20000);
        const QString chat = directWith(*alice, u"bob"_s);

        // 600 KB: three chunks at the default 256 KiB, with a marker that must never reach a disk.
        QByteArray content(600 * 1000, Qt::Uninitialized);
        QRandomGenerator rng(20261124);
        for (qsizetype i = 0; i < content.size(); ++i)
            content[i] = char(rng.bounded(256));
        const QByteArray marker = QByteArrayLiteral("QUARTERLY-FIGURES-CONFIDENTIAL");
        content.replace(1000, marker.size(), marker);
        const QString path = dir.filePath(u"figures.xlsx"_s);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        QVERIFY(alice->sync->sendFile(chat, path, u"the figures"_s).result().ok());
        QVERIFY(QFile::remove(path)); // the cache's copy is what goes
        QTRY_VERIFY_WITH_TIMEOUT(unsent(*alice) == 0, 20000);

        QString attachment;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(attachment = readTexts(*bob->store,
                  "SELECT a.id FROM attachments a JOIN messages m ON m.id = a.message_id "
                  "WHERE m.body = 'the figures'")
                               .value(0))
                 .isEmpty(),
            20000);
        const QString sha256
            = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        const std::string byId = " FROM attachments WHERE id = '" + attachment.toStdString() + "'";
        QCOMPARE(readTexts(*bob->store, "SELECT sha256" + byId).value(0), sha256);

        // Bob already holds the first 100,000 bytes (an interrupted download): the rest is fetched.
        QVERIFY(bob->files->append(sha256, content.left(100000)).ok());
        QSignalSpy ready(bob->sync.get(), &SpaceSync::attachmentReady);
        QSignalSpy failed(bob->sync.get(), &SpaceSync::attachmentFailed);
        bob->sync->downloadAttachment(attachment);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 20000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().value(1).toString()));
        QCOMPARE(ready.first().value(0).toString(), attachment);
        QCOMPARE(*bob->files->read(sha256, 0, content.size()), content);
        QCOMPARE(readTexts(*bob->store, "SELECT state" + byId).value(0), u"cached"_s);

        // Nothing of the file is readable on either side's disk.
        for (const QString &who : {u"alice"_s, u"bob"_s}) {
            QDirIterator it(dir.filePath(who), QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                QVERIFY2(!f.readAll().contains(marker), qPrintable(f.fileName()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncServer)
#include "tst_syncserver.moc"
