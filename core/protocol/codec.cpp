#include "codec.h"

#include <QJsonArray>

#include <algorithm>
#include <atomic>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>

namespace tandem::protocol {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The code unit of a \uXXXX escape starting at data[i] (the backslash), or -1.
int escapedUnit(QByteArrayView data, qsizetype i)
{
    if (i + 5 >= data.size() || data[i + 1] != 'u')
        return -1;
    int unit = 0;
    for (int k = 2; k < 6; ++k) {
        const int h = hexValue(data[i + k]);
        if (h < 0)
            return -1;
        unit = unit * 16 + h;
    }
    return unit;
}

// Qt 6.4's parser drops a raw U+FEFF at the start of any string, taking it for a byte order mark, so
// "\uFEFFhi" would arrive as "hi". The escape survives. Raw EF BB BF can only be inside a string in
// valid JSON (elsewhere the escape is a syntax error, as the raw bytes should be), so escaping every
// one keeps the text and changes nothing else.
QByteArray escapeByteOrderMarks(QByteArray json)
{
    static constexpr char kMark[] = "\xEF\xBB\xBF";
    if (json.contains(kMark))
        json.replace(kMark, "\\ufeff");
    return json;
}

} // namespace

int jsonDepth(QByteArrayView data, int stopAbove)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (inString) {
            if (c == '"') {
                inString = false;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                return -1; // RFC 8259: control characters in strings must be escaped (Qt lets them pass)
            } else if (c == '\\' && i + 1 < data.size()) {
                if (data[i + 1] != 'u') {
                    // Qt's parser reads an unknown escape such as \q as the letter; JSON does not.
                    if (!QByteArrayView("\"\\/bfnrt").contains(data[i + 1]))
                        return -1;
                    ++i;
                    continue;
                }
                const int unit = escapedUnit(data, i);
                if (unit < 0)
                    return -1;
                if (unit >= 0xDC00 && unit <= 0xDFFF)
                    return -1; // a low surrogate without its high one
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    const int low
                        = i + 6 < data.size() && data[i + 6] == '\\' ? escapedUnit(data, i + 6) : -1;
                    if (low < 0xDC00 || low > 0xDFFF)
                        return -1;
                    i += 6;
                }
                i += 5;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
            if (deepest > stopAbove)
                return deepest;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

namespace {

bool nameOutsideTheBmp(const QString &name)
{
    return std::any_of(name.begin(), name.end(), [](QChar c) { return c.isSurrogate(); });
}

// Qt 6.4's QJsonObject orders member names holding characters above U+FFFF (stored as UTF-16
// surrogates) inconsistently with names holding U+E000-U+FFFF, so that value() can miss a member that
// is there, and a frame read, written and read again compares unequal (found by fuzz_clientframes).
// Such a name is never a protocol field: the frame is refused rather than half read (section 2.2).
bool hasNameOutsideTheBmp(const QJsonValue &value, int depth)
{
    if (depth > 64)
        return false; // the depth check before parsing keeps real frames far below this
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            if (nameOutsideTheBmp(it.key()) || hasNameOutsideTheBmp(it.value(), depth + 1))
                return true;
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            if (hasNameOutsideTheBmp(item, depth + 1))
                return true;
    }
    return false;
}

} // namespace

DecodeResult decodeFrame(QByteArrayView utf8, qint64 maxFrameBytes, qint64 maxJsonDepth)
{
    DecodeResult result;
    if (utf8.size() > maxFrameBytes) {
        result.error = FrameError {code::frame_too_big,
            QStringLiteral("the frame is %1 bytes; the limit is %2").arg(utf8.size()).arg(maxFrameBytes),
            close::TooBig};
        return result;
    }
    if (!utf8.isValidUtf8()) {
        result.error = FrameError {code::bad_frame, QStringLiteral("the frame is not valid UTF-8")};
        return result;
    }
    if (utf8.startsWith("\xEF\xBB\xBF")) {
        // §2.2: UTF-8 without a byte order mark (Qt's parser would skip it).
        result.error
            = FrameError {code::bad_frame, QStringLiteral("the frame starts with a byte order mark")};
        return result;
    }
    const int depth = jsonDepth(utf8, int(maxJsonDepth));
    if (depth < 0) {
        result.error = FrameError {code::bad_frame,
            QStringLiteral("the frame holds a string with a lone surrogate escape, an "
                           "invalid escape or an unescaped control character")};
        return result;
    }
    if (depth > maxJsonDepth) {
        result.error = FrameError {
            code::bad_frame, QStringLiteral("the frame nests deeper than %1 levels").arg(maxJsonDepth)};
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document
        = QJsonDocument::fromJson(escapeByteOrderMarks(utf8.toByteArray()), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = FrameError {code::bad_frame,
            QStringLiteral("the frame is not JSON: %1 at byte %2")
                .arg(parseError.errorString())
                .arg(parseError.offset)};
        return result;
    }
    if (!document.isObject()) {
        result.error = FrameError {code::bad_frame, QStringLiteral("the frame is not a JSON object")};
        return result;
    }
    if (hasNameOutsideTheBmp(document.object(), 1)) {
        result.error = FrameError {
            code::bad_frame, QStringLiteral("the frame has a member name with a character above U+FFFF")};
        return result;
    }
    result.frame = document.object();
    const QJsonValue type = result.frame.value(QLatin1StringView("type"));
    if (!type.isString() || type.toString().isEmpty()) {
        result.error = FrameError {code::bad_frame, QStringLiteral("the frame has no type")};
        result.frame = {};
    }
    return result;
}

QByteArray encodeFrame(const QJsonObject &frame)
{
    return escapeByteOrderMarks(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

QJsonObject makeError(const ErrorFrame &error)
{
    QJsonObject frame {{QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("code"), QString(error.code)}, {QStringLiteral("reason"), error.reason.left(1024)},
        {QStringLiteral("retryable"), error.retryable}, {QStringLiteral("fatal"), error.fatal}};
    if (!error.rid.isEmpty())
        frame.insert(QStringLiteral("rid"), error.rid);
    if (!error.spaceId.isEmpty())
        frame.insert(QStringLiteral("space_id"), error.spaceId);
    if (error.retryAfterMs >= 0)
        frame.insert(QStringLiteral("retry_after_ms"), double(error.retryAfterMs));
    if (!error.details.isEmpty())
        frame.insert(QStringLiteral("details"), error.details);
    return frame;
}

namespace {
std::atomic<qint64> g_clockOffsetMs {0};
} // namespace

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch() + g_clockOffsetMs.load(std::memory_order_relaxed);
}

void setClockOffsetForTesting(qint64 offsetMs)
{
    g_clockOffsetMs.store(offsetMs, std::memory_order_relaxed);
}

} // namespace tandem::protocol
