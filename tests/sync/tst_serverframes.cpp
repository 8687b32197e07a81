// The client's reading of server frames (core/protocol/serverframes.h): every server frame example of
// the protocol document parses, and frames that break the document are refused with the field named.
#include "protocol/codec.h"
#include "protocol/serverframes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tandem;
using namespace tandem::protocol;
using namespace Qt::StringLiterals;

namespace {

QJsonObject example(const QString &type)
{
    QFile f(QStringLiteral(TANDEM_PROTOCOL_EXAMPLES "/%1.json").arg(type));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString problemOf(const Status &s)
{
    return s.ok() ? QString() : s.error().message;
}

template<typename T> Status statusOf(const Result<T> &r)
{
    return r.ok() ? Status() : Status(r.error());
}

Status parseAny(const QJsonObject &frame)
{
    const Limits limits;
    const QString type = frame.value("type"_L1).toString();
    if (type == "login_result"_L1)
        return statusOf(parseLoginResult(frame));
    if (type == "welcome"_L1)
        return statusOf(parseWelcome(frame));
    if (type == "events"_L1)
        return statusOf(parseEvents(frame, limits));
    if (type == "snapshot_page"_L1)
        return statusOf(parseSnapshotPage(frame, limits));
    if (type == "history_page"_L1)
        return statusOf(parseHistoryPage(frame, limits));
    if (type == "result"_L1)
        return statusOf(parseResult(frame));
    if (type == "upload_state"_L1)
        return statusOf(parseUploadState(frame));
    if (type == "download_chunk"_L1)
        return statusOf(parseDownloadChunk(frame, limits));
    if (type == "slow_down"_L1)
        return statusOf(parseSlowDown(frame));
    if (type == "ping"_L1 || type == "pong"_L1)
        return statusOf(parsePingPong(frame));
    if (type == "error"_L1)
        return statusOf(parseError(frame));
    if (type == "typing"_L1)
        return statusOf(parseTyping(frame));
    return Error::make(ErrorCode::Invalid, u"unknown type"_s);
}

} // namespace

class TestServerFrames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyServerExampleParses_data()
    {
        QTest::addColumn<QString>("type");
        for (const char *t : {"login_result", "welcome", "events", "snapshot_page", "history_page", "result",
                 "upload_state", "download_chunk", "slow_down", "ping", "pong", "error", "typing"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }

    void everyServerExampleParses()
    {
        QFETCH(QString, type);
        const QJsonObject frame = example(type);
        QVERIFY2(!frame.isEmpty(), qPrintable(type));
        const Status s = parseAny(frame);
        QVERIFY2(s.ok(), qPrintable(problemOf(s)));
    }

    void theExampleEventsKeepTheirData()
    {
        auto events = parseEvents(example(u"events"_s), Limits());
        QVERIFY(events.ok());
        QVERIFY(!events->events.isEmpty());
        QCOMPARE(events->events.first().kind, u"user.updated"_s);
        QCOMPARE(
            events->events.first().data.value("user"_L1).toObject().value("id"_L1).toString(), u"u_kim"_s);
    }

    void brokenFramesAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("pointer"); // a JSON Pointer into the example
        QTest::addColumn<QJsonValue>("value"); // undefined: remove the member
        QTest::addColumn<QString>("named");
        QTest::newRow("welcome without limits")
            << u"welcome"_s << u"/limits"_s << QJsonValue(QJsonValue::Undefined) << u"/limits"_s;
        QTest::newRow("welcome with a limit out of range")
            << u"welcome"_s << u"/limits/max_frame_bytes"_s << QJsonValue(10) << u"max_frame_bytes"_s;
        QTest::newRow("login_result with a short token")
            << u"login_result"_s << u"/token"_s << QJsonValue(u"abc"_s) << u"/token"_s;
        QTest::newRow("events with a seq of 0")
            << u"events"_s << u"/events/0/seq"_s << QJsonValue(0) << u"/events/0/seq"_s;
        QTest::newRow("events with a fractional head")
            << u"events"_s << u"/head_seq"_s << QJsonValue(1.5) << u"/head_seq"_s;
        QTest::newRow("a user record without user_name")
            << u"events"_s << u"/events/0/data/user/user_name"_s << QJsonValue(QJsonValue::Undefined)
            << u"user_name"_s;
        QTest::newRow("a user name with a control character")
            << u"events"_s << u"/events/0/data/user/display_name"_s << QJsonValue(u"a\u0007b"_s)
            << u"display_name"_s;
        QTest::newRow("result with an unknown status")
            << u"result"_s << u"/status"_s << QJsonValue(u"maybe"_s) << u"/status"_s;
        QTest::newRow("slow_down of an unknown scope")
            << u"slow_down"_s << u"/scope"_s << QJsonValue(QJsonArray {u"everything"_s}) << u"/scope"_s;
        QTest::newRow("error without fatal")
            << u"error"_s << u"/fatal"_s << QJsonValue(QJsonValue::Undefined) << u"/fatal"_s;
        QTest::newRow("typing without who")
            << u"typing"_s << u"/user_id"_s << QJsonValue(QJsonValue::Undefined) << u"user_id"_s;
        QTest::newRow("typing that expires at once")
            << u"typing"_s << u"/expires_in_ms"_s << QJsonValue(0) << u"expires_in_ms"_s;
        QTest::newRow("typing that holds for an hour")
            << u"typing"_s << u"/expires_in_ms"_s << QJsonValue(3600000) << u"expires_in_ms"_s;
        QTest::newRow("download_chunk with bad base64")
            << u"download_chunk"_s << u"/data"_s << QJsonValue(u"!!!"_s) << u"/data"_s;
    }

    void brokenFramesAreRefusedNamingTheField()
    {
        QFETCH(QString, type);
        QFETCH(QString, pointer);
        QFETCH(QJsonValue, value);
        QFETCH(QString, named);
        QJsonObject frame = example(type);
        // Walk the pointer and replace (or remove) the member it names.
        std::function<QJsonValue(QJsonValue, QStringList)> edit
            = [&](QJsonValue at, QStringList path) -> QJsonValue {
            const QString key = path.takeFirst();
            if (at.isArray()) {
                QJsonArray a = at.toArray();
                const int i = key.toInt();
                a[i] = path.isEmpty() ? value : edit(a.at(i), path);
                return a;
            }
            QJsonObject o = at.toObject();
            if (path.isEmpty()) {
                if (value.isUndefined())
                    o.remove(key);
                else
                    o.insert(key, value);
            } else {
                o.insert(key, edit(o.value(key), path));
            }
            return o;
        };
        frame = edit(frame, pointer.mid(1).split(u'/')).toObject();
        const Status s = parseAny(frame);
        QVERIFY2(!s.ok(), qPrintable(pointer));
        QVERIFY2(s.error().message.contains(named), qPrintable(s.error().message));
    }

    void eventsBeyondTheBatchLimitAreRefused()
    {
        Limits limits;
        limits.maxEventsPerBatch = 1;
        QVERIFY(!parseEvents(example(u"events"_s), limits).ok());
    }

    void unknownKindsAndEntitiesPassUnchecked()
    {
        QCOMPARE(eventDataProblem(u"task.created"_s, {{u"whatever"_s, 1}}, u"/data"_s), QString());
        QCOMPARE(recordProblem(u"hologram"_s, {}, u"/records/0/data"_s), QString());
        QVERIFY(
            !eventDataProblem(u"message.deleted"_s, {{u"conversation_id"_s, u"c"_s}}, u"/data"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerFrames)
#include "tst_serverframes.moc"
