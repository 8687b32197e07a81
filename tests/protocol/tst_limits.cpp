// Limits (docs/protocol.md §3.6): welcome.limits is read whole or refused. Every field must be present,
// an integral number within its range, and the values must fit together.
#include "protocol/limits.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace tandem;
using namespace tandem::protocol;

namespace {

struct Range
{
    const char *name;
    double min;
    double max;
};

constexpr double kMaxSafe = 9007199254740991.0;

// The §3.6 table, written out again so that the code cannot drift from the document unnoticed.
const Range kRanges[] = {
    {"max_frame_bytes", 524288, 16777216},
    {"max_message_body_bytes", 1024, 1048576},
    {"max_events_per_batch", 1, 10000},
    {"max_mutations_in_flight", 1, 1024},
    {"max_requests_in_flight", 1, 256},
    {"max_unacked_events", 1, 100000},
    {"max_attachment_bytes", 0, kMaxSafe},
    {"attachment_chunk_bytes", 1024, 4194304},
    {"ping_interval_ms", 1000, 300000},
    {"idle_timeout_ms", 3000, 900000},
    {"max_json_depth", 16, 128},
    {"mutation_retention_ms", 604800000, kMaxSafe},
    {"upload_ttl_ms", 86400000, kMaxSafe},
};

QJsonObject defaults()
{
    return Limits {}.toJson();
}

QJsonObject with(QJsonObject object, const char *name, QJsonValue value)
{
    object.insert(QLatin1StringView(name), value);
    return object;
}

// The bounds of one field in isolation: the other fields are relaxed so that no consistency rule
// interferes with the range check.
QJsonObject relaxed()
{
    QJsonObject o = defaults();
    o.insert(QStringLiteral("max_frame_bytes"), 16777216);
    o.insert(QStringLiteral("max_message_body_bytes"), 1024);
    o.insert(QStringLiteral("attachment_chunk_bytes"), 1024);
    o.insert(QStringLiteral("max_unacked_events"), 100000);
    o.insert(QStringLiteral("max_events_per_batch"), 1);
    o.insert(QStringLiteral("ping_interval_ms"), 1000);
    o.insert(QStringLiteral("idle_timeout_ms"), 900000);
    return o;
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreTheDocumentedOnes()
    {
        const Limits l;
        QCOMPARE(l.maxFrameBytes, 1048576);
        QCOMPARE(l.maxMessageBodyBytes, 65536);
        QCOMPARE(l.maxEventsPerBatch, 500);
        QCOMPARE(l.maxMutationsInFlight, 64);
        QCOMPARE(l.maxRequestsInFlight, 8);
        QCOMPARE(l.maxUnackedEvents, 2000);
        QCOMPARE(l.maxAttachmentBytes, 104857600);
        QCOMPARE(l.attachmentChunkBytes, 262144);
        QCOMPARE(l.pingIntervalMs, 20000);
        QCOMPARE(l.idleTimeoutMs, 60000);
        QCOMPARE(l.maxJsonDepth, 32);
        QCOMPARE(l.mutationRetentionMs, Q_INT64_C(7776000000));
        QCOMPARE(l.uploadTtlMs, 604800000);
        QVERIFY(l.inconsistency().isEmpty());
    }

    void toJsonWritesEveryFieldAndRoundTrips()
    {
        const QJsonObject json = defaults();
        QCOMPARE(json.size(), qsizetype(std::size(kRanges)));
        for (const Range &r : kRanges)
            QVERIFY2(json.contains(QLatin1StringView(r.name)), r.name);
        const auto read = Limits::fromJson(json);
        QVERIFY(read.ok());
        QCOMPARE(read->toJson(), json);
    }

    void readsEveryFieldIntoItsOwnMember()
    {
        QJsonObject o = relaxed();
        o.insert(QStringLiteral("max_mutations_in_flight"), 7);
        o.insert(QStringLiteral("max_requests_in_flight"), 3);
        o.insert(QStringLiteral("max_json_depth"), 17);
        o.insert(QStringLiteral("max_attachment_bytes"), 0);
        const auto read = Limits::fromJson(o);
        QVERIFY(read.ok());
        QCOMPARE(read->toJson(), o);
        QCOMPARE(read->maxMutationsInFlight, 7);
        QCOMPARE(read->maxRequestsInFlight, 3);
        QCOMPARE(read->maxJsonDepth, 17);
        QCOMPARE(read->pingIntervalMs, 1000);
    }

    void acceptsEachBoundAndRefusesOneBeyond_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("accepted");
        for (const Range &r : kRanges) {
            QTest::addRow("%s min", r.name) << QString::fromLatin1(r.name) << r.min << true;
            QTest::addRow("%s max", r.name) << QString::fromLatin1(r.name) << r.max << true;
            QTest::addRow("%s below", r.name) << QString::fromLatin1(r.name) << r.min - 1 << false;
            if (r.max < kMaxSafe)
                QTest::addRow("%s above", r.name) << QString::fromLatin1(r.name) << r.max + 1 << false;
            else
                QTest::addRow("%s 2^53", r.name)
                    << QString::fromLatin1(r.name) << 9007199254740992.0 << false;
        }
    }
    void acceptsEachBoundAndRefusesOneBeyond()
    {
        QFETCH(QString, name);
        QFETCH(double, value);
        QFETCH(bool, accepted);
        QJsonObject o = relaxed();
        o.insert(name, value);
        const auto read = Limits::fromJson(o);
        QCOMPARE(read.ok(), accepted);
        if (!accepted) {
            QCOMPARE(read.error().code, ErrorCode::Invalid);
            QVERIFY2(read.error().message.contains(name), qPrintable(read.error().message));
        }
    }

    void refusesAMissingField()
    {
        for (const Range &r : kRanges) {
            QJsonObject o = defaults();
            o.remove(QLatin1StringView(r.name));
            const auto read = Limits::fromJson(o);
            QVERIFY2(!read.ok(), r.name);
            QVERIFY(read.error().message.contains(QLatin1StringView(r.name)));
        }
    }

    void refusesValuesThatAreNotIntegers_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("fraction") << QJsonValue(1048576.5);
        QTest::newRow("string") << QJsonValue(QStringLiteral("1048576"));
        QTest::newRow("bool") << QJsonValue(true);
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("array") << QJsonValue(QJsonArray {1048576});
        QTest::newRow("1e300") << QJsonValue(1e300);
        QTest::newRow("-1e300") << QJsonValue(-1e300);
        QTest::newRow("2^63") << QJsonValue(9223372036854775808.0);
        QTest::newRow("infinity") << QJsonValue(std::numeric_limits<double>::infinity());
    }
    void refusesValuesThatAreNotIntegers()
    {
        QFETCH(QJsonValue, value);
        for (const Range &r : kRanges) {
            const auto read = Limits::fromJson(with(relaxed(), r.name, value));
            QVERIFY2(!read.ok(), r.name);
        }
    }

    void acceptsIntegralValuesWrittenAsDoubles()
    {
        // §2.2: a receiver accepts any JSON number with an integral value in range.
        QJsonObject o = defaults();
        o.insert(QStringLiteral("max_json_depth"), 32.0);
        o.insert(QStringLiteral("max_events_per_batch"), 5e2);
        const auto read = Limits::fromJson(o);
        QVERIFY(read.ok());
        QCOMPARE(read->maxEventsPerBatch, 500);
    }

    void refusesAnIdleTimeoutBelowTwoPings()
    {
        QJsonObject o = with(defaults(), "ping_interval_ms", 20000);
        QVERIFY(Limits::fromJson(with(o, "idle_timeout_ms", 40000)).ok());
        const auto read = Limits::fromJson(with(o, "idle_timeout_ms", 39999));
        QVERIFY(!read.ok());
        QVERIFY(read.error().message.contains(u"idle_timeout_ms"));
    }

    void refusesAPushWindowSmallerThanABatch()
    {
        QJsonObject o = with(defaults(), "max_events_per_batch", 700);
        QVERIFY(Limits::fromJson(with(o, "max_unacked_events", 700)).ok());
        const auto read = Limits::fromJson(with(o, "max_unacked_events", 699));
        QVERIFY(!read.ok());
        QVERIFY(read.error().message.contains(u"max_unacked_events"));
    }

    void refusesAFrameTooSmallForTheBiggestBody()
    {
        // 6 × body + 393216: a body may grow sixfold when escaped.
        QJsonObject o = with(defaults(), "max_frame_bytes", 6 * 65536 + 393216);
        QVERIFY(Limits::fromJson(o).ok());
        const auto read = Limits::fromJson(with(o, "max_message_body_bytes", 65537));
        QVERIFY(!read.ok());
        QVERIFY(read.error().message.contains(u"max_message_body_bytes"));
    }

    void refusesAFrameTooSmallForAChunk()
    {
        // 4 × ⌈chunk / 3⌉ + 4096: the base64 of a chunk plus the frame around it.
        QJsonObject o = with(with(defaults(), "max_message_body_bytes", 1024), "max_frame_bytes", 524288);
        const qint64 fits = 3 * ((524288 - 4096) / 4);
        QVERIFY(Limits::fromJson(with(o, "attachment_chunk_bytes", double(fits))).ok());
        const auto read = Limits::fromJson(with(o, "attachment_chunk_bytes", double(fits + 1)));
        QVERIFY(!read.ok());
        QVERIFY(read.error().message.contains(u"attachment_chunk_bytes"));
    }

    void inconsistencyNamesTheRuleWithoutReading()
    {
        Limits l;
        l.idleTimeoutMs = l.pingIntervalMs;
        QVERIFY(l.inconsistency().contains(u"idle_timeout_ms"));
        l = Limits {};
        l.maxUnackedEvents = l.maxEventsPerBatch - 1;
        QVERIFY(l.inconsistency().contains(u"max_unacked_events"));
        l = Limits {};
        l.maxMessageBodyBytes = 1048576;
        QVERIFY(l.inconsistency().contains(u"max_message_body_bytes"));
        l = Limits {};
        l.attachmentChunkBytes = 4194304;
        QVERIFY(l.inconsistency().contains(u"attachment_chunk_bytes"));
    }

    void ignoresUnknownFields()
    {
        // §1.3: receivers ignore fields they do not know (a later version may add limits).
        const auto read = Limits::fromJson(with(defaults(), "max_widgets", 3));
        QVERIFY(read.ok());
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
