#include "serverframes.h"

#include "fields.h"

#include <QByteArray>

namespace tandem::protocol {

using namespace Qt::StringLiterals;

namespace {

Error invalid(const QString &frameType, const QString &problem)
{
    return Error::make(ErrorCode::Invalid, u"%1: %2"_s.arg(frameType, problem));
}

QString arrayItemPointer(const FieldReader &r, QLatin1StringView name, qsizetype index)
{
    return r.pointerTo(name) + u'/' + QString::number(index);
}

// An array member whose items are objects; each is handed to `check` with its pointer.
template<typename F> void eachObject(FieldReader &r, QLatin1StringView name, qsizetype maxItems, F &&check)
{
    const QJsonArray items = r.array(name, maxItems);
    for (qsizetype i = 0; i < items.size() && r.ok(); ++i) {
        const QString at = arrayItemPointer(r, name, i);
        if (!items.at(i).isObject()) {
            r.adoptProblem(at, at + u" must be an object"_s);
            return;
        }
        r.adoptProblem(at, check(items.at(i).toObject(), at));
    }
}

QString spaceProblem(const QJsonObject &o, const QString &at)
{
    FieldReader r(o, at);
    r.id("id"_L1);
    r.line("name"_L1, 128);
    r.ascii("kind"_L1, 1, 64);
    r.optId("organisation_id"_L1);
    return r.problem();
}

SpaceRecord readSpace(const QJsonObject &o)
{
    SpaceRecord s;
    s.id = o.value("id"_L1).toString();
    s.name = o.value("name"_L1).toString();
    s.kind = o.value("kind"_L1).toString() == "personal"_L1 ? u"personal"_s : u"work"_s;
    s.organisationId = o.value("organisation_id"_L1).toString();
    return s;
}

QList<SpaceRecord> readSpaces(FieldReader &r, QLatin1StringView name, qsizetype maxItems)
{
    QList<SpaceRecord> out;
    eachObject(r, name, maxItems, [&](const QJsonObject &o, const QString &at) {
        const QString problem = spaceProblem(o, at);
        if (problem.isEmpty())
            out.append(readSpace(o));
        return problem;
    });
    return out;
}

QString threadSummaryProblem(const QJsonObject &o, const QString &at)
{
    FieldReader r(o, at);
    r.integer("reply_count"_L1);
    r.integer("last_reply_at"_L1);
    return r.problem();
}

QString messageProblem(const QJsonObject &o, const QString &at)
{
    FieldReader r(o, at);
    r.id("id"_L1);
    r.id("conversation_id"_L1);
    r.integer("cseq"_L1, 1);
    r.id("sender_id"_L1);
    r.integer("created_at"_L1);
    if (r.ok() && !o.value("body"_L1).isString())
        r.fail("body"_L1, u"must be a string"_s);
    r.ascii("format"_L1, 1, 64);
    r.idList("mentions"_L1, 256);
    eachObject(r, "attachments"_L1, 16, attachmentProblem);
    eachObject(r, "reactions"_L1, 512, [](const QJsonObject &a, const QString &p) {
        FieldReader ar(a, p);
        ar.line("emoji"_L1, 32);
        ar.id("user_id"_L1);
        ar.integer("at"_L1);
        return ar.problem();
    });
    r.optId("thread_root_id"_L1);
    r.optId("reply_to_id"_L1);
    if (r.ok() && o.contains("thread"_L1)) {
        if (!o.value("thread"_L1).isObject())
            r.fail("thread"_L1, u"must be an object"_s);
        else
            r.adoptProblem(r.pointerTo("thread"_L1),
                threadSummaryProblem(o.value("thread"_L1).toObject(), r.pointerTo("thread"_L1)));
    }
    r.optInteger("edited_at"_L1);
    r.optInteger("deleted_at"_L1);
    r.optId("deleted_by"_L1);
    r.optBoolean("urgent"_L1);
    return r.problem();
}

QString objectMember(const QJsonObject &data, QLatin1StringView name, const QString &pointer, QString *entity,
    QJsonObject *out)
{
    FieldReader r(data, pointer);
    *out = r.object(name);
    *entity = QString(name);
    return r.problem();
}

} // namespace

QString attachmentProblem(const QJsonObject &a, const QString &at)
{
    FieldReader ar(a, at);
    ar.id("id"_L1);
    ar.line("name"_L1, 255);
    ar.ascii("mime_type"_L1, 3, 255);
    ar.integer("size_bytes"_L1);
    if (ar.ok() && !isSha256(a.value("sha256"_L1).toString()))
        ar.fail("sha256"_L1, u"must be a SHA-256 in lower-case hex"_s);
    return ar.problem();
}

QString recordProblem(const QString &entity, const QJsonObject &o, const QString &at)
{
    FieldReader r(o, at);
    if (entity == "space"_L1)
        return spaceProblem(o, at);
    if (entity == "organisation"_L1) {
        r.id("id"_L1);
        r.line("name"_L1, 128);
    } else if (entity == "user"_L1) {
        r.id("id"_L1);
        r.line("user_name"_L1, 128);
        r.line("display_name"_L1, 128);
        r.optId("organisation_id"_L1);
        r.boolean("external"_L1);
        r.boolean("bot"_L1);
        r.boolean("deactivated"_L1);
        r.optId("manager_id"_L1);
        r.optAscii("time_zone"_L1, 1, 128);
        r.integer("updated_at"_L1);
    } else if (entity == "device"_L1) {
        r.deviceId("id"_L1);
        r.line("name"_L1, 128);
        r.line("platform"_L1, 32);
        r.integer("created_at"_L1);
        r.optInteger("last_seen_at"_L1);
        r.optInteger("revoked_at"_L1);
    } else if (entity == "conversation"_L1) {
        r.id("id"_L1);
        r.ascii("kind"_L1, 1, 64);
        r.line("name"_L1, 128);
        r.line("topic"_L1, 1024);
        r.boolean("external"_L1);
        r.integer("created_at"_L1);
        r.id("created_by"_L1);
        r.integer("last_cseq"_L1);
    } else if (entity == "prefs"_L1) {
        r.id("conversation_id"_L1);
        r.oneOf("notify_level"_L1, {"all", "mentions", "muted"});
        r.boolean("pinned"_L1);
        r.boolean("archived"_L1);
        r.integer("updated_at"_L1);
    } else if (entity == "member"_L1) {
        r.id("conversation_id"_L1);
        r.id("user_id"_L1);
        r.ascii("role"_L1, 1, 64);
        r.integer("joined_at"_L1);
    } else if (entity == "message"_L1) {
        return messageProblem(o, at);
    } else if (entity == "receipt"_L1) {
        r.id("conversation_id"_L1);
        r.id("user_id"_L1);
        r.integer("up_to_cseq"_L1, 1);
        r.integer("read_at"_L1);
    } else if (entity == "pin"_L1) {
        r.id("conversation_id"_L1);
        r.id("message_id"_L1);
        r.id("pinned_by"_L1);
        r.integer("pinned_at"_L1);
    } else if (entity == "saved"_L1) {
        r.id("conversation_id"_L1);
        r.id("message_id"_L1);
        r.integer("saved_at"_L1);
    } else if (entity == "presence"_L1) {
        r.id("user_id"_L1);
        r.ascii("status"_L1, 1, 64);
        r.optInteger("off_until"_L1);
        r.optAscii("time_zone"_L1, 1, 128);
        r.optLine("text"_L1, 256);
        r.integer("updated_at"_L1);
    }
    return r.problem();
}

QString eventDataProblem(const QString &kind, const QJsonObject &data, const QString &at)
{
    // Upserts carry one record under the entity's name.
    static const QHash<QString, QLatin1StringView> upserts {
        {u"space.updated"_s, "space"_L1},
        {u"organisation.updated"_s, "organisation"_L1},
        {u"user.updated"_s, "user"_L1},
        {u"device.updated"_s, "device"_L1},
        {u"conversation.updated"_s, "conversation"_L1},
        {u"prefs.updated"_s, "prefs"_L1},
        {u"member.updated"_s, "member"_L1},
        {u"receipt.updated"_s, "receipt"_L1},
        {u"pin.added"_s, "pin"_L1},
        {u"saved.added"_s, "saved"_L1},
        {u"presence.updated"_s, "presence"_L1},
    };
    if (const auto it = upserts.constFind(kind); it != upserts.constEnd()) {
        QString entity;
        QJsonObject record;
        if (QString p = objectMember(data, *it, at, &entity, &record); !p.isEmpty())
            return p;
        return recordProblem(entity, record, at + u'/' + entity);
    }
    FieldReader r(data, at);
    if (kind == "message.created"_L1) {
        const QJsonObject message = r.object("message"_L1);
        if (!r.ok())
            return r.problem();
        if (QString p = messageProblem(message, r.pointerTo("message"_L1)); !p.isEmpty())
            return p;
        if (data.contains("root_thread"_L1)) {
            const QJsonObject thread = r.object("root_thread"_L1);
            if (!r.ok())
                return r.problem();
            return threadSummaryProblem(thread, r.pointerTo("root_thread"_L1));
        }
        return {};
    }
    if (kind == "conversation.removed"_L1) {
        r.id("conversation_id"_L1);
        r.oneOf("reason"_L1, {"left", "removed", "deleted"});
    } else if (kind == "member.removed"_L1) {
        r.id("conversation_id"_L1);
        r.id("user_id"_L1);
        r.oneOf("reason"_L1, {"left", "removed"});
    } else if (kind == "message.edited"_L1) {
        r.id("conversation_id"_L1);
        r.id("message_id"_L1);
        if (r.ok() && !data.value("body"_L1).isString())
            r.fail("body"_L1, u"must be a string"_s);
        r.ascii("format"_L1, 1, 64);
        r.idList("mentions"_L1, 256);
        r.integer("edited_at"_L1);
    } else if (kind == "message.deleted"_L1) {
        r.id("conversation_id"_L1);
        r.id("message_id"_L1);
        r.id("deleted_by"_L1);
        r.integer("deleted_at"_L1);
    } else if (kind == "reaction.added"_L1 || kind == "reaction.removed"_L1) {
        r.id("conversation_id"_L1);
        r.id("message_id"_L1);
        r.id("user_id"_L1);
        r.line("emoji"_L1, 32);
        r.integer("at"_L1);
    } else if (kind == "pin.removed"_L1) {
        r.id("conversation_id"_L1);
        r.id("message_id"_L1);
        r.id("removed_by"_L1);
        r.integer("at"_L1);
    } else if (kind == "saved.removed"_L1) {
        r.id("conversation_id"_L1);
        r.id("message_id"_L1);
    }
    return r.problem();
}

Result<LoginResult> parseLoginResult(const QJsonObject &frame)
{
    FieldReader r(frame);
    LoginResult out;
    out.rid = r.ascii("rid"_L1, 1, 64);
    out.token = r.ascii("token"_L1, 16, 512);
    out.userId = r.id("user_id"_L1);
    out.deviceId = r.deviceId("device_id"_L1);
    out.expiresAt = r.optInteger("expires_at"_L1);
    out.spaces = readSpaces(r, "spaces"_L1, 100);
    if (!r.ok())
        return invalid(u"login_result"_s, r.problem());
    return out;
}

Result<Welcome> parseWelcome(const QJsonObject &frame)
{
    FieldReader r(frame);
    Welcome w;
    w.rid = r.ascii("rid"_L1, 1, 64);
    w.version = int(r.integer("version"_L1, 1, 1000000));
    w.sessionId = r.id("session_id"_L1);
    w.userId = r.id("user_id"_L1);
    w.deviceId = r.deviceId("device_id"_L1);
    w.serverTime = r.integer("server_time"_L1);
    const QJsonObject server = r.object("server"_L1);
    const QJsonObject limits = r.object("limits"_L1);
    const QJsonObject policy = r.object("policy"_L1);
    if (r.ok()) {
        FieldReader s(server, u"/server"_s);
        s.line("name"_L1, 64);
        s.line("version"_L1, 64);
        r.adopt(s);
        FieldReader p(policy, u"/policy"_s);
        w.editWindowMs = p.integer("edit_window_ms"_L1);
        w.recallWindowMs = p.integer("recall_window_ms"_L1);
        r.adopt(p);
    }
    const QJsonArray features = r.array("features"_L1, 64);
    for (const QJsonValue &f : features) {
        if (!f.isString() || !isPrintableAscii(f.toString(), 1, 64)) {
            r.fail("features"_L1, u"must hold short ASCII names"_s);
            break;
        }
        w.features << f.toString();
    }
    eachObject(r, "spaces"_L1, 64, [&](const QJsonObject &o, const QString &at) {
        FieldReader sr(o, at);
        SpaceStatus st;
        st.spaceId = sr.id("space_id"_L1);
        st.status = sr.oneOf("status"_L1, {"resume", "snapshot", "revoked", "unavailable"});
        if (st.status == "resume"_L1 || st.status == "snapshot"_L1) {
            st.epoch = sr.ascii("epoch"_L1, 1, 128);
            st.headSeq = sr.integer("head_seq"_L1);
        }
        st.reason = sr.optText("reason"_L1, 1024).value_or(QString());
        if (sr.ok())
            w.spaces.append(st);
        return sr.problem();
    });
    w.accountSpaces = readSpaces(r, "account_spaces"_L1, 100);
    if (!r.ok())
        return invalid(u"welcome"_s, r.problem());
    auto parsedLimits = Limits::fromJson(limits);
    if (!parsedLimits)
        return invalid(u"welcome"_s, parsedLimits.error().message);
    w.limits = *parsedLimits;
    return w;
}

Result<EventsFrame> parseEvents(const QJsonObject &frame, const Limits &limits)
{
    FieldReader r(frame);
    EventsFrame out;
    out.rid = r.optAscii("rid"_L1, 1, 64).value_or(QString());
    out.spaceId = r.id("space_id"_L1);
    out.epoch = r.ascii("epoch"_L1, 1, 128);
    out.headSeq = r.integer("head_seq"_L1);
    const std::optional<bool> hasMore = r.optBoolean("has_more"_L1);
    if (r.ok() && hasMore.has_value() != !out.rid.isEmpty())
        r.fail("has_more"_L1, u"must be present exactly when rid is"_s);
    out.hasMore = hasMore.value_or(false);
    qint64 previous = 0;
    eachObject(r, "events"_L1, limits.maxEventsPerBatch, [&](const QJsonObject &o, const QString &at) {
        FieldReader er(o, at);
        Event e;
        e.seq = er.integer("seq"_L1, 1);
        e.kind = er.ascii("kind"_L1, 1, 64);
        e.at = er.integer("at"_L1);
        e.actorId = er.optId("actor_id"_L1).value_or(QString());
        e.mutationId = er.optUuid("mutation_id"_L1).value_or(QString());
        e.data = er.object("data"_L1);
        if (er.ok() && e.seq <= previous)
            er.fail("seq"_L1, u"must increase within a frame"_s);
        if (er.ok() && e.seq > out.headSeq)
            er.fail("seq"_L1, u"must not be above head_seq"_s);
        if (!er.ok())
            return er.problem();
        if (QString p = eventDataProblem(e.kind, e.data, at + u"/data"_s); !p.isEmpty())
            return p;
        previous = e.seq;
        out.events.append(std::move(e));
        return QString();
    });
    if (r.ok() && out.events.isEmpty() && out.rid.isEmpty())
        r.fail("events"_L1, u"must not be empty on a pushed frame"_s);
    if (!r.ok())
        return invalid(u"events"_s, r.problem());
    return out;
}

Result<SnapshotPage> parseSnapshotPage(const QJsonObject &frame, const Limits &limits)
{
    FieldReader r(frame);
    SnapshotPage out;
    out.rid = r.ascii("rid"_L1, 1, 64);
    out.spaceId = r.id("space_id"_L1);
    out.epoch = r.ascii("epoch"_L1, 1, 128);
    out.atSeq = r.integer("at_seq"_L1);
    out.nextPageToken = r.optAscii("next_page_token"_L1, 1, 1024).value_or(QString());
    eachObject(r, "records"_L1, limits.maxEventsPerBatch, [&](const QJsonObject &o, const QString &at) {
        FieldReader rr(o, at);
        Record rec;
        rec.entity = rr.ascii("entity"_L1, 1, 64);
        rec.data = rr.object("data"_L1);
        if (!rr.ok())
            return rr.problem();
        if (QString p = recordProblem(rec.entity, rec.data, at + u"/data"_s); !p.isEmpty())
            return p;
        out.records.append(std::move(rec));
        return QString();
    });
    if (!r.ok())
        return invalid(u"snapshot_page"_s, r.problem());
    return out;
}

Result<HistoryPage> parseHistoryPage(const QJsonObject &frame, const Limits &limits)
{
    FieldReader r(frame);
    HistoryPage out;
    out.rid = r.ascii("rid"_L1, 1, 64);
    out.spaceId = r.id("space_id"_L1);
    out.conversationId = r.id("conversation_id"_L1);
    out.threadRootId = r.optId("thread_root_id"_L1).value_or(QString());
    out.atSeq = r.integer("at_seq"_L1);
    out.hasMore = r.boolean("has_more"_L1);
    qint64 previous = 0;
    eachObject(r, "messages"_L1, limits.maxEventsPerBatch, [&](const QJsonObject &o, const QString &at) {
        if (QString p = messageProblem(o, at); !p.isEmpty())
            return p;
        const qint64 cseq = qint64(o.value("cseq"_L1).toDouble());
        if (cseq <= previous)
            return at + u"/cseq must increase"_s;
        if (o.value("conversation_id"_L1).toString() != out.conversationId)
            return at + u"/conversation_id must be the page's conversation"_s;
        previous = cseq;
        out.messages.append(o);
        return QString();
    });
    if (!r.ok())
        return invalid(u"history_page"_s, r.problem());
    return out;
}

namespace {

Outcome readOutcome(FieldReader &r, const QString &status)
{
    Outcome o;
    o.status = status;
    if (status == "applied"_L1) {
        o.seq = r.optInteger("seq"_L1, 1);
        if (r.ok() && r.object().contains("data"_L1))
            o.data = r.object("data"_L1);
    } else {
        o.code = r.ascii("code"_L1, 1, 64);
        o.reason = r.text("reason"_L1, 1024);
        if (r.ok() && r.object().contains("details"_L1))
            o.details = r.object("details"_L1);
    }
    return o;
}

} // namespace

Result<MutationResult> parseResult(const QJsonObject &frame)
{
    FieldReader r(frame);
    MutationResult out;
    out.rid = r.ascii("rid"_L1, 1, 64);
    out.spaceId = r.id("space_id"_L1);
    out.mutationId = r.uuid("mutation_id"_L1);
    out.status = r.oneOf("status"_L1, {"applied", "duplicate", "rejected"});
    if (r.ok() && out.status == "duplicate"_L1) {
        const QJsonObject original = r.object("original"_L1);
        FieldReader o(original, u"/original"_s);
        const QString status = o.oneOf("status"_L1, {"applied", "rejected"});
        if (o.ok())
            out.outcome = readOutcome(o, status);
        r.adopt(o);
    } else if (r.ok()) {
        out.outcome = readOutcome(r, out.status);
    }
    if (!r.ok())
        return invalid(u"result"_s, r.problem());
    return out;
}

Result<UploadState> parseUploadState(const QJsonObject &frame)
{
    FieldReader r(frame);
    UploadState out;
    out.rid = r.ascii("rid"_L1, 1, 64);
    out.spaceId = r.id("space_id"_L1);
    out.attachmentId = r.uuid("attachment_id"_L1);
    out.sizeBytes = r.integer("size_bytes"_L1);
    out.receivedBytes = r.integer("received_bytes"_L1);
    out.complete = r.boolean("complete"_L1);
    if (r.ok() && out.receivedBytes > out.sizeBytes)
        r.fail("received_bytes"_L1, u"must not exceed size_bytes"_s);
    if (!r.ok())
        return invalid(u"upload_state"_s, r.problem());
    return out;
}

Result<DownloadChunk> parseDownloadChunk(const QJsonObject &frame, const Limits &limits)
{
    FieldReader r(frame);
    DownloadChunk out;
    out.rid = r.ascii("rid"_L1, 1, 64);
    out.spaceId = r.id("space_id"_L1);
    out.attachmentId = r.id("attachment_id"_L1);
    out.offset = r.integer("offset"_L1);
    out.sizeBytes = r.integer("size_bytes"_L1);
    out.sha256 = r.ascii("sha256"_L1, 64, 64);
    if (r.ok() && !isSha256(out.sha256))
        r.fail("sha256"_L1, u"must be a SHA-256 in lower-case hex"_s);
    const QString data = r.ascii("data"_L1, 0, 4 * ((limits.attachmentChunkBytes + 2) / 3));
    if (r.ok()) {
        auto decoded
            = QByteArray::fromBase64Encoding(data.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            r.fail("data"_L1, u"must be base64"_s);
        else
            out.data = *decoded;
    }
    if (r.ok() && (out.offset > out.sizeBytes || out.offset + out.data.size() > out.sizeBytes))
        r.fail("data"_L1, u"must lie within size_bytes"_s);
    if (!r.ok())
        return invalid(u"download_chunk"_s, r.problem());
    return out;
}

Result<SlowDown> parseSlowDown(const QJsonObject &frame)
{
    FieldReader r(frame);
    SlowDown out;
    out.delayMs = r.integer("delay_ms"_L1, 1, 3600000);
    const QJsonArray scope = r.array("scope"_L1, 2);
    if (r.ok() && scope.isEmpty())
        r.fail("scope"_L1, u"must name at least one scope"_s);
    for (const QJsonValue &s : scope) {
        if (s.toString() == "mutations"_L1)
            out.mutations = true;
        else if (s.toString() == "requests"_L1)
            out.requests = true;
        else
            r.fail("scope"_L1, u"must hold mutations or requests"_s);
    }
    out.reason = r.optText("reason"_L1, 1024).value_or(QString());
    if (!r.ok())
        return invalid(u"slow_down"_s, r.problem());
    return out;
}

Result<TypingNotice> parseTyping(const QJsonObject &frame)
{
    FieldReader r(frame);
    TypingNotice out;
    out.spaceId = r.id("space_id"_L1);
    out.conversationId = r.id("conversation_id"_L1);
    out.userId = r.id("user_id"_L1);
    out.expiresInMs = r.integer("expires_in_ms"_L1, 1000, 60000);
    if (!r.ok())
        return invalid(u"typing"_s, r.problem());
    return out;
}

Result<PingPong> parsePingPong(const QJsonObject &frame)
{
    FieldReader r(frame);
    PingPong out;
    out.rid = r.ascii("rid"_L1, 1, 64);
    out.time = r.optInteger("time"_L1);
    if (!r.ok())
        return invalid(frame.value("type"_L1).toString(), r.problem());
    return out;
}

Result<ErrorInfo> parseError(const QJsonObject &frame)
{
    FieldReader r(frame);
    ErrorInfo out;
    out.code = r.ascii("code"_L1, 1, 64);
    out.reason = r.text("reason"_L1, 1024);
    out.retryable = r.boolean("retryable"_L1);
    out.fatal = r.boolean("fatal"_L1);
    out.rid = r.optAscii("rid"_L1, 1, 64).value_or(QString());
    out.spaceId = r.optId("space_id"_L1).value_or(QString());
    out.retryAfterMs = r.optInteger("retry_after_ms"_L1);
    if (r.ok() && frame.contains("details"_L1))
        out.details = r.object("details"_L1);
    if (!r.ok())
        return invalid(u"error"_s, r.problem());
    return out;
}

} // namespace tandem::protocol
