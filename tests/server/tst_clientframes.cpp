// The client frame parser (core/protocol/clientframes.h): every hostile shape of a known frame is a
// bad_frame, and mutation payload problems are per-mutation codes, never a crash.
#include "protocol/clientframes.h"
#include "protocol/codes.h"

#include <QJsonArray>
#include <QTest>

using namespace tandem::protocol;
using namespace Qt::StringLiterals;

namespace {
QJsonObject validHello()
{
    return {{u"type"_s, u"hello"_s}, {u"rid"_s, u"r1"_s}, {u"versions"_s, QJsonArray {1}},
        {u"token"_s, u"tk_0123456789abcdef"_s}, {u"device_id"_s, u"dev1"_s},
        {u"client"_s, QJsonObject {{u"name"_s, u"t"_s}, {u"version"_s, u"1"_s}}},
        {u"spaces"_s,
            QJsonArray {QJsonObject {{u"space_id"_s, u"sp"_s}, {u"epoch"_s, u"e"_s}, {u"cursor"_s, 3}}}}};
}
QJsonObject validMutate()
{
    return {{u"type"_s, u"mutate"_s}, {u"rid"_s, u"r2"_s}, {u"space_id"_s, u"sp"_s},
        {u"mutation_id"_s, u"019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a05"_s}, {u"kind"_s, u"message.send"_s},
        {u"created_at"_s, 1764000005000.0}, {u"payload"_s, QJsonObject {}}};
}
const QList<QJsonValue> kWrongValues {QJsonValue(true), QJsonValue(1.5), QJsonValue(u"x"_s),
    QJsonValue(QJsonArray {}), QJsonValue(QJsonObject {}), QJsonValue()};
} // namespace

class TestClientFrames : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validHelloParses()
    {
        const ClientFrame f = parseClientFrame(validHello(), Limits());
        QVERIFY(std::holds_alternative<HelloFrame>(f));
        QCOMPARE(std::get<HelloFrame>(f).spaces.front().cursor, 3);
    }

    void everyWrongTypeInHelloIsBadFrame()
    {
        for (const QString &field : validHello().keys()) {
            if (field == u"type"_s)
                continue;
            for (const QJsonValue &wrong : kWrongValues) {
                QJsonObject o = validHello();
                if (o.value(field) == wrong
                    || (wrong.isString() && (field == u"rid"_s || field == u"device_id"_s))
                    || (wrong.isArray() && field == u"spaces"_s))
                    continue;
                o.insert(field, wrong);
                const ClientFrame f = parseClientFrame(o, Limits());
                QVERIFY2(std::holds_alternative<BadFrame>(f), qPrintable(field));
            }
        }
    }

    void wrongEnvelopeOfMutateIsBadFrame()
    {
        for (const QString &field : validMutate().keys()) {
            if (field == u"type"_s)
                continue;
            for (const QJsonValue &wrong : kWrongValues) {
                QJsonObject o = validMutate();
                o.insert(field, wrong);
                if ((wrong.isString() && (field == u"kind"_s || field == u"rid"_s || field == u"space_id"_s))
                    || (wrong.isObject() && field == u"payload"_s))
                    continue; // valid values of the field; "x" as a kind is checked below
                QVERIFY2(std::holds_alternative<BadFrame>(parseClientFrame(o, Limits())), qPrintable(field));
            }
        }
        QJsonObject badKind = validMutate();
        badKind.insert(u"kind"_s, u"Message.Send"_s);
        QVERIFY(std::holds_alternative<BadFrame>(parseClientFrame(badKind, Limits())));
    }

    void unknownTypeIsUnknownFrameWithRid()
    {
        const ClientFrame f = parseClientFrame({{u"type"_s, u"subscribe"_s}, {u"rid"_s, u"r9"_s}}, Limits());
        QVERIFY(std::holds_alternative<UnknownFrame>(f));
        QCOMPARE(std::get<UnknownFrame>(f).rid, u"r9"_s);
    }

    void hugeArraysAreRefused()
    {
        QJsonObject o = validHello();
        QJsonArray spaces;
        for (int i = 0; i < 65; ++i)
            spaces.append(QJsonObject {{u"space_id"_s, u"s%1"_s.arg(i)}});
        o.insert(u"spaces"_s, spaces);
        QVERIFY(std::holds_alternative<BadFrame>(parseClientFrame(o, Limits())));
        QJsonArray mentions;
        for (int i = 0; i < 257; ++i)
            mentions.append(u"u%1"_s.arg(i));
        const auto r = parseMutationPayload(u"message.send"_s,
            {{u"message_id"_s, u"019ab6d2-5e0f-7a11-8c2e-3d9f4b7a6e12"_s}, {u"conversation_id"_s, u"c"_s},
                {u"body"_s, u"hi"_s}, {u"format"_s, u"plain"_s}, {u"mentions"_s, mentions}},
            Limits());
        QVERIFY(std::holds_alternative<PayloadProblem>(r));
        QCOMPARE(std::get<PayloadProblem>(r).code, code::invalid_payload);
        QCOMPARE(std::get<PayloadProblem>(r).details.value(u"field"_s).toString(), u"/payload/mentions"_s);
    }

    void typingNamesItsSpaceAndConversation()
    {
        const ClientFrame f = parseClientFrame(
            {{u"type"_s, u"typing"_s}, {u"space_id"_s, u"sp"_s}, {u"conversation_id"_s, u"c1"_s}}, Limits());
        QVERIFY(std::holds_alternative<TypingFrame>(f));
        QCOMPARE(std::get<TypingFrame>(f).conversationId, u"c1"_s);
        QCOMPARE(std::get<TypingFrame>(f).spaceId, u"sp"_s);
    }

    void typingWithoutAValidConversationIsBadFrame()
    {
        for (const QJsonValue &wrong : kWrongValues) {
            if (wrong.isString())
                continue;
            const ClientFrame f = parseClientFrame(
                {{u"type"_s, u"typing"_s}, {u"space_id"_s, u"sp"_s}, {u"conversation_id"_s, wrong}},
                Limits());
            QVERIFY(std::holds_alternative<BadFrame>(f));
        }
        QVERIFY(std::holds_alternative<BadFrame>(
            parseClientFrame({{u"type"_s, u"typing"_s}, {u"conversation_id"_s, u"c1"_s}}, Limits())));
        QVERIFY(std::holds_alternative<BadFrame>(parseClientFrame(
            {{u"type"_s, u"typing"_s}, {u"space_id"_s, u"sp"_s}, {u"conversation_id"_s, QString(129, u'c')}},
            Limits())));
    }

    void presenceSetReadsItsChoiceWhenAnnounced()
    {
        const QStringList presence {u"presence"_s};
        const auto r = parseMutationPayload(u"presence.set"_s,
            {{u"status"_s, u"off_duty"_s}, {u"off_until"_s, 1764000005000.0},
                {u"time_zone"_s, u"Asia/Shanghai"_s}, {u"text"_s, u"back at nine"_s}},
            Limits(), presence);
        QVERIFY(std::holds_alternative<MutationPayload>(r));
        const auto &p = std::get<PresenceSet>(std::get<MutationPayload>(r));
        QCOMPARE(p.status, u"off_duty"_s);
        QCOMPARE(p.offUntil, std::optional<qint64>(1764000005000));
        QCOMPARE(p.timeZone, u"Asia/Shanghai"_s);
        QCOMPARE(p.text, u"back at nine"_s);
        for (const QJsonObject &bad : {QJsonObject {{u"status"_s, u"asleep"_s}}, QJsonObject {},
                 QJsonObject {{u"status"_s, u"away"_s}, {u"time_zone"_s, u"Asia//Shanghai"_s}},
                 QJsonObject {{u"status"_s, u"away"_s}, {u"time_zone"_s, u"../../etc/passwd"_s}},
                 QJsonObject {{u"status"_s, u"away"_s}, {u"text"_s, u"a\nb"_s}},
                 QJsonObject {{u"status"_s, u"away"_s}, {u"off_until"_s, -1}}}) {
            const auto rejected = parseMutationPayload(u"presence.set"_s, bad, Limits(), presence);
            QVERIFY2(
                std::holds_alternative<PayloadProblem>(rejected), qPrintable(QString::number(bad.size())));
            QCOMPARE(std::get<PayloadProblem>(rejected).code, code::invalid_payload);
        }
    }

    void payloadCodes()
    {
        const QJsonObject base {{u"message_id"_s, u"019ab6d2-5e0f-7a11-8c2e-3d9f4b7a6e12"_s},
            {u"conversation_id"_s, u"c"_s}, {u"body"_s, QString(70000, u'a')}, {u"format"_s, u"plain"_s}};
        QCOMPARE(std::get<PayloadProblem>(parseMutationPayload(u"message.send"_s, base, Limits())).code,
            code::body_too_long);
        QCOMPARE(std::get<PayloadProblem>(parseMutationPayload(u"task.create"_s, {}, Limits())).code,
            code::unknown_kind);
        QCOMPARE(std::get<PayloadProblem>(parseMutationPayload(u"presence.set"_s, {}, Limits())).code,
            code::feature_not_supported);
        QJsonObject later = base;
        later.insert(u"body"_s, u"hi"_s);
        later.insert(u"deliver_at"_s, 1764000005000.0);
        QCOMPARE(std::get<PayloadProblem>(parseMutationPayload(u"message.send"_s, later, Limits())).code,
            code::feature_not_supported);
        QVERIFY(std::holds_alternative<MutationPayload>(parseMutationPayload(u"conversation.create"_s,
            {{u"conversation_id"_s, u"019ab6d2-5e0f-7a11-8c2e-3d9f4b7a6e12"_s}, {u"kind"_s, u"direct"_s},
                {u"member_ids"_s, QJsonArray {u"u_bob"_s}}},
            Limits())));
        // A direct conversation with two others, a channel without a name: invalid.
        QVERIFY(std::holds_alternative<PayloadProblem>(parseMutationPayload(u"conversation.create"_s,
            {{u"conversation_id"_s, u"019ab6d2-5e0f-7a11-8c2e-3d9f4b7a6e12"_s}, {u"kind"_s, u"channel"_s},
                {u"member_ids"_s, QJsonArray {u"u_bob"_s}}},
            Limits())));
    }

    void base64IsStrict()
    {
        QJsonObject chunk {{u"type"_s, u"upload_chunk"_s}, {u"rid"_s, u"r"_s}, {u"space_id"_s, u"s"_s},
            {u"attachment_id"_s, u"019ab6d2-5e0f-7a11-8c2e-3d9f4b7a6e12"_s}, {u"offset"_s, 0},
            {u"data"_s, u"aGVsbG8="_s}};
        QVERIFY(std::holds_alternative<UploadChunkFrame>(parseClientFrame(chunk, Limits())));
        QCOMPARE(std::get<UploadChunkFrame>(parseClientFrame(chunk, Limits())).data, QByteArray("hello"));
        for (const QString &bad : {u"aGVsbG8"_s, u"aGV=sbG8"_s, u"aGVs bG8="_s, QString()}) {
            chunk.insert(u"data"_s, bad);
            QVERIFY2(std::holds_alternative<BadFrame>(parseClientFrame(chunk, Limits())), qPrintable(bad));
        }
    }
};

QTEST_GUILESS_MAIN(TestClientFrames)
#include "tst_clientframes.moc"
