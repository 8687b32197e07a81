// The space's encrypted file cache (docs/protocol.md §8.3): attachment bytes, uploaded or downloaded,
// kept under the space folder and readable only with the space's data key. Wiping the space destroys
// the key, and with it every cached file.
//
// Entries are addressed by the content's SHA-256, so the same file attached twice is stored once and a
// snapshot never invalidates the cache. On disk the name is a keyed hash of that digest, so someone
// holding the disk but not the key cannot test whether a known file is cached.
//
// A file is a header and a series of records, each a chunk sealed on its own with XChaCha20-Poly1305
// under a fresh random nonce; the associated data binds the chunk's index, whether it is the last, and
// the entry's id, so chunks cannot be reordered, dropped or moved between files, and truncation is seen.
// Independent records are what make downloads resumable: a partial entry is a prefix of records.
#pragma once

#include "spacekey.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace tandem::store {

class FileCache
{
public:
    static constexpr qint64 kChunkBytes = 64 * 1024;

    // `directory` is created on first write. `spaceKey` is the space's data key; the cache derives
    // its own subkeys from it.
    FileCache(QString directory, const DataKey &spaceKey);

    [[nodiscard]] bool contains(const QString &sha256) const;

    // Stores the file at `path`, returning the SHA-256 of its content (hex). The cache's copy is what a
    // later upload reads, so the send survives the original being moved or deleted.
    [[nodiscard]] Result<QString> importFile(const QString &path);
    // Stores `bytes`, returning their SHA-256.
    [[nodiscard]] Result<QString> put(const QByteArray &bytes);

    // Reads `length` bytes from `offset` of a complete entry (for uploading chunk by chunk).
    [[nodiscard]] Result<QByteArray> read(const QString &sha256, qint64 offset, qint64 length) const;
    // Decrypts a complete entry into a file of the user's choosing (written atomically).
    [[nodiscard]] Status exportTo(const QString &sha256, const QString &path) const;
    [[nodiscard]] Status remove(const QString &sha256);

    // Downloads: bytes held so far for an incomplete entry (0 when none), appending the next bytes, and
    // finishing. finish() checks the SHA-256 of the whole content; on a mismatch the partial entry is
    // deleted and the result is a Corrupt error, so the caller downloads again.
    [[nodiscard]] qint64 partialSize(const QString &sha256) const;
    [[nodiscard]] Status append(const QString &sha256, const QByteArray &bytes);
    [[nodiscard]] Status finish(const QString &sha256, qint64 expectedSize);

private:
    [[nodiscard]] QString entryPath(const QString &sha256, bool partial) const;
    [[nodiscard]] QByteArray entryId(const QString &sha256) const;

    QString m_dir;
    QByteArray m_sealKey; // XChaCha20-Poly1305 key for records
    QByteArray m_nameKey; // BLAKE2b key for file names
};

} // namespace tandem::store
