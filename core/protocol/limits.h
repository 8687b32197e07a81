// The limits a server announces in welcome.limits (docs/protocol.md §3.6), with the protocol's defaults
// and ranges. Both sides hold one Limits per connection: the defaults until welcome, then the announced
// values.
#pragma once

#include "util/result.h"

#include <QJsonObject>

namespace tandem::protocol {

struct Limits
{
    qint64 maxFrameBytes = 1048576;
    qint64 maxMessageBodyBytes = 65536;
    qint64 maxEventsPerBatch = 500;
    qint64 maxMutationsInFlight = 64;
    qint64 maxRequestsInFlight = 8;
    qint64 maxUnackedEvents = 2000;
    qint64 maxAttachmentBytes = 104857600;
    qint64 attachmentChunkBytes = 262144;
    qint64 pingIntervalMs = 20000;
    qint64 idleTimeoutMs = 60000;
    qint64 maxJsonDepth = 32;
    qint64 mutationRetentionMs = 7776000000;
    qint64 uploadTtlMs = 604800000;

    [[nodiscard]] QJsonObject toJson() const;
    // Reads welcome.limits: every field must be present and within its range, and the values must fit
    // together (§3.6). Anything else is an Invalid error naming the field.
    static Result<Limits> fromJson(const QJsonObject &object);
    // The §3.6 rules that tie values together; empty when they hold, else the rule that fails.
    [[nodiscard]] QString inconsistency() const;
};

} // namespace tandem::protocol
