#include "filecache.h"

#include "util/i18n.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cstring>

#include <sodium.h>

namespace tandem::store {

namespace {

constexpr char kMagic[8] = {'T', 'N', 'D', 'M', 'F', 'C', '0', '1'};
constexpr qint64 kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qint64 kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr qint64 kRecordHeader = 4 + 1 + kNonceBytes; // plain length, final flag, nonce
constexpr qint64 kFullRecord = kRecordHeader + FileCache::kChunkBytes + kTagBytes;

QByteArray subkey(const DataKey &key, quint64 id)
{
    QByteArray out(32, Qt::Uninitialized);
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()), id,
        "tdmfiles", reinterpret_cast<const unsigned char *>(key.bytes().constData()));
    return out;
}

QByteArray associatedData(const QByteArray &entryId, quint64 index, bool final)
{
    QByteArray ad = entryId;
    for (int i = 0; i < 8; ++i)
        ad.append(char((index >> (8 * i)) & 0xFF));
    ad.append(final ? '\1' : '\0');
    return ad;
}

Error ioError(const QString &what, const QFile &file)
{
    return Error::make(
        ErrorCode::Io, QStringLiteral("%1 %2: %3").arg(what, file.fileName(), file.errorString()));
}

Error damaged(const QString &path)
{
    return Error::make(
        ErrorCode::Corrupt, trCore("tandem::files", "The cached file %1 is damaged.").arg(path));
}

// Seals one chunk as a record and writes it.
bool writeRecord(QIODevice &out, const QByteArray &key, const QByteArray &entryId, quint64 index, bool final,
    QByteArrayView plain)
{
    QByteArray record(kRecordHeader + plain.size() + kTagBytes, Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(record.data());
    const auto length = quint32(plain.size());
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<unsigned char>((length >> (8 * i)) & 0xFF);
    p[4] = final ? 1 : 0;
    randombytes_buf(p + 5, size_t(kNonceBytes));
    const QByteArray ad = associatedData(entryId, index, final);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(p + kRecordHeader, &written,
        reinterpret_cast<const unsigned char *>(plain.data()), size_t(plain.size()),
        reinterpret_cast<const unsigned char *>(ad.constData()), size_t(ad.size()), nullptr, p + 5,
        reinterpret_cast<const unsigned char *>(key.constData()));
    return out.write(record) == record.size();
}

struct Record
{
    QByteArray plain;
    bool final = false;
};

// Reads and opens the record at the file's position; nullopt at a clean end of file.
Result<std::optional<Record>> readRecord(
    QFile &in, const QByteArray &key, const QByteArray &entryId, quint64 index)
{
    const QByteArray header = in.read(kRecordHeader);
    if (header.isEmpty())
        return std::optional<Record>();
    if (header.size() != kRecordHeader)
        return damaged(in.fileName());
    const auto *h = reinterpret_cast<const unsigned char *>(header.constData());
    const quint32 length = quint32(h[0]) | quint32(h[1]) << 8 | quint32(h[2]) << 16 | quint32(h[3]) << 24;
    if (length > FileCache::kChunkBytes || h[4] > 1)
        return damaged(in.fileName());
    const QByteArray sealed = in.read(qint64(length) + kTagBytes);
    if (sealed.size() != qint64(length) + kTagBytes)
        return damaged(in.fileName());
    Record record;
    record.final = h[4] == 1;
    record.plain.resize(length);
    const QByteArray ad = associatedData(entryId, index, record.final);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(record.plain.data()),
            nullptr, nullptr, reinterpret_cast<const unsigned char *>(sealed.constData()),
            size_t(sealed.size()), reinterpret_cast<const unsigned char *>(ad.constData()), size_t(ad.size()),
            h + 5, reinterpret_cast<const unsigned char *>(key.constData()))
        != 0)
        return damaged(in.fileName());
    return std::optional<Record>(std::move(record));
}

// Streams `source` into a complete entry at `path`: full chunks but the last, which carries the final
// flag. The content must hash to `sha256` (known in advance: it names the entry and is bound into every
// record); otherwise nothing is written.
Result<QString> sealInto(QIODevice &source, const QString &path, const QByteArray &key,
    const QByteArray &entryId, const QString &sha256)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error::make(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, out.errorString()));
    out.write(kMagic, sizeof kMagic);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    quint64 index = 0;
    QByteArray chunk = source.read(FileCache::kChunkBytes);
    while (true) {
        hash.addData(chunk);
        const QByteArray next = source.read(FileCache::kChunkBytes);
        const bool final = next.isEmpty();
        if (!writeRecord(out, key, entryId, index++, final, chunk))
            return Error::make(
                ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, out.errorString()));
        if (final)
            break;
        chunk = next;
    }
    if (QString::fromLatin1(hash.result().toHex()) != sha256) {
        out.cancelWriting();
        return Error::make(ErrorCode::Corrupt, QStringLiteral("The content does not match its SHA-256."));
    }
    if (!out.commit())
        return Error::make(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, out.errorString()));
    return sha256;
}

// Reads the decrypted content of a partial (download) entry as a sequential stream, so finishing a
// download re-seals it without holding the file in memory.
class PartialReader : public QIODevice
{
public:
    PartialReader(const QString &path, QByteArray key, QByteArray entryId)
        : m_file(path)
        , m_key(std::move(key))
        , m_entryId(std::move(entryId))
    {
        m_ok = m_file.open(QIODevice::ReadOnly)
            && m_file.read(sizeof kMagic) == QByteArray(kMagic, sizeof kMagic);
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    [[nodiscard]] bool damaged() const { return !m_ok; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        while (m_buffer.isEmpty() && m_ok) {
            auto record = readRecord(m_file, m_key, m_entryId, 0);
            if (!record) {
                m_ok = false;
                break;
            }
            if (!record.value())
                break;
            m_buffer = std::move(record.value()->plain);
        }
        const qint64 n = std::min<qint64>(maxSize, m_buffer.size());
        memcpy(data, m_buffer.constData(), size_t(n));
        m_buffer.remove(0, n);
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    QByteArray m_key;
    QByteArray m_entryId;
    QByteArray m_buffer;
    bool m_ok = false;
};

bool isHexDigest(const QString &s)
{
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

} // namespace

FileCache::FileCache(QString directory, const DataKey &spaceKey)
    : m_dir(std::move(directory))
    , m_sealKey(subkey(spaceKey, 1))
    , m_nameKey(subkey(spaceKey, 2))
{ }

QByteArray FileCache::entryId(const QString &sha256) const
{
    QByteArray out(32, Qt::Uninitialized);
    const QByteArray in = sha256.toLatin1();
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
        reinterpret_cast<const unsigned char *>(in.constData()), size_t(in.size()),
        reinterpret_cast<const unsigned char *>(m_nameKey.constData()), size_t(m_nameKey.size()));
    return out;
}

QString FileCache::entryPath(const QString &sha256, bool partial) const
{
    return m_dir + u'/' + QString::fromLatin1(entryId(sha256).toHex())
        + (partial ? QStringLiteral(".part") : QString());
}

bool FileCache::contains(const QString &sha256) const
{
    return isHexDigest(sha256) && QFile::exists(entryPath(sha256, false));
}

Result<QString> FileCache::importFile(const QString &path)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return ioError(QStringLiteral("Cannot read"), in);
    // Two passes: the digest names the entry and is bound into every record.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&in))
        return ioError(QStringLiteral("Cannot read"), in);
    const QString digest = QString::fromLatin1(hash.result().toHex());
    if (contains(digest))
        return digest;
    if (!in.seek(0))
        return ioError(QStringLiteral("Cannot read"), in);
    return sealInto(in, entryPath(digest, false), m_sealKey, entryId(digest), digest);
}

Result<QString> FileCache::put(const QByteArray &bytes)
{
    const QString digest
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (contains(digest))
        return digest;
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return sealInto(buffer, entryPath(digest, false), m_sealKey, entryId(digest), digest);
}

Result<QByteArray> FileCache::read(const QString &sha256, qint64 offset, qint64 length) const
{
    if (!contains(sha256))
        return Error::make(ErrorCode::NotFound, trCore("tandem::files", "The file is not in the cache."));
    QFile in(entryPath(sha256, false));
    if (!in.open(QIODevice::ReadOnly))
        return ioError(QStringLiteral("Cannot read"), in);
    if (in.read(sizeof kMagic) != QByteArray(kMagic, sizeof kMagic))
        return damaged(in.fileName());
    const QByteArray id = entryId(sha256);
    // Complete entries hold full chunks but the last, so the record holding `offset` is found by seeking.
    quint64 index = quint64(offset / kChunkBytes);
    if (!in.seek(qint64(sizeof kMagic) + qint64(index) * kFullRecord))
        return damaged(in.fileName());
    qint64 skip = offset % kChunkBytes;
    QByteArray out;
    while (out.size() < length) {
        auto record = readRecord(in, m_sealKey, id, index++);
        if (!record)
            return record.error();
        if (!record.value())
            break;
        out += record.value()->plain.mid(skip, length - out.size());
        skip = 0;
        if (record.value()->final)
            break;
    }
    return out;
}

Status FileCache::exportTo(const QString &sha256, const QString &path) const
{
    if (!contains(sha256))
        return Error::make(ErrorCode::NotFound, trCore("tandem::files", "The file is not in the cache."));
    QFile in(entryPath(sha256, false));
    if (!in.open(QIODevice::ReadOnly) || in.read(sizeof kMagic) != QByteArray(kMagic, sizeof kMagic))
        return damaged(in.fileName());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error::make(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, out.errorString()));
    const QByteArray id = entryId(sha256);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    bool sawFinal = false;
    for (quint64 index = 0; !sawFinal; ++index) {
        auto record = readRecord(in, m_sealKey, id, index);
        if (!record)
            return record.error();
        if (!record.value())
            break;
        hash.addData(record.value()->plain);
        sawFinal = record.value()->final;
        if (out.write(record.value()->plain) != record.value()->plain.size())
            return Error::make(
                ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, out.errorString()));
    }
    if (!sawFinal || QString::fromLatin1(hash.result().toHex()) != sha256) {
        out.cancelWriting();
        return damaged(in.fileName());
    }
    if (!out.commit())
        return Error::make(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, out.errorString()));
    return {};
}

Status FileCache::remove(const QString &sha256)
{
    if (!isHexDigest(sha256))
        return Error::make(ErrorCode::Invalid, QStringLiteral("Not a SHA-256 digest."));
    QFile::remove(entryPath(sha256, true));
    QFile::remove(entryPath(sha256, false));
    return {};
}

qint64 FileCache::partialSize(const QString &sha256) const
{
    if (!isHexDigest(sha256))
        return 0;
    QFile in(entryPath(sha256, true));
    if (!in.open(QIODevice::ReadWrite) || in.read(sizeof kMagic) != QByteArray(kMagic, sizeof kMagic))
        return 0;
    // Count whole records; a torn record at the end (a crash mid-append) is cut off.
    qint64 held = 0;
    qint64 goodEnd = in.pos();
    while (true) {
        const QByteArray header = in.read(kRecordHeader);
        if (header.size() != kRecordHeader)
            break;
        const auto *h = reinterpret_cast<const unsigned char *>(header.constData());
        const quint32 length = quint32(h[0]) | quint32(h[1]) << 8 | quint32(h[2]) << 16 | quint32(h[3]) << 24;
        if (length > kChunkBytes || in.size() - in.pos() < qint64(length) + kTagBytes)
            break;
        in.seek(in.pos() + qint64(length) + kTagBytes);
        held += length;
        goodEnd = in.pos();
    }
    if (goodEnd != in.size())
        in.resize(goodEnd);
    return held;
}

Status FileCache::append(const QString &sha256, const QByteArray &bytes)
{
    if (!isHexDigest(sha256))
        return Error::make(ErrorCode::Invalid, QStringLiteral("Not a SHA-256 digest."));
    QDir().mkpath(m_dir);
    const QString path = entryPath(sha256, true);
    (void)partialSize(sha256); // repairs a torn tail left by a crash
    QFile out(path);
    if (!out.open(QIODevice::ReadWrite))
        return ioError(QStringLiteral("Cannot write"), out);
    if (out.size() == 0)
        out.write(kMagic, sizeof kMagic);
    out.seek(out.size());
    // Partial records all carry index 0 under a separate id: their order is not bound, because finish()
    // checks the SHA-256 of the whole content before anything becomes readable.
    const QByteArray id = entryId(sha256) + QByteArrayLiteral("partial");
    for (qint64 at = 0; at < bytes.size(); at += kChunkBytes) {
        if (!writeRecord(out, m_sealKey, id, 0, false,
                QByteArrayView(bytes).sliced(at, std::min<qint64>(kChunkBytes, bytes.size() - at))))
            return ioError(QStringLiteral("Cannot write"), out);
    }
    if (!out.flush())
        return ioError(QStringLiteral("Cannot write"), out);
    return {};
}

Status FileCache::finish(const QString &sha256, qint64 expectedSize)
{
    const QString partPath = entryPath(sha256, true);
    const bool sizeMatches = partialSize(sha256) == expectedSize;
    Result<QString> sealed = Error::make(ErrorCode::Corrupt, QString());
    if (sizeMatches) {
        PartialReader reader(partPath, m_sealKey, entryId(sha256) + QByteArrayLiteral("partial"));
        sealed = sealInto(reader, entryPath(sha256, false), m_sealKey, entryId(sha256), sha256);
        if (reader.damaged())
            sealed = Error::make(ErrorCode::Corrupt, QString());
    }
    QFile::remove(partPath);
    if (!sealed) {
        QFile::remove(entryPath(sha256, false));
        return Error::make(ErrorCode::Corrupt,
            trCore("tandem::files",
                "The downloaded file does not match its SHA-256; it will be downloaded again."));
    }
    return {};
}

} // namespace tandem::store
