// Fuzz target: what a client reads from a server (core/protocol/serverframes). Every parser sees every
// decoded frame, whatever its type, and the record and event checks see every nested object.
#include "fuzzsupport.h"

#include "protocol/serverframes.h"

using namespace tandem;

namespace {

void checkNested(const QJsonObject &object, int depth)
{
    if (depth > 8)
        return;
    static const char *const entities[] = {"space", "organisation", "user", "device", "conversation", "prefs",
        "member", "message", "receipt", "pin", "saved", "presence"};
    const QString kind = object.value(QLatin1StringView("kind")).toString();
    const QJsonObject data = object.value(QLatin1StringView("data")).toObject();
    (void)protocol::eventDataProblem(kind, data.isEmpty() ? object : data, QStringLiteral("/data"));
    const QString entity = object.value(QLatin1StringView("entity")).toString();
    (void)protocol::recordProblem(entity, data.isEmpty() ? object : data, QStringLiteral("/records/0"));
    for (const char *name : entities)
        (void)protocol::recordProblem(QString::fromLatin1(name), object, QStringLiteral("/r"));
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it->isObject()) {
            checkNested(it->toObject(), depth + 1);
        } else if (it->isArray()) {
            const QJsonArray items = it->toArray();
            for (qsizetype i = 0; i < items.size() && i < 8; ++i)
                if (items[i].isObject())
                    checkNested(items[i].toObject(), depth + 1);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> frame = fuzz::decode(data, size);
    if (!frame)
        return 0;
    const protocol::Limits limits;
    (void)protocol::parseLoginResult(*frame);
    if (const auto welcome = protocol::parseWelcome(*frame); !welcome.ok())
        TANDEM_FUZZ_REQUIRE(!welcome.error().message.isEmpty());
    (void)protocol::parseEvents(*frame, limits);
    (void)protocol::parseSnapshotPage(*frame, limits);
    (void)protocol::parseHistoryPage(*frame, limits);
    (void)protocol::parseResult(*frame);
    (void)protocol::parseUploadState(*frame);
    (void)protocol::parseDownloadChunk(*frame, limits);
    (void)protocol::parseSlowDown(*frame);
    (void)protocol::parsePingPong(*frame);
    (void)protocol::parseError(*frame);
    checkNested(*frame, 0);
    return 0;
}
