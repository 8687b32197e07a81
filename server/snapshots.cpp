#include "snapshots.h"

#include "presence.h"
#include "records.h"
#include "resultget.h"

#include "approvals/approvalapply.h"
#include "spacewriter.h"
#include "tasks/taskapplier.h"

#include "protocol/codec.h"

#include <QSet>

namespace tandem::server {

Result<QList<QJsonObject>> snapshotRecords(ServerStore &store, const SpaceRow &space, const QString &userId,
    int messagesPerConversation, const Presence *presence)
{
    QList<QJsonObject> out;
    out << records::entity("space", records::space(space));
    if (!space.organisationId.isEmpty()) {
        TANDEM_GET(org, store.organisation(space.organisationId));
        if (org)
            out << records::entity("organisation", records::organisation(*org));
    }
    TANDEM_GET(conversations, store.conversationsOfUser(space.id, userId));
    QHash<QString, QList<MemberRow>> members;
    for (const ConversationRow &c : conversations) {
        TANDEM_GET(ms, store.members(c.id));
        members.insert(c.id, ms);
    }
    // Visible users: the account, its organisation's members of this space, and co-members.
    SpaceWriter visibility(store, space, userId, QString(), protocol::nowMs());
    QStringList users {userId};
    TANDEM_GET(spaceMembers, store.spaceMembers(space.id));
    for (const QString &m : spaceMembers) {
        TANDEM_GET(sees, visibility.canSee(userId, m));
        if (sees)
            users << m;
    }
    for (const auto &ms : std::as_const(members))
        for (const MemberRow &m : ms)
            users << m.userId;
    users.removeDuplicates();
    for (const QString &u : std::as_const(users)) {
        TANDEM_GET(row, visibility.user(u));
        if (row)
            out << records::entity("user", records::user(*row, space));
    }
    TANDEM_GET(devices, store.devicesOfUser(userId));
    for (const DeviceRow &d : devices)
        out << records::entity("device", records::device(d));
    for (const ConversationRow &c : conversations)
        out << records::entity("conversation", records::conversation(c));
    for (const ConversationRow &c : conversations)
        for (const MemberRow &m : members.value(c.id))
            out << records::entity("member", records::member(m));
    TANDEM_GET(prefs, store.prefsOfUser(space.id, userId));
    for (const PrefsRow &p : prefs)
        out << records::entity("prefs", records::prefs(p));
    for (const ConversationRow &c : conversations) {
        TANDEM_GET(receipts, store.receipts(c.id));
        for (const ReceiptRow &r : receipts)
            if (c.kind != QLatin1StringView("channel") || r.userId == userId)
                out << records::entity("receipt", records::receipt(r));
        TANDEM_GET(pins, store.pins(c.id));
        for (const PinRow &p : pins)
            out << records::entity("pin", records::pin(p));
    }
    TANDEM_GET(saved, store.savedOfUser(space.id, userId));
    for (const SavedRow &s : saved)
        out << records::entity("saved", records::saved(s));
    if (presence) {
        // The audience of presence.updated (Presence::audience): the account and its co-members.
        QStringList present {userId};
        for (const auto &ms : std::as_const(members))
            for (const MemberRow &m : ms)
                present << m.userId;
        present.removeDuplicates();
        for (const QString &u : std::as_const(present))
            if (const auto record = presence->record(u))
                out << records::entity("presence", *record);
    }
    TANDEM_GET(approvalRecords, approvals::approvalSnapshotRecords(store, space, userId));
    out << approvalRecords;
    if (messagesPerConversation > 0) {
        for (const ConversationRow &c : conversations) {
            TANDEM_GET(msgs, store.messages(c.id, QString(), 0, messagesPerConversation));
            for (auto it = msgs.crbegin(); it != msgs.crend(); ++it)
                out << records::entity("message", it->record);
        }
    }
    TANDEM_GET(taskRecords, tasks::taskSnapshotRecords(store, space.id, userId));
    out += taskRecords;
    return out;
}

Result<HistoryPage> historyPage(ServerStore &store, const QString &spaceId, const QString &userId,
    const QString &conversationId, const QString &threadRootId, qint64 beforeCseq, int limit)
{
    HistoryPage page;
    TANDEM_GET(conv, store.conversation(conversationId));
    if (!conv || conv->spaceId != spaceId)
        return page;
    TANDEM_GET(me, store.member(conversationId, userId));
    if (!me)
        return page;
    page.found = true;
    TANDEM_GET(msgs, store.messages(conversationId, threadRootId, beforeCseq, limit + 1));
    page.hasMore = msgs.size() > limit;
    if (page.hasMore)
        msgs.removeLast();
    for (auto it = msgs.crbegin(); it != msgs.crend(); ++it)
        page.messages << it->record;
    return page;
}

} // namespace tandem::server
