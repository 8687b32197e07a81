// tandem-server end to end: login, hello and welcome, per-account streams, snapshots, fetch, history,
// mutations, attachments, revocation and the admin CLI, against the real binary with the demo data.
#include "serverfixture.h"

#include <QCryptographicHash>
#include <QTest>

using namespace tandem::testing;
using namespace Qt::StringLiterals;

namespace {
const QString kWork = u"sp_demo_work"_s;
const QString kPersonal = u"sp_demo_personal"_s;
const QString kOther = u"sp_other_work"_s;
// Conversation ids of the demo seed (server/demoseed.cpp).
const QString kGeneral = u"00000000-0000-4000-8000-000000000001"_s;
const QString kLaunch = u"00000000-0000-4000-8000-000000000002"_s;
const QString kAliceBob = u"00000000-0000-4000-8000-000000000004"_s;
const QString kOtherTeam = u"00000000-0000-4000-8000-000000000008"_s;

QJsonObject sendPayload(const QString &conversation, const QString &body)
{
    return {{u"message_id"_s, tandem::protocol::newUuid()}, {u"conversation_id"_s, conversation},
        {u"body"_s, body}, {u"format"_s, u"plain"_s}};
}
} // namespace

class TestServerSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServerProcess m_server;

    // A ready connection of `user` syncing `spaces` (status snapshot: nothing is pushed).
    std::unique_ptr<TestClient> ready(const QString &user, const QStringList &spaces,
        QJsonObject *welcome = nullptr, TestClient::Login *login = nullptr)
    {
        auto c = std::make_unique<TestClient>();
        const QJsonObject w = c->connectFromStart(m_server.url(), user, spaces, login);
        if (welcome)
            *welcome = w;
        return c;
    }

    // A connection that resumes `space` from seq 0 of its current epoch, so the whole stream is pushed.
    std::unique_ptr<TestClient> fromZero(
        const QString &user, const QString &space, qint64 *head, TestClient::Login *loginOut = nullptr)
    {
        TestClient::Login login;
        QJsonObject w;
        auto first = ready(user, {space}, &w, &login);
        const QJsonObject status = statusOf(w, space);
        first->socket().close();
        auto c = std::make_unique<TestClient>();
        if (!c->open(m_server.url()))
            return {};
        const QJsonObject w2 = c->hello(login, {spaceRequest(space, status.value(u"epoch"_s).toString(), 0)});
        *head = qint64(statusOf(w2, space).value(u"head_seq"_s).toDouble());
        if (statusOf(w2, space).value(u"status"_s).toString() != u"resume"_s)
            return {};
        if (loginOut)
            *loginOut = login;
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Small batches and window, so catch-up needs several frames and acks. Without presence, so
        // that streams only grow by what the tests do (presence is the conformance suite's P items).
        QVERIFY(m_server.start(m_dir.path(),
            {u"--demo"_s, u"--limit"_s, u"max_events_per_batch=50"_s, u"--limit"_s,
                u"max_unacked_events=120"_s, u"--mutation-rate"_s, u"1000"_s, u"--no-presence"_s,
                u"--no-scheduled-send"_s, u"--no-urgent"_s}));
    }

    void welcomeSelectsSubprotocolAndAnnouncesLimits()
    {
        QJsonObject w;
        auto c = ready(u"alice"_s, {kWork, kPersonal}, &w);
        QCOMPARE(c->subprotocol(), u"tandem"_s);
        QCOMPARE(w.value(u"type"_s).toString(), u"welcome"_s);
        QCOMPARE(w.value(u"version"_s).toInt(), 1);
        QCOMPARE(w.value(u"user_id"_s).toString(), u"u_alice"_s);
        QCOMPARE(w.value(u"limits"_s).toObject().value(u"max_events_per_batch"_s).toInt(), 50);
        QVERIFY(w.value(u"policy"_s).toObject().contains(u"edit_window_ms"_s));
        QCOMPARE(w.value(u"features"_s).toArray(),
            (QJsonArray {u"typing"_s, u"tasks"_s, u"approvals"_s, u"handover"_s}));
        const QJsonObject work = statusOf(w, kWork);
        QCOMPARE(work.value(u"status"_s).toString(), u"snapshot"_s);
        QVERIFY(work.value(u"head_seq"_s).toDouble() > 100);
        QVERIFY(!work.value(u"epoch"_s).toString().isEmpty());
        QCOMPARE(w.value(u"account_spaces"_s).toArray().size(), 2);
    }

    void unknownUserAndWrongPasswordAnswerAlike()
    {
        TestClient c;
        QVERIFY(c.open(m_server.url()));
        const QJsonObject wrong = c.login(u"alice"_s, u"not the password"_s).frame;
        const QJsonObject unknown = c.login(u"nobody_at_all"_s, u"whatever"_s).frame;
        QCOMPARE(wrong.value(u"code"_s).toString(), u"auth_failed"_s);
        QCOMPARE(unknown.value(u"code"_s).toString(), u"auth_failed"_s);
        QCOMPARE(wrong.value(u"reason"_s), unknown.value(u"reason"_s));
        QCOMPARE(wrong.value(u"fatal"_s).toBool(), false);
        QVERIFY(!c.login(u"alice"_s).token.isEmpty()); // the connection stays usable
    }

    void streamsAreGaplessAndPerAccount()
    {
        qint64 aliceHead = 0, chenHead = 0;
        auto alice = fromZero(u"alice"_s, kWork, &aliceHead);
        auto chen = fromZero(u"chen"_s, kWork, &chenHead);
        QVERIFY(alice && chen);
        QVERIFY(aliceHead != chenHead); // different lengths: chen is in fewer conversations
        const QList<QJsonObject> aliceEvents = alice->collect(kWork, 0, aliceHead);
        const QList<QJsonObject> chenEvents = chen->collect(kWork, 0, chenHead);
        QCOMPARE(aliceEvents.size(), aliceHead);
        QCOMPARE(chenEvents.size(), chenHead);
        QCOMPARE(aliceEvents.first().value(u"kind"_s).toString(), u"space.updated"_s);
        // Chen never sees the alice-bob direct conversation.
        for (const QJsonObject &e : chenEvents)
            QVERIFY(!QJsonDocument(e).toJson().contains(kAliceBob.toUtf8()));
        // The window: no frame holds more than the batch limit.
        QVERIFY(alice->inbox().isEmpty() || alice->inbox().first().value(u"events"_s).toArray().size() <= 50);
    }

    void crossOrganisationIsolation()
    {
        QJsonObject w;
        auto oscar = ready(u"oscar"_s, {kWork, kOther}, &w);
        QCOMPARE(statusOf(w, kWork).value(u"status"_s).toString(), u"revoked"_s);
        QVERIFY(!statusOf(w, kWork).contains(u"head_seq"_s));
        QCOMPARE(w.value(u"account_spaces"_s).toArray().size(), 1);
        // Reading another organisation's conversation through his own space: not_found.
        oscar->send({{u"type"_s, u"history"_s}, {u"rid"_s, u"h1"_s}, {u"space_id"_s, kOther},
            {u"conversation_id"_s, kGeneral}});
        QCOMPARE(oscar->waitRid(u"h1"_s).value(u"code"_s).toString(), u"not_found"_s);
        const QJsonObject r = oscar->mutate(kOther, u"message.send"_s, sendPayload(kGeneral, u"hi"_s));
        QCOMPARE(r.value(u"code"_s).toString(), u"not_found"_s);
        oscar->send({{u"type"_s, u"download"_s}, {u"rid"_s, u"d1"_s}, {u"space_id"_s, kOther},
            {u"attachment_id"_s, u"00000000-0000-4000-8000-00000000ffff"_s}, {u"offset"_s, 0}});
        QCOMPARE(oscar->waitRid(u"d1"_s).value(u"code"_s).toString(), u"not_found"_s);
        // His snapshot holds nobody and nothing of Demo Co.
        oscar->send({{u"type"_s, u"snapshot"_s}, {u"rid"_s, u"s1"_s}, {u"space_id"_s, kOther}});
        QByteArray all;
        for (QJsonObject page = oscar->waitRid(u"s1"_s);;) {
            QVERIFY(page.value(u"type"_s).toString() == u"snapshot_page"_s);
            all += QJsonDocument(page).toJson();
            if (!page.contains(u"next_page_token"_s))
                break;
            oscar->send({{u"type"_s, u"snapshot"_s}, {u"rid"_s, u"s2"_s}, {u"space_id"_s, kOther},
                {u"page_token"_s, page.value(u"next_page_token"_s)}});
            page = oscar->waitRid(u"s2"_s);
        }
        QVERIFY(all.contains(kOtherTeam.toUtf8()));
        for (const char *secret : {"u_alice", "org_demo", "Launch team", "sp_demo_work"})
            QVERIFY2(!all.contains(secret), secret);
        // Naming a space the connection does not sync is a protocol error.
        oscar->mutate(kWork, u"message.send"_s, sendPayload(kGeneral, u"hi"_s));
        QVERIFY(oscar->waitClosed());
        QCOMPARE(oscar->closeCode(), 4000);
    }

    void mutationAppliesOnceAndResendsAreDuplicates()
    {
        qint64 head = 0, bobHead = 0;
        TestClient::Login login;
        auto alice = fromZero(u"alice"_s, kWork, &head, &login);
        auto bob = fromZero(u"bob"_s, kWork, &bobHead);
        QVERIFY(alice && bob);
        QCOMPARE(alice->collect(kWork, 0, head).size(), head);
        QCOMPARE(bob->collect(kWork, 0, bobHead).size(), bobHead);
        const QString mutationId = tandem::protocol::newUuid();
        const QJsonObject payload = sendPayload(kLaunch, u"Ship it at 15:00 @Bob"_s);
        const QJsonObject applied = alice->mutate(kWork, u"message.send"_s, payload, mutationId);
        QCOMPARE(applied.value(u"status"_s).toString(), u"applied"_s);
        QCOMPARE(applied.value(u"seq"_s).toDouble(), double(head + 1));
        QVERIFY(applied.value(u"data"_s).toObject().value(u"cseq"_s).toInt() > 0);
        // Its event reached alice (with the mutation id) and bob (without it).
        const QList<QJsonObject> mine = alice->collect(kWork, head, head + 1);
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().value(u"mutation_id"_s).toString(), mutationId);
        const QList<QJsonObject> theirs = bob->collect(kWork, bobHead, bobHead + 1);
        QCOMPARE(theirs.size(), 1);
        QVERIFY(!theirs.first().contains(u"mutation_id"_s));
        QCOMPARE(theirs.first()
                     .value(u"data"_s)
                     .toObject()
                     .value(u"message"_s)
                     .toObject()
                     .value(u"body"_s)
                     .toString(),
            payload.value(u"body"_s).toString());
        // The same mutation again: duplicate with the original outcome, and no new event.
        const QJsonObject again = alice->mutate(kWork, u"message.send"_s, payload, mutationId);
        QCOMPARE(again.value(u"status"_s).toString(), u"duplicate"_s);
        QCOMPARE(again.value(u"original"_s).toObject().value(u"seq"_s), applied.value(u"seq"_s));
        QCOMPARE(again.value(u"original"_s).toObject().value(u"data"_s), applied.value(u"data"_s));
        // The same id with another payload: mutation_id_reused.
        const QJsonObject reused
            = alice->mutate(kWork, u"message.send"_s, sendPayload(kLaunch, u"other"_s), mutationId);
        QCOMPARE(reused.value(u"code"_s).toString(), u"mutation_id_reused"_s);
        // Payload problems are rejections, and the connection goes on.
        QCOMPARE(alice->mutate(kWork, u"message.send"_s, {{u"conversation_id"_s, kLaunch}})
                     .value(u"code"_s)
                     .toString(),
            u"invalid_payload"_s);
        // A reserved task kind that no feature defines (tasks announces only the kinds of §11.4).
        QCOMPARE(alice->mutate(kWork, u"task.archive"_s, {}).value(u"code"_s).toString(), u"unknown_kind"_s);
        QCOMPARE(
            alice->mutate(kWork, u"task.create"_s, {}).value(u"code"_s).toString(), u"invalid_payload"_s);
        QCOMPARE(
            alice->mutate(kWork, u"presence.set"_s, {{u"status"_s, u"away"_s}}).value(u"code"_s).toString(),
            u"feature_not_supported"_s);
        QJsonObject urgent = sendPayload(kLaunch, u"now!"_s);
        urgent.insert(u"urgent"_s, true);
        QCOMPARE(alice->mutate(kWork, u"message.send"_s, urgent).value(u"code"_s).toString(),
            u"feature_not_supported"_s);
        // A member who is not the sender cannot edit; a non-member cannot even see the conversation.
        const QString messageId = payload.value(u"message_id"_s).toString();
        QCOMPARE(bob->mutate(kWork, u"message.edit"_s,
                        {{u"conversation_id"_s, kLaunch}, {u"message_id"_s, messageId}, {u"body"_s, u"x"_s},
                            {u"format"_s, u"plain"_s}})
                     .value(u"code"_s)
                     .toString(),
            u"forbidden"_s);
        QCOMPARE(
            alice
                ->mutate(kWork, u"reaction.add"_s,
                    {{u"conversation_id"_s, kLaunch}, {u"message_id"_s, messageId}, {u"emoji"_s, u"🚀"_s}})
                .value(u"status"_s)
                .toString(),
            u"applied"_s);
        // A second identical reaction changes nothing: applied without seq.
        const QJsonObject noop = alice->mutate(kWork, u"reaction.add"_s,
            {{u"conversation_id"_s, kLaunch}, {u"message_id"_s, messageId}, {u"emoji"_s, u"🚀"_s}});
        QCOMPARE(noop.value(u"status"_s).toString(), u"applied"_s);
        QVERIFY(!noop.contains(u"seq"_s));
    }

    void snapshotPagesThenLivePushAndFetch()
    {
        QJsonObject w;
        auto alice = ready(u"alice"_s, {kWork}, &w);
        const QString epoch = statusOf(w, kWork).value(u"epoch"_s).toString();
        alice->send({{u"type"_s, u"snapshot"_s}, {u"rid"_s, u"p0"_s}, {u"space_id"_s, kWork},
            {u"messages_per_conversation"_s, 5}});
        QJsonObject page = alice->waitRid(u"p0"_s);
        const qint64 atSeq = qint64(page.value(u"at_seq"_s).toDouble());
        QCOMPARE(
            page.value(u"records"_s).toArray().first().toObject().value(u"entity"_s).toString(), u"space"_s);
        int pages = 1, records = int(page.value(u"records"_s).toArray().size());
        while (page.contains(u"next_page_token"_s)) {
            QVERIFY(page.value(u"records"_s).toArray().size() <= 50);
            const QString rid = u"p%1"_s.arg(pages);
            alice->send({{u"type"_s, u"snapshot"_s}, {u"rid"_s, rid}, {u"space_id"_s, kWork},
                {u"page_token"_s, page.value(u"next_page_token"_s)}});
            page = alice->waitRid(rid);
            QCOMPARE(qint64(page.value(u"at_seq"_s).toDouble()), atSeq);
            records += int(page.value(u"records"_s).toArray().size());
            ++pages;
        }
        QVERIFY(pages > 1);
        QVERIFY(records > 50);
        // An unknown token: snapshot_expired.
        alice->send({{u"type"_s, u"snapshot"_s}, {u"rid"_s, u"px"_s}, {u"space_id"_s, kWork},
            {u"page_token"_s, u"nope.3"_s}});
        QCOMPARE(alice->waitRid(u"px"_s).value(u"code"_s).toString(), u"snapshot_expired"_s);
        // After the last page the space is live: a new message is pushed.
        const QJsonObject r
            = alice->mutate(kWork, u"message.send"_s, sendPayload(kAliceBob, u"after the snapshot"_s));
        QCOMPARE(alice->collect(kWork, atSeq, qint64(r.value(u"seq"_s).toDouble())).size(),
            qint64(r.value(u"seq"_s).toDouble()) - atSeq);
        // fetch: gapless, bounded, has_more.
        alice->send({{u"type"_s, u"fetch"_s}, {u"rid"_s, u"f1"_s}, {u"space_id"_s, kWork},
            {u"epoch"_s, epoch}, {u"after"_s, 10}, {u"limit"_s, 7}});
        const QJsonObject f1 = alice->waitRid(u"f1"_s);
        QCOMPARE(f1.value(u"events"_s).toArray().size(), 7);
        QCOMPARE(f1.value(u"events"_s).toArray().first().toObject().value(u"seq"_s).toInt(), 11);
        QCOMPARE(f1.value(u"has_more"_s).toBool(), true);
        alice->send({{u"type"_s, u"fetch"_s}, {u"rid"_s, u"f2"_s}, {u"space_id"_s, kWork},
            {u"epoch"_s, u"ep-old"_s}, {u"after"_s, 0}});
        QCOMPARE(alice->waitRid(u"f2"_s).value(u"code"_s).toString(), u"snapshot_required"_s);
    }

    void historyPagesBackwards()
    {
        auto alice = ready(u"alice"_s, {kWork});
        qint64 before = 0;
        int total = 0;
        bool more = true;
        qint64 lastOldest = std::numeric_limits<qint64>::max();
        for (int i = 0; more && i < 20; ++i) {
            QJsonObject req {{u"type"_s, u"history"_s}, {u"rid"_s, u"h%1"_s.arg(i)}, {u"space_id"_s, kWork},
                {u"conversation_id"_s, kGeneral}, {u"limit"_s, 40}};
            if (before > 0)
                req.insert(u"before_cseq"_s, double(before));
            alice->send(req);
            const QJsonObject page = alice->waitRid(u"h%1"_s.arg(i));
            const QJsonArray messages = page.value(u"messages"_s).toArray();
            QVERIFY(!messages.isEmpty());
            for (qsizetype k = 1; k < messages.size(); ++k) // ascending
                QVERIFY(messages[k].toObject().value(u"cseq"_s).toInt()
                    > messages[k - 1].toObject().value(u"cseq"_s).toInt());
            before = qint64(messages.first().toObject().value(u"cseq"_s).toDouble());
            QVERIFY(before < lastOldest);
            lastOldest = before;
            total += int(messages.size());
            more = page.value(u"has_more"_s).toBool();
        }
        QVERIFY(!more);
        QVERIFY(total >= 120);
        QCOMPARE(before, 1);
    }

    void attachmentsUploadResumeDownloadAndVisibility()
    {
        auto alice = ready(u"alice"_s, {kWork});
        QByteArray content(3000, 'x');
        for (int i = 0; i < content.size(); ++i)
            content[i] = char('a' + i % 26);
        const QString sha
            = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        const QString id = tandem::protocol::newUuid();
        auto begin = [&](const QString &rid) {
            alice->send({{u"type"_s, u"upload_begin"_s}, {u"rid"_s, rid}, {u"space_id"_s, kWork},
                {u"attachment_id"_s, id}, {u"name"_s, u"plan.txt"_s}, {u"mime_type"_s, u"text/plain"_s},
                {u"size_bytes"_s, 3000}, {u"sha256"_s, sha}});
            return alice->waitRid(rid);
        };
        auto chunk = [&](const QString &rid, qint64 offset, const QByteArray &bytes) {
            alice->send({{u"type"_s, u"upload_chunk"_s}, {u"rid"_s, rid}, {u"space_id"_s, kWork},
                {u"attachment_id"_s, id}, {u"offset"_s, double(offset)},
                {u"data"_s, QString::fromLatin1(bytes.toBase64())}});
            return alice->waitRid(rid);
        };
        QCOMPARE(begin(u"u1"_s).value(u"received_bytes"_s).toInt(), 0);
        QCOMPARE(chunk(u"u2"_s, 0, content.left(1024)).value(u"received_bytes"_s).toInt(), 1024);
        // Resumption: begin again says how much is held; a wrong offset says where to go on.
        QCOMPARE(begin(u"u3"_s).value(u"received_bytes"_s).toInt(), 1024);
        const QJsonObject off = chunk(u"u4"_s, 0, content.left(10));
        QCOMPARE(off.value(u"code"_s).toString(), u"upload_offset"_s);
        QCOMPARE(off.value(u"details"_s).toObject().value(u"received_bytes"_s).toInt(), 1024);
        // Wrong bytes: hash_mismatch and back to 0.
        QByteArray corrupt = content.mid(1024);
        corrupt[5] = '!';
        QCOMPARE(chunk(u"u5"_s, 1024, corrupt).value(u"code"_s).toString(), u"hash_mismatch"_s);
        QCOMPARE(begin(u"u6"_s).value(u"received_bytes"_s).toInt(), 0);
        QCOMPARE(chunk(u"u7"_s, 0, content.left(2000)).value(u"received_bytes"_s).toInt(), 2000);
        const QJsonObject done = chunk(u"u8"_s, 2000, content.mid(2000));
        QCOMPARE(done.value(u"complete"_s).toBool(), true);
        QJsonObject payload = sendPayload(kLaunch, u"the plan"_s);
        payload.insert(u"attachment_ids"_s, QJsonArray {id});
        QCOMPARE(
            alice->mutate(kWork, u"message.send"_s, payload).value(u"status"_s).toString(), u"applied"_s);

        auto download = [&](TestClient &c, const QString &space, const QString &rid) {
            c.send({{u"type"_s, u"download"_s}, {u"rid"_s, rid}, {u"space_id"_s, space},
                {u"attachment_id"_s, id}, {u"offset"_s, 1000}, {u"length"_s, 1500}});
            return c.waitRid(rid);
        };
        auto bob = ready(u"bob"_s, {kWork});
        const QJsonObject got = download(*bob, kWork, u"d1"_s);
        QCOMPARE(QByteArray::fromBase64(got.value(u"data"_s).toString().toLatin1()), content.mid(1000, 1500));
        QCOMPARE(got.value(u"sha256"_s).toString(), sha);
        auto eve = ready(u"eve"_s, {kWork}); // not in the Launch team
        QCOMPARE(download(*eve, kWork, u"d2"_s).value(u"code"_s).toString(), u"not_found"_s);
        auto oscar = ready(u"oscar"_s, {kOther});
        QCOMPARE(download(*oscar, kOther, u"d3"_s).value(u"code"_s).toString(), u"not_found"_s);
    }

    void deviceRevocationClosesLiveConnectionsAndLogoutEndsToken()
    {
        TestClient::Login laptop;
        auto a = ready(u"dana"_s, {kWork}, nullptr, &laptop);
        TestClient::Login phone;
        auto c = ready(u"dana"_s, {kWork}, nullptr, &phone);
        const QJsonObject revoked = c->mutate(kWork, u"device.revoke"_s, {{u"device_id"_s, laptop.deviceId}});
        QCOMPARE(revoked.value(u"status"_s).toString(), u"applied"_s);
        const QJsonObject err = a->waitType(u"error"_s);
        QCOMPARE(err.value(u"code"_s).toString(), u"device_revoked"_s);
        QVERIFY(a->waitClosed());
        QCOMPARE(a->closeCode(), 1008);
        // The revoked device's token is refused at hello, and its login is told to wipe.
        TestClient again;
        QVERIFY(again.open(m_server.url()));
        QCOMPARE(again.login(u"dana"_s, u"demo"_s, laptop.deviceId).frame.value(u"code"_s).toString(),
            u"device_revoked"_s);
        again.hello(laptop, {});
        QVERIFY(again.waitClosed());
        QCOMPARE(again.closeCode(), 1008);
        // logout: 1000, and the token is dead afterwards.
        c->send({{u"type"_s, u"logout"_s}});
        QVERIFY(c->waitClosed());
        QCOMPARE(c->closeCode(), 1000);
        TestClient after;
        QVERIFY(after.open(m_server.url()));
        // The refusal answers the hello: it carries its rid (§2.4).
        QCOMPARE(after.hello(phone, {}).value(u"code"_s).toString(), u"token_revoked"_s);
    }

    void secondConnectionOfADeviceReplacesTheFirst()
    {
        TestClient::Login login;
        auto first = ready(u"frank"_s, {kWork}, nullptr, &login);
        TestClient second;
        QVERIFY(second.open(m_server.url()));
        QCOMPARE(second.hello(login, {QJsonObject {{u"space_id"_s, kWork}}}).value(u"type"_s).toString(),
            u"welcome"_s);
        QCOMPARE(first->waitType(u"error"_s).value(u"code"_s).toString(), u"session_replaced"_s);
        QVERIFY(first->waitClosed());
        QCOMPARE(first->closeCode(), 4004);
    }

    void adminCliWorksWhileTheServerRuns()
    {
        const QString dir = m_dir.path();
        QCOMPARE(runAdmin(dir, {u"create-org"_s, u"org_new"_s, u"New Org"_s}).first, 0);
        QCOMPARE(
            runAdmin(dir,
                {u"create-space"_s, u"sp_new"_s, u"New"_s, u"--kind"_s, u"work"_s, u"--org"_s, u"org_new"_s})
                .first,
            0);
        QCOMPARE(runAdmin(dir, {u"create-user"_s, u"u_nina"_s, u"nina"_s, u"--org"_s, u"org_new"_s},
                     u"s3cret pass"_s)
                     .first,
            0);
        QCOMPARE(runAdmin(dir, {u"add-to-space"_s, u"sp_new"_s, u"u_nina"_s}).first, 0);
        QVERIFY(runAdmin(dir, {u"list-users"_s}).second.contains(u"u_nina\tnina"_s));
        QVERIFY(runAdmin(dir, {u"create-org"_s, u"only-one-arg"_s}).first != 0);
        QJsonObject w;
        TestClient::Login login;
        auto nina = std::make_unique<TestClient>();
        QVERIFY(nina->open(m_server.url()));
        login = nina->login(u"nina"_s, u"s3cret pass"_s);
        QVERIFY(!login.token.isEmpty());
        w = nina->hello(login, {QJsonObject {{u"space_id"_s, u"sp_new"_s}}});
        QCOMPARE(statusOf(w, u"sp_new"_s).value(u"status"_s).toString(), u"snapshot"_s);
        QVERIFY(runAdmin(dir, {u"list-devices"_s, u"u_nina"_s}).second.contains(login.deviceId));
        // Deactivation reaches the live connection within the server's poll.
        QCOMPARE(runAdmin(dir, {u"deactivate-user"_s, u"u_nina"_s}).first, 0);
        QCOMPARE(nina->waitType(u"error"_s, 5000).value(u"code"_s).toString(), u"device_revoked"_s);
        QVERIFY(nina->waitClosed());
    }

    void sigtermSendsServerShutdownAndExitsZero()
    {
        auto alice = ready(u"alice"_s, {kWork});
        QCOMPARE(m_server.terminate(), 0);
        const QJsonObject err = alice->waitType(u"error"_s);
        QCOMPARE(err.value(u"code"_s).toString(), u"server_shutdown"_s);
        QVERIFY(err.contains(u"retry_after_ms"_s));
        QVERIFY(alice->waitClosed());
        QCOMPARE(alice->closeCode(), 1001);
    }
};

QTEST_GUILESS_MAIN(TestServerSession)
#include "tst_server_session.moc"
