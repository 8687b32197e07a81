#include "spacekey.h"

#include "util/i18n.h"

#include "keychain.h"

#include <sodium.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace tandem::store {

namespace {

constexpr int kEnvelopeVersion = 1;
// Accepted Argon2id costs: libsodium's minimums up to 16 passes and 1 GiB (the "sensitive" profile).
constexpr quint64 kMinOps = crypto_pwhash_OPSLIMIT_MIN;
constexpr quint64 kMaxOps = 16;
constexpr quint64 kMinMem = crypto_pwhash_MEMLIMIT_MIN;
constexpr quint64 kMaxMem = 1024ull * 1024 * 1024;
constexpr qint64 kMaxEnvelopeBytes = 64 * 1024;

bool ensureSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

QString keychainAccount(const QString &spaceId)
{
    return QStringLiteral("space-key:%1").arg(spaceId);
}

// The passphrase-derived key-encryption key.
Result<QByteArray> deriveKek(const QString &passphrase, const QByteArray &salt, const KdfParams &p)
{
    if (p.opsLimit < kMinOps || p.opsLimit > kMaxOps || p.memLimitBytes < kMinMem
        || p.memLimitBytes > kMaxMem)
        return Error::make(ErrorCode::Corrupt,
            QStringLiteral("The key file asks for key derivation parameters out of range."));
    QByteArray kek(crypto_aead_xchacha20poly1305_ietf_KEYBYTES, '\0');
    QByteArray pass = passphrase.toUtf8();
    const int rc = crypto_pwhash(reinterpret_cast<unsigned char *>(kek.data()), quint64(kek.size()),
        pass.constData(), quint64(pass.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
        p.opsLimit, size_t(p.memLimitBytes), crypto_pwhash_ALG_ARGON2ID13);
    sodium_memzero(pass.data(), size_t(pass.size()));
    if (rc != 0)
        return Error::make(ErrorCode::Unavailable,
            QStringLiteral("Not enough memory to derive the key from the passphrase."));
    return kek;
}

QByteArray b64(const QByteArray &a)
{
    return a.toBase64();
}

} // namespace

DataKey::~DataKey()
{
    if (!m_bytes.isEmpty() && m_bytes.isDetached())
        sodium_memzero(m_bytes.data(), size_t(m_bytes.size()));
}

DataKey DataKey::generate()
{
    ensureSodium();
    QByteArray bytes(32, '\0');
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return DataKey(bytes);
}

Status KeyEnvelope::wrapWithPassphrase(const DataKey &key, const QString &passphrase, const KdfParams &params)
{
    m_params = params;
    m_salt = QByteArray(crypto_pwhash_SALTBYTES, '\0');
    randombytes_buf(m_salt.data(), size_t(m_salt.size()));
    m_nonce = QByteArray(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, '\0');
    randombytes_buf(m_nonce.data(), size_t(m_nonce.size()));
    auto kek = deriveKek(passphrase, m_salt, m_params);
    if (!kek)
        return kek.error();
    // The space id is authenticated with the key, so an envelope cannot be swapped onto another space.
    const QByteArray ad = m_meta.id.toUtf8();
    m_ciphertext = QByteArray(key.bytes().size() + int(crypto_aead_xchacha20poly1305_ietf_ABYTES), '\0');
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char *>(m_ciphertext.data()), &clen,
        reinterpret_cast<const unsigned char *>(key.bytes().constData()), quint64(key.bytes().size()),
        reinterpret_cast<const unsigned char *>(ad.constData()), quint64(ad.size()), nullptr,
        reinterpret_cast<const unsigned char *>(m_nonce.constData()),
        reinterpret_cast<const unsigned char *>(kek->constData()));
    sodium_memzero(kek->data(), size_t(kek->size()));
    m_ciphertext.resize(qsizetype(clen));
    return {};
}

Result<KeyEnvelope> KeyEnvelope::create(const SpaceMeta &meta, const DataKey &key, const QString &passphrase,
    bool useKeychain, const KdfParams &params)
{
    if (!ensureSodium())
        return Error::make(
            ErrorCode::Unavailable, QStringLiteral("The cryptography library failed to start."));
    KeyEnvelope env;
    env.m_meta = meta;
    if (useKeychain) {
        auto s = keychain::write(keychainAccount(meta.id), key.bytes());
        env.m_keychain = s.ok();
    }
    if (!passphrase.isEmpty())
        TANDEM_TRY(env.wrapWithPassphrase(key, passphrase, params));
    if (!env.m_keychain && env.m_ciphertext.isEmpty())
        return Error::make(ErrorCode::Invalid,
            trCore("tandem::unlock",
                "A passphrase is needed to protect the space (no keychain is available). "
                "Set TANDEM_PASSPHRASE or enter one."));
    return env;
}

void KeyEnvelope::setLook(const QString &name, const QString &accent, const QString &icon)
{
    m_meta.name = name;
    m_meta.accent = accent;
    m_meta.icon = icon;
}

Result<KeyEnvelope> KeyEnvelope::load(const QString &path)
{
    if (!ensureSodium())
        return Error::make(
            ErrorCode::Unavailable, QStringLiteral("The cryptography library failed to start."));
    QFile f(path);
    if (!f.exists())
        return Error::make(
            ErrorCode::NotFound, trCore("tandem::unlock", "The space's key file %1 is missing.").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(
            ErrorCode::Io, trCore("tandem::unlock", "Cannot read %1: %2").arg(path, f.errorString()));
    if (f.size() > kMaxEnvelopeBytes)
        return Error::make(ErrorCode::Corrupt,
            trCore("tandem::unlock", "%1 is too large to be a Tandem key file.").arg(path));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
    const QJsonObject o = doc.object();
    if (perr.error != QJsonParseError::NoError || o.value(u"format").toString() != u"tandem-space-key")
        return Error::make(ErrorCode::Corrupt,
            trCore("tandem::unlock", "%1 is damaged or is not a Tandem key file.").arg(path));
    if (o.value(u"version").toInt() > kEnvelopeVersion)
        return Error::make(ErrorCode::TooNew,
            trCore("tandem::unlock", "%1 was written by a newer version of Tandem.").arg(path));
    KeyEnvelope env;
    const QJsonObject space = o.value(u"space").toObject();
    env.m_meta = {space.value(u"id").toString(), space.value(u"name").toString(),
        space.value(u"kind").toString(), qint64(space.value(u"created_at").toDouble()),
        space.value(u"accent").toString(), space.value(u"icon").toString()};
    if (env.m_meta.id.isEmpty())
        return Error::make(ErrorCode::Corrupt, trCore("tandem::unlock", "%1 names no space.").arg(path));
    for (const QJsonValue &w : o.value(u"wraps").toArray()) {
        const QJsonObject wrap = w.toObject();
        const QString method = wrap.value(u"method").toString();
        if (method == u"keychain") {
            env.m_keychain = true;
        } else if (method == u"passphrase") {
            if (wrap.value(u"kdf").toString() != u"argon2id13")
                return Error::make(ErrorCode::TooNew,
                    trCore("tandem::unlock", "%1 uses a key derivation this version does not know.")
                        .arg(path));
            // The cost settings are read before anything in the file is authenticated: a tampered file
            // must not be able to ask for hours of work or all the memory. Bounds are checked as doubles,
            // before any conversion (a negative or huge double converted to an integer is undefined).
            const double ops = wrap.value(u"opslimit").toDouble(-1);
            const double mem = wrap.value(u"memlimit").toDouble(-1);
            if (!(ops >= double(kMinOps) && ops <= double(kMaxOps))
                || !(mem >= double(kMinMem) && mem <= double(kMaxMem)) || ops != std::floor(ops)
                || mem != std::floor(mem))
                return Error::make(ErrorCode::Corrupt,
                    trCore("tandem::unlock", "%1 asks for key derivation settings out of range.").arg(path));
            env.m_params.opsLimit = quint64(ops);
            env.m_params.memLimitBytes = quint64(mem);
            env.m_salt = QByteArray::fromBase64(wrap.value(u"salt").toString().toLatin1());
            env.m_nonce = QByteArray::fromBase64(wrap.value(u"nonce").toString().toLatin1());
            env.m_ciphertext = QByteArray::fromBase64(wrap.value(u"ciphertext").toString().toLatin1());
            if (env.m_salt.size() != crypto_pwhash_SALTBYTES
                || env.m_nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
                || env.m_ciphertext.size() != 32 + int(crypto_aead_xchacha20poly1305_ietf_ABYTES))
                return Error::make(ErrorCode::Corrupt, trCore("tandem::unlock", "%1 is damaged.").arg(path));
        }
    }
    if (!env.m_keychain && env.m_ciphertext.isEmpty())
        return Error::make(
            ErrorCode::Corrupt, trCore("tandem::unlock", "%1 holds no way to unlock the space.").arg(path));
    return env;
}

Status KeyEnvelope::save(const QString &path) const
{
    QJsonArray wraps;
    if (!m_ciphertext.isEmpty())
        wraps.append(QJsonObject {{QStringLiteral("method"), QStringLiteral("passphrase")},
            {QStringLiteral("kdf"), QStringLiteral("argon2id13")},
            {QStringLiteral("opslimit"), double(m_params.opsLimit)},
            {QStringLiteral("memlimit"), double(m_params.memLimitBytes)},
            {QStringLiteral("salt"), QString::fromLatin1(b64(m_salt))},
            {QStringLiteral("nonce"), QString::fromLatin1(b64(m_nonce))},
            {QStringLiteral("ciphertext"), QString::fromLatin1(b64(m_ciphertext))},
            {QStringLiteral("aead"), QStringLiteral("xchacha20poly1305-ietf")}});
    if (m_keychain)
        wraps.append(QJsonObject {{QStringLiteral("method"), QStringLiteral("keychain")},
            {QStringLiteral("account"), keychainAccount(m_meta.id)}});
    QJsonObject spaceObject {{QStringLiteral("id"), m_meta.id}, {QStringLiteral("name"), m_meta.name},
        {QStringLiteral("kind"), m_meta.kind}, {QStringLiteral("created_at"), double(m_meta.createdAt)}};
    // Written only when chosen, so a space without a look keeps the shape older versions read and wrote.
    if (!m_meta.accent.isEmpty())
        spaceObject.insert(QStringLiteral("accent"), m_meta.accent);
    if (!m_meta.icon.isEmpty())
        spaceObject.insert(QStringLiteral("icon"), m_meta.icon);
    const QJsonObject o {
        {QStringLiteral("format"), QStringLiteral("tandem-space-key")},
        {QStringLiteral("version"), kEnvelopeVersion},
        {QStringLiteral("space"), spaceObject},
        {QStringLiteral("wraps"), wraps},
    };
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::make(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, f.errorString()));
    f.write(QJsonDocument(o).toJson());
    if (!f.commit()) // QSaveFile syncs and renames, so readers see the old or the new file whole
        return Error::make(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

Result<DataKey> KeyEnvelope::unlock(const QString &passphrase) const
{
    Error keychainError = Error::make(ErrorCode::Unavailable, QString());
    if (m_keychain) {
        auto fromKeychain = keychain::read(keychainAccount(m_meta.id));
        if (fromKeychain && fromKeychain->size() == 32)
            return DataKey(*fromKeychain);
        if (!fromKeychain)
            keychainError = fromKeychain.error();
    }
    if (m_ciphertext.isEmpty())
        return Error::make(ErrorCode::WrongKey,
            trCore(
                "tandem::unlock", "The key of space \"%1\" is in the OS keychain, which cannot be read: %2")
                .arg(m_meta.name, keychainError.message));
    if (passphrase.isEmpty())
        return Error::make(ErrorCode::WrongKey,
            trCore("tandem::unlock",
                "Space \"%1\" is locked: a passphrase is needed (set "
                "TANDEM_PASSPHRASE or enter it).")
                .arg(m_meta.name));
    auto kek = deriveKek(passphrase, m_salt, m_params);
    if (!kek)
        return kek.error();
    QByteArray plain(32, '\0');
    unsigned long long plen = 0;
    const QByteArray ad = m_meta.id.toUtf8();
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(plain.data()),
        &plen, nullptr, reinterpret_cast<const unsigned char *>(m_ciphertext.constData()),
        quint64(m_ciphertext.size()), reinterpret_cast<const unsigned char *>(ad.constData()),
        quint64(ad.size()), reinterpret_cast<const unsigned char *>(m_nonce.constData()),
        reinterpret_cast<const unsigned char *>(kek->constData()));
    sodium_memzero(kek->data(), size_t(kek->size()));
    if (rc != 0 || plen != 32)
        return Error::make(ErrorCode::WrongKey,
            trCore("tandem::unlock", "Wrong passphrase for space \"%1\".").arg(m_meta.name));
    return DataKey(plain);
}

Status KeyEnvelope::changePassphrase(
    const QString &oldPassphrase, const QString &newPassphrase, const KdfParams &params)
{
    if (newPassphrase.isEmpty())
        return Error::make(ErrorCode::Invalid, trCore("tandem::unlock", "The new passphrase is empty."));
    auto key = unlock(oldPassphrase);
    if (!key)
        return key.error();
    return wrapWithPassphrase(*key, newPassphrase, params);
}

void KeyEnvelope::destroyKeychainEntry() const
{
    if (m_keychain)
        (void)keychain::remove(keychainAccount(m_meta.id));
}

Status shredFile(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return {};
    const qint64 size = f.size();
    if (f.open(QIODevice::ReadWrite)) {
        ensureSodium();
        QByteArray noise(int(qMin<qint64>(size, 1 << 20)), '\0');
        for (qint64 done = 0; done < size;) {
            randombytes_buf(noise.data(), size_t(noise.size()));
            const qint64 chunk = qMin<qint64>(size - done, noise.size());
            if (f.write(noise.constData(), chunk) != chunk)
                break;
            done += chunk;
        }
        f.flush();
#ifdef Q_OS_UNIX
        ::fsync(f.handle());
#endif
        f.close();
    }
    if (!QFile::remove(path))
        return Error::make(ErrorCode::Io, QStringLiteral("Cannot remove %1.").arg(path));
    return {};
}

} // namespace tandem::store
