// AttachmentImageProvider against a real encrypted store and FileCache: a picture is decrypted in
// memory and decoded at the size asked for (aspect kept, EXIF orientation applied, never upscaled),
// through the same asynchronous response QML uses; damaged, truncated and hostile files (a header
// claiming a huge picture) give a sentence for the user, quickly, without the memory a full decode
// would take.
#include "modeltestsupport.h"

#include "files/attachmentimageprovider.h"
#include "files/attachmentsources.h"

#include "store/filecache.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QImageWriter>
#include <QSignalSpy>
#include <QTest>
#include <QtEndian>

using namespace tandem;
using namespace tandem::app;
using namespace tandem::app::test;
using namespace Qt::StringLiterals;

namespace {

const QString kSpace = u"space-previews"_s;

QByteArray encode(const QImage &image, const char *format, QImageIOHandler::Transformations turn = {})
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (turn)
        writer.setTransformation(turn);
    if (!writer.write(image))
        qWarning("cannot encode: %s", qPrintable(writer.errorString()));
    return bytes;
}

// Left half red, right half blue: scaling keeps the halves, a rotation moves them.
QImage halves(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, x < width / 2 ? qRgb(220, 0, 0) : qRgb(0, 0, 220));
    return image;
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    QByteArray length(4, Qt::Uninitialized);
    qToBigEndian(quint32(data.size()), length.data());
    const QByteArray body = QByteArray(type, 4) + data;
    QByteArray crc(4, Qt::Uninitialized);
    qToBigEndian(crc32(body), crc.data());
    return length + body + crc;
}

// A PNG of a few dozen bytes whose header claims width × height RGBA pixels.
QByteArray claimingPng(quint32 width, quint32 height)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian(width, ihdr.data());
    qToBigEndian(height, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 6; // RGBA
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr)
        + pngChunk("IDAT", qCompress(QByteArray(64, '\0')).mid(4)) + pngChunk("IEND", {});
}

// A genuine PNG of width × height RGBA pixels, all zero: each row's filter byte and pixels inflate to
// zeros, written as a zlib stream of fixed-Huffman matches (258 bytes each in 13 bits), so a picture of
// hundreds of megabytes is a file of a few hundred kilobytes and building it takes no big buffer.
QByteArray zeroPng(quint32 width, quint32 height)
{
    QByteArray deflate;
    quint32 bitBuffer = 0;
    int bitCount = 0;
    auto bits = [&](quint32 value, int count) { // LSB first, as deflate packs them
        bitBuffer |= value << bitCount;
        bitCount += count;
        while (bitCount >= 8) {
            deflate.append(char(bitBuffer & 0xFF));
            bitBuffer >>= 8;
            bitCount -= 8;
        }
    };
    auto code = [&](quint32 value, int count) { // Huffman codes go most significant bit first
        for (int i = count - 1; i >= 0; --i)
            bits((value >> i) & 1u, 1);
    };
    const qint64 total = qint64(height) * (1 + qint64(width) * 4);
    bits(1, 1); // final block
    bits(1, 2); // fixed Huffman codes
    code(0x30, 8); // literal 0
    qint64 left = total - 1;
    for (; left >= 258; left -= 258) {
        code(0xC5, 8); // length 258 (symbol 285)
        code(0, 5); // distance 1
    }
    for (; left > 0; --left)
        code(0x30, 8);
    code(0, 7); // end of block
    if (bitCount > 0)
        bits(0, 8 - bitCount);
    QByteArray zlib("\x78\x01", 2);
    zlib += deflate;
    const quint32 adler = (quint32(total % 65521) << 16) | 1u; // Adler-32 of zeros
    QByteArray tail(4, Qt::Uninitialized);
    qToBigEndian(adler, tail.data());
    zlib += tail;

    QByteArray ihdr(13, '\0');
    qToBigEndian(width, ihdr.data());
    qToBigEndian(height, ihdr.data() + 4);
    ihdr[8] = 8;
    ihdr[9] = 6;
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", zlib)
        + pngChunk("IEND", {});
}

// The kernel's peak resident size of this process, in bytes.
qint64 peakRss()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    return -1;
}

} // namespace

class TestAttachmentImageProvider : public QObject
{
    Q_OBJECT

    TestSpace m_space;
    QTemporaryDir m_dir;
    std::shared_ptr<store::FileCache> m_files;
    int m_next = 0;

    // Stores `bytes` in the encrypted cache and an attachment row for them; returns the attachment id.
    QString addFile(const QByteArray &bytes, const QString &mimeType, bool cached = true)
    {
        const QString id = u"att-%1"_s.arg(++m_next);
        QString sha;
        if (cached) {
            auto put = m_files->put(bytes);
            if (!put)
                return QString();
            sha = *put;
        } else {
            sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        }
        const QString messageId = u"m-%1"_s.arg(m_next);
        if (!m_space.addMessages({message(messageId, u"c1"_s, kBob, u"a file"_s, minutesAgo(5), m_next)}))
            return QString();
        if (!m_space.sql(u"c1"_s,
                "INSERT INTO attachments(id, message_id, name, mime_type, size_bytes, sha256, state) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                {id, messageId, u"picture"_s, mimeType, QString::number(bytes.size()), sha,
                    cached ? u"cached"_s : u"remote"_s}))
            return QString();
        return id;
    }

    // Asks the provider as QML does and waits for the response.
    static std::pair<QImage, QString> request(
        AttachmentImageProvider &provider, const QString &id, const QSize &size)
    {
        std::unique_ptr<QQuickImageResponse> response(provider.requestImageResponse(id, size));
        QSignalSpy finished(response.get(), &QQuickImageResponse::finished);
        if (!finished.wait(10000))
            return {QImage(), u"timed out"_s};
        const QString error = response->errorString();
        std::unique_ptr<QQuickTextureFactory> texture(error.isEmpty() ? response->textureFactory() : nullptr);
        return {texture ? texture->image() : QImage(), error};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_space.open());
        QVERIFY(m_space.addConversation(u"c1"_s, u"Pictures"_s, {kMe, kBob}));
        m_files = std::make_shared<store::FileCache>(m_dir.filePath(u"files"_s), store::DataKey::generate());
        AttachmentSources::instance().add(
            kSpace, std::make_shared<AttachmentSource>(m_space.thread(), m_files));
    }

    void cleanupTestCase() { AttachmentSources::instance().remove(kSpace); }

    void decryptsAndScalesToTheRequestedSize()
    {
        const QString id = addFile(encode(halves(800, 600), "png"), u"image/png"_s);
        QVERIFY(!id.isEmpty());
        AttachmentImageProvider provider;
        const auto [image, error] = request(provider, kSpace + u'/' + id, QSize(200, 200));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(image.size(), QSize(200, 150));
        QCOMPARE(QColor(image.pixel(20, 75)).red() > 180, true);
        QCOMPARE(QColor(image.pixel(180, 75)).blue() > 180, true);
        // The decoded preview is kept for the next view of the same size.
        QVERIFY(AttachmentSources::instance().preview(kSpace + u'/' + id + u"@200x200"_s).has_value());
        // Nothing decrypted reached the disk: the cache holds ciphertext only.
        for (const QFileInfo &f : QDir(m_dir.filePath(u"files"_s)).entryInfoList(QDir::Files)) {
            QFile file(f.filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().contains("IHDR"));
        }
    }

    void keepsTheAspectWhenOneSideIsFreeAndNeverUpscales()
    {
        const QString id = addFile(encode(halves(800, 600), "png"), u"image/png"_s);
        auto wide = AttachmentImageProvider::load(kSpace, id, QSize(100, 0));
        QVERIFY(wide);
        QCOMPARE(wide->size(), QSize(100, 75));
        auto tall = AttachmentImageProvider::load(kSpace, id, QSize(-1, 60));
        QVERIFY(tall);
        QCOMPARE(tall->size(), QSize(80, 60));
        auto big = AttachmentImageProvider::load(kSpace, id, QSize(2000, 2000));
        QVERIFY(big);
        QCOMPARE(big->size(), QSize(800, 600));
    }

    void boundsTheDecodedSize()
    {
        const QString id = addFile(encode(halves(3000, 1000), "png"), u"image/png"_s);
        PreviewLimits limits;
        limits.maxSide = 1200;
        auto image = AttachmentImageProvider::load(kSpace, id, QSize(), limits);
        QVERIFY(image);
        QCOMPARE(image->size(), QSize(1200, 400));
    }

    void appliesTheExifOrientation()
    {
        {
            QBuffer probe;
            probe.open(QIODevice::WriteOnly);
            if (!QImageWriter(&probe, "jpeg").supportsOption(QImageIOHandler::ImageTransformation))
                QSKIP("This Qt cannot write a JPEG orientation.");
        }
        // Stored 400×200, red left; shown turned a quarter clockwise: 200×400, red on top.
        const QString id = addFile(
            encode(halves(400, 200), "jpeg", QImageIOHandler::TransformationRotate90), u"image/jpeg"_s);
        auto image = AttachmentImageProvider::load(kSpace, id, QSize(100, 100));
        QVERIFY2(image, image ? "" : qPrintable(image.error().message));
        QCOMPARE(image->size(), QSize(50, 100));
        QVERIFY(QColor(image->pixel(25, 10)).red() > 150);
        QVERIFY(QColor(image->pixel(25, 90)).blue() > 150);
    }

    void damagedFilesGiveAnError()
    {
        const QByteArray png = encode(halves(300, 300), "png");
        QByteArray garbage(4096, Qt::Uninitialized);
        for (qsizetype i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 7919) % 251);
        QByteArray flipped = png; // a valid header over broken pixel data
        for (qsizetype i = 60; i < flipped.size() - 20; i += 3)
            flipped[i] = char(flipped[i] ^ 0x5A);

        const QList<std::pair<const char *, QByteArray>> cases {
            {"garbage", garbage},
            {"truncated", png.left(png.size() / 2)},
            {"header only", png.left(40)},
            {"broken pixels", flipped},
            {"empty", QByteArray()},
        };
        AttachmentImageProvider provider;
        for (const auto &[what, bytes] : cases) {
            const QString id = addFile(bytes, u"image/png"_s);
            QVERIFY2(!id.isEmpty(), what);
            const auto [image, error] = request(provider, kSpace + u'/' + id, QSize(100, 100));
            QVERIFY2(image.isNull(), what);
            QVERIFY2(!error.isEmpty() && error != u"timed out"_s, what);
            // The reason stays for the view's error line.
            QCOMPARE(AttachmentSources::instance().previewError(kSpace, id), error);
        }
    }

    void decompressionBombsAreRefusedBeforeDecoding()
    {
        const qint64 peakBefore = peakRss();
        QElapsedTimer clock;
        clock.start();
        // A few dozen bytes claiming 100000×100000 (40 GB of pixels), one claiming 20000×20000 (within
        // the side limit, but 1.6 GB), and a genuine 8000×8000 PNG of zeros: 256 MB decoded, about
        // 1.6 MB stored.
        const QByteArray realBomb = zeroPng(8000, 8000);
        QVERIFY(realBomb.size() < 2 * 1024 * 1024);
        {
            // It is a real picture: a small one made the same way decodes.
            auto small = decodePreview(zeroPng(300, 200), QSize());
            QVERIFY2(small, small ? "" : qPrintable(small.error().message));
            QCOMPARE(small->size(), QSize(300, 200));
            QCOMPARE(small->pixelColor(150, 100).alpha(), 0);
        }
        const QList<std::pair<QByteArray, QString>> bombs {
            {claimingPng(100000, 100000), u"100000×100000"_s},
            {claimingPng(20000, 20000), u"20000×20000"_s},
            {realBomb, u"8000×8000"_s},
        };
        const qint64 peakAfterSetup = peakRss();
        clock.restart();
        for (const auto &[bytes, size] : bombs) {
            const QString id = addFile(bytes, u"image/png"_s);
            auto image = AttachmentImageProvider::load(kSpace, id, QSize(360, 280));
            QVERIFY(!image);
            QVERIFY2(image.error().message.contains(size), qPrintable(image.error().message));
            QVERIFY2(image.error().message.contains(u"too large"_s), qPrintable(image.error().message));
        }
        QVERIFY2(clock.elapsed() < 3000, qPrintable(u"%1 ms"_s.arg(clock.elapsed())));
        if (peakBefore > 0) {
            // Refused from the header: the peak grows by far less than one decode would take.
            const qint64 grown = peakRss() - peakAfterSetup;
            QVERIFY2(grown < 64LL * 1024 * 1024, qPrintable(u"peak grew by %1 MB"_s.arg(grown >> 20)));
        }
    }

    void decodeStaysWithinItsAllocationLimit()
    {
        // Below the header limits but above what one decode may allocate: refused, not decoded.
        PreviewLimits limits;
        limits.allocationLimitMb = 4; // 1024×1024 RGBA would take 4 MB and a bit more
        auto refused = decodePreview(encode(halves(1500, 1500), "png"), QSize(100, 100), limits);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(u"too large"_s));
        auto fine = decodePreview(encode(halves(500, 500), "png"), QSize(100, 100), limits);
        QVERIFY(fine);
        QCOMPARE(fine->size(), QSize(100, 100));
    }

    void refusesWhatIsNotAPreviewablePicture()
    {
        const QString text = addFile("just words", u"text/plain"_s);
        auto notPicture = AttachmentImageProvider::load(kSpace, text, QSize(100, 100));
        QVERIFY(!notPicture);
        QVERIFY(notPicture.error().message.contains(u"not a picture"_s));

        const QString remote = addFile(encode(halves(10, 10), "png"), u"image/png"_s, false);
        auto notHere = AttachmentImageProvider::load(kSpace, remote, QSize(100, 100));
        QVERIFY(!notHere);
        QCOMPARE(notHere.error().code, ErrorCode::NotFound);

        PreviewLimits small;
        small.maxFileBytes = 100;
        const QString big = addFile(encode(halves(200, 200), "png"), u"image/png"_s);
        auto tooBig = AttachmentImageProvider::load(kSpace, big, QSize(100, 100), small);
        QVERIFY(!tooBig);
        QVERIFY(tooBig.error().message.contains(u"too large to preview"_s));

        AttachmentImageProvider provider;
        for (const QString &address :
            {u"no-such-space/att-1"_s, u"nothing"_s, kSpace + u"/a/b"_s, kSpace + u"/no-such-attachment"_s}) {
            const auto [image, error] = request(provider, address, QSize(10, 10));
            QVERIFY2(image.isNull(), qPrintable(address));
            QVERIFY2(!error.isEmpty() && error != u"timed out"_s, qPrintable(address));
        }
    }

    void aClosedSpaceAnswersWithoutTouchingItsStore()
    {
        const QString id = addFile(encode(halves(40, 40), "png"), u"image/png"_s);
        auto source = std::make_shared<AttachmentSource>(m_space.thread(), m_files);
        AttachmentSources::instance().add(u"closing"_s, source);
        QVERIFY(AttachmentImageProvider::load(u"closing"_s, id, QSize(10, 10)));
        AttachmentSources::instance().remove(u"closing"_s);
        auto afterward = source->attachment(id);
        QVERIFY(!afterward);
        QCOMPARE(afterward.error().code, ErrorCode::Unavailable);
        QVERIFY(!AttachmentImageProvider::load(u"closing"_s, id, QSize(10, 10)));
    }
};

QTEST_MAIN(TestAttachmentImageProvider)
#include "tst_attachmentimageprovider.moc"
