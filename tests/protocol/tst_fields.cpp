// FieldReader and the §1.2 string types (docs/protocol.md): typed, bounded reads whose first problem is
// named by a JSON Pointer (RFC 6901), integers accepted whenever their value is integral and in range,
// uuids only in lower-case canonical form of version 4 or 7.
#include "protocol/fields.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

using namespace tandem::protocol;

namespace {

const QString kV4 = QStringLiteral("0e6bd3b4-3f6a-4c1e-9a0b-2d7f5e8c9a10");
const QString kV7 = QStringLiteral("019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a05");

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// The 48-bit millisecond timestamp at the front of a version 7 uuid.
qint64 uuidMs(const QString &uuid)
{
    const QString hex = uuid.left(8) + uuid.mid(9, 4);
    return hex.toLongLong(nullptr, 16);
}

} // namespace

class TestFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsArePrintableAsciiUpTo128()
    {
        QVERIFY(isId(QStringLiteral("c_launch")));
        QVERIFY(isId(QString(128, u'~')));
        QVERIFY(isId(QStringLiteral("!")));
        QVERIFY(!isId(QString()));
        QVERIFY(!isId(QString(129, u'a')));
        QVERIFY(!isId(QStringLiteral("a b")));
        QVERIFY(!isId(QStringLiteral("a\x7f")));
        QVERIFY(!isId(QStringLiteral("tab\there")));
        QVERIFY(!isId(QString::fromUtf8("caf\xc3\xa9")));
    }

    void uuidsAreLowerCaseVersion4Or7_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("v4") << kV4 << true;
        QTest::newRow("v7") << kV7 << true;
        QTest::newRow("upper-case v7") << kV7.toUpper() << false;
        QTest::newRow("one upper-case digit")
            << QStringLiteral("019ab6d2-5e10-7c3a-9f21-4b8e2d6c1A05") << false;
        QTest::newRow("v1") << QStringLiteral("019ab6d2-5e10-1c3a-9f21-4b8e2d6c1a05") << false;
        QTest::newRow("v6") << QStringLiteral("019ab6d2-5e10-6c3a-9f21-4b8e2d6c1a05") << false;
        QTest::newRow("nil") << QStringLiteral("00000000-0000-0000-0000-000000000000") << false;
        QTest::newRow("braces") << QStringLiteral("{019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a05}") << false;
        QTest::newRow("no dashes") << QStringLiteral("019ab6d25e107c3a9f214b8e2d6c1a05") << false;
        QTest::newRow("dash moved") << QStringLiteral("019ab6d25-e10-7c3a-9f21-4b8e2d6c1a05") << false;
        QTest::newRow("too long") << kV7 + u'0' << false;
        QTest::newRow("too short") << kV7.chopped(1) << false;
        QTest::newRow("not hex") << QStringLiteral("019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a0g") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void uuidsAreLowerCaseVersion4Or7()
    {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        QCOMPARE(isUuid(value), valid);
        QJsonObject o {{QStringLiteral("m"), value}};
        FieldReader r(o);
        QCOMPARE(r.uuid(QLatin1StringView("m")), valid ? value : QString());
        QCOMPARE(r.ok(), valid);
        if (valid)
            QVERIFY(isId(value)); // every uuid is also an id
    }

    void newUuidIsAValidVersion7WithTheCurrentTime()
    {
        static const QRegularExpression v7(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QSet<QString> seen;
        for (int i = 0; i < 2000; ++i) {
            const qint64 before = QDateTime::currentMSecsSinceEpoch();
            const QString id = newUuid();
            const qint64 after = QDateTime::currentMSecsSinceEpoch();
            QVERIFY2(v7.match(id).hasMatch(), qPrintable(id));
            QVERIFY(isUuid(id));
            QVERIFY(uuidMs(id) >= before && uuidMs(id) <= after);
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 2000); // 74 random bits: no collision
    }

    void newUuidsSortByCreationTimeAcrossMilliseconds()
    {
        QStringList ids;
        for (int i = 0; i < 20; ++i) {
            ids << newUuid();
            QThread::msleep(2);
        }
        QStringList sorted = ids;
        sorted.sort();
        QCOMPARE(sorted, ids);
    }

    void deviceIdsUseASmallAlphabet()
    {
        QVERIFY(isDeviceId(QStringLiteral("dev_A-9")));
        QVERIFY(isDeviceId(QString(64, u'z')));
        QVERIFY(!isDeviceId(QString(65, u'z')));
        QVERIFY(!isDeviceId(QString()));
        QVERIFY(!isDeviceId(QStringLiteral("dev.1")));
        QVERIFY(!isDeviceId(QStringLiteral("dev 1")));
    }

    void linesAndTextCountCodePoints()
    {
        const QString emoji = QString::fromUtf8("\xf0\x9f\x98\x80"); // two UTF-16 units, one code point
        QCOMPARE(codePoints(emoji.repeated(4)), 4);
        QVERIFY(isText(emoji.repeated(4), 4));
        QVERIFY(!isText(emoji.repeated(5), 4));
        QVERIFY(isLine(emoji.repeated(32), 32));
        QVERIFY(!isLine(emoji.repeated(33), 32));
        QVERIFY(isText(QStringLiteral("a\nb\tc"), 5));
        QVERIFY(!isLine(QStringLiteral("a\nb"), 10));
        QVERIFY(!isLine(QStringLiteral("a\x7f"), 10));
        QVERIFY(!isLine(QStringLiteral("a\x1f"), 10));
        QVERIFY(isLine(QString::fromUtf8("\xe6\x8a\xa5\xe9\x94\x80 \xc2\x80"), 4)); // C1 is allowed
        QVERIFY(isLine(QString(), 0));
    }

    void sha256IsSixtyFourLowerCaseHexDigits()
    {
        QVERIFY(isSha256(QString(64, u'a')));
        QVERIFY(!isSha256(QString(64, u'A')));
        QVERIFY(!isSha256(QString(63, u'a')));
        QVERIFY(!isSha256(QString(64, u'g')));
    }

    void integersAcceptAnyIntegralNumberInRange_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("value");
        QTest::newRow("1") << QByteArray(R"({"n":1})") << true << Q_INT64_C(1);
        QTest::newRow("1.0") << QByteArray(R"({"n":1.0})") << true << Q_INT64_C(1);
        QTest::newRow("1e3") << QByteArray(R"({"n":1e3})") << true << Q_INT64_C(1000);
        QTest::newRow("1E+3") << QByteArray(R"({"n":1E+3})") << true << Q_INT64_C(1000);
        QTest::newRow("2.5e1") << QByteArray(R"({"n":2.5e1})") << true << Q_INT64_C(25);
        QTest::newRow("0") << QByteArray(R"({"n":0})") << true << Q_INT64_C(0);
        QTest::newRow("-0") << QByteArray(R"({"n":-0})") << true << Q_INT64_C(0);
        QTest::newRow("2^53-1") << QByteArray(R"({"n":9007199254740991})") << true
                                << Q_INT64_C(9007199254740991);
        QTest::newRow("2^53") << QByteArray(R"({"n":9007199254740992})") << false << Q_INT64_C(0);
        QTest::newRow("2^53+1") << QByteArray(R"({"n":9007199254740993})") << false << Q_INT64_C(0);
        QTest::newRow("2^63") << QByteArray(R"({"n":9223372036854775808})") << false << Q_INT64_C(0);
        QTest::newRow("1e300") << QByteArray(R"({"n":1e300})") << false << Q_INT64_C(0);
        QTest::newRow("-1") << QByteArray(R"({"n":-1})") << false << Q_INT64_C(0);
        QTest::newRow("0.5") << QByteArray(R"({"n":0.5})") << false << Q_INT64_C(0);
        QTest::newRow("1.000001") << QByteArray(R"({"n":1.000001})") << false << Q_INT64_C(0);
        QTest::newRow("1e-3") << QByteArray(R"({"n":1e-3})") << false << Q_INT64_C(0);
        QTest::newRow("string") << QByteArray(R"({"n":"1"})") << false << Q_INT64_C(0);
        QTest::newRow("bool") << QByteArray(R"({"n":true})") << false << Q_INT64_C(0);
        QTest::newRow("null") << QByteArray(R"({"n":null})") << false << Q_INT64_C(0);
        QTest::newRow("missing") << QByteArray(R"({"m":1})") << false << Q_INT64_C(0);
    }
    void integersAcceptAnyIntegralNumberInRange()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QFETCH(qint64, value);
        FieldReader r(parse(json.constData()));
        QCOMPARE(r.integer(QLatin1StringView("n")), value);
        QCOMPARE(r.ok(), valid);
        if (!valid)
            QCOMPARE(r.problemField(), QStringLiteral("/n"));
    }

    void integersHonourTheirOwnRange()
    {
        const QJsonObject o = parse(R"({"neg":-5,"lim":10001,"min":1,"big":-9007199254740991})");
        FieldReader a(o);
        QCOMPARE(a.integer(QLatin1StringView("neg"), -10, 10), -5);
        QCOMPARE(a.integer(QLatin1StringView("min"), 1, 10000), 1);
        QCOMPARE(a.integer(QLatin1StringView("big"), -kMaxSafeInteger), -kMaxSafeInteger);
        QVERIFY(a.ok());
        FieldReader b(o);
        b.integer(QLatin1StringView("lim"), 1, 10000);
        QVERIFY(!b.ok());
        QVERIFY(b.problem().contains(u"1 to 10000"));
        FieldReader c(o);
        c.integer(QLatin1StringView("neg"));
        QCOMPARE(c.problemField(), QStringLiteral("/neg"));
    }

    void optionalFieldsAreAbsentOrValid()
    {
        const QJsonObject o = parse(R"({"n":3,"bad":"x","b":false,"s":"hi","ids":["a","b"]})");
        FieldReader r(o);
        QCOMPARE(r.optInteger(QLatin1StringView("n")), std::optional<qint64>(3));
        QCOMPARE(r.optInteger(QLatin1StringView("absent")), std::nullopt);
        QCOMPARE(r.optBoolean(QLatin1StringView("b")), std::optional<bool>(false));
        QCOMPARE(r.optBoolean(QLatin1StringView("absent")), std::nullopt);
        QCOMPARE(r.optLine(QLatin1StringView("s"), 2), std::optional<QString>(QStringLiteral("hi")));
        QCOMPARE(r.optId(QLatin1StringView("absent")), std::nullopt);
        QCOMPARE(r.optUuid(QLatin1StringView("absent")), std::nullopt);
        QCOMPARE(r.optOneOf(QLatin1StringView("absent"), {"a"}), std::nullopt);
        QCOMPARE(r.optIdList(QLatin1StringView("ids"), 2),
            std::optional<QStringList>({QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(r.ok());
        QCOMPARE(r.optInteger(QLatin1StringView("bad")), std::nullopt);
        QVERIFY(!r.ok());
        QCOMPARE(r.problemField(), QStringLiteral("/bad"));
    }

    void requiredFieldsReportMissingAndWrongTypes_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QByteArray>("json");
        // which: 0 id, 1 uuid, 2 deviceId, 3 ascii, 4 line, 5 text, 6 oneOf, 7 boolean, 8 object, 9 array,
        // 10 idList
        const char *names[] = {"id", "uuid", "deviceId", "ascii", "line", "text", "oneOf", "boolean",
            "object", "array", "idList"};
        for (int which = 0; which <= 10; ++which) {
            QTest::addRow("%s missing", names[which]) << which << QByteArray(R"({"other":1})");
            QTest::addRow("%s number", names[which]) << which << QByteArray(R"({"f":1})");
            QTest::addRow("%s null", names[which]) << which << QByteArray(R"({"f":null})");
        }
        QTest::newRow("id empty") << 0 << QByteArray(R"({"f":""})");
        QTest::newRow("id with space") << 0 << QByteArray(R"({"f":"a b"})");
        QTest::newRow("device id with dot") << 2 << QByteArray(R"({"f":"a.b"})");
        QTest::newRow("ascii too short") << 3 << QByteArray(R"({"f":"abc"})");
        QTest::newRow("ascii too long") << 3 << QByteArray(R"({"f":"abcdefghi"})");
        QTest::newRow("ascii not ascii") << 3 << QByteArray("{\"f\":\"abcd\\u00e9\"}");
        QTest::newRow("line with newline") << 4 << QByteArray("{\"f\":\"a\\nb\"}");
        QTest::newRow("line too long") << 4 << QByteArray(R"({"f":"abcdefghi"})");
        QTest::newRow("text too long") << 5 << QByteArray(R"({"f":"abcdefghi"})");
        QTest::newRow("oneOf not listed") << 6 << QByteArray(R"({"f":"maybe"})");
        QTest::newRow("oneOf case") << 6 << QByteArray(R"({"f":"Yes"})");
        QTest::newRow("boolean string") << 7 << QByteArray(R"({"f":"true"})");
        QTest::newRow("object array") << 8 << QByteArray(R"({"f":[]})");
        QTest::newRow("array object") << 9 << QByteArray(R"({"f":{}})");
        QTest::newRow("array too long") << 9 << QByteArray(R"({"f":[1,2,3,4,5,6,7,8,9]})");
        QTest::newRow("idList repeated") << 10 << QByteArray(R"({"f":["a","a"]})");
        QTest::newRow("idList not ids") << 10 << QByteArray(R"({"f":["a",1]})");
        QTest::newRow("idList empty id") << 10 << QByteArray(R"({"f":[""]})");
        QTest::newRow("idList too long")
            << 10 << QByteArray(R"({"f":["a","b","c","d","e","f","g","h","i"]})");
    }
    void requiredFieldsReportMissingAndWrongTypes()
    {
        QFETCH(int, which);
        QFETCH(QByteArray, json);
        FieldReader r(parse(json.constData()), QStringLiteral("/payload"));
        const QLatin1StringView f("f");
        switch (which) {
        case 0:
            QVERIFY(r.id(f).isEmpty());
            break;
        case 1:
            QVERIFY(r.uuid(f).isEmpty());
            break;
        case 2:
            QVERIFY(r.deviceId(f).isEmpty());
            break;
        case 3:
            QVERIFY(r.ascii(f, 4, 8).isEmpty());
            break;
        case 4:
            QVERIFY(r.line(f, 8).isEmpty());
            break;
        case 5:
            QVERIFY(r.text(f, 8).isEmpty());
            break;
        case 6:
            QVERIFY(r.oneOf(f, {"yes", "no"}).isEmpty());
            break;
        case 7:
            QCOMPARE(r.boolean(f), false);
            break;
        case 8:
            QVERIFY(r.object(f).isEmpty());
            break;
        case 9:
            QVERIFY(r.array(f, 8).isEmpty());
            break;
        case 10:
            QVERIFY(r.idList(f, 8).isEmpty());
            break;
        }
        QVERIFY(!r.ok());
        QCOMPARE(r.problemField(), QStringLiteral("/payload/f"));
        QVERIFY2(r.problem().startsWith(u"/payload/f "), qPrintable(r.problem()));
    }

    void requiredFieldsReadTheirValues()
    {
        const QJsonObject o
            = parse("{\"id\":\"c_launch\",\"uuid\":\"019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a05\","
                    "\"dev\":\"d_1\",\"tok\":\"abcdef\",\"line\":\"Launch team\",\"text\":\"a\\nb\","
                    "\"kind\":\"markdown\",\"b\":true,\"o\":{\"x\":1},\"a\":[1,\"2\"],"
                    "\"ids\":[\"019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a05\"]}");
        FieldReader r(o);
        QCOMPARE(r.id(QLatin1StringView("id")), QStringLiteral("c_launch"));
        QCOMPARE(r.uuid(QLatin1StringView("uuid")), kV7);
        QCOMPARE(r.deviceId(QLatin1StringView("dev")), QStringLiteral("d_1"));
        QCOMPARE(r.ascii(QLatin1StringView("tok"), 6, 6), QStringLiteral("abcdef"));
        QCOMPARE(r.line(QLatin1StringView("line"), 11), QStringLiteral("Launch team"));
        QCOMPARE(r.text(QLatin1StringView("text"), 3), QStringLiteral("a\nb"));
        QCOMPARE(r.oneOf(QLatin1StringView("kind"), {"plain", "markdown"}), QStringLiteral("markdown"));
        QCOMPARE(r.boolean(QLatin1StringView("b")), true);
        QCOMPARE(r.object(QLatin1StringView("o")).value(u"x").toInt(), 1);
        QCOMPARE(r.array(QLatin1StringView("a"), 2).size(), 2);
        QCOMPARE(r.idList(QLatin1StringView("ids"), 1, true), QStringList {kV7});
        QVERIFY(r.has(QLatin1StringView("o")));
        QVERIFY(!r.has(QLatin1StringView("absent")));
        QVERIFY(r.ok());
        QVERIFY(r.problem().isEmpty());
    }

    void idListOfUuidsRefusesPlainIds()
    {
        FieldReader r(parse(R"({"ids":["c_launch"]})"));
        QVERIFY(r.idList(QLatin1StringView("ids"), 4, true).isEmpty());
        QVERIFY(!r.ok());
        QVERIFY(r.problem().contains(u"uuids"));
    }

    void keepsTheFirstProblemOnly()
    {
        FieldReader r(parse(R"({"a":"x","b":"y"})"));
        r.integer(QLatin1StringView("a"));
        r.integer(QLatin1StringView("b"));
        r.fail(QLatin1StringView("c"), QStringLiteral("is wrong"));
        QCOMPARE(r.problemField(), QStringLiteral("/a"));
        // Reads after a problem return empty values even when the field is fine.
        FieldReader s(parse(R"({"a":"x","id":"ok"})"));
        s.integer(QLatin1StringView("a"));
        QVERIFY(s.id(QLatin1StringView("id")).isEmpty());
        QCOMPARE(s.optId(QLatin1StringView("id")), std::nullopt);
    }

    void escapesPointersAsRfc6901Says_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("plain") << QString() << QStringLiteral("body") << QStringLiteral("/body");
        QTest::newRow("slash") << QString() << QStringLiteral("a/b") << QStringLiteral("/a~1b");
        QTest::newRow("tilde") << QString() << QStringLiteral("a~b") << QStringLiteral("/a~0b");
        QTest::newRow("tilde then one") << QString() << QStringLiteral("~1") << QStringLiteral("/~01");
        QTest::newRow("slash then zero") << QString() << QStringLiteral("/0") << QStringLiteral("/~10");
        QTest::newRow("both") << QStringLiteral("/payload") << QStringLiteral("~/~/")
                              << QStringLiteral("/payload/~0~1~0~1");
        QTest::newRow("empty name") << QStringLiteral("/payload") << QString() << QStringLiteral("/payload/");
    }
    void escapesPointersAsRfc6901Says()
    {
        QFETCH(QString, base);
        QFETCH(QString, name);
        QFETCH(QString, pointer);
        const QByteArray latin = name.toLatin1();
        FieldReader r(QJsonObject {}, base);
        QCOMPARE(r.pointerTo(QLatin1StringView(latin)), pointer);
        r.id(QLatin1StringView(latin));
        QCOMPARE(r.problemField(), pointer);
    }

    void nestedReadersReportThroughTheirParent()
    {
        const QJsonObject frame = parse(R"({"type":"mutate","payload":{"body":7,"mentions":["u_bob"]}})");
        FieldReader top(frame);
        FieldReader payload(
            top.object(QLatin1StringView("payload")), top.pointerTo(QLatin1StringView("payload")));
        payload.idList(QLatin1StringView("mentions"), 256);
        payload.text(QLatin1StringView("body"), 100);
        QVERIFY(top.ok());
        top.adopt(payload);
        QVERIFY(!top.ok());
        QCOMPARE(top.problemField(), QStringLiteral("/payload/body"));
        // A parent with its own problem keeps it.
        FieldReader other(frame);
        other.fail(QLatin1StringView("type"), QStringLiteral("is odd"));
        other.adopt(payload);
        QCOMPARE(other.problemField(), QStringLiteral("/type"));
    }

    void failRecordsACallerRule()
    {
        FieldReader r(QJsonObject {}, QStringLiteral("/payload"));
        r.fail(QLatin1StringView("member_ids"), QStringLiteral("must include the creator"));
        QCOMPARE(r.problemField(), QStringLiteral("/payload/member_ids"));
        QCOMPARE(r.problem(), QStringLiteral("/payload/member_ids must include the creator"));
    }
};

QTEST_GUILESS_MAIN(TestFields)
#include "tst_fields.moc"
