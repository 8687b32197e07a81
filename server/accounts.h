// Accounts, spaces and sessions: what the admin CLI, the demo seed and login do, with the events
// that keep every stream complete (a new space member's stream starts with the space, its
// organisation and the people it can see; a new device shows up in the account's own streams).
#pragma once

#include "serverstore.h"
#include "spacewriter.h"

namespace tandem::server {

class Accounts
{
public:
    explicit Accounts(ServerStore &store);

    Status createOrganisation(const QString &id, const QString &name);
    Status createSpace(
        const QString &id, const QString &name, const QString &kind, const QString &organisationId);
    // `password` empty: the account cannot log in until reset-password.
    Status createUser(UserRow row, const QString &password);
    Status addToSpace(const QString &spaceId, const QString &userId, QSet<StreamKey> *touched = nullptr);
    Status resetPassword(const QString &userId, const QString &password);
    Status deactivateUser(const QString &userId, QSet<StreamKey> *touched = nullptr);
    Status revokeDevice(const QString &deviceId, QSet<StreamKey> *touched = nullptr);

    // A device for a login: the named one when it is a live device of the account, else a new one.
    // Appends device.updated to the account's streams. Std::nullopt with `revoked` set when the named
    // device was revoked (the client must wipe).
    struct LoginGrant
    {
        QString token;
        QString deviceId;
        bool deviceRevoked = false;
    };
    Result<LoginGrant> grantLogin(const UserRow &user, const std::optional<QString> &deviceId,
        const QString &name, const QString &platform, QSet<StreamKey> *touched = nullptr);

    static QString hashPassword(const QString &password);
    static bool verifyPassword(const QString &hash, const QString &password);
    static QByteArray tokenHash(const QString &token);
    static QString randomId(const char *prefix, int bytes);

private:
    ServerStore &m_store;
};

} // namespace tandem::server
