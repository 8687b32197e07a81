#include "accounts.h"

#include "records.h"

#include "protocol/codec.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace tandem::server {

using namespace Qt::StringLiterals;

namespace {

// Runs `body` in one transaction; rolls back on error.
template<typename F> Status inTransaction(ServerStore &store, F body)
{
    TANDEM_TRY(store.begin());
    if (Status s = body(); !s) {
        store.rollback();
        return s;
    }
    return store.commit();
}

Status emitToUserSpaces(ServerStore &store, const QString &userId, QLatin1StringView kind,
    const QJsonObject &data, QSet<StreamKey> *touched)
{
    auto spaces = store.spacesOfUser(userId);
    if (!spaces)
        return spaces.error();
    for (const SpaceRow &space : *spaces) {
        SpaceWriter w(store, space, QString(), QString(), protocol::nowMs());
        TANDEM_TRY(w.emit(kind, data, {userId}));
        if (touched)
            *touched += w.touched();
    }
    return {};
}

} // namespace

Accounts::Accounts(ServerStore &store)
    : m_store(store)
{ }

QString Accounts::hashPassword(const QString &password)
{
    if (sodium_init() < 0)
        return {};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

bool Accounts::verifyPassword(const QString &hash, const QString &password)
{
    const QByteArray h = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return !h.isEmpty()
        && crypto_pwhash_str_verify(h.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

QByteArray Accounts::tokenHash(const QString &token)
{
    return QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256);
}

QString Accounts::randomId(const char *prefix, int bytes)
{
    if (sodium_init() < 0)
        return {};
    QByteArray raw(bytes, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    return QLatin1StringView(prefix)
        + QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Status Accounts::createOrganisation(const QString &id, const QString &name)
{
    return inTransaction(m_store, [&]() { return m_store.createOrganisation({id, name}); });
}

Status Accounts::createSpace(
    const QString &id, const QString &name, const QString &kind, const QString &organisationId)
{
    return inTransaction(m_store, [&]() -> Status {
        if (!organisationId.isEmpty()) {
            auto org = m_store.organisation(organisationId);
            if (!org)
                return org.error();
            if (!*org)
                return Error::make(ErrorCode::NotFound, u"no organisation %1"_s.arg(organisationId));
        }
        return m_store.createSpace({id, name, kind, organisationId});
    });
}

Status Accounts::createUser(UserRow row, const QString &password)
{
    if (!password.isEmpty())
        row.passwordHash = hashPassword(password);
    row.updatedAt = protocol::nowMs();
    return inTransaction(m_store, [&]() { return m_store.createUser(row); });
}

Status Accounts::addToSpace(const QString &spaceId, const QString &userId, QSet<StreamKey> *touched)
{
    return inTransaction(m_store, [&]() -> Status {
        auto space = m_store.space(spaceId);
        if (!space)
            return space.error();
        if (!*space)
            return Error::make(ErrorCode::NotFound, u"no space %1"_s.arg(spaceId));
        auto user = m_store.user(userId);
        if (!user)
            return user.error();
        if (!*user)
            return Error::make(ErrorCode::NotFound, u"no user %1"_s.arg(userId));
        auto already = m_store.isSpaceMember(spaceId, userId);
        if (!already)
            return already.error();
        if (*already)
            return {};
        const qint64 now = protocol::nowMs();
        TANDEM_TRY(m_store.addSpaceMember(spaceId, userId, now));
        auto stream = m_store.ensureStream(spaceId, userId);
        if (!stream)
            return stream.error();
        SpaceWriter w(m_store, **space, QString(), QString(), now);
        TANDEM_TRY(
            w.emit(QLatin1StringView("space.updated"), {{u"space"_s, records::space(**space)}}, {userId}));
        if (!(*space)->organisationId.isEmpty()) {
            auto org = m_store.organisation((*space)->organisationId);
            if (!org)
                return org.error();
            if (*org)
                TANDEM_TRY(w.emit(QLatin1StringView("organisation.updated"),
                    {{u"organisation"_s, records::organisation(**org)}}, {userId}));
        }
        TANDEM_TRY(w.emit(
            QLatin1StringView("user.updated"), {{u"user"_s, records::user(**user, **space)}}, {userId}));
        auto devices = m_store.devicesOfUser(userId);
        if (!devices)
            return devices.error();
        for (const DeviceRow &d : *devices)
            TANDEM_TRY(
                w.emit(QLatin1StringView("device.updated"), {{u"device"_s, records::device(d)}}, {userId}));
        auto members = m_store.spaceMembers(spaceId);
        if (!members)
            return members.error();
        for (const QString &other : *members) {
            if (other == userId)
                continue;
            auto sees = w.canSee(userId, other);
            if (!sees)
                return sees.error();
            if (*sees) {
                auto record = w.userRecord(other);
                if (!record)
                    return record.error();
                TANDEM_TRY(w.emit(QLatin1StringView("user.updated"), {{u"user"_s, *record}}, {userId}));
            }
            auto seen = w.canSee(other, userId);
            if (!seen)
                return seen.error();
            if (*seen)
                TANDEM_TRY(w.emit(QLatin1StringView("user.updated"),
                    {{u"user"_s, records::user(**user, **space)}}, {other}));
        }
        if (touched)
            *touched += w.touched();
        return m_store.recordAdminChange(u"add-to-space"_s, spaceId);
    });
}

Status Accounts::resetPassword(const QString &userId, const QString &password)
{
    const QString hash = hashPassword(password);
    return inTransaction(m_store, [&]() -> Status {
        auto user = m_store.user(userId);
        if (!user)
            return user.error();
        if (!*user)
            return Error::make(ErrorCode::NotFound, u"no user %1"_s.arg(userId));
        (*user)->passwordHash = hash;
        TANDEM_TRY(m_store.updateUser(**user));
        // A new password ends every session: a stolen token must not outlive the reset.
        TANDEM_TRY(m_store.revokeTokensOfUser(userId));
        return m_store.recordAdminChange(u"reset-password"_s, userId);
    });
}

Status Accounts::deactivateUser(const QString &userId, QSet<StreamKey> *touched)
{
    return inTransaction(m_store, [&]() -> Status {
        auto user = m_store.user(userId);
        if (!user)
            return user.error();
        if (!*user)
            return Error::make(ErrorCode::NotFound, u"no user %1"_s.arg(userId));
        (*user)->deactivated = true;
        (*user)->updatedAt = protocol::nowMs();
        TANDEM_TRY(m_store.updateUser(**user));
        TANDEM_TRY(m_store.revokeTokensOfUser(userId));
        auto spaces = m_store.spacesOfUser(userId);
        if (!spaces)
            return spaces.error();
        for (const SpaceRow &space : *spaces) {
            SpaceWriter w(m_store, space, QString(), QString(), protocol::nowMs());
            auto members = m_store.spaceMembers(space.id);
            if (!members)
                return members.error();
            QStringList to;
            for (const QString &m : *members) {
                auto sees = w.canSee(m, userId);
                if (!sees)
                    return sees.error();
                if (*sees)
                    to << m;
            }
            TANDEM_TRY(
                w.emit(QLatin1StringView("user.updated"), {{u"user"_s, records::user(**user, space)}}, to));
            if (touched)
                *touched += w.touched();
        }
        return m_store.recordAdminChange(u"deactivate-user"_s, userId);
    });
}

Status Accounts::revokeDevice(const QString &deviceId, QSet<StreamKey> *touched)
{
    return inTransaction(m_store, [&]() -> Status {
        auto device = m_store.device(deviceId);
        if (!device)
            return device.error();
        if (!*device)
            return Error::make(ErrorCode::NotFound, u"no device %1"_s.arg(deviceId));
        if ((*device)->revokedAt == 0) {
            (*device)->revokedAt = protocol::nowMs();
            TANDEM_TRY(m_store.updateDevice(**device));
            TANDEM_TRY(m_store.revokeTokensOfDevice(deviceId));
            TANDEM_TRY(emitToUserSpaces(m_store, (*device)->userId, QLatin1StringView("device.updated"),
                {{u"device"_s, records::device(**device)}}, touched));
        }
        return m_store.recordAdminChange(u"revoke-device"_s, deviceId);
    });
}

Result<Accounts::LoginGrant> Accounts::grantLogin(const UserRow &user, const std::optional<QString> &deviceId,
    const QString &name, const QString &platform, QSet<StreamKey> *touched)
{
    LoginGrant grant;
    const qint64 now = protocol::nowMs();
    Status s = inTransaction(m_store, [&]() -> Status {
        std::optional<DeviceRow> device;
        if (deviceId) {
            auto existing = m_store.device(*deviceId);
            if (!existing)
                return existing.error();
            if (*existing && (*existing)->userId == user.id) {
                if ((*existing)->revokedAt > 0) {
                    grant.deviceRevoked = true;
                    return {};
                }
                device = **existing;
            }
        }
        if (device) {
            device->name = name;
            device->platform = platform;
            TANDEM_TRY(m_store.updateDevice(*device));
        } else {
            device = DeviceRow {randomId("d", 12), user.id, name, platform, now, 0, 0};
            TANDEM_TRY(m_store.createDevice(*device));
        }
        grant.deviceId = device->id;
        grant.token = randomId("tk_", 32);
        TANDEM_TRY(m_store.createToken({tokenHash(grant.token), user.id, device->id, now, 0, false}));
        return emitToUserSpaces(m_store, user.id, QLatin1StringView("device.updated"),
            {{u"device"_s, records::device(*device)}}, touched);
    });
    if (!s)
        return s.error();
    return grant;
}

} // namespace tandem::server
