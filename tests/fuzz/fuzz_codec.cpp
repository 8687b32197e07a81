// Fuzz target: the shared codec (core/protocol/codec, fields, limits) on arbitrary bytes. Any crash,
// sanitizer report or broken invariant (fuzzsupport.h) fails.
#include "fuzzsupport.h"

using namespace tandem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The depth counter on its own, with a small and a large stop, on bytes the decoder may refuse.
    const QByteArrayView bytes(data, qsizetype(size));
    const int shallow = protocol::jsonDepth(bytes, 4);
    const int deep = protocol::jsonDepth(bytes, 1 << 20);
    TANDEM_FUZZ_REQUIRE(shallow <= 5);
    // Below the stop both agree; past it the deep count goes on (or finds a bad string further on).
    TANDEM_FUZZ_REQUIRE(shallow <= 4 ? deep == shallow : (deep < 0 || deep >= 5));

    const std::optional<QJsonObject> frame = fuzz::decode(data, size);
    if (!frame)
        return 0;
    fuzz::readEverything(*frame, QString());

    // welcome.limits, or the frame itself read as limits: accepted values are in range and consistent.
    for (const QJsonObject &candidate : {*frame, frame->value(QLatin1StringView("limits")).toObject()}) {
        const Result<protocol::Limits> limits = protocol::Limits::fromJson(candidate);
        if (limits) {
            TANDEM_FUZZ_REQUIRE(limits->inconsistency().isEmpty());
            const Result<protocol::Limits> again = protocol::Limits::fromJson(limits->toJson());
            TANDEM_FUZZ_REQUIRE(again.ok() && again->toJson() == limits->toJson());
        }
    }
    return 0;
}
