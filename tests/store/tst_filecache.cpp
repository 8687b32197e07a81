// The encrypted file cache: round trips at chunk boundaries, nothing readable without the key or after
// tampering, resumable downloads that survive a torn append, and hash checks that refuse wrong content.
#include "store/filecache.h"
#include "storetestsupport.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::store;

namespace {

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        out[i] = char(rng.bounded(256));
    return out;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    return out;
}

} // namespace

class TestFileCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripAtChunkBoundaries_data()
    {
        QTest::addColumn<qsizetype>("size");
        const qsizetype c = FileCache::kChunkBytes;
        for (qsizetype size : {qsizetype(0), qsizetype(1), c - 1, c, c + 1, 3 * c, 3 * c + 17})
            QTest::addRow("%lld", static_cast<long long>(size)) << size;
    }
    void roundTripAtChunkBoundaries()
    {
        QFETCH(qsizetype, size);
        QTemporaryDir dir;
        FileCache cache(dir.path(), DataKey::generate());
        const QByteArray content = randomBytes(size, 7);
        auto digest = cache.put(content);
        TANDEM_VERIFY_OK(digest);
        QCOMPARE(*digest, sha256Of(content));
        QVERIFY(cache.contains(*digest));
        // Every slice reads back, including ones that straddle records.
        for (qint64 offset : {qint64(0), qint64(size / 3), qint64(size) - 1}) {
            if (offset < 0)
                continue;
            auto slice = cache.read(*digest, offset, FileCache::kChunkBytes + 5);
            TANDEM_VERIFY_OK(slice);
            QCOMPARE(*slice, content.mid(offset, FileCache::kChunkBytes + 5));
        }
        const QString exported = dir.filePath(QStringLiteral("out.bin"));
        TANDEM_VERIFY_OK(cache.exportTo(*digest, exported));
        QFile f(exported);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
    }

    void nothingOnDiskInTheClear()
    {
        QTemporaryDir dir;
        FileCache cache(dir.filePath(QStringLiteral("files")), DataKey::generate());
        const QByteArray marker
            = QByteArrayLiteral("quarterly-results-CONFIDENTIAL-") + randomBytes(64, 3).toHex();
        QByteArray content = marker.repeated(2000);
        auto digest = cache.put(content);
        TANDEM_VERIFY_OK(digest);
        for (const QString &path : filesUnder(dir.path())) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray raw = f.readAll();
            QVERIFY(!raw.contains(marker.left(24)));
            // The file name is a keyed hash: the content's digest does not appear either.
            QVERIFY(!path.contains(*digest));
        }
    }

    void anotherKeyCannotRead()
    {
        QTemporaryDir dir;
        const QByteArray content = randomBytes(100000, 5);
        QString digest;
        {
            FileCache cache(dir.path(), DataKey::generate());
            digest = *cache.put(content);
        }
        FileCache other(dir.path(), DataKey::generate());
        QVERIFY(!other.contains(digest)); // names differ under another key
    }

    void tamperingIsDetected()
    {
        QTemporaryDir dir;
        const DataKey key = DataKey::generate();
        FileCache cache(dir.path(), key);
        const QByteArray content = randomBytes(3 * FileCache::kChunkBytes, 9);
        const QString digest = *cache.put(content);
        const QStringList files = filesUnder(dir.path());
        QCOMPARE(files.size(), 1);
        QFile f(files.first());
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(FileCache::kChunkBytes + 200); // inside the second record's ciphertext
        char byte = 0;
        f.getChar(&byte);
        f.seek(FileCache::kChunkBytes + 200);
        f.putChar(char(byte ^ 0x01));
        f.close();
        QCOMPARE(cache.read(digest, FileCache::kChunkBytes, 100).error().code, ErrorCode::Corrupt);
        QVERIFY(!cache.exportTo(digest, dir.filePath(QStringLiteral("x"))).ok());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x"))));

        // Truncating a complete entry (dropping its final record) is seen too.
        const QString digest2 = *cache.put(randomBytes(2 * FileCache::kChunkBytes + 10, 10));
        QString path2;
        for (const QString &p : filesUnder(dir.path()))
            if (p != files.first())
                path2 = p;
        QFile g(path2);
        QVERIFY(g.open(QIODevice::ReadWrite));
        QVERIFY(g.resize(g.size() - (10 + 16 + 29)));
        g.close();
        QVERIFY(!cache.exportTo(digest2, dir.filePath(QStringLiteral("y"))).ok());
    }

    void resumableDownload()
    {
        QTemporaryDir dir;
        FileCache cache(dir.path(), DataKey::generate());
        const QByteArray content = randomBytes(5 * FileCache::kChunkBytes / 2 + 333, 11);
        const QString digest = sha256Of(content);
        QCOMPARE(cache.partialSize(digest), 0);
        const qint64 first = 100000;
        TANDEM_VERIFY_OK(cache.append(digest, content.left(first)));
        QCOMPARE(cache.partialSize(digest), first);
        QVERIFY(!cache.contains(digest));

        // A crash in the middle of an append leaves a torn record: it is cut off, and the download
        // resumes from the last whole record.
        QStringList parts = filesUnder(dir.path());
        QCOMPARE(parts.size(), 1);
        {
            QFile f(parts.first());
            QVERIFY(f.open(QIODevice::Append));
            f.write(randomBytes(40, 1));
        }
        QCOMPARE(cache.partialSize(digest), first);

        TANDEM_VERIFY_OK(cache.append(digest, content.mid(first)));
        QCOMPARE(cache.partialSize(digest), content.size());
        TANDEM_VERIFY_OK(cache.finish(digest, content.size()));
        QVERIFY(cache.contains(digest));
        QCOMPARE(*cache.read(digest, 0, content.size()), content);
        QCOMPARE(cache.partialSize(digest), 0);
    }

    void wrongDownloadIsRefused()
    {
        QTemporaryDir dir;
        FileCache cache(dir.path(), DataKey::generate());
        const QByteArray content = randomBytes(70000, 12);
        const QString digest = sha256Of(content);
        QByteArray wrong = content;
        wrong[500] = char(wrong[500] ^ 0x40);
        TANDEM_VERIFY_OK(cache.append(digest, wrong));
        QCOMPARE(cache.finish(digest, wrong.size()).error().code, ErrorCode::Corrupt);
        QVERIFY(!cache.contains(digest));
        QCOMPARE(cache.partialSize(digest), 0); // starts again from zero
        // A short download is refused as well.
        TANDEM_VERIFY_OK(cache.append(digest, content.left(1000)));
        QVERIFY(!cache.finish(digest, content.size()).ok());
    }

    void importSurvivesTheOriginalGoingAway()
    {
        QTemporaryDir dir;
        FileCache cache(dir.filePath(QStringLiteral("cache")), DataKey::generate());
        const QByteArray content = randomBytes(200000, 13);
        const QString original = dir.filePath(QStringLiteral("report.pdf"));
        {
            QFile f(original);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        auto digest = cache.importFile(original);
        TANDEM_VERIFY_OK(digest);
        QVERIFY(QFile::remove(original));
        QCOMPARE(*cache.read(*digest, 0, content.size()), content);
        QCOMPARE(cache.importFile(original).error().code, ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestFileCache)
#include "tst_filecache.moc"
