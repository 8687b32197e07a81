// decodeFrame (docs/protocol.md §2.2, §9.4): every frame is bounded before Qt's parser sees it. Size
// over max_frame_bytes is frame_too_big (1009); invalid UTF-8, lone surrogate escapes, nesting deeper
// than max_json_depth, malformed JSON, a non-object and a missing type are bad_frame (4000).
#include "protocol/codec.h"
#include "protocol/codes.h"

#include <QJsonDocument>
#include <QTest>

using namespace tandem::protocol;

namespace {

constexpr qint64 kMaxBytes = 1048576;
constexpr qint64 kMaxDepth = 32;

DecodeResult decode(QByteArrayView bytes, qint64 maxBytes = kMaxBytes, qint64 maxDepth = kMaxDepth)
{
    return decodeFrame(bytes, maxBytes, maxDepth);
}

// A frame whose deepest value sits at `depth` (the frame itself is depth 1): {"type":"x","a":[[…]]}.
QByteArray nested(int depth, bool objects = false)
{
    QByteArray value = "0";
    for (int i = 1; i < depth; ++i)
        value = objects ? "{\"k\":" + value + "}" : "[" + value + "]";
    return "{\"type\":\"x\",\"a\":" + value + "}";
}

// A frame of exactly `size` bytes: {"type":"x","p":"aaaa…"}.
QByteArray frameOfSize(qsizetype size)
{
    const QByteArray head = "{\"type\":\"x\",\"p\":\"";
    const QByteArray tail = "\"}";
    return head + QByteArray(size - head.size() - tail.size(), 'a') + tail;
}

void expectBadFrame(const DecodeResult &result)
{
    QVERIFY(!result.ok());
    QCOMPARE(result.error->code, code::bad_frame);
    QCOMPARE(result.error->closeCode, close::Protocol);
    QVERIFY(!result.error->reason.isEmpty());
    QVERIFY(result.frame.isEmpty());
}

} // namespace

class TestCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsAFrameWithAType()
    {
        const auto result = decode(R"({"type":"ping","rid":"r1","time":1764000000000})");
        QVERIFY(result.ok());
        QCOMPARE(result.frame.value(u"type").toString(), QStringLiteral("ping"));
        QCOMPARE(result.frame.value(u"time").toInteger(), Q_INT64_C(1764000000000));
    }

    void acceptsAFrameOfExactlyTheLimit()
    {
        const QByteArray frame = frameOfSize(kMaxBytes);
        QCOMPARE(frame.size(), kMaxBytes);
        QVERIFY(decode(frame).ok());
    }

    void refusesOneByteOverTheLimitAsFrameTooBig()
    {
        const auto result = decode(frameOfSize(kMaxBytes + 1));
        QVERIFY(!result.ok());
        QCOMPARE(result.error->code, code::frame_too_big);
        QCOMPARE(result.error->closeCode, close::TooBig);
        QCOMPARE(result.error->closeCode, quint16(1009));
        QCOMPARE(closeCodeFor(result.error->code), close::TooBig);
    }

    void checksTheSizeBeforeAnythingElse()
    {
        // Too big and invalid at once: the size wins, without looking at the bytes.
        QByteArray frame(600, '\xff');
        const auto result = decode(frame, 512);
        QCOMPARE(result.error->code, code::frame_too_big);
    }

    void refusesInvalidUtf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lone continuation byte") << QByteArray("{\"type\":\"x\",\"s\":\"\x80\"}");
        QTest::newRow("truncated sequence") << QByteArray("{\"type\":\"x\",\"s\":\"\xe4\xb8\"}");
        QTest::newRow("overlong slash") << QByteArray("{\"type\":\"x\",\"s\":\"\xc0\xaf\"}");
        QTest::newRow("encoded surrogate") << QByteArray("{\"type\":\"x\",\"s\":\"\xed\xa0\x80\"}");
        QTest::newRow("beyond U+10FFFF") << QByteArray("{\"type\":\"x\",\"s\":\"\xf4\x90\x80\x80\"}");
        QTest::newRow("0xFF") << QByteArray("{\"type\":\"x\",\"s\":\"\xff\"}");
        QTest::newRow("invalid byte outside a string") << QByteArray("{\"type\":\"x\"}\xfe");
    }
    void refusesInvalidUtf8()
    {
        QFETCH(QByteArray, bytes);
        expectBadFrame(decode(bytes));
    }

    void acceptsMultibyteUtf8AndSurrogatePairs()
    {
        const auto result = decode("{\"type\":\"x\",\"s\":\"\xe6\x8a\xa5\xe9\x94\x80 \xf0\x9f\x98\x80\","
                                   "\"e\":\"\\ud83d\\ude00\"}");
        QVERIFY(result.ok());
        QCOMPARE(result.frame.value(u"e").toString(), QString::fromUtf8("\xf0\x9f\x98\x80"));
        QCOMPARE(result.frame.value(u"s").toString(),
            QString::fromUtf8("\xe6\x8a\xa5\xe9\x94\x80 \xf0\x9f\x98\x80"));
    }

    // Found by fuzz_clientframes: with a name above U+FFFF beside one in U+E000-U+FFFF, Qt 6.4's
    // QJsonObject misses members that are there. Such names are refused, at any depth; values are not.
    void refusesMemberNamesAboveTheBmp_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("escaped") << QByteArray(
            "{\"type\":\"hello\",\"\\ud83d\\ude00rid\":\"r2\",\"\\ufeffd\":1}");
        QTest::newRow("raw") << QByteArray("{\"type\":\"hello\",\"\xf0\x9f\x98\x80\":1}");
        QTest::newRow("nested") << QByteArray("{\"type\":\"x\",\"a\":[{\"b\":{\"\xf0\x9f\x98\x80\":1}}]}");
    }
    void refusesMemberNamesAboveTheBmp()
    {
        QFETCH(QByteArray, bytes);
        expectBadFrame(decode(bytes));
    }
    void acceptsNamesInTheBmpAndAnyValues()
    {
        const auto result = decode("{\"type\":\"x\",\"\\ufeffa\":1,\"\xe4\xbc\x9a\":\"\xf0\x9f\x98\x80\"}");
        QVERIFY(result.ok());
        QCOMPARE(result.frame.value(QString::fromUtf8("\xe4\xbc\x9a")).toString(),
            QString::fromUtf8("\xf0\x9f\x98\x80"));
        QVERIFY(result.frame.contains(u"\ufeffa"));
    }

    void refusesLoneSurrogateEscapes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("high alone") << QByteArray("{\"type\":\"x\",\"s\":\"a\\ud800b\"}");
        QTest::newRow("low alone") << QByteArray("{\"type\":\"x\",\"s\":\"a\\udc00b\"}");
        QTest::newRow("low then high") << QByteArray("{\"type\":\"x\",\"s\":\"\\udc00\\ud800\"}");
        QTest::newRow("high at string end") << QByteArray("{\"type\":\"x\",\"s\":\"\\ud800\"}");
        QTest::newRow("low at string end") << QByteArray("{\"type\":\"x\",\"s\":\"\\udfff\"}");
        QTest::newRow("high, then escaped backslash")
            << QByteArray("{\"type\":\"x\",\"s\":\"\\ud800\\\\udc00\"}");
        QTest::newRow("two highs") << QByteArray("{\"type\":\"x\",\"s\":\"\\ud800\\ud800\"}");
        QTest::newRow("high then plain char") << QByteArray("{\"type\":\"x\",\"s\":\"\\uD800x\"}");
        QTest::newRow("upper-case low alone") << QByteArray("{\"type\":\"x\",\"s\":\"\\uDFFF\"}");
        QTest::newRow("in a member name") << QByteArray("{\"type\":\"x\",\"\\ud800\":1}");
        QTest::newRow("high at frame end") << QByteArray("{\"type\":\"x\",\"s\":\"\\ud800");
    }
    void refusesLoneSurrogateEscapes()
    {
        QFETCH(QByteArray, bytes);
        expectBadFrame(decode(bytes));
    }

    void acceptsEscapesThatOnlyLookLikeSurrogates()
    {
        // An escaped backslash followed by "ud800" is the text \ud800, not an escape.
        const auto result = decode("{\"type\":\"x\",\"s\":\"\\\\ud800\",\"t\":\"\\u00e9\\ud7ff\\ue000\"}");
        QVERIFY(result.ok());
        QCOMPARE(result.frame.value(u"s").toString(), QStringLiteral("\\ud800"));
        QCOMPARE(result.frame.value(u"t").toString(), QString::fromUtf8("\xc3\xa9\xed\x9f\xbf\xee\x80\x80"));
    }

    void acceptsNestingExactlyAtTheLimit()
    {
        QCOMPARE(jsonDepth(nested(kMaxDepth), 1000), kMaxDepth);
        QVERIFY(decode(nested(kMaxDepth)).ok());
        QVERIFY(decode(nested(kMaxDepth, true)).ok());
        QVERIFY(decode(nested(16), kMaxBytes, 16).ok());
    }

    void refusesNestingOneOverTheLimit()
    {
        QCOMPARE(jsonDepth(nested(kMaxDepth + 1), 1000), kMaxDepth + 1);
        expectBadFrame(decode(nested(kMaxDepth + 1)));
        expectBadFrame(decode(nested(kMaxDepth + 1, true)));
        expectBadFrame(decode(nested(17), kMaxBytes, 16));
    }

    void refusesDeepNestingWithoutParsingIt()
    {
        // 500,000 opening brackets would cost Qt's parser its stack; the counter stops early.
        const QByteArray deep = "{\"type\":\"x\",\"a\":" + QByteArray(500000, '[');
        QCOMPARE(jsonDepth(deep, 32), 33);
        expectBadFrame(decode(deep));
    }

    void countsTheFrameItselfAsDepthOne()
    {
        QCOMPARE(jsonDepth("{}", 100), 1);
        QCOMPARE(jsonDepth(R"({"a":{"b":[1,2,{"c":[]}]}})", 100), 5);
        QCOMPARE(jsonDepth("[[],[],[]]", 100), 2);
        QCOMPARE(jsonDepth("42", 100), 0);
    }

    void ignoresBracketsInsideStrings()
    {
        const QByteArray brackets
            = "{\"type\":\"x\",\"s\":\"" + QByteArray(100, '[') + QByteArray(100, '{') + "\"}";
        QCOMPARE(jsonDepth(brackets, 1000), 1);
        QVERIFY(decode(brackets).ok());
        // An escaped quote does not end the string, so the brackets after it are still text.
        const QByteArray escaped = "{\"type\":\"x\",\"s\":\"\\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\\\"}";
        QCOMPARE(jsonDepth(escaped, 1000), 1);
        const auto result = decode(escaped, kMaxBytes, 16);
        QVERIFY(result.ok());
        QVERIFY(result.frame.value(u"s").toString().startsWith(u"\"[[["));
        QVERIFY(result.frame.value(u"s").toString().endsWith(u'\\'));
    }

    void countsBracketsAfterAnEscapedBackslashEndsTheString()
    {
        // "\\" is a complete string: the quote after the backslash pair closes it, so the brackets
        // that follow are structure and count.
        QByteArray frame
            = "{\"type\":\"x\",\"s\":\"\\\\\",\"a\":" + QByteArray(20, '[') + QByteArray(20, ']') + "}";
        QCOMPARE(jsonDepth(frame, 1000), 21);
        expectBadFrame(decode(frame, kMaxBytes, 16));
        QVERIFY(decode(frame, kMaxBytes, 21).ok());
    }

    void acceptsWhatJsonAllowsAroundStrings()
    {
        // White space (new lines included) between tokens, DEL and escaped NUL inside strings are JSON.
        const auto result = decode("\n {\"type\" :\t\"x\",\r\n \"s\":\"a\x7f\\u0000\"}\n");
        QVERIFY(result.ok());
        QCOMPARE(result.frame.value(u"s").toString(), QStringLiteral("a\x7f") + QChar(0));
    }

    void escapedQuotesAndMemberNamesSurvive()
    {
        const auto result = decode("{\"type\":\"x\",\"a\\\"b\":\"c\\\"d\",\"e\":\"\\/\\b\\f\\n\\r\\t\"}");
        QVERIFY(result.ok());
        QCOMPARE(result.frame.value(u"a\"b").toString(), QStringLiteral("c\"d"));
        QCOMPARE(result.frame.value(u"e").toString(), QStringLiteral("/\b\f\n\r\t"));
    }

    void refusesMalformedJson_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("white space") << QByteArray("   ");
        QTest::newRow("unterminated object") << QByteArray(R"({"type":"x")");
        QTest::newRow("unterminated string") << QByteArray("{\"type\":\"x");
        QTest::newRow("trailing comma") << QByteArray(R"({"type":"x",})");
        QTest::newRow("single quotes") << QByteArray("{'type':'x'}");
        QTest::newRow("trailing garbage") << QByteArray(R"({"type":"x"}x)");
        QTest::newRow("two objects") << QByteArray(R"({"type":"x"}{"type":"y"})");
        QTest::newRow("bad escape") << QByteArray("{\"type\":\"x\",\"s\":\"\\q\"}");
        QTest::newRow("short unicode escape") << QByteArray("{\"type\":\"x\",\"s\":\"\\u12\"}");
        QTest::newRow("NaN") << QByteArray(R"({"type":"x","n":NaN})");
        QTest::newRow("leading zero") << QByteArray(R"({"type":"x","n":01})");
        QTest::newRow("unbalanced close") << QByteArray(R"({"type":"x"}])");
        QTest::newRow("upper-case U escape") << QByteArray("{\"type\":\"x\",\"s\":\"\\U0041\"}");
        QTest::newRow("raw control character") << QByteArray("{\"type\":\"x\",\"s\":\"a\x01b\"}");
        QTest::newRow("raw new line in a string") << QByteArray("{\"type\":\"x\",\"s\":\"a\nb\"}");
        QTest::newRow("raw NUL in a string") << QByteArray("{\"type\":\"x\",\"s\":\"a\0b\"}", 21);
        QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{\"type\":\"x\"}");
        QTest::newRow("close before open") << QByteArray(R"(]]]]{"type":"x"})");
    }
    void refusesMalformedJson()
    {
        QFETCH(QByteArray, bytes);
        expectBadFrame(decode(bytes));
    }

    void refusesAValueThatIsNotAnObject_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("array") << QByteArray(R"([{"type":"x"}])");
        QTest::newRow("string") << QByteArray(R"("type")");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("true") << QByteArray("true");
    }
    void refusesAValueThatIsNotAnObject()
    {
        QFETCH(QByteArray, bytes);
        expectBadFrame(decode(bytes));
    }

    void refusesAFrameWithoutAStringType_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("no type") << QByteArray(R"({"rid":"r1"})");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("empty type") << QByteArray(R"({"type":""})");
        QTest::newRow("number type") << QByteArray(R"({"type":1})");
        QTest::newRow("null type") << QByteArray(R"({"type":null})");
        QTest::newRow("object type") << QByteArray(R"({"type":{"type":"x"}})");
        QTest::newRow("nested type only") << QByteArray(R"({"payload":{"type":"x"}})");
    }
    void refusesAFrameWithoutAStringType()
    {
        QFETCH(QByteArray, bytes);
        expectBadFrame(decode(bytes));
    }

    void encodesCompactlyAndRoundTrips()
    {
        const QJsonObject frame {{QStringLiteral("type"), QStringLiteral("pong")},
            {QStringLiteral("rid"), QStringLiteral("s1")},
            {QStringLiteral("text"), QString::fromUtf8("\xe4\xbd\xa0\xe5\xa5\xbd \xf0\x9f\x98\x80")}};
        const QByteArray bytes = encodeFrame(frame);
        QVERIFY(!bytes.contains('\n'));
        QVERIFY(!bytes.contains(": "));
        const auto result = decode(bytes);
        QVERIFY(result.ok());
        QCOMPARE(result.frame, frame);
    }

    void keepsAZeroWidthNoBreakSpaceAtTheStartOfAString()
    {
        // Qt's parser alone would drop a raw U+FEFF that starts a string (found by fuzz_serverframes).
        const QString body = QChar(0xFEFF) + QStringLiteral("hi");
        const auto raw = decode("{\"type\":\"x\",\"\xef\xbb\xbfk\":\"\xef\xbb\xbfhi\"}");
        QVERIFY(raw.ok());
        QCOMPARE(raw.frame.value(u"k").toString(), QString());
        QCOMPARE(raw.frame.value(QChar(0xFEFF) + QStringLiteral("k")).toString(), body);
        const QJsonObject frame {
            {QStringLiteral("type"), QStringLiteral("x")}, {QStringLiteral("body"), body}};
        const auto again = decode(encodeFrame(frame));
        QVERIFY(again.ok());
        QCOMPARE(again.frame, frame);
        // Between tokens it is not white space.
        expectBadFrame(decode("{\"type\":\"x\",\xef\xbb\xbf\"k\":1}"));
    }

    void makesErrorFramesWithOnlyTheMembersGiven()
    {
        ErrorFrame minimal;
        minimal.code = code::bad_frame;
        minimal.reason = QStringLiteral("broken");
        const QJsonObject bare = makeError(minimal);
        QCOMPARE(bare.keys(),
            (QStringList {QStringLiteral("code"), QStringLiteral("fatal"), QStringLiteral("reason"),
                QStringLiteral("retryable"), QStringLiteral("type")}));
        QCOMPARE(bare.value(u"type").toString(), QStringLiteral("error"));
        QCOMPARE(bare.value(u"code").toString(), QStringLiteral("bad_frame"));

        ErrorFrame full;
        full.code = code::server_shutdown;
        full.reason = QString(5000, u'x');
        full.retryable = true;
        full.fatal = true;
        full.rid = QStringLiteral("r9");
        full.spaceId = QStringLiteral("sp_demo_work");
        full.retryAfterMs = 0;
        full.details = {{QStringLiteral("limit"), QStringLiteral("max_frame_bytes")}};
        const QJsonObject error = makeError(full);
        QCOMPARE(error.value(u"reason").toString().size(), 1024); // text(1024)
        QCOMPARE(error.value(u"rid").toString(), QStringLiteral("r9"));
        QCOMPARE(error.value(u"space_id").toString(), QStringLiteral("sp_demo_work"));
        QCOMPARE(error.value(u"retry_after_ms").toInteger(-1), 0);
        QCOMPARE(error.value(u"fatal").toBool(), true);
        QCOMPARE(
            error.value(u"details").toObject().value(u"limit").toString(), QStringLiteral("max_frame_bytes"));
    }

    void mapsFatalCodesToTheirCloseCodes()
    {
        QCOMPARE(closeCodeFor(code::bad_frame), quint16(4000));
        QCOMPARE(closeCodeFor(code::unexpected_frame), quint16(4000));
        QCOMPARE(closeCodeFor(code::frame_too_big), quint16(1009));
        QCOMPARE(closeCodeFor(code::unsupported_version), quint16(4001));
        QCOMPARE(closeCodeFor(code::token_invalid), quint16(1008));
        QCOMPARE(closeCodeFor(code::device_revoked), quint16(1008));
        QCOMPARE(closeCodeFor(code::space_revoked), quint16(1008));
        QCOMPARE(closeCodeFor(code::too_many_in_flight), quint16(4003));
        QCOMPARE(closeCodeFor(code::rate_limited), quint16(4003));
        QCOMPARE(closeCodeFor(code::idle_timeout), quint16(4002));
        QCOMPARE(closeCodeFor(code::session_replaced), quint16(4004));
        QCOMPARE(closeCodeFor(code::internal_error), quint16(1011));
        QCOMPARE(closeCodeFor(code::server_shutdown), quint16(1001));
        QCOMPARE(closeCodeFor(code::not_found), quint16(0));
        QCOMPARE(closeCodeFor(code::unknown_frame_type), quint16(0));
    }
};

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
