// Shared by the fuzz targets: decoding a fuzz input the way a peer's frame is decoded, reading every
// member of a decoded object with every typed FieldReader read, and the invariants every target checks.
#pragma once

#include "protocol/codec.h"
#include "protocol/fields.h"
#include "protocol/limits.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace tandem::fuzz {

// A broken invariant is a crash, so libFuzzer keeps the input; the message says which one.
inline void fail(const char *condition, const char *file, int line)
{
    std::fprintf(stderr, "invariant broken at %s:%d: %s\n", file, line, condition);
    std::abort();
}
#define TANDEM_FUZZ_REQUIRE(condition)                                                                       \
    ((condition) ? void(0) : ::tandem::fuzz::fail(#condition, __FILE__, __LINE__))

// Decodes with the default limits; checks the decoder's own promises on the way.
inline std::optional<QJsonObject> decode(const uint8_t *data, size_t size)
{
    const protocol::Limits limits;
    const QByteArrayView bytes(data, qsizetype(size));
    const protocol::DecodeResult result
        = protocol::decodeFrame(bytes, limits.maxFrameBytes, limits.maxJsonDepth);
    if (!result.ok()) {
        TANDEM_FUZZ_REQUIRE(result.frame.isEmpty());
        TANDEM_FUZZ_REQUIRE(result.error->code == protocol::code::bad_frame
            || result.error->code == protocol::code::frame_too_big);
        TANDEM_FUZZ_REQUIRE(result.error->closeCode == protocol::closeCodeFor(result.error->code));
        return std::nullopt;
    }
    TANDEM_FUZZ_REQUIRE(result.frame.value(QLatin1StringView("type")).isString());
    TANDEM_FUZZ_REQUIRE(protocol::jsonDepth(bytes, int(limits.maxJsonDepth)) <= limits.maxJsonDepth);
    // What the decoder accepts, the encoder writes back in a form the decoder accepts again, unchanged.
    const QByteArray again = protocol::encodeFrame(result.frame);
    if (again.size() <= limits.maxFrameBytes) {
        const protocol::DecodeResult second
            = protocol::decodeFrame(again, limits.maxFrameBytes, limits.maxJsonDepth);
        TANDEM_FUZZ_REQUIRE(second.ok());
        TANDEM_FUZZ_REQUIRE(second.frame == result.frame);
    }
    return result.frame;
}

// Every typed read of every member, each on a fresh reader, recursing into objects and arrays of
// objects. Only the absence of crashes and the reader's own consistency are checked.
inline void readEverything(const QJsonObject &object, const QString &pointer, int depth = 0)
{
    if (depth > 40)
        return;
    const QStringList keys = object.keys();
    for (const QString &key : keys) {
        const QByteArray latin = key.toLatin1();
        const QLatin1StringView name(latin);
        const auto check = [&](auto read) {
            protocol::FieldReader reader(object, pointer);
            read(reader);
            TANDEM_FUZZ_REQUIRE(reader.ok() == reader.problem().isEmpty());
            TANDEM_FUZZ_REQUIRE(reader.ok() || reader.problemField().startsWith(pointer + u'/'));
        };
        check([&](protocol::FieldReader &r) { (void)r.id(name); });
        check([&](protocol::FieldReader &r) {
            const QString uuid = r.uuid(name);
            TANDEM_FUZZ_REQUIRE(!r.ok() || protocol::isId(uuid));
        });
        check([&](protocol::FieldReader &r) { (void)r.deviceId(name); });
        check([&](protocol::FieldReader &r) { (void)r.ascii(name, 16, 512); });
        check([&](protocol::FieldReader &r) { (void)r.line(name, 128); });
        check([&](protocol::FieldReader &r) { (void)r.text(name, 1024); });
        check([&](protocol::FieldReader &r) { (void)r.oneOf(name, {"applied", "duplicate", "rejected"}); });
        check([&](protocol::FieldReader &r) {
            const qint64 v = r.integer(name);
            TANDEM_FUZZ_REQUIRE(!r.ok() || (v >= 0 && v <= protocol::kMaxSafeInteger));
        });
        check([&](protocol::FieldReader &r) {
            const qint64 v = r.integer(name, -protocol::kMaxSafeInteger, 10000);
            TANDEM_FUZZ_REQUIRE(!r.ok() || (v >= -protocol::kMaxSafeInteger && v <= 10000));
        });
        check([&](protocol::FieldReader &r) { (void)r.boolean(name); });
        check([&](protocol::FieldReader &r) { (void)r.array(name, 64); });
        check([&](protocol::FieldReader &r) { (void)r.idList(name, 256); });
        check([&](protocol::FieldReader &r) { (void)r.idList(name, 256, true); });
        check([&](protocol::FieldReader &r) {
            (void)r.optInteger(name, 1, 10000);
            (void)r.optLine(name, 32);
            (void)r.optOneOf(name, {"work", "personal"});
        });
        const QJsonValue value = object.value(key);
        if (value.isObject()) {
            protocol::FieldReader parent(object, pointer);
            readEverything(value.toObject(), parent.pointerTo(name), depth + 1);
        } else if (value.isArray()) {
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size() && i < 16; ++i)
                if (items[i].isObject())
                    readEverything(
                        items[i].toObject(), pointer + u'/' + key + u'/' + QString::number(i), depth + 1);
        }
    }
}

} // namespace tandem::fuzz
