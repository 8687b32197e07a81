// The OS keychain (Secret Service, macOS Keychain, Windows Credential Manager) through QtKeychain,
// used synchronously from the store's thread. Absent keychains and builds without QtKeychain answer
// ErrorCode::Unavailable, and callers fall back to the passphrase.
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace tandem::store::keychain {

[[nodiscard]] Result<QByteArray> read(const QString &account);
[[nodiscard]] Status write(const QString &account, const QByteArray &secret);
[[nodiscard]] Status remove(const QString &account);

} // namespace tandem::store::keychain
