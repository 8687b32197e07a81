#include "limits.h"

#include <array>
#include <cmath>

namespace tandem::protocol {

namespace {

constexpr qint64 kMaxSafeInteger = (qint64(1) << 53) - 1;

struct LimitField
{
    const char *name;
    qint64 Limits::*member;
    qint64 min;
    qint64 max;
};

constexpr std::array kFields {
    LimitField {"max_frame_bytes", &Limits::maxFrameBytes, 524288, 16777216},
    LimitField {"max_message_body_bytes", &Limits::maxMessageBodyBytes, 1024, 1048576},
    LimitField {"max_events_per_batch", &Limits::maxEventsPerBatch, 1, 10000},
    LimitField {"max_mutations_in_flight", &Limits::maxMutationsInFlight, 1, 1024},
    LimitField {"max_requests_in_flight", &Limits::maxRequestsInFlight, 1, 256},
    LimitField {"max_unacked_events", &Limits::maxUnackedEvents, 1, 100000},
    LimitField {"max_attachment_bytes", &Limits::maxAttachmentBytes, 0, kMaxSafeInteger},
    LimitField {"attachment_chunk_bytes", &Limits::attachmentChunkBytes, 1024, 4194304},
    LimitField {"ping_interval_ms", &Limits::pingIntervalMs, 1000, 300000},
    LimitField {"idle_timeout_ms", &Limits::idleTimeoutMs, 3000, 900000},
    LimitField {"max_json_depth", &Limits::maxJsonDepth, 16, 128},
    LimitField {"mutation_retention_ms", &Limits::mutationRetentionMs, 604800000, kMaxSafeInteger},
    LimitField {"upload_ttl_ms", &Limits::uploadTtlMs, 86400000, kMaxSafeInteger},
};

} // namespace

QJsonObject Limits::toJson() const
{
    QJsonObject object;
    for (const LimitField &field : kFields)
        object.insert(QLatin1StringView(field.name), double(this->*field.member));
    return object;
}

Result<Limits> Limits::fromJson(const QJsonObject &object)
{
    Limits limits;
    for (const LimitField &field : kFields) {
        const QJsonValue value = object.value(QLatin1StringView(field.name));
        const double number = value.toDouble(-1);
        // Range first, in double: converting 1e300 to qint64 would be undefined behaviour.
        if (!value.isDouble() || !(number >= double(field.min) && number <= double(field.max))
            || number != std::floor(number))
            return Error::make(ErrorCode::Invalid,
                QStringLiteral("limits.%1 is missing or outside %2 to %3")
                    .arg(QLatin1StringView(field.name))
                    .arg(field.min)
                    .arg(field.max));
        limits.*field.member = qint64(number);
    }
    if (const QString problem = limits.inconsistency(); !problem.isEmpty())
        return Error::make(ErrorCode::Invalid, problem);
    return limits;
}

QString Limits::inconsistency() const
{
    if (idleTimeoutMs < 2 * pingIntervalMs)
        return QStringLiteral("idle_timeout_ms must be at least twice ping_interval_ms");
    if (maxUnackedEvents < maxEventsPerBatch)
        return QStringLiteral("max_unacked_events must be at least max_events_per_batch");
    if (maxFrameBytes < 6 * maxMessageBodyBytes + 393216)
        return QStringLiteral("max_frame_bytes is too small for max_message_body_bytes");
    if (maxFrameBytes < 4 * ((attachmentChunkBytes + 2) / 3) + 4096)
        return QStringLiteral("max_frame_bytes is too small for attachment_chunk_bytes");
    return {};
}

} // namespace tandem::protocol
