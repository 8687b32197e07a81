// StoreWriter's system notices (docs/protocol.md §6.2, §6.12): a message's optional `system` object,
// kept beside the message (message_system) so the app can show its own translated sentence. The object
// is checked and bounded here; a kind this client does not know is kept as it came (the app shows the
// plain body for it).
#pragma once

#include "store/database.h"

#include <QJsonValue>

namespace tandem::sync {

// The longest `system` object kept, as compact JSON; a larger one is dropped (the body stays).
inline constexpr int kMaxSystemJsonBytes = 4096;
inline constexpr int kMaxSystemKindLength = 64;

// The compact JSON to keep for `system`, or empty when it is absent or not acceptable (not an object,
// no kind of lower-case letters, digits, '_', '.' or '-', too large, or a handover whose user ids are
// not strings).
[[nodiscard]] QByteArray validSystemJson(const QJsonValue &system);

// Replaces what the store holds of message `messageId`'s `system` with `system` (nothing when absent).
[[nodiscard]] Status storeMessageSystem(
    store::Database &db, const QString &messageId, const QJsonValue &system);

} // namespace tandem::sync
