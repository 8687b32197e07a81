// A space's data key and the envelope that keeps it. The key is 32 random bytes that encrypt the
// space's database; it never sits on disk in the clear. The envelope (key.json beside the database)
// holds it wrapped by a passphrase-derived key (Argon2id, parameters recorded), and/or names an OS
// keychain entry that holds it. Changing the passphrase re-wraps the key; the database is not touched.
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace tandem::store {

// The raw key, wiped from memory when it goes away.
class DataKey
{
public:
    DataKey() = default;
    explicit DataKey(QByteArray bytes)
        : m_bytes(std::move(bytes))
    { }
    DataKey(const DataKey &) = default;
    DataKey &operator=(const DataKey &) = default;
    ~DataKey();
    static DataKey generate();
    [[nodiscard]] const QByteArray &bytes() const { return m_bytes; }
    [[nodiscard]] bool isValid() const { return m_bytes.size() == 32; }

private:
    QByteArray m_bytes;
};

// Cost of the passphrase KDF. The defaults follow libsodium's "interactive" profile raised to three
// passes: about a tenth of a second here, and 64 MiB per guess for an attacker.
struct KdfParams
{
    quint64 opsLimit = 3;
    quint64 memLimitBytes = 64ull * 1024 * 1024;
};

struct SpaceMeta
{
    QString id;
    QString name;
    QString kind; // "work" or "personal"
    qint64 createdAt = 0;
    QString accent; // a palette key (spacelook.h); empty: the kind's colour
    QString icon; // one grapheme; empty: the name's initial
};

class KeyEnvelope
{
public:
    static constexpr const char *kFileName = "key.json";

    // Reads and validates an envelope file.
    static Result<KeyEnvelope> load(const QString &path);
    // A new envelope for `key`, wrapped by `passphrase` (if not empty) and by the keychain (if asked).
    static Result<KeyEnvelope> create(const SpaceMeta &meta, const DataKey &key, const QString &passphrase,
        bool useKeychain, const KdfParams &params = {});

    // Writes atomically (temporary file, fsync, rename): a crash leaves the old or the new envelope.
    [[nodiscard]] Status save(const QString &path) const;

    // Unwraps the key: from the keychain when the envelope names it and it answers, else by passphrase.
    [[nodiscard]] Result<DataKey> unlock(const QString &passphrase) const;
    // Re-wraps the key under a new passphrase (the old one must open it).
    [[nodiscard]] Status changePassphrase(
        const QString &oldPassphrase, const QString &newPassphrase, const KdfParams &params = {});
    // Forgets the key: deletes the keychain entry; the caller then destroys the file.
    void destroyKeychainEntry() const;

    [[nodiscard]] const SpaceMeta &meta() const { return m_meta; }
    // Name, accent and icon only: the id is bound to the wrapped key and never changes.
    void setLook(const QString &name, const QString &accent, const QString &icon);
    [[nodiscard]] bool hasPassphraseWrap() const { return !m_ciphertext.isEmpty(); }
    [[nodiscard]] bool usesKeychain() const { return m_keychain; }

private:
    [[nodiscard]] Status wrapWithPassphrase(
        const DataKey &key, const QString &passphrase, const KdfParams &params);

    SpaceMeta m_meta;
    KdfParams m_params;
    QByteArray m_salt;
    QByteArray m_nonce;
    QByteArray m_ciphertext;
    bool m_keychain = false;
};

// Overwrites a file with random bytes, syncs it and removes it, so a destroyed key stays destroyed
// even where the file system keeps old blocks around until they are reused.
[[nodiscard]] Status shredFile(const QString &path);

} // namespace tandem::store
