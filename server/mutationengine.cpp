#include "mutationengine.h"

#include "boundary/boundarykinds.h"
#include "boundary/handover.h"
#include "tasks/taskapplier.h"

#include "jsonbytes.h"
#include "presence.h"
#include "records.h"
#include "resultget.h"

#include "approvals/approvalapply.h"

#include "protocol/clientframes.h"
#include "protocol/codes.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace tandem::server {

using namespace Qt::StringLiterals;
namespace code = protocol::code;

QByteArray mutationRequestHash(
    const QString &spaceId, const QString &kind, qint64 createdAt, const QJsonObject &payload)
{
    // QJsonObject keeps members sorted, so its compact form is canonical for the values v1 carries.
    const QJsonObject request {{u"space_id"_s, spaceId}, {u"kind"_s, kind},
        {u"created_at"_s, double(createdAt)}, {u"payload"_s, payload}};
    return QCryptographicHash::hash(compactJson(request), QCryptographicHash::Sha256);
}

namespace {

struct Rejection
{
    QLatin1StringView code;
    QString reason;
    QJsonObject details;
};

// What one kind produced: the result's data (possibly empty), or a rejection. Errors are separate.
using KindResult = std::variant<QJsonObject, Rejection>;

Rejection notFound(const QString &what, const QString &field = {})
{
    QJsonObject details;
    if (!field.isEmpty())
        details.insert(u"field"_s, field);
    return Rejection {code::not_found, u"%1 does not exist or is not visible to you"_s.arg(what), details};
}
Rejection forbidden(const QString &why)
{
    return Rejection {code::forbidden, why, {}};
}

QStringList userIds(const QList<MemberRow> &members)
{
    QStringList out;
    out.reserve(members.size());
    for (const MemberRow &m : members)
        out << m.userId;
    return out;
}

// One mutation being applied. Every rejection is decided before the first write.
class Apply
{
public:
    Apply(ServerStore &store, SpaceWriter &writer, const MutationRequest &request,
        const protocol::Limits &limitsIn, const Policy &policyIn, MutationOutcome &outcomeIn,
        Presence *presenceIn)
        : st(store)
        , w(writer)
        , req(request)
        , limits(limitsIn)
        , policy(policyIn)
        , outcome(outcomeIn)
        , presence(presenceIn)
    { }

    Result<KindResult> run(const protocol::MutationPayload &payload)
    {
        return std::visit([this](const auto &p) { return on(p); }, payload);
    }

private:
    ServerStore &st;
    SpaceWriter &w;
    const MutationRequest &req;
    const protocol::Limits &limits;
    const Policy &policy;
    MutationOutcome &outcome;
    Presence *presence;

    QString actor() const { return req.userId; }

    // The conversation in this space and the actor's membership, or not_found.
    struct Access
    {
        ConversationRow conversation;
        MemberRow self;
    };
    Result<std::variant<Access, Rejection>> access(const QString &conversationId)
    {
        TANDEM_GET(conv, st.conversation(conversationId));
        if (!conv || conv->spaceId != w.space().id)
            return std::variant<Access, Rejection>(
                notFound(u"the conversation"_s, u"/payload/conversation_id"_s));
        TANDEM_GET(me, st.member(conversationId, actor()));
        if (!me)
            return std::variant<Access, Rejection>(
                notFound(u"the conversation"_s, u"/payload/conversation_id"_s));
        return std::variant<Access, Rejection>(Access {*conv, *me});
    }

    Result<std::variant<MessageRow, Rejection>> messageIn(const ConversationRow &conv,
        const QString &messageId, const QString &field = u"/payload/message_id"_s)
    {
        TANDEM_GET(m, st.message(messageId));
        if (!m || m->conversationId != conv.id)
            return std::variant<MessageRow, Rejection>(notFound(u"the message"_s, field));
        return std::variant<MessageRow, Rejection>(*m);
    }

    static bool isModerator(const MemberRow &m) { return m.role == u"owner"_s || m.role == u"admin"_s; }

    Result<QStringList> memberIds(const QString &conversationId)
    {
        TANDEM_GET(ms, st.members(conversationId));
        return userIds(ms);
    }

    // Recomputes `external` (any member outside the space's organisation); true when it changed.
    Result<bool> refreshExternal(ConversationRow &conv)
    {
        if (w.space().organisationId.isEmpty())
            return false;
        TANDEM_GET(ms, st.members(conv.id));
        bool external = false;
        for (const MemberRow &m : ms) {
            TANDEM_GET(u, w.user(m.userId));
            if (u && u->organisationId != w.space().organisationId)
                external = true;
        }
        const bool changed = external != conv.external;
        conv.external = external;
        return changed;
    }

    // Adds `joiners` to a conversation whose current members are `existing`, with the events of §6.1:
    // users each side could not see yet, the conversation and every member for the joiners, and the
    // joiners for the others. `conv` is stored by the caller before (create) or here (external flag).
    Status join(ConversationRow &conv, const QList<MemberRow> &existing, const QList<MemberRow> &joiners)
    {
        QStringList all = userIds(existing) + userIds(joiners);
        // Visibility as it was before the join decides who needs user.updated.
        QList<QPair<QString, QString>> introductions; // (viewer, target)
        for (const MemberRow &j : joiners) {
            for (const QString &other : all) {
                if (other == j.userId)
                    continue;
                TANDEM_GET(sees, w.canSee(j.userId, other));
                if (!sees)
                    introductions.push_back({j.userId, other});
                if (!userIds(joiners).contains(other)) {
                    TANDEM_GET(seen, w.canSee(other, j.userId));
                    if (!seen)
                        introductions.push_back({other, j.userId});
                }
            }
        }
        for (const MemberRow &j : joiners)
            TANDEM_TRY(st.putMember(j));
        TANDEM_GET(externalChanged, refreshExternal(conv));
        TANDEM_TRY(st.updateConversation(conv));
        for (const auto &[viewer, target] : introductions) {
            TANDEM_GET(record, w.userRecord(target));
            TANDEM_TRY(w.emit(QLatin1StringView("user.updated"), {{u"user"_s, record}}, {viewer}));
        }
        const QStringList joinerIds = userIds(joiners);
        const QJsonObject convData {{u"conversation"_s, records::conversation(conv)}};
        TANDEM_TRY(
            w.emit(QLatin1StringView("conversation.updated"), convData, externalChanged ? all : joinerIds));
        for (const MemberRow &m : existing + joiners) {
            const QStringList to = joinerIds.contains(m.userId) ? all : joinerIds;
            TANDEM_TRY(w.emit(QLatin1StringView("member.updated"), {{u"member"_s, records::member(m)}}, to));
        }
        if (!existing.isEmpty()) {
            TANDEM_GET(rs, st.receipts(conv.id));
            for (const ReceiptRow &r : rs)
                if (conv.kind != u"channel"_s)
                    TANDEM_TRY(w.emit(QLatin1StringView("receipt.updated"),
                        {{u"receipt"_s, records::receipt(r)}}, joinerIds));
            TANDEM_GET(ps, st.pins(conv.id));
            for (const PinRow &p : ps)
                TANDEM_TRY(w.emit(QLatin1StringView("pin.added"), {{u"pin"_s, records::pin(p)}}, joinerIds));
        }
        return {};
    }

    // Users that may be added by the actor: known accounts that belong to this space. (Members of a
    // space may name each other; people of other spaces do not exist here.)
    Result<std::optional<Rejection>> checkAddable(const QStringList &ids, const QString &field)
    {
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const QString pointer = u"%1/%2"_s.arg(field).arg(i);
            TANDEM_GET(u, w.user(ids[i]));
            TANDEM_GET(inSpace, st.isSpaceMember(w.space().id, ids[i]));
            if (!u || !inSpace)
                return std::optional<Rejection>(notFound(u"the user"_s, pointer));
            if (u->deactivated)
                return std::optional<Rejection>(forbidden(u"%1 is deactivated"_s.arg(ids[i])));
        }
        return std::optional<Rejection>();
    }

    // ---- kinds ----

    Result<KindResult> on(const protocol::PresenceSet &p)
    {
        if (!presence)
            return KindResult(Rejection {code::feature_not_supported, u"presence is not announced"_s, {}});
        TANDEM_TRY(presence->choose(w, actor(), p));
        outcome.presenceChoice = p;
        return KindResult(QJsonObject());
    }

    Result<KindResult> on(const protocol::DeviceRevoke &p)
    {
        TANDEM_GET(device, st.device(p.deviceId));
        if (!device || device->userId != actor())
            return KindResult(notFound(u"the device"_s, u"/payload/device_id"_s));
        if (device->revokedAt > 0)
            return KindResult(QJsonObject());
        device->revokedAt = w.now();
        TANDEM_TRY(st.updateDevice(*device));
        TANDEM_TRY(st.revokeTokensOfDevice(device->id));
        TANDEM_GET(spaces, st.spacesOfUser(actor()));
        for (const SpaceRow &s : spaces)
            TANDEM_TRY(w.emitIn(s.id, QLatin1StringView("device.updated"),
                {{u"device"_s, records::device(*device)}}, {actor()}));
        outcome.revokedDevices << device->id;
        return KindResult(QJsonObject());
    }

    Result<KindResult> on(const protocol::ConversationCreate &p)
    {
        TANDEM_GET(existingConv, st.conversation(p.conversationId));
        if (existingConv)
            return KindResult(Rejection {code::id_conflict, u"the conversation id is already used"_s,
                {{u"field"_s, u"/payload/conversation_id"_s}}});
        if (p.memberIds.contains(actor()))
            return KindResult(Rejection {code::invalid_payload, u"member_ids must not list the creator"_s,
                {{u"field"_s, u"/payload/member_ids"_s}}});
        TANDEM_GET(addable, checkAddable(p.memberIds, u"/payload/member_ids"_s));
        if (addable)
            return KindResult(*addable);
        if (p.memberIds.size() + 1 > MutationEngine::kMaxConversationMembers)
            return KindResult(Rejection {code::limit_exceeded, u"too many members"_s,
                {{u"limit"_s, u"members"_s}, {u"max"_s, MutationEngine::kMaxConversationMembers}}});
        if (p.kind == u"direct"_s) {
            TANDEM_GET(direct, st.directConversation(w.space().id, actor(), p.memberIds.first()));
            if (direct)
                return KindResult(Rejection {code::conversation_exists, u"a direct conversation exists"_s,
                    {{u"conversation_id"_s, *direct}}});
        }
        ConversationRow conv;
        conv.id = p.conversationId;
        conv.spaceId = w.space().id;
        conv.kind = p.kind;
        conv.name = p.name;
        conv.topic = p.topic;
        conv.createdBy = actor();
        conv.createdAt = w.now();
        TANDEM_TRY(st.createConversation(conv));
        QList<MemberRow> joiners {MemberRow {conv.id, actor(), u"owner"_s, w.now()}};
        for (const QString &id : p.memberIds)
            joiners.push_back(MemberRow {conv.id, id, u"member"_s, w.now()});
        TANDEM_TRY(join(conv, {}, joiners));
        return KindResult(QJsonObject {{u"conversation_id"_s, conv.id}});
    }

    Result<KindResult> on(const protocol::ConversationUpdate &p)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        auto &[conv, self] = std::get<Access>(a);
        if (conv.kind == u"direct"_s)
            return KindResult(forbidden(u"a direct conversation has no name or topic"_s));
        if (conv.kind == u"channel"_s && !isModerator(self))
            return KindResult(forbidden(u"only owners and admins change a channel"_s));
        if (conv.kind == u"channel"_s && p.name && p.name->trimmed().isEmpty())
            return KindResult(Rejection {code::invalid_payload, u"a channel's name cannot be empty"_s,
                {{u"field"_s, u"/payload/name"_s}}});
        const ConversationRow before = conv;
        if (p.name)
            conv.name = *p.name;
        if (p.topic)
            conv.topic = *p.topic;
        if (conv.name == before.name && conv.topic == before.topic)
            return KindResult(QJsonObject());
        TANDEM_TRY(st.updateConversation(conv));
        TANDEM_GET(to, memberIds(conv.id));
        TANDEM_TRY(w.emit(QLatin1StringView("conversation.updated"),
            {{u"conversation"_s, records::conversation(conv)}}, to));
        return KindResult(QJsonObject());
    }

    // Removes `userId` from the conversation (leave or removal), with its events and, for a leave of
    // the last owner, a successor.
    Status removeFromConversation(ConversationRow &conv, const QString &userId, const QString &reason)
    {
        TANDEM_TRY(st.removeMember(conv.id, userId));
        TANDEM_TRY(st.removeReceipt(conv.id, userId));
        TANDEM_TRY(w.emit(QLatin1StringView("conversation.removed"),
            {{u"conversation_id"_s, conv.id}, {u"reason"_s, reason}}, {userId}));
        TANDEM_GET(rest, st.members(conv.id));
        if (rest.isEmpty())
            return st.deleteConversation(conv.id);
        const QStringList to = userIds(rest);
        TANDEM_TRY(w.emit(QLatin1StringView("member.removed"),
            {{u"conversation_id"_s, conv.id}, {u"user_id"_s, userId}, {u"reason"_s, reason}}, to));
        const bool ownerLeft = std::none_of(
            rest.cbegin(), rest.cend(), [](const MemberRow &m) { return m.role == u"owner"_s; });
        if (ownerLeft) {
            // The longest-standing admin, else the longest-standing member (members are by joined_at).
            auto heir = std::find_if(
                rest.begin(), rest.end(), [](const MemberRow &m) { return m.role == u"admin"_s; });
            if (heir == rest.end())
                heir = rest.begin();
            heir->role = u"owner"_s;
            TANDEM_TRY(st.putMember(*heir));
            TANDEM_TRY(
                w.emit(QLatin1StringView("member.updated"), {{u"member"_s, records::member(*heir)}}, to));
        }
        TANDEM_GET(externalChanged, refreshExternal(conv));
        if (externalChanged) {
            TANDEM_TRY(st.updateConversation(conv));
            TANDEM_TRY(w.emit(QLatin1StringView("conversation.updated"),
                {{u"conversation"_s, records::conversation(conv)}}, to));
        }
        return {};
    }

    Result<KindResult> on(const protocol::ConversationLeave &p)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        auto &conv = std::get<Access>(a).conversation;
        if (conv.kind == u"direct"_s)
            return KindResult(forbidden(u"a direct conversation cannot be left"_s));
        TANDEM_TRY(removeFromConversation(conv, actor(), u"left"_s));
        return KindResult(QJsonObject());
    }

    Result<KindResult> on(const protocol::PrefsSet &p)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        TANDEM_GET(current, st.prefs(actor(), p.conversationId));
        PrefsRow prefs = current.value_or(PrefsRow {p.conversationId});
        const PrefsRow before = prefs;
        if (p.notifyLevel)
            prefs.notifyLevel = *p.notifyLevel;
        if (p.pinned)
            prefs.pinned = *p.pinned;
        if (p.archived)
            prefs.archived = *p.archived;
        if (current && prefs.notifyLevel == before.notifyLevel && prefs.pinned == before.pinned
            && prefs.archived == before.archived)
            return KindResult(QJsonObject());
        prefs.updatedAt = w.now();
        TANDEM_TRY(st.putPrefs(actor(), prefs));
        TANDEM_TRY(
            w.emit(QLatin1StringView("prefs.updated"), {{u"prefs"_s, records::prefs(prefs)}}, {actor()}));
        return KindResult(QJsonObject());
    }

    Result<KindResult> on(const protocol::MemberAdd &p)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        auto &[conv, self] = std::get<Access>(a);
        if (conv.kind == u"direct"_s)
            return KindResult(forbidden(u"nobody can be added to a direct conversation"_s));
        if (conv.kind == u"channel"_s && !isModerator(self))
            return KindResult(forbidden(u"only owners and admins add people to a channel"_s));
        TANDEM_GET(addable, checkAddable(p.userIds, u"/payload/user_ids"_s));
        if (addable)
            return KindResult(*addable);
        TANDEM_GET(existing, st.members(conv.id));
        const QStringList current = userIds(existing);
        QList<MemberRow> joiners;
        for (const QString &id : p.userIds)
            if (!current.contains(id))
                joiners.push_back(MemberRow {conv.id, id, u"member"_s, w.now()});
        if (joiners.isEmpty())
            return KindResult(QJsonObject());
        if (existing.size() + joiners.size() > MutationEngine::kMaxConversationMembers)
            return KindResult(Rejection {code::limit_exceeded, u"the conversation is full"_s,
                {{u"limit"_s, u"members"_s}, {u"max"_s, MutationEngine::kMaxConversationMembers}}});
        TANDEM_TRY(join(conv, existing, joiners));
        return KindResult(QJsonObject());
    }

    Result<KindResult> on(const protocol::MemberRemove &p)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        auto &[conv, self] = std::get<Access>(a);
        TANDEM_GET(target, st.member(conv.id, p.userId));
        if (!target)
            return KindResult(notFound(u"the member"_s, u"/payload/user_id"_s));
        if (p.userId == actor())
            return KindResult(forbidden(u"use conversation.leave to leave"_s));
        if (conv.kind == u"direct"_s)
            return KindResult(forbidden(u"nobody can be removed from a direct conversation"_s));
        const bool allowed
            = self.role == u"owner"_s || (self.role == u"admin"_s && target->role == u"member"_s);
        if (!allowed)
            return KindResult(forbidden(u"your role does not allow removing this member"_s));
        TANDEM_TRY(removeFromConversation(conv, p.userId, u"removed"_s));
        return KindResult(QJsonObject());
    }

    Result<KindResult> on(const protocol::MemberSetRole &p)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        auto &[conv, self] = std::get<Access>(a);
        if (self.role != u"owner"_s)
            return KindResult(forbidden(u"only owners change roles"_s));
        TANDEM_GET(target, st.member(conv.id, p.userId));
        if (!target)
            return KindResult(notFound(u"the member"_s, u"/payload/user_id"_s));
        if (target->role == p.role)
            return KindResult(QJsonObject());
        if (p.userId == actor() && p.role != u"owner"_s) {
            TANDEM_GET(all, st.members(conv.id));
            const auto owners = std::count_if(
                all.cbegin(), all.cend(), [](const MemberRow &m) { return m.role == u"owner"_s; });
            if (owners <= 1)
                return KindResult(forbidden(u"the last owner cannot step down"_s));
        }
        target->role = p.role;
        TANDEM_TRY(st.putMember(*target));
        TANDEM_GET(to, memberIds(conv.id));
        TANDEM_TRY(
            w.emit(QLatin1StringView("member.updated"), {{u"member"_s, records::member(*target)}}, to));
        return KindResult(QJsonObject());
    }

    // Mentions of members only (§7.2): others are dropped.
    Result<QJsonArray> keptMentions(const QString &conversationId, const QStringList &mentions)
    {
        QJsonArray out;
        for (const QString &id : mentions) {
            TANDEM_GET(m, st.member(conversationId, id));
            if (m)
                out.append(id);
        }
        return out;
    }

    Result<KindResult> on(const protocol::MessageSend &p)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        auto &conv = std::get<Access>(a).conversation;
        TANDEM_GET(clash, st.message(p.messageId));
        if (clash)
            return KindResult(Rejection {code::id_conflict, u"the message id is already used"_s,
                {{u"field"_s, u"/payload/message_id"_s}}});
        std::optional<MessageRow> root;
        if (p.threadRootId) {
            TANDEM_GET(r, messageIn(conv, *p.threadRootId, u"/payload/thread_root_id"_s));
            if (auto *rej = std::get_if<Rejection>(&r))
                return KindResult(*rej);
            root = std::get<MessageRow>(r);
            if (!root->threadRootId.isEmpty())
                return KindResult(Rejection {code::invalid_payload, u"thread_root_id must name a root"_s,
                    {{u"field"_s, u"/payload/thread_root_id"_s}}});
            if (root->deleted)
                return KindResult(Rejection {code::message_deleted, u"the thread root was deleted"_s, {}});
        }
        if (p.replyToId) {
            TANDEM_GET(r, messageIn(conv, *p.replyToId, u"/payload/reply_to_id"_s));
            if (auto *rej = std::get_if<Rejection>(&r))
                return KindResult(*rej);
        }
        QJsonArray attachments;
        QList<AttachmentRow> used;
        for (qsizetype i = 0; i < p.attachmentIds.size(); ++i) {
            TANDEM_GET(att, st.attachment(p.attachmentIds[i]));
            if (!att || att->uploaderId != actor() || !att->complete || att->spaceId != w.space().id)
                return KindResult(notFound(u"the attachment"_s, u"/payload/attachment_ids/%1"_s.arg(i)));
            attachments.append(
                QJsonObject {{u"id"_s, att->id}, {u"name"_s, att->name}, {u"mime_type"_s, att->mimeType},
                    {u"size_bytes"_s, double(att->sizeBytes)}, {u"sha256"_s, att->sha256}});
            used << *att;
        }
        TANDEM_GET(mentions, keptMentions(conv.id, p.mentions));
        if (p.deliverAt && *p.deliverAt > w.now())
            return boundaryResult(boundary::scheduleMessage(st, w, actor(), req.mutationId, p, req.payload));
        if (p.urgent) {
            TANDEM_GET(refusal, boundary::urgentRefusal(st, w, actor(), conv));
            if (refusal)
                return KindResult(Rejection {refusal->code, refusal->reason, refusal->details});
        }

        conv.lastCseq += 1;
        MessageRow m;
        m.id = p.messageId;
        m.conversationId = conv.id;
        m.senderId = actor();
        m.threadRootId = p.threadRootId.value_or(QString());
        m.cseq = conv.lastCseq;
        m.createdAt = w.now();
        m.record = QJsonObject {{u"id"_s, m.id}, {u"conversation_id"_s, conv.id}, {u"cseq"_s, double(m.cseq)},
            {u"sender_id"_s, actor()}, {u"created_at"_s, double(m.createdAt)}, {u"body"_s, p.body},
            {u"format"_s, p.format}, {u"mentions"_s, mentions}, {u"attachments"_s, attachments},
            {u"reactions"_s, QJsonArray()}};
        if (p.threadRootId)
            m.record.insert(u"thread_root_id"_s, *p.threadRootId);
        if (p.replyToId)
            m.record.insert(u"reply_to_id"_s, *p.replyToId);
        if (p.urgent)
            m.record.insert(u"urgent"_s, true);
        TANDEM_TRY(st.insertMessage(m));
        for (const AttachmentRow &att : used)
            TANDEM_TRY(st.linkAttachment(m.id, att.id));
        TANDEM_TRY(st.updateConversation(conv));
        QJsonObject data {{u"message"_s, m.record}};
        if (root) {
            QJsonObject thread = root->record.value(u"thread"_s).toObject();
            thread.insert(u"reply_count"_s, thread.value(u"reply_count"_s).toDouble() + 1);
            thread.insert(u"last_reply_at"_s, double(m.createdAt));
            root->record.insert(u"thread"_s, thread);
            TANDEM_TRY(st.updateMessage(*root));
            data.insert(u"root_thread"_s, thread);
        }
        TANDEM_GET(to, memberIds(conv.id));
        if (p.urgent)
            TANDEM_TRY(boundary::recordUrgent(st, w, m, to));
        TANDEM_TRY(w.emit(QLatin1StringView("message.created"), data, to));
        return KindResult(QJsonObject {
            {u"message_id"_s, m.id}, {u"cseq"_s, double(m.cseq)}, {u"created_at"_s, double(m.createdAt)}});
    }

    Result<KindResult> on(const protocol::MessageEdit &p)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        auto &conv = std::get<Access>(a).conversation;
        TANDEM_GET(r, messageIn(conv, p.messageId));
        if (auto *rej = std::get_if<Rejection>(&r))
            return KindResult(*rej);
        MessageRow &m = std::get<MessageRow>(r);
        if (m.senderId != actor())
            return KindResult(forbidden(u"only the sender edits a message"_s));
        if (m.record.contains(u"system"_s)) // a server-authored notice (§6.12) says what the server said
            return KindResult(forbidden(u"a notice cannot be edited"_s));
        if (m.deleted)
            return KindResult(Rejection {code::message_deleted, u"the message was deleted"_s, {}});
        if (policy.editWindowMs > 0 && w.now() - m.createdAt > policy.editWindowMs)
            return KindResult(Rejection {code::window_closed, u"the edit window is over"_s,
                {{u"window_ms"_s, double(policy.editWindowMs)}}});
        TANDEM_GET(mentions, keptMentions(conv.id, p.mentions));
        if (m.record.value(u"body"_s).toString() == p.body
            && m.record.value(u"format"_s).toString() == p.format
            && m.record.value(u"mentions"_s).toArray() == mentions)
            return KindResult(QJsonObject());
        m.record.insert(u"body"_s, p.body);
        m.record.insert(u"format"_s, p.format);
        m.record.insert(u"mentions"_s, mentions);
        m.record.insert(u"edited_at"_s, double(w.now()));
        TANDEM_TRY(st.updateMessage(m));
        TANDEM_GET(to, memberIds(conv.id));
        TANDEM_TRY(w.emit(QLatin1StringView("message.edited"),
            {{u"conversation_id"_s, conv.id}, {u"message_id"_s, m.id}, {u"body"_s, p.body},
                {u"format"_s, p.format}, {u"mentions"_s, mentions}, {u"edited_at"_s, double(w.now())}},
            to));
        return KindResult(QJsonObject());
    }

    Result<KindResult> deleteMessage(const protocol::MessageRef &p)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        auto &[conv, self] = std::get<Access>(a);
        TANDEM_GET(r, messageIn(conv, p.messageId));
        if (auto *rej = std::get_if<Rejection>(&r))
            return KindResult(*rej);
        MessageRow &m = std::get<MessageRow>(r);
        if (m.deleted)
            return KindResult(QJsonObject());
        if (!isModerator(self)) {
            if (m.senderId != actor())
                return KindResult(forbidden(u"only the sender, owners and admins delete a message"_s));
            if (policy.recallWindowMs > 0 && w.now() - m.createdAt > policy.recallWindowMs)
                return KindResult(Rejection {code::window_closed, u"the recall window is over"_s,
                    {{u"window_ms"_s, double(policy.recallWindowMs)}}});
        }
        m.deleted = true;
        m.record.insert(u"body"_s, QString());
        m.record.insert(u"mentions"_s, QJsonArray());
        m.record.insert(u"attachments"_s, QJsonArray());
        m.record.insert(u"reactions"_s, QJsonArray());
        m.record.insert(u"deleted_at"_s, double(w.now()));
        m.record.insert(u"deleted_by"_s, actor());
        TANDEM_TRY(st.updateMessage(m));
        TANDEM_TRY(st.unlinkAttachments(m.id));
        TANDEM_GET(to, memberIds(conv.id));
        TANDEM_TRY(w.emit(QLatin1StringView("message.deleted"),
            {{u"conversation_id"_s, conv.id}, {u"message_id"_s, m.id}, {u"deleted_by"_s, actor()},
                {u"deleted_at"_s, double(w.now())}},
            to));
        TANDEM_GET(pinned, st.pin(conv.id, m.id));
        if (pinned) {
            TANDEM_TRY(st.removePin(conv.id, m.id));
            TANDEM_TRY(w.emit(QLatin1StringView("pin.removed"),
                {{u"conversation_id"_s, conv.id}, {u"message_id"_s, m.id}, {u"removed_by"_s, actor()},
                    {u"at"_s, double(w.now())}},
                to));
        }
        return KindResult(QJsonObject());
    }

    Result<KindResult> on(const protocol::ReactionChange &p)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        auto &conv = std::get<Access>(a).conversation;
        TANDEM_GET(r, messageIn(conv, p.messageId));
        if (auto *rej = std::get_if<Rejection>(&r))
            return KindResult(*rej);
        MessageRow &m = std::get<MessageRow>(r);
        const bool add = req.kind == u"reaction.add"_s;
        if (m.deleted)
            return add ? KindResult(Rejection {code::message_deleted, u"the message was deleted"_s, {}})
                       : KindResult(QJsonObject());
        QJsonArray reactions = m.record.value(u"reactions"_s).toArray();
        qsizetype found = -1;
        for (qsizetype i = 0; i < reactions.size(); ++i) {
            const QJsonObject e = reactions[i].toObject();
            if (e.value(u"user_id"_s).toString() == actor() && e.value(u"emoji"_s).toString() == p.emoji)
                found = i;
        }
        if (add == (found >= 0))
            return KindResult(QJsonObject()); // already there, or nothing to take back
        if (add && reactions.size() >= MutationEngine::kMaxReactionsPerMessage)
            return KindResult(Rejection {code::limit_exceeded, u"the message has too many reactions"_s,
                {{u"limit"_s, u"reactions"_s}, {u"max"_s, MutationEngine::kMaxReactionsPerMessage}}});
        if (add)
            reactions.append(
                QJsonObject {{u"emoji"_s, p.emoji}, {u"user_id"_s, actor()}, {u"at"_s, double(w.now())}});
        else
            reactions.removeAt(found);
        m.record.insert(u"reactions"_s, reactions);
        TANDEM_TRY(st.updateMessage(m));
        TANDEM_GET(to, memberIds(conv.id));
        TANDEM_TRY(w.emit(add ? QLatin1StringView("reaction.added") : QLatin1StringView("reaction.removed"),
            {{u"conversation_id"_s, conv.id}, {u"message_id"_s, m.id}, {u"user_id"_s, actor()},
                {u"emoji"_s, p.emoji}, {u"at"_s, double(w.now())}},
            to));
        return KindResult(QJsonObject());
    }

    Result<KindResult> on(const protocol::ReceiptMark &p)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        auto &conv = std::get<Access>(a).conversation;
        if (p.upToCseq > conv.lastCseq)
            return KindResult(
                Rejection {code::invalid_payload, u"up_to_cseq is beyond the conversation's last message"_s,
                    {{u"field"_s, u"/payload/up_to_cseq"_s}}});
        TANDEM_GET(current, st.receipt(conv.id, actor()));
        if (current && current->upToCseq >= p.upToCseq)
            return KindResult(QJsonObject());
        const ReceiptRow receipt {conv.id, actor(), p.upToCseq, w.now()};
        TANDEM_TRY(st.putReceipt(receipt));
        // Channels keep receipts to their owners (§6.1 allows it): no fan-out storm in big audiences.
        QStringList to {actor()};
        if (conv.kind != u"channel"_s) {
            TANDEM_GET(all, memberIds(conv.id));
            to = all;
        }
        TANDEM_TRY(
            w.emit(QLatin1StringView("receipt.updated"), {{u"receipt"_s, records::receipt(receipt)}}, to));
        return KindResult(QJsonObject());
    }

    Result<KindResult> pinChange(const protocol::MessageRef &p, bool add)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        auto &[conv, self] = std::get<Access>(a);
        TANDEM_GET(r, messageIn(conv, p.messageId));
        if (auto *rej = std::get_if<Rejection>(&r))
            return KindResult(*rej);
        if (conv.kind == u"channel"_s && !isModerator(self))
            return KindResult(forbidden(u"only owners and admins pin in a channel"_s));
        const MessageRow &m = std::get<MessageRow>(r);
        TANDEM_GET(current, st.pin(conv.id, m.id));
        TANDEM_GET(to, memberIds(conv.id));
        if (add) {
            if (m.deleted)
                return KindResult(Rejection {code::message_deleted, u"the message was deleted"_s, {}});
            if (current)
                return KindResult(QJsonObject());
            TANDEM_GET(all, st.pins(conv.id));
            if (all.size() >= MutationEngine::kMaxPinsPerConversation)
                return KindResult(Rejection {code::limit_exceeded, u"too many pins"_s,
                    {{u"limit"_s, u"pins"_s}, {u"max"_s, MutationEngine::kMaxPinsPerConversation}}});
            const PinRow pin {conv.id, m.id, actor(), w.now()};
            TANDEM_TRY(st.putPin(pin));
            TANDEM_TRY(w.emit(QLatin1StringView("pin.added"), {{u"pin"_s, records::pin(pin)}}, to));
            return KindResult(QJsonObject());
        }
        if (!current)
            return KindResult(QJsonObject());
        TANDEM_TRY(st.removePin(conv.id, m.id));
        TANDEM_TRY(w.emit(QLatin1StringView("pin.removed"),
            {{u"conversation_id"_s, conv.id}, {u"message_id"_s, m.id}, {u"removed_by"_s, actor()},
                {u"at"_s, double(w.now())}},
            to));
        return KindResult(QJsonObject());
    }

    Result<KindResult> savedChange(const protocol::MessageRef &p, bool add)
    {
        TANDEM_GET(a, access(p.conversationId));
        if (auto *r = std::get_if<Rejection>(&a))
            return KindResult(*r);
        auto &conv = std::get<Access>(a).conversation;
        TANDEM_GET(r, messageIn(conv, p.messageId));
        if (auto *rej = std::get_if<Rejection>(&r))
            return KindResult(*rej);
        TANDEM_GET(current, st.saved(actor(), p.messageId));
        if (add == current.has_value())
            return KindResult(QJsonObject());
        if (add) {
            const SavedRow saved {conv.id, p.messageId, w.now()};
            TANDEM_TRY(st.putSaved(actor(), saved));
            TANDEM_TRY(
                w.emit(QLatin1StringView("saved.added"), {{u"saved"_s, records::saved(saved)}}, {actor()}));
        } else {
            TANDEM_TRY(st.removeSaved(actor(), p.messageId));
            TANDEM_TRY(w.emit(QLatin1StringView("saved.removed"),
                {{u"conversation_id"_s, conv.id}, {u"message_id"_s, p.messageId}}, {actor()}));
        }
        return KindResult(QJsonObject());
    }

    Result<KindResult> on(const protocol::MessageRef &p)
    {
        if (req.kind == u"message.delete"_s)
            return deleteMessage(p);
        if (req.kind == u"pin.add"_s || req.kind == u"pin.remove"_s)
            return pinChange(p, req.kind == u"pin.add"_s);
        return savedChange(p, req.kind == u"saved.add"_s);
    }

    // Boundary kinds (issue 5): server/boundary/.
    static Result<KindResult> boundaryResult(const Result<boundary::Outcome> &r)
    {
        if (!r)
            return r.error();
        if (const auto *refusal = std::get_if<boundary::Refusal>(&*r))
            return KindResult(Rejection {refusal->code, refusal->reason, refusal->details});
        return KindResult(std::get<QJsonObject>(*r));
    }
    Result<KindResult> on(const protocol::MessageCancelSchedule &p)
    {
        return boundaryResult(boundary::cancelScheduled(st, w, actor(), p));
    }
    Result<KindResult> on(const protocol::UrgentAck &p)
    {
        return boundaryResult(boundary::acknowledgeUrgent(st, w, actor(), p));
    }
    Result<KindResult> on(const protocol::UrgentPolicySet &p)
    {
        return boundaryResult(boundary::setUrgentPolicy(st, w, actor(), p));
    }
    Result<KindResult> on(const protocol::ConversationHandover &p)
    {
        const boundary::Membership membership {
            [this](ConversationRow &c, const QList<MemberRow> &existing, const QList<MemberRow> &joiners) {
                return join(c, existing, joiners);
            },
            [this](ConversationRow &c, const QString &userId, const QString &reason) {
                return removeFromConversation(c, userId, reason);
            }};
        return boundaryResult(boundary::handOver(st, w, actor(), p, membership));
    }

    // Tasks (feature tasks, docs/protocol.md §11.4): server/tasks/taskapplier.cpp.
    Result<KindResult> on(const protocol::TaskMutation &p)
    {
        TANDEM_GET(r, tasks::applyTaskMutation(st, w, actor(), req.deviceId, p));
        if (const auto *rej = std::get_if<tasks::TaskRejection>(&r))
            return KindResult(Rejection {rej->code, rej->reason, rej->details});
        return KindResult(std::get<QJsonObject>(r));
    }

    Result<KindResult> on(const tandem::approvals::ApprovalMutation &p)
    {
        TANDEM_GET(r, approvals::applyApprovalMutation(st, w, actor(), req.deviceId, p));
        if (const auto *rej = std::get_if<approvals::ApplyRejection>(&r))
            return KindResult(Rejection {rej->code, rej->reason, rej->details});
        return KindResult(std::get<QJsonObject>(r));
    }
};

QJsonObject outcomeOf(const KindResult &r, qint64 seq)
{
    if (const auto *rej = std::get_if<Rejection>(&r)) {
        QJsonObject o {{u"status"_s, u"rejected"_s}, {u"code"_s, QString(rej->code)},
            {u"reason"_s, rej->reason.left(1024)}};
        if (!rej->details.isEmpty())
            o.insert(u"details"_s, rej->details);
        return o;
    }
    QJsonObject o {{u"status"_s, u"applied"_s}};
    if (seq > 0)
        o.insert(u"seq"_s, double(seq));
    const QJsonObject &data = std::get<QJsonObject>(r);
    if (!data.isEmpty())
        o.insert(u"data"_s, data);
    return o;
}

QJsonObject resultFrame(const MutationRequest &req, const QJsonObject &outcome, bool duplicate)
{
    QJsonObject frame {
        {u"type"_s, u"result"_s}, {u"space_id"_s, req.spaceId}, {u"mutation_id"_s, req.mutationId}};
    if (duplicate) {
        frame.insert(u"status"_s, u"duplicate"_s);
        frame.insert(u"original"_s, outcome);
        return frame;
    }
    for (auto it = outcome.begin(); it != outcome.end(); ++it)
        frame.insert(it.key(), it.value());
    return frame;
}

} // namespace

MutationEngine::MutationEngine(
    ServerStore &store, protocol::Limits limits, Policy policy, QStringList features)
    : m_store(store)
    , m_limits(limits)
    , m_policy(policy)
    , m_features(std::move(features))
{ }

Result<MutationOutcome> MutationEngine::process(const MutationRequest &req, qint64 now)
{
    MutationOutcome outcome;
    const QByteArray hash = mutationRequestHash(req.spaceId, req.kind, req.createdAt, req.payload);
    TANDEM_TRY(m_store.begin());
    auto fail = [this](const Error &e) {
        m_store.rollback();
        return e;
    };
    auto seen = m_store.mutation(req.userId, req.mutationId);
    if (!seen)
        return fail(seen.error());
    if (*seen) {
        m_store.rollback();
        if ((*seen)->requestHash == hash) {
            outcome.result = resultFrame(req, (*seen)->outcome, true);
        } else {
            const KindResult reused(Rejection {
                code::mutation_id_reused, u"this mutation_id was used for a different mutation"_s, {}});
            outcome.result = resultFrame(req, outcomeOf(reused, 0), false);
        }
        return outcome;
    }

    auto spaceRow = m_store.space(req.spaceId);
    if (!spaceRow)
        return fail(spaceRow.error());
    auto inSpace = m_store.isSpaceMember(req.spaceId, req.userId);
    if (!inSpace)
        return fail(inSpace.error());
    SpaceWriter writer(
        m_store, spaceRow->value_or(SpaceRow {req.spaceId, {}, {}, {}}), req.userId, req.mutationId, now);

    KindResult kindResult = QJsonObject();
    if (!*spaceRow || !*inSpace) {
        kindResult = notFound(u"the space"_s);
    } else {
        auto parsed = protocol::parseMutationPayload(req.kind, req.payload, m_limits, m_features);
        if (auto *problem = std::get_if<protocol::PayloadProblem>(&parsed)) {
            kindResult = Rejection {problem->code, problem->reason, problem->details};
        } else {
            Apply apply(m_store, writer, req, m_limits, m_policy, outcome, m_presence);
            auto r = apply.run(std::get<protocol::MutationPayload>(parsed));
            if (!r)
                return fail(r.error());
            kindResult = *r;
        }
    }
    if (std::holds_alternative<Rejection>(kindResult)) {
        // A rejection is decided before any write; start clean anyway so nothing half-done survives.
        m_store.rollback();
        TANDEM_TRY(m_store.begin());
        outcome.touched.clear();
        outcome.revokedDevices.clear();
        outcome.presenceChoice.reset();
    } else {
        outcome.touched = writer.touched();
    }
    const QJsonObject recorded
        = outcomeOf(kindResult, std::holds_alternative<Rejection>(kindResult) ? 0 : writer.actorSeq());
    MutationRecord record {
        req.userId, req.mutationId, req.spaceId, req.kind, req.createdAt, hash, recorded, now};
    if (auto st = m_store.recordMutation(record); !st)
        return fail(st.error());
    if (auto st = m_store.commit(); !st)
        return st.error();
    if (outcome.presenceChoice && m_presence)
        m_presence->adopt(req.userId, *outcome.presenceChoice, now);
    outcome.result = resultFrame(req, recorded, false);
    return outcome;
}

Result<MutationOutcome> MutationEngine::administer(
    const MutationRequest &req, qint64 now, const QString &adminChange)
{
    MutationOutcome outcome;
    TANDEM_TRY(m_store.begin());
    auto fail = [this](const Error &e) {
        m_store.rollback();
        return e;
    };
    auto spaceRow = m_store.space(req.spaceId);
    if (!spaceRow)
        return fail(spaceRow.error());
    SpaceWriter writer(m_store, spaceRow->value_or(SpaceRow {req.spaceId, {}, {}, {}}), req.userId, {}, now);
    KindResult kindResult = QJsonObject();
    if (!*spaceRow) {
        kindResult = notFound(u"the space"_s);
    } else if (req.kind != u"conversation.handover"_s) {
        kindResult = forbidden(u"the operator applies conversation.handover only"_s);
    } else {
        auto parsed = protocol::parseMutationPayload(req.kind, req.payload, m_limits, m_features);
        if (auto *problem = std::get_if<protocol::PayloadProblem>(&parsed)) {
            kindResult = Rejection {problem->code, problem->reason, problem->details};
        } else {
            Apply apply(m_store, writer, req, m_limits, m_policy, outcome, m_presence);
            auto r = apply.run(std::get<protocol::MutationPayload>(parsed));
            if (!r)
                return fail(r.error());
            kindResult = *r;
        }
    }
    outcome.result = outcomeOf(kindResult, 0);
    if (std::holds_alternative<Rejection>(kindResult)) {
        m_store.rollback();
        return outcome;
    }
    outcome.touched = writer.touched();
    if (!adminChange.isEmpty())
        if (auto st = m_store.recordAdminChange(adminChange, req.spaceId); !st)
            return fail(st.error());
    TANDEM_TRY(m_store.commit());
    return outcome;
}

} // namespace tandem::server
