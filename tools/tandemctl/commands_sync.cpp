// sync, conversations, send, messages: a space connected to a server (space create --server sets
// one up), through the same sync engine the app runs.
#include "commands.h"
#include "jsonwriter.h"
#include "spaceaccess.h"
#include "syncsession.h"
#include "timeformat.h"

#include "store/syncstate.h"
#include "sync/mutations.h"

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;
using namespace Qt::StringLiterals;

namespace {

Result<SyncedSpace> openForSync(Context &context, const QString &spaceName)
{
    return openSpaceThread(context.profileDirectory(), spaceName);
}

template<typename T> Result<T> readStore(StoreThread &store, std::function<Result<T>(SpaceStore &)> fn)
{
    return store.read<T>(std::move(fn)).result();
}

QString whyNotSynced(const SyncOutcome &o, const QString &server)
{
    if (!o.status.reason.isEmpty() && o.status.state != sync::SyncState::Offline
        && o.status.state != sync::SyncState::Ready)
        return o.status.reason;
    if (o.status.state == sync::SyncState::Ready)
        return u"The sync with %1 did not finish in time."_s.arg(server);
    return u"Cannot reach the server %1."_s.arg(server);
}

int syncCommand(Context &context, const Arguments &args)
{
    qint64 timeoutS = 60;
    if (args.isSet(u"timeout"_s)) {
        const auto t = parseCount(args.value(u"timeout"_s), 1, 86400);
        if (!t)
            return usageError(
                u"--timeout is a number of seconds from 1 to 86400."_s, u"tandemctl sync --help"_s);
        timeoutS = *t;
    }
    auto space = openForSync(context, args.positional.at(0));
    if (!space)
        return fail(space.error());
    auto account = connectedAccount(*space->store, space->entry.meta.name);
    if (!account)
        return fail(account.error());
    const SyncOutcome outcome = runSync(
        *space->store, syncConfigFor(space->profile, space->entry, space->passphrase), timeoutS * 1000);
    if (!outcome.wiped.isEmpty())
        return fail(u"%1 Wiped %2 local space(s)."_s.arg(outcome.status.reason).arg(outcome.wiped.size()));
    if (!outcome.settled)
        return fail(whyNotSynced(outcome, account->serverUrl));
    auto stats = readStore<StoreStats>(*space->store, [](SpaceStore &s) { return s.stats(); });
    const SyncCursor cursor = readStore<SyncCursor>(*space->store, [&](SpaceStore &s) {
        return loadCursor(s.db(), account->serverSpaceId);
    }).value();
    out() << "Synced \"" << space->entry.meta.name << "\" with " << account->serverUrl << ": "
          << (stats ? stats->conversations : 0) << " conversations, " << (stats ? stats->messages : 0)
          << " messages, at event " << cursor.seq << "." << Qt::endl;
    for (const QString &r : outcome.rejected)
        err() << "tandemctl: the server refused a change: " << r << Qt::endl;
    return ExitOk;
}

struct ConversationRow
{
    QString id, kind, name, topic;
    bool external = false;
    qint64 unread = 0, lastMessageAt = 0, lastCseq = 0;
    QStringList members; // user names
};

Result<QList<ConversationRow>> conversationRows(SpaceStore &s)
{
    auto st = s.db().prepare(
        "SELECT c.id, c.kind, c.name, c.topic, c.is_external, c.unread_count, c.last_message_at, "
        "coalesce(cs.last_cseq, 0), (SELECT group_concat(coalesce(u.user_name, m.user_id), ' ') FROM "
        "(SELECT * FROM members WHERE conversation_id = c.id ORDER BY user_id) m "
        "LEFT JOIN users u ON u.id = m.user_id) FROM conversations c "
        "LEFT JOIN conversation_state cs ON cs.conversation_id = c.id ORDER BY c.last_message_at DESC, "
        "c.name, c.id");
    if (!st)
        return st.error();
    QList<ConversationRow> rows;
    TANDEM_TRY(st->forEachRow([&](const Statement &r) {
        rows.append({r.text(0), r.text(1), r.text(2), r.text(3), r.int64(4) != 0, r.int64(5), r.int64(6),
            r.int64(7), r.text(8).split(u' ', Qt::SkipEmptyParts)});
    }));
    return rows;
}

int conversationsCommand(Context &context, const Arguments &args)
{
    auto space = openForSync(context, args.positional.at(0));
    if (!space)
        return fail(space.error());
    auto rows = readStore<QList<ConversationRow>>(*space->store, conversationRows);
    if (!rows)
        return fail(rows.error());
    if (args.isSet(u"json"_s)) {
        JsonWriter json;
        json.beginArray();
        for (const ConversationRow &c : std::as_const(*rows)) {
            json.beginObject()
                .field(u"id"_s, c.id)
                .field(u"kind"_s, c.kind)
                .field(u"name"_s, c.name)
                .field(u"topic"_s, c.topic)
                .field(u"external"_s, c.external)
                .field(u"unread"_s, c.unread)
                .field(u"last_cseq"_s, c.lastCseq)
                .field(u"last_message_at"_s, c.lastMessageAt)
                .key(u"members"_s)
                .beginArray(JsonWriter::Layout::Inline);
            for (const QString &m : c.members)
                json.value(m);
            json.endArray().endObject();
        }
        json.endArray();
        out() << json.text() << Qt::flush;
        return ExitOk;
    }
    if (rows->isEmpty()) {
        out() << "No conversations in \"" << space->entry.meta.name << "\" yet; run \"tandemctl sync "
              << space->entry.meta.name << "\"." << Qt::endl;
        return ExitOk;
    }
    for (const ConversationRow &c : std::as_const(*rows)) {
        const QString title = c.name.isEmpty() ? c.members.join(u", "_s) : c.name;
        out() << c.kind.leftJustified(8) << ' ' << title << (c.external ? " (external)" : "")
              << (c.unread > 0 ? u"  [%1 unread]"_s.arg(c.unread) : QString()) << "  " << c.id << '\n';
    }
    out().flush();
    return ExitOk;
}

Result<Conversation> resolveConversation(
    StoreThread &store, const QString &idOrName, const QString &spaceName)
{
    auto found = readStore<std::optional<Conversation>>(
        store, [idOrName](SpaceStore &s) { return s.findConversation(idOrName); });
    if (!found)
        return found.error();
    if (!*found)
        return Error::make(ErrorCode::NotFound,
            u"There is no conversation \"%1\" in \"%2\" (an id, a name, or the other person's user name for "
            u"a "
            "direct chat); \"tandemctl conversations %2\" lists them."_s.arg(idOrName, spaceName));
    return **found;
}

int sendCommand(Context &context, const Arguments &args)
{
    auto space = openForSync(context, args.positional.at(0));
    if (!space)
        return fail(space.error());
    auto account = connectedAccount(*space->store, space->entry.meta.name);
    if (!account)
        return fail(account.error());
    auto conversation = resolveConversation(*space->store, args.positional.at(1), space->entry.meta.name);
    if (!conversation)
        return fail(conversation.error());
    // Stored and queued first: from here on the message survives whatever happens to the network.
    auto queued = sync::queueMessage(*space->store, conversation->id, args.positional.at(2)).result();
    if (!queued)
        return fail(queued.error());
    sync::SyncConfig config = syncConfigFor(space->profile, space->entry, space->passphrase);
    config.backfillHistory = false;
    const SyncOutcome outcome = runSync(*space->store, config, 10000, true);
    if (!outcome.rejected.isEmpty())
        return fail(u"The server refused the message (%1)."_s.arg(outcome.rejected.first()));
    auto state = readStore<qint64>(*space->store, [&](SpaceStore &s) -> Result<qint64> {
        auto st = s.db().prepare("SELECT send_state FROM messages WHERE id = ?1");
        if (!st)
            return st.error();
        st->bind(1, queued->entityId);
        qint64 v = -1;
        TANDEM_TRY(st->forEachRow([&](const Statement &r) { v = r.int64(0); }));
        return v;
    });
    if (state && *state == 0)
        out() << "Sent " << queued->entityId << " to " << conversation->id << "." << Qt::endl;
    else
        out() << "Queued " << queued->entityId << ": " << whyNotSynced(outcome, account->serverUrl)
              << " It will be sent by the next \"tandemctl sync\"." << Qt::endl;
    return ExitOk;
}

int messagesCommand(Context &context, const Arguments &args)
{
    auto space = openForSync(context, args.positional.at(0));
    if (!space)
        return fail(space.error());
    auto conversation = resolveConversation(*space->store, args.positional.at(1), space->entry.meta.name);
    if (!conversation)
        return fail(conversation.error());
    struct Row
    {
        QString id, sender, senderName, body, state, error;
        std::optional<qint64> cseq, editedAt, deletedAt;
        qint64 createdAt = 0;
    };
    const QString id = conversation->id;
    auto rows = readStore<QList<Row>>(*space->store, [id](SpaceStore &s) -> Result<QList<Row>> {
        auto st = s.db().prepare("SELECT m.id, m.sender_id, coalesce(u.user_name, ''), m.body, m.send_state, "
                                 "coalesce(o.error_code, ''), "
                                 "m.seq, m.edited_at, m.deleted_at, m.created_at FROM messages m LEFT JOIN "
                                 "users u ON u.id = m.sender_id "
                                 "LEFT JOIN outbox o ON o.mutation_id = m.client_id AND m.seq IS NULL "
                                 "WHERE m.conversation_id = ?1 ORDER BY m.seq IS NULL, m.seq, m.rowid");
        if (!st)
            return st.error();
        st->bind(1, id);
        QList<Row> out;
        TANDEM_TRY(st->forEachRow([&](const Statement &r) {
            Row row {
                r.text(0), r.text(1), r.text(2), r.text(3), QString(), r.text(5), {}, {}, {}, r.int64(9)};
            const qint64 state = r.int64(4);
            row.state = state == 0 ? u"sent"_s : state == 2 ? u"failed"_s : u"sending"_s;
            if (!r.isNull(6))
                row.cseq = r.int64(6);
            if (!r.isNull(7))
                row.editedAt = r.int64(7);
            if (!r.isNull(8))
                row.deletedAt = r.int64(8);
            out.append(row);
        }));
        return out;
    });
    if (!rows)
        return fail(rows.error());
    if (args.isSet(u"json"_s)) {
        JsonWriter json;
        json.beginArray();
        for (const Row &m : std::as_const(*rows)) {
            json.beginObject().field(u"id"_s, m.id).key(u"cseq"_s);
            m.cseq ? json.value(*m.cseq) : json.null();
            json.field(u"sender_id"_s, m.sender)
                .field(u"sender"_s, m.senderName)
                .field(u"body"_s, m.body)
                .field(u"created_at"_s, m.createdAt)
                .field(u"state"_s, m.state)
                .field(u"edited"_s, m.editedAt.has_value())
                .field(u"deleted"_s, m.deletedAt.has_value());
            if (!m.error.isEmpty())
                json.field(u"error"_s, m.error);
            json.endObject();
        }
        json.endArray();
        out() << json.text() << Qt::flush;
        return ExitOk;
    }
    for (const Row &m : std::as_const(*rows)) {
        const QString mark = m.state == u"sent" ? QString() : u" [%1]"_s.arg(m.state);
        out() << formatLocalTime(m.createdAt) << "  " << (m.senderName.isEmpty() ? m.sender : m.senderName)
              << ": " << (m.deletedAt ? u"(deleted)"_s : m.body) << (m.editedAt ? " (edited)" : "") << mark
              << '\n';
    }
    out().flush();
    return ExitOk;
}

} // namespace

QList<Command> syncCommands()
{
    QList<Command> commands;
    commands.append(
        Command {u"sync"_s, u"SPACE [--timeout S]"_s, u"Exchange everything with the space's server."_s,
            u"Connects to the space's server and exchanges until everything is done: every queued change\n"
            "answered, every event applied, and the older history of every conversation fetched. Exits 0\n"
            "then, or 1 with one sentence when the server cannot be reached, refuses the session, or the\n"
            "time runs out.\n\n"
            "The store's passphrase comes from TANDEM_PASSPHRASE. When the space has no valid session any\n"
            "more, TANDEM_PASSWORD (if set) logs in again."_s,
            {{u"timeout"_s, u"S"_s, u"Give up after S seconds (default 60)."_s}}, 1, 1, syncCommand});
    commands.append(Command {u"conversations"_s, u"SPACE [--json]"_s, u"List a space's conversations."_s,
        u"Lists the conversations held locally (run \"tandemctl sync\" first).\n\n"
        "With --json: an array of {\"id\", \"kind\", \"name\", \"topic\", \"external\", \"unread\", "
        "\"last_cseq\",\n"
        "\"last_message_at\", \"members\"} (members are user names)."_s,
        {{u"json"_s, QString(), u"Print JSON."_s}}, 1, 1, conversationsCommand});
    commands.append(Command {u"send"_s, u"SPACE CONVERSATION TEXT"_s, u"Send a message."_s,
        u"Stores the message and queues it at once, then tries to deliver it for a few seconds. When the\n"
        "server cannot be reached it stays queued (exit 0) and the next \"tandemctl sync\" sends it.\n"
        "CONVERSATION is an id, a name, or, for a direct chat, the other person's user name."_s,
        {}, 3, 3, sendCommand});
    commands.append(
        Command {u"messages"_s, u"SPACE CONVERSATION [--json]"_s, u"Show a conversation's messages."_s,
            u"Shows the messages held locally, oldest first, with their send state.\n\n"
            "With --json: an array of {\"id\", \"cseq\" (null while unsent), \"sender_id\", \"sender\", "
            "\"body\",\n"
            "\"created_at\", \"state\" (sent, sending or failed), \"edited\", \"deleted\", \"error\"?}."_s,
            {{u"json"_s, QString(), u"Print JSON."_s}}, 2, 2, messagesCommand});
    return commands;
}

} // namespace tandemctl
