#include "handover.h"

#include "mutationengine.h"
#include "records.h"
#include "resultget.h"

#include "protocol/codec.h"
#include "protocol/codes.h"
#include "protocol/limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QUuid>

namespace tandem::server::boundary {

using namespace Qt::StringLiterals;
namespace code = protocol::code;

namespace {

Refusal notFound(const QString &what, const QString &field)
{
    return Refusal {
        code::not_found, u"%1 does not exist or is not visible to you"_s.arg(what), {{u"field"_s, field}}};
}

QString nameOf(const UserRow &u)
{
    return u.displayName.isEmpty() ? u.userName : u.displayName;
}

int rank(const QString &role)
{
    return role == u"owner"_s ? 2 : role == u"admin"_s ? 1 : 0;
}

// A user of this space who belongs to its organisation (the people whose places are handed over, and
// the successors), or why not.
Result<std::variant<UserRow, Refusal>> colleague(SpaceWriter &w, const QString &id, const QString &field)
{
    using Found = std::variant<UserRow, Refusal>;
    TANDEM_GET(user, w.user(id));
    TANDEM_GET(inSpace, w.store().isSpaceMember(w.space().id, id));
    if (!user || !inSpace)
        return Found(notFound(u"the user"_s, field));
    if (user->organisationId != w.space().organisationId)
        return Found(Refusal {code::forbidden,
            u"%1 does not belong to the organisation; only its own people hold its conversations"_s.arg(
                nameOf(*user)),
            {{u"field"_s, field}}});
    return Found(*user);
}

// The conversations to hand over, each checked, or why not. Every refusal comes before any write.
Result<std::variant<QList<ConversationRow>, Refusal>> conversationsToHandOver(
    ServerStore &st, SpaceWriter &w, const protocol::ConversationHandover &p)
{
    using Found = std::variant<QList<ConversationRow>, Refusal>;
    QList<ConversationRow> out;
    if (p.conversationIds.isEmpty()) {
        TANDEM_GET(all, st.conversationsOfUser(w.space().id, p.fromUserId));
        for (const ConversationRow &c : all)
            if (c.external)
                out << c;
    } else {
        for (qsizetype i = 0; i < p.conversationIds.size(); ++i) {
            const QString field = u"/payload/conversation_ids/%1"_s.arg(i);
            TANDEM_GET(conv, st.conversation(p.conversationIds[i]));
            TANDEM_GET(from, st.member(p.conversationIds[i], p.fromUserId));
            if (!conv || conv->spaceId != w.space().id || !from)
                return Found(notFound(u"the conversation of the former member"_s, field));
            if (!conv->external)
                return Found(Refusal {code::forbidden,
                    u"only external (customer) conversations are handed over"_s, {{u"field"_s, field}}});
            out << *conv;
        }
    }
    for (const ConversationRow &c : std::as_const(out)) {
        if (c.kind != u"direct"_s)
            continue;
        // A direct conversation is unique per pair: the successor may already have one with the customer.
        TANDEM_GET(members, st.members(c.id));
        for (const MemberRow &m : members) {
            if (m.userId == p.fromUserId)
                continue;
            TANDEM_GET(existing, st.directConversation(w.space().id, p.toUserId, m.userId));
            if (existing)
                return Found(Refusal {code::conversation_exists,
                    u"the successor already has a direct conversation with this customer"_s,
                    {{u"conversation_id"_s, *existing}, {u"handed_conversation_id"_s, c.id}}});
        }
    }
    return Found(out);
}

// The server-authored notice customers see (§6.12): its English text is the body, and `system` names
// what it says so that clients show it in their own language.
MessageRow notice(const ConversationRow &conv, const UserRow &from, const UserRow &to, qint64 now)
{
    MessageRow m;
    m.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.conversationId = conv.id;
    m.senderId = to.id;
    m.cseq = conv.lastCseq;
    m.createdAt = now;
    m.record = QJsonObject {{u"id"_s, m.id}, {u"conversation_id"_s, conv.id}, {u"cseq"_s, double(m.cseq)},
        {u"sender_id"_s, to.id}, {u"created_at"_s, double(now)},
        {u"body"_s, u"%1 has taken over this conversation from %2"_s.arg(nameOf(to), nameOf(from))},
        {u"format"_s, u"plain"_s}, {u"mentions"_s, QJsonArray()}, {u"attachments"_s, QJsonArray()},
        {u"reactions"_s, QJsonArray()},
        {u"system"_s,
            QJsonObject {
                {u"kind"_s, u"handover"_s}, {u"from_user_id"_s, from.id}, {u"to_user_id"_s, to.id}}}};
    return m;
}

} // namespace

Result<Outcome> handOver(ServerStore &st, SpaceWriter &w, const QString &actorId,
    const protocol::ConversationHandover &p, const Membership &membership)
{
    const QString org = w.space().organisationId;
    if (org.isEmpty())
        return Outcome(
            Refusal {code::forbidden, u"only an organisation's work space hands conversations over"_s, {}});
    if (!actorId.isEmpty()) {
        TANDEM_GET(admins, st.usersWithRole(org, QString(kOrganisationAdminRole)));
        if (!admins.contains(actorId))
            return Outcome(
                Refusal {code::forbidden, u"only an organisation admin hands conversations over"_s, {}});
    }
    TANDEM_GET(fromFound, colleague(w, p.fromUserId, u"/payload/from_user_id"_s));
    if (const auto *r = std::get_if<Refusal>(&fromFound))
        return Outcome(*r);
    TANDEM_GET(toFound, colleague(w, p.toUserId, u"/payload/to_user_id"_s));
    if (const auto *r = std::get_if<Refusal>(&toFound))
        return Outcome(*r);
    const UserRow from = std::get<UserRow>(fromFound);
    const UserRow to = std::get<UserRow>(toFound);
    if (to.deactivated)
        return Outcome(Refusal {code::forbidden, u"%1 is deactivated"_s.arg(nameOf(to)),
            {{u"field"_s, u"/payload/to_user_id"_s}}});
    TANDEM_GET(found, conversationsToHandOver(st, w, p));
    if (const auto *r = std::get_if<Refusal>(&found))
        return Outcome(*r);

    QJsonArray handed;
    for (ConversationRow conv : std::get<QList<ConversationRow>>(found)) {
        TANDEM_GET(existing, st.members(conv.id));
        TANDEM_GET(fromMember, st.member(conv.id, from.id));
        TANDEM_GET(toMember, st.member(conv.id, to.id));
        const QString role = fromMember ? fromMember->role : u"member"_s;
        // The successor takes the former member's place, role included, before the former leaves, so
        // that an owner's departure never hands the conversation to a customer (§7.2 leave rule).
        if (!toMember) {
            TANDEM_TRY(membership.join(conv, existing, {MemberRow {conv.id, to.id, role, w.now()}}));
        } else if (rank(role) > rank(toMember->role)) {
            toMember->role = role;
            TANDEM_TRY(st.putMember(*toMember));
            QStringList all;
            for (const MemberRow &m : existing)
                all << m.userId;
            TANDEM_TRY(w.emit(
                QLatin1StringView("member.updated"), {{u"member"_s, records::member(*toMember)}}, all));
        }
        TANDEM_GET(current, st.conversation(conv.id));
        conv = current.value_or(conv);
        conv.lastCseq += 1;
        const MessageRow m = notice(conv, from, to, w.now());
        TANDEM_TRY(st.insertMessage(m));
        TANDEM_TRY(st.updateConversation(conv));
        TANDEM_GET(members, st.members(conv.id));
        QStringList everyone;
        for (const MemberRow &row : members)
            everyone << row.userId;
        TANDEM_TRY(w.emit(QLatin1StringView("message.created"), {{u"message"_s, m.record}}, everyone));
        QJsonObject event {{u"conversation_id"_s, conv.id}, {u"from_user_id"_s, from.id},
            {u"to_user_id"_s, to.id}, {u"message_id"_s, m.id}, {u"at"_s, double(w.now())}};
        if (!actorId.isEmpty())
            event.insert(u"by_user_id"_s, actorId);
        TANDEM_TRY(w.emit(QLatin1StringView("conversation.handed_over"), event, everyone));
        TANDEM_TRY(membership.remove(conv, from.id, u"removed"_s));
        handed.append(conv.id);
    }
    return Outcome(QJsonObject {{u"conversation_ids"_s, handed}});
}

int runHandoverAdmin(ServerStore &store, const QStringList &args)
{
    QTextStream err(stderr);
    QString fromId, toId, spaceId;
    QStringList conversations;
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"--from"_s)
            fromId = args[++i];
        else if (a == u"--to"_s)
            toId = args[++i];
        else if (a == u"--conversation"_s)
            conversations << args[++i];
        else if (a == u"--space"_s)
            spaceId = args[++i];
        else if (a == u"--data"_s)
            ++i;
    }
    if (fromId.isEmpty() || toId.isEmpty()) {
        err << "tandem-server admin: handover needs --from USER_ID and --to USER_ID\n";
        return 1;
    }
    auto from = store.user(fromId);
    if (!from || !*from) {
        err << "tandem-server admin: no user " << fromId << '\n';
        return 1;
    }
    // The spaces to act in: the one named, that of the conversations named, or every work space of the
    // former employee's organisation that they belong to.
    QStringList spaces;
    if (!spaceId.isEmpty()) {
        spaces << spaceId;
    } else if (!conversations.isEmpty()) {
        auto conv = store.conversation(conversations.first());
        if (!conv || !*conv) {
            err << "tandem-server admin: no conversation " << conversations.first() << '\n';
            return 1;
        }
        spaces << (*conv)->spaceId;
    } else {
        auto ofUser = store.spacesOfUser(fromId);
        if (!ofUser) {
            err << "tandem-server admin: " << ofUser.error().message << '\n';
            return 1;
        }
        for (const SpaceRow &s : *ofUser)
            if (s.kind == u"work"_s && s.organisationId == (*from)->organisationId)
                spaces << s.id;
    }
    if (spaces.isEmpty()) {
        err << "tandem-server admin: " << fromId << " belongs to no work space of their organisation\n";
        return 1;
    }
    MutationEngine engine(store, protocol::Limits(), Policy(), {u"handover"_s});
    QJsonObject payload {{u"from_user_id"_s, fromId}, {u"to_user_id"_s, toId}};
    if (!conversations.isEmpty())
        payload.insert(u"conversation_ids"_s, QJsonArray::fromStringList(conversations));
    int exitCode = 0;
    QTextStream out(stdout);
    for (const QString &space : std::as_const(spaces)) {
        const MutationRequest request {QString(), QString(), space,
            QUuid::createUuid().toString(QUuid::WithoutBraces), u"conversation.handover"_s, protocol::nowMs(),
            payload};
        auto outcome = engine.administer(request, protocol::nowMs(), u"handover"_s);
        if (!outcome) {
            err << "tandem-server admin: " << outcome.error().message << '\n';
            return 1;
        }
        QJsonObject line = outcome->result;
        line.insert(u"space_id"_s, space);
        out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
        if (line.value(u"status"_s).toString() != u"applied"_s)
            exitCode = 1;
    }
    return exitCode;
}

} // namespace tandem::server::boundary
