// Fuzz target: what a server reads from a client (core/protocol/clientframes): the frame envelope and,
// for mutate, the payload of its kind, with the default limits and with the smallest allowed ones.
#include "fuzzsupport.h"

#include "protocol/clientframes.h"

using namespace tandem;

namespace {

protocol::Limits smallest()
{
    protocol::Limits limits;
    limits.maxFrameBytes = 524288;
    limits.maxMessageBodyBytes = 1024;
    limits.maxEventsPerBatch = 1;
    limits.maxMutationsInFlight = 1;
    limits.maxRequestsInFlight = 1;
    limits.maxUnackedEvents = 1;
    limits.maxAttachmentBytes = 0;
    limits.attachmentChunkBytes = 1024;
    limits.maxJsonDepth = 16;
    return limits;
}

void parse(const QJsonObject &frame, const protocol::Limits &limits)
{
    const protocol::ClientFrame parsed = protocol::parseClientFrame(frame, limits);
    if (const auto *mutate = std::get_if<protocol::MutateFrame>(&parsed)) {
        TANDEM_FUZZ_REQUIRE(protocol::isUuid(mutate->mutationId));
        for (const QStringList &features : {QStringList {},
                 QStringList {
                     QStringLiteral("deliver_at"), QStringLiteral("urgent"), QStringLiteral("presence")}}) {
            const auto payload
                = protocol::parseMutationPayload(mutate->kind, mutate->payload, limits, features);
            if (const auto *problem = std::get_if<protocol::PayloadProblem>(&payload))
                TANDEM_FUZZ_REQUIRE(!problem->code.isEmpty() && !problem->reason.isEmpty());
        }
    }
    if (const auto *bad = std::get_if<protocol::BadFrame>(&parsed))
        TANDEM_FUZZ_REQUIRE(!bad->reason.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> frame = fuzz::decode(data, size);
    if (!frame)
        return 0;
    parse(*frame, protocol::Limits {});
    parse(*frame, smallest());
    // A payload on its own, for every v1 kind: the fuzzer need not find a valid envelope first.
    const QJsonObject payload = frame->value(QLatin1StringView("payload")).toObject();
    const QString kind = frame->value(QLatin1StringView("kind")).toString();
    (void)protocol::parseMutationPayload(kind, payload.isEmpty() ? *frame : payload, protocol::Limits {});
    return 0;
}
