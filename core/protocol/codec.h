// Frames on the wire (docs/protocol.md §2.2): one JSON object per WebSocket text message. The decoder
// bounds everything before Qt's parser sees the bytes: size, UTF-8 validity, nesting depth and lone
// surrogate escapes, so a hostile peer costs at most one pass over max_frame_bytes.
#pragma once

#include "codes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tandem::protocol {

// Why a frame could not be decoded: the error code to send (bad_frame or frame_too_big) and its close
// code.
struct FrameError
{
    QLatin1StringView code;
    QString reason;
    quint16 closeCode = close::Protocol;
};

struct DecodeResult
{
    QJsonObject frame; // valid when error is empty
    std::optional<FrameError> error;
    [[nodiscard]] bool ok() const { return !error.has_value(); }
};

// Decodes one text message. The result's frame is an object with a string "type".
DecodeResult decodeFrame(QByteArrayView utf8, qint64 maxFrameBytes, qint64 maxJsonDepth);

// Compact UTF-8 JSON of a frame.
QByteArray encodeFrame(const QJsonObject &frame);

// An error frame (§10.1). Optional members are omitted when empty / zero.
struct ErrorFrame
{
    QLatin1StringView code;
    QString reason;
    bool retryable = false;
    bool fatal = false;
    QString rid;
    QString spaceId;
    qint64 retryAfterMs = -1;
    QJsonObject details;
};
QJsonObject makeError(const ErrorFrame &error);

// Depth of the deepest object/array in a JSON text (the outermost value is depth 1), or -1 if a string
// holds a lone surrogate escape, an escape JSON does not have, or an unescaped control character.
// Stops counting at `stopAbove` + 1. Exposed for the tests.
int jsonDepth(QByteArrayView utf8, int stopAbove);

// Milliseconds since the Unix epoch, now.
qint64 nowMs();
// Test-only (tandem-server --clock-offset-ms): shifts what nowMs() returns in this process, so that
// tests reach a time of day (a recipient's 09:00) without waiting for it. Never set in production.
void setClockOffsetForTesting(qint64 offsetMs);

} // namespace tandem::protocol
