#include "clientframes.h"

#include "codes.h"
#include "fields.h"

#include "tasks/hlc.h"

#include <QJsonArray>
#include <QSet>

#include <array>

namespace tandem::protocol {

namespace {

using namespace Qt::StringLiterals;

constexpr qsizetype kMaxSpaces = 64;
constexpr qsizetype kMaxIds = 256;
constexpr qsizetype kMaxAttachments = 16;
constexpr qint64 kMaxLimitParam = 10000;
constexpr qint64 kMaxDownloadLength = 4194304;

QLatin1StringView f(const char *name)
{
    return QLatin1StringView(name);
}

// The rid of a frame if it is a valid one, so that even a bad_frame answer can name its request.
QString validRid(const QJsonObject &frame)
{
    const QJsonValue v = frame.value(f("rid"));
    const QString s = v.toString();
    return v.isString() && isPrintableAscii(s, 1, 64) ? s : QString();
}

QString rid(FieldReader &r)
{
    return r.ascii(f("rid"), 1, 64);
}

// A string that is 1..max characters without control characters (names, platforms, client info).
QString nonEmptyLine(FieldReader &r, const char *name, qsizetype max)
{
    const QString s = r.line(f(name), max);
    if (r.ok() && s.isEmpty())
        r.fail(f(name), u"must not be empty"_s);
    return s;
}

ClientInfo clientInfo(FieldReader &r)
{
    FieldReader c(r.object(f("client")), r.pointerTo(f("client")));
    ClientInfo info;
    if (r.ok()) {
        info.name = nonEmptyLine(c, "name", 64);
        info.version = nonEmptyLine(c, "version", 64);
        r.adopt(c);
    }
    return info;
}

bool isBase64(QStringView s)
{
    if (s.size() % 4 != 0)
        return false;
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i].unicode();
        const bool alpha = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')
            || c == u'+' || c == u'/';
        if (alpha)
            continue;
        // Padding: only in the last two places, and "x=y" is not allowed.
        if (c != u'=' || i < n - 2 || (i == n - 2 && s[n - 1] != u'='))
            return false;
    }
    return true;
}

template<typename T> ClientFrame finish(FieldReader &r, T frame, const QJsonObject &raw)
{
    if (!r.ok())
        return BadFrame {r.problem(), validRid(raw)};
    return frame;
}

ClientFrame parseLogin(const QJsonObject &o)
{
    FieldReader r(o);
    LoginFrame l;
    l.rid = rid(r);
    l.userName = nonEmptyLine(r, "user_name", 128);
    l.password = r.text(f("password"), 1024);
    if (r.ok() && l.password.isEmpty())
        r.fail(f("password"), u"must not be empty"_s);
    FieldReader d(r.object(f("device")), u"/device"_s);
    if (r.ok()) {
        l.deviceName = nonEmptyLine(d, "name", 128);
        l.devicePlatform = nonEmptyLine(d, "platform", 32);
        l.deviceId = d.optDeviceId(f("id"));
        r.adopt(d);
    }
    l.client = clientInfo(r);
    return finish(r, std::move(l), o);
}

ClientFrame parseHello(const QJsonObject &o)
{
    FieldReader r(o);
    HelloFrame h;
    h.rid = rid(r);
    const QJsonArray versions = r.array(f("versions"), 16);
    if (r.ok() && versions.isEmpty())
        r.fail(f("versions"), u"must not be empty"_s);
    for (const QJsonValue &v : versions) {
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d > double(kMaxSafeInteger) || d != double(qint64(d))) {
            r.fail(f("versions"), u"must hold integers"_s);
            break;
        }
        if (h.versions.contains(qint64(d))) {
            r.fail(f("versions"), u"must not repeat a version"_s);
            break;
        }
        h.versions << qint64(d);
    }
    h.token = r.ascii(f("token"), 16, 512);
    h.deviceId = r.deviceId(f("device_id"));
    h.client = clientInfo(r);
    const QJsonArray spaces = r.array(f("spaces"), kMaxSpaces);
    QSet<QString> seen;
    for (qsizetype i = 0; r.ok() && i < spaces.size(); ++i) {
        const QString pointer = u"/spaces/%1"_s.arg(i);
        if (!spaces[i].isObject()) {
            r.fail(f("spaces"), u"must hold objects"_s);
            break;
        }
        FieldReader s(spaces[i].toObject(), pointer);
        SpaceRequest request;
        request.spaceId = s.id(f("space_id"));
        request.epoch = s.optAscii(f("epoch"), 1, 128);
        const std::optional<qint64> cursor = s.optInteger(f("cursor"));
        if (s.ok() && request.epoch.has_value() != cursor.has_value())
            s.fail(f(request.epoch ? "cursor" : "epoch"),
                u"must be given together with %1"_s.arg(request.epoch ? u"epoch"_s : u"cursor"_s));
        request.cursor = cursor.value_or(0);
        if (s.ok() && seen.contains(request.spaceId))
            s.fail(f("space_id"), u"names a space twice"_s);
        seen.insert(request.spaceId);
        r.adopt(s);
        h.spaces.push_back(std::move(request));
    }
    if (r.ok() && r.has(f("features"))) {
        const QJsonArray features = r.array(f("features"), 64);
        for (const QJsonValue &v : features) {
            if (!v.isString() || !isPrintableAscii(v.toString(), 1, 64)) {
                r.fail(f("features"), u"must hold feature names"_s);
                break;
            }
            h.features << v.toString();
        }
    }
    return finish(r, std::move(h), o);
}

ClientFrame parseFetch(const QJsonObject &o)
{
    FieldReader r(o);
    FetchFrame x;
    x.rid = rid(r);
    x.spaceId = r.id(f("space_id"));
    x.epoch = r.ascii(f("epoch"), 1, 128);
    x.after = r.integer(f("after"));
    x.limit = r.optInteger(f("limit"), 1, kMaxLimitParam);
    return finish(r, std::move(x), o);
}

ClientFrame parseAck(const QJsonObject &o)
{
    FieldReader r(o);
    AckFrame x;
    x.spaceId = r.id(f("space_id"));
    x.seq = r.integer(f("seq"), 1);
    return finish(r, std::move(x), o);
}

ClientFrame parseSnapshot(const QJsonObject &o)
{
    FieldReader r(o);
    SnapshotFrame x;
    x.rid = rid(r);
    x.spaceId = r.id(f("space_id"));
    x.pageToken = r.optAscii(f("page_token"), 1, 1024);
    x.messagesPerConversation = r.optInteger(f("messages_per_conversation"), 0, 200);
    return finish(r, std::move(x), o);
}

ClientFrame parseHistory(const QJsonObject &o)
{
    FieldReader r(o);
    HistoryFrame x;
    x.rid = rid(r);
    x.spaceId = r.id(f("space_id"));
    x.conversationId = r.id(f("conversation_id"));
    x.threadRootId = r.optId(f("thread_root_id"));
    x.beforeCseq = r.optInteger(f("before_cseq"), 1);
    x.limit = r.optInteger(f("limit"), 1, kMaxLimitParam);
    return finish(r, std::move(x), o);
}

bool isKindName(const QString &s)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    bool wordStart = true;
    int dots = 0;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'.') {
            if (wordStart)
                return false;
            wordStart = true;
            ++dots;
            continue;
        }
        const bool lower = u >= u'a' && u <= u'z';
        if (wordStart && !lower)
            return false;
        if (!lower && !(u >= u'0' && u <= u'9') && u != u'_')
            return false;
        wordStart = false;
    }
    return !wordStart && dots > 0;
}

ClientFrame parseMutate(const QJsonObject &o)
{
    FieldReader r(o);
    MutateFrame x;
    x.rid = rid(r);
    x.spaceId = r.id(f("space_id"));
    x.mutationId = r.uuid(f("mutation_id"));
    x.kind = r.ascii(f("kind"), 1, 64);
    if (r.ok() && !isKindName(x.kind))
        r.fail(f("kind"), u"must be dot-separated lower-case words"_s);
    x.createdAt = r.integer(f("created_at"));
    x.payload = r.object(f("payload"));
    return finish(r, std::move(x), o);
}

ClientFrame parseUploadBegin(const QJsonObject &o)
{
    FieldReader r(o);
    UploadBeginFrame x;
    x.rid = rid(r);
    x.spaceId = r.id(f("space_id"));
    x.attachmentId = r.uuid(f("attachment_id"));
    x.name = nonEmptyLine(r, "name", 255);
    x.mimeType = r.ascii(f("mime_type"), 3, 255);
    if (r.ok() && (!x.mimeType.contains(u'/') || x.mimeType.startsWith(u'/') || x.mimeType.endsWith(u'/')))
        r.fail(f("mime_type"), u"must be type/subtype"_s);
    x.sizeBytes = r.integer(f("size_bytes"));
    x.sha256 = r.ascii(f("sha256"), 64, 64);
    if (r.ok() && !isSha256(x.sha256))
        r.fail(f("sha256"), u"must be 64 lower-case hex digits"_s);
    return finish(r, std::move(x), o);
}

ClientFrame parseUploadChunk(const QJsonObject &o, const Limits &limits)
{
    FieldReader r(o);
    UploadChunkFrame x;
    x.rid = rid(r);
    x.spaceId = r.id(f("space_id"));
    x.attachmentId = r.uuid(f("attachment_id"));
    x.offset = r.integer(f("offset"));
    // The frame size already bounds the text; base64 is checked before decoding.
    const QString data = r.ascii(f("data"), 0, limits.maxFrameBytes);
    if (r.ok() && (data.isEmpty() || !isBase64(data)))
        r.fail(f("data"), u"must be non-empty standard base64 with padding"_s);
    if (r.ok())
        x.data = QByteArray::fromBase64(data.toLatin1());
    return finish(r, std::move(x), o);
}

ClientFrame parseDownload(const QJsonObject &o)
{
    FieldReader r(o);
    DownloadFrame x;
    x.rid = rid(r);
    x.spaceId = r.id(f("space_id"));
    x.attachmentId = r.id(f("attachment_id"));
    x.offset = r.integer(f("offset"));
    x.length = r.optInteger(f("length"), 1, kMaxDownloadLength);
    return finish(r, std::move(x), o);
}

ClientFrame parsePing(const QJsonObject &o)
{
    FieldReader r(o);
    PingFrame x {rid(r)};
    (void)r.optInteger(f("time"));
    return finish(r, std::move(x), o);
}

ClientFrame parsePong(const QJsonObject &o)
{
    FieldReader r(o);
    PongFrame x {rid(r)};
    (void)r.optInteger(f("time"));
    return finish(r, std::move(x), o);
}

ClientFrame parseTyping(const QJsonObject &o)
{
    FieldReader r(o);
    TypingFrame x;
    x.spaceId = r.id(f("space_id"));
    x.conversationId = r.id(f("conversation_id"));
    return finish(r, std::move(x), o);
}

ClientFrame parseErrorIn(const QJsonObject &o)
{
    FieldReader r(o);
    ErrorInFrame x;
    x.code = r.ascii(f("code"), 1, 64);
    (void)r.text(f("reason"), 1024);
    (void)r.boolean(f("retryable"));
    x.fatal = r.boolean(f("fatal"));
    return finish(r, std::move(x), o);
}

} // namespace

ClientFrame parseClientFrame(const QJsonObject &frame, const Limits &limits)
{
    const QString type = frame.value(f("type")).toString();
    if (type == frame::login)
        return parseLogin(frame);
    if (type == frame::hello)
        return parseHello(frame);
    if (type == frame::fetch)
        return parseFetch(frame);
    if (type == frame::ack)
        return parseAck(frame);
    if (type == frame::snapshot)
        return parseSnapshot(frame);
    if (type == frame::history)
        return parseHistory(frame);
    if (type == frame::mutate)
        return parseMutate(frame);
    if (type == frame::upload_begin)
        return parseUploadBegin(frame);
    if (type == frame::upload_chunk)
        return parseUploadChunk(frame, limits);
    if (type == frame::download)
        return parseDownload(frame);
    if (type == frame::ping)
        return parsePing(frame);
    if (type == frame::pong)
        return parsePong(frame);
    if (type == frame::logout)
        return LogoutFrame {};
    if (type == frame::error)
        return parseErrorIn(frame);
    if (type == frame::typing)
        return parseTyping(frame);
    return UnknownFrame {type.left(64), validRid(frame)};
}

// ---- Mutation payloads ----

namespace {

constexpr std::array kKinds {"device.revoke", "presence.set", "conversation.create", "conversation.update",
    "conversation.leave", "prefs.set", "member.add", "member.remove", "member.set_role", "message.send",
    "message.edit", "message.delete", "reaction.add", "reaction.remove", "receipt.mark", "pin.add",
    "pin.remove", "saved.add", "saved.remove"};

PayloadProblem invalid(const FieldReader &r)
{
    return PayloadProblem {code::invalid_payload, r.problem(), QJsonObject {{u"field"_s, r.problemField()}}};
}

// The body: any text, bounded in bytes of UTF-8 (body_too_long is its own code, §7.2).
std::optional<PayloadProblem> checkBody(FieldReader &r, const QString &body, const Limits &limits)
{
    if (!r.ok())
        return invalid(r);
    const qint64 bytes = body.toUtf8().size();
    if (bytes > limits.maxMessageBodyBytes)
        return PayloadProblem {code::body_too_long,
            u"the body is %1 bytes; the limit is %2"_s.arg(bytes).arg(limits.maxMessageBodyBytes),
            QJsonObject {
                {u"limit"_s, u"max_message_body_bytes"_s}, {u"max"_s, double(limits.maxMessageBodyBytes)}}};
    return std::nullopt;
}

// §1.2 time_zone, as defs.schema.json bounds it: IANA-style names, 1-64 characters of
// A-Z a-z 0-9 _ + - in parts separated by single slashes.
bool isTimeZone(const QString &s)
{
    if (s.isEmpty() || s.size() > 64 || s.startsWith(u'/') || s.endsWith(u'/') || s.contains(u"//"_s))
        return false;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
            || u == u'_' || u == u'+' || u == u'-' || u == u'/';
        if (!ok)
            return false;
    }
    return true;
}

QString emoji(FieldReader &r)
{
    const QString e = r.line(f("emoji"), 32);
    if (r.ok() && e.isEmpty())
        r.fail(f("emoji"), u"must not be empty"_s);
    return e;
}

} // namespace

bool isV1MutationKind(const QString &kind)
{
    for (const char *k : kKinds)
        if (kind == QLatin1StringView(k))
            return true;
    return false;
}

std::variant<MutationPayload, PayloadProblem> parseMutationPayload(
    const QString &kind, const QJsonObject &payload, const Limits &limits, const QStringList &features)
{
    if (auto boundary = parseBoundaryPayload(kind, payload, features))
        return *boundary;
    if (kind.startsWith(u"task."_s))
        return parseTaskPayload(kind, payload, features);
    if (approvals::isApprovalKind(kind) && features.contains(u"approvals"_s)) {
        auto parsed = approvals::parseApprovalPayload(kind, payload);
        if (auto *p = std::get_if<approvals::ApprovalPayloadProblem>(&parsed))
            return PayloadProblem {code::invalid_payload, p->reason, QJsonObject {{u"field"_s, p->field}}};
        return MutationPayload(std::get<approvals::ApprovalMutation>(parsed));
    }
    if (!isV1MutationKind(kind))
        return PayloadProblem {code::unknown_kind, u"this server does not implement %1"_s.arg(kind), {}};
    FieldReader r(payload, u"/payload"_s);
    if (kind == u"presence.set"_s) {
        if (!features.contains(u"presence"_s))
            return PayloadProblem {
                code::feature_not_supported, u"this server does not announce presence"_s, {}};
        PresenceSet p;
        p.status = r.oneOf(f("status"), {"online", "away", "busy", "off_duty", "offline"});
        p.offUntil = r.optInteger(f("off_until"));
        p.timeZone = r.optAscii(f("time_zone"), 1, 64).value_or(QString());
        if (r.ok() && !p.timeZone.isEmpty() && !isTimeZone(p.timeZone))
            r.fail(f("time_zone"), u"must be an IANA time zone name"_s);
        p.text = r.optLine(f("text"), 256).value_or(QString());
        if (!r.ok())
            return invalid(r);
        return p;
    }
    if (kind == u"device.revoke"_s) {
        DeviceRevoke p {r.deviceId(f("device_id"))};
        if (!r.ok())
            return invalid(r);
        return p;
    }
    if (kind == u"conversation.create"_s) {
        ConversationCreate p;
        p.conversationId = r.uuid(f("conversation_id"));
        p.kind = r.oneOf(f("kind"), {"direct", "group", "channel"});
        p.memberIds = r.idList(f("member_ids"), kMaxIds);
        const std::optional<QString> name = r.optLine(f("name"), 128);
        const std::optional<QString> topic = r.optLine(f("topic"), 1024);
        if (r.ok() && p.memberIds.isEmpty())
            r.fail(f("member_ids"), u"must name at least one member"_s);
        if (r.ok() && p.kind == u"direct"_s && p.memberIds.size() != 1)
            r.fail(f("member_ids"), u"must name exactly one member for a direct conversation"_s);
        if (r.ok() && p.kind == u"direct"_s && name && !name->isEmpty())
            r.fail(f("name"), u"must be empty for a direct conversation"_s);
        if (r.ok() && p.kind == u"channel"_s && name.value_or(QString()).trimmed().isEmpty())
            r.fail(f("name"), u"is required for a channel"_s);
        if (!r.ok())
            return invalid(r);
        p.name = name.value_or(QString());
        p.topic = topic.value_or(QString());
        return p;
    }
    if (kind == u"conversation.update"_s) {
        ConversationUpdate p;
        p.conversationId = r.id(f("conversation_id"));
        p.name = r.optLine(f("name"), 128);
        p.topic = r.optLine(f("topic"), 1024);
        if (r.ok() && !p.name && !p.topic)
            r.fail(f("name"), u"or topic must be given"_s);
        if (!r.ok())
            return invalid(r);
        return p;
    }
    if (kind == u"conversation.leave"_s) {
        ConversationLeave p {r.id(f("conversation_id"))};
        if (!r.ok())
            return invalid(r);
        return p;
    }
    if (kind == u"prefs.set"_s) {
        PrefsSet p;
        p.conversationId = r.id(f("conversation_id"));
        p.notifyLevel = r.optOneOf(f("notify_level"), {"all", "mentions", "muted"});
        p.pinned = r.optBoolean(f("pinned"));
        p.archived = r.optBoolean(f("archived"));
        if (r.ok() && !p.notifyLevel && !p.pinned && !p.archived)
            r.fail(f("notify_level"), u"pinned or archived must be given"_s);
        if (!r.ok())
            return invalid(r);
        return p;
    }
    if (kind == u"member.add"_s) {
        MemberAdd p;
        p.conversationId = r.id(f("conversation_id"));
        p.userIds = r.idList(f("user_ids"), kMaxIds);
        if (r.ok() && p.userIds.isEmpty())
            r.fail(f("user_ids"), u"must name at least one user"_s);
        if (!r.ok())
            return invalid(r);
        return p;
    }
    if (kind == u"member.remove"_s) {
        MemberRemove p {r.id(f("conversation_id")), r.id(f("user_id"))};
        if (!r.ok())
            return invalid(r);
        return p;
    }
    if (kind == u"member.set_role"_s) {
        MemberSetRole p;
        p.conversationId = r.id(f("conversation_id"));
        p.userId = r.id(f("user_id"));
        p.role = r.oneOf(f("role"), {"owner", "admin", "member"});
        if (!r.ok())
            return invalid(r);
        return p;
    }
    if (kind == u"message.send"_s) {
        MessageSend p;
        p.messageId = r.uuid(f("message_id"));
        p.conversationId = r.id(f("conversation_id"));
        p.body = r.text(f("body"), limits.maxFrameBytes);
        p.format = r.oneOf(f("format"), {"plain", "markdown"});
        p.threadRootId = r.optId(f("thread_root_id"));
        p.replyToId = r.optId(f("reply_to_id"));
        p.mentions = r.optIdList(f("mentions"), kMaxIds).value_or(QStringList());
        p.attachmentIds = r.optIdList(f("attachment_ids"), kMaxAttachments, true).value_or(QStringList());
        const std::optional<qint64> deliverAt = r.optInteger(f("deliver_at"));
        const std::optional<bool> urgent = r.optBoolean(f("urgent"));
        if (r.ok() && p.body.isEmpty() && p.attachmentIds.isEmpty())
            r.fail(f("body"), u"may be empty only when attachment_ids is not"_s);
        // A body over the character bound failed above as text; report it as too long, not invalid.
        if (auto problem = checkBody(r, p.body, limits))
            return *problem;
        if (deliverAt && !features.contains(u"scheduled_send"_s))
            return PayloadProblem {
                code::feature_not_supported, u"this server does not announce scheduled_send"_s, {}};
        if (urgent.value_or(false) && !features.contains(u"urgent"_s))
            return PayloadProblem {
                code::feature_not_supported, u"this server does not announce urgent"_s, {}};
        p.deliverAt = deliverAt;
        p.urgent = urgent.value_or(false);
        return p;
    }
    if (kind == u"message.edit"_s) {
        MessageEdit p;
        p.conversationId = r.id(f("conversation_id"));
        p.messageId = r.id(f("message_id"));
        p.body = r.text(f("body"), limits.maxFrameBytes);
        p.format = r.oneOf(f("format"), {"plain", "markdown"});
        p.mentions = r.optIdList(f("mentions"), kMaxIds).value_or(QStringList());
        if (auto problem = checkBody(r, p.body, limits))
            return *problem;
        return p;
    }
    if (kind == u"reaction.add"_s || kind == u"reaction.remove"_s) {
        ReactionChange p;
        p.conversationId = r.id(f("conversation_id"));
        p.messageId = r.id(f("message_id"));
        p.emoji = emoji(r);
        if (!r.ok())
            return invalid(r);
        return p;
    }
    if (kind == u"receipt.mark"_s) {
        ReceiptMark p;
        p.conversationId = r.id(f("conversation_id"));
        p.upToCseq = r.integer(f("up_to_cseq"), 1);
        if (!r.ok())
            return invalid(r);
        return p;
    }
    // message.delete, pin.add, pin.remove, saved.add, saved.remove
    MessageRef p {r.id(f("conversation_id")), r.id(f("message_id"))};
    if (!r.ok())
        return invalid(r);
    return p;
}

// ---- Tasks (§11.4) ----

namespace {

constexpr qsizetype kMaxTaskAssignees = 64;
constexpr qsizetype kMaxChecklistItems = 100;
constexpr qsizetype kMaxTaskTitle = 256;
constexpr qsizetype kMaxTaskText = 8192;
constexpr qsizetype kMaxChecklistText = 512;
constexpr qsizetype kMaxTaskAttachments = 20;

// An HLC timestamp of §11.2: "<13 digits>-<5 digits>-<device_id>".
QString taskHlc(FieldReader &r)
{
    const QString h = r.ascii(f("hlc"), 21, 84);
    if (r.ok() && !tasks::Hlc::parse(h))
        r.fail(f("hlc"), u"must be <13 digits>-<5 digits>-<device_id>"_s);
    return h;
}

// due_at: a timestamp, or null to clear it.
void taskDueAt(FieldReader &r)
{
    if (r.has(f("due_at")) && !r.object().value(f("due_at")).isNull())
        (void)r.integer(f("due_at"));
}

// The mergeable task fields present in `r` (title, description, status, priority, due_at, deleted).
void taskFields(FieldReader &r, bool withDeleted)
{
    if (r.has(f("title")) && r.line(f("title"), kMaxTaskTitle).trimmed().isEmpty() && r.ok())
        r.fail(f("title"), u"must not be empty"_s);
    (void)r.optText(f("description"), kMaxTaskText);
    (void)r.optOneOf(f("status"), {"open", "in_progress", "done", "cancelled"});
    (void)r.optInteger(f("priority"), 0, 3);
    taskDueAt(r);
    if (withDeleted)
        (void)r.optBoolean(f("deleted"));
}

void checklistFields(FieldReader &r, bool update)
{
    const std::optional<QString> text = r.optLine(f("text"), kMaxChecklistText);
    if (r.ok() && !update && !text)
        r.fail(f("text"), u"is required"_s);
    (void)r.optBoolean(f("done"));
    (void)r.optInteger(f("position"));
    if (update)
        (void)r.optBoolean(f("deleted"));
}

// Every member of `o` must be one of `names`.
void onlyMembers(FieldReader &r, const QJsonObject &o, std::initializer_list<const char *> names)
{
    for (auto it = o.begin(); it != o.end() && r.ok(); ++it) {
        bool known = false;
        for (const char *n : names)
            known |= it.key() == QLatin1StringView(n);
        if (!known)
            r.adoptProblem(r.pointerTo(f("")) + it.key(),
                r.pointerTo(f("")) + it.key() + u" is not a field of this object"_s);
    }
}

} // namespace

std::variant<MutationPayload, PayloadProblem> parseTaskPayload(
    const QString &kind, const QJsonObject &payload, const QStringList &features)
{
    static const QStringList kinds {u"task.create"_s, u"task.update"_s, u"task.delete"_s, u"task.comment"_s};
    if (!features.contains(u"tasks"_s) || !kinds.contains(kind))
        return PayloadProblem {code::unknown_kind, u"this server does not implement %1"_s.arg(kind), {}};
    FieldReader r(payload, u"/payload"_s);
    TaskMutation t {kind, r.uuid(f("task_id")), {}, payload};
    if (kind == u"task.comment"_s) {
        (void)r.uuid(f("comment_id"));
        if (r.ok() && r.text(f("body"), kMaxTaskText).trimmed().isEmpty() && r.ok())
            r.fail(f("body"), u"must not be empty"_s);
        if (!r.ok())
            return invalid(r);
        return t;
    }
    t.hlc = taskHlc(r);
    if (kind == u"task.create"_s) {
        if (r.ok() && !r.has(f("title")))
            r.fail(f("title"), u"is required"_s);
        taskFields(r, false);
        (void)r.optIdList(f("assignees"), kMaxTaskAssignees);
        (void)r.optIdList(f("attachment_ids"), kMaxTaskAttachments, true);
        const std::optional<QString> conversation = r.optId(f("conversation_id"));
        const std::optional<QString> source = r.optId(f("source_message_id"));
        if (r.ok() && source && !conversation)
            r.fail(f("source_message_id"), u"needs conversation_id"_s);
        if (r.ok() && r.has(f("checklist"))) {
            const QJsonArray items = r.array(f("checklist"), kMaxChecklistItems);
            QSet<QString> ids;
            for (qsizetype i = 0; i < items.size() && r.ok(); ++i) {
                FieldReader item(
                    items.at(i).toObject(), r.pointerTo(f("checklist")) + u"/"_s + QString::number(i));
                if (!items.at(i).isObject())
                    item.fail(f(""), u"must be an object"_s);
                const QString id = item.uuid(f("item_id"));
                checklistFields(item, false);
                if (item.ok() && ids.contains(id))
                    item.fail(f("item_id"), u"is given twice"_s);
                ids.insert(id);
                r.adopt(item);
            }
        }
    } else if (kind == u"task.update"_s) {
        bool any = false;
        if (r.ok() && r.has(f("fields"))) {
            const QJsonObject fields = r.object(f("fields"));
            FieldReader fr(fields, r.pointerTo(f("fields")));
            onlyMembers(fr, fields, {"title", "description", "status", "priority", "due_at", "deleted"});
            taskFields(fr, true);
            r.adopt(fr);
            any |= !fields.isEmpty();
        }
        if (r.ok() && r.has(f("assignees"))) {
            const QJsonObject as = r.object(f("assignees"));
            FieldReader ar(as, r.pointerTo(f("assignees")));
            if (as.size() > kMaxTaskAssignees)
                r.fail(f("assignees"), u"names more than %1 users"_s.arg(kMaxTaskAssignees));
            for (auto it = as.begin(); it != as.end() && ar.ok(); ++it) {
                if (!isId(it.key()))
                    ar.adoptProblem(ar.pointerTo(f("")) + it.key(),
                        ar.pointerTo(f("")) + it.key() + u" is not a user id"_s);
                else
                    (void)ar.boolean(QLatin1StringView(it.key().toLatin1()));
            }
            r.adopt(ar);
            any |= !as.isEmpty();
        }
        if (r.ok() && r.has(f("checklist"))) {
            const QJsonObject cs = r.object(f("checklist"));
            if (cs.size() > kMaxChecklistItems)
                r.fail(f("checklist"), u"names more than %1 items"_s.arg(kMaxChecklistItems));
            for (auto it = cs.begin(); it != cs.end() && r.ok(); ++it) {
                const QString at = r.pointerTo(f("checklist")) + u"/"_s + it.key();
                FieldReader item(it->toObject(), at);
                if (!isUuid(it.key()))
                    item.adoptProblem(at, at + u" is not an item id (a uuid)"_s);
                else if (!it->isObject() || it->toObject().isEmpty())
                    item.adoptProblem(at, at + u" must be an object with at least one field"_s);
                onlyMembers(item, it->toObject(), {"text", "done", "position", "deleted"});
                checklistFields(item, true);
                r.adopt(item);
            }
            any |= !cs.isEmpty();
        }
        if (r.ok() && r.has(f("attachments"))) {
            const QJsonObject as = r.object(f("attachments"));
            FieldReader ar(as, r.pointerTo(f("attachments")));
            if (as.size() > kMaxTaskAttachments)
                r.fail(f("attachments"), u"names more than %1 files"_s.arg(kMaxTaskAttachments));
            for (auto it = as.begin(); it != as.end() && ar.ok(); ++it) {
                if (!isUuid(it.key()))
                    ar.adoptProblem(ar.pointerTo(f("")) + it.key(),
                        ar.pointerTo(f("")) + it.key() + u" is not an attachment id (a uuid)"_s);
                else
                    (void)ar.boolean(QLatin1StringView(it.key().toLatin1()));
            }
            r.adopt(ar);
            any |= !as.isEmpty();
        }
        if (r.ok() && !any)
            r.fail(f("fields"), u"assignees, checklist or attachments must change something"_s);
    }
    if (!r.ok())
        return invalid(r);
    return t;
}

} // namespace tandem::protocol
