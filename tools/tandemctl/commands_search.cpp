// search and stats: reading a space.
#include "commands.h"
#include "jsonwriter.h"
#include "namebook.h"
#include "spaceaccess.h"
#include "timeformat.h"

#include "store/searchtokenizer.h"

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;

namespace {

void printHitsJson(const QString &query, const QList<SearchHit> &hits)
{
    JsonWriter json;
    json.beginObject().field(QStringLiteral("query"), query).key(QStringLiteral("hits")).beginArray();
    for (const SearchHit &h : hits) {
        json.beginObject()
            .field(QStringLiteral("message_id"), h.messageId)
            .field(QStringLiteral("conversation_id"), h.conversationId)
            .field(QStringLiteral("sender_id"), h.senderId)
            .field(QStringLiteral("created_at"), h.createdAt)
            .field(QStringLiteral("score"), h.score)
            .field(QStringLiteral("snippet"), h.snippet.text)
            .key(QStringLiteral("highlights"))
            .beginArray(JsonWriter::Layout::Inline);
        for (const auto &[start, length] : h.snippet.highlights)
            json.beginArray(JsonWriter::Layout::Inline).value(start).value(length).endArray();
        json.endArray().endObject();
    }
    json.endArray().endObject();
    out() << json.text() << Qt::flush;
}

int search(Context &context, const Arguments &args)
{
    const QString help = QStringLiteral("tandemctl search --help");
    SearchQuery query;
    query.text = args.positional.mid(1).join(u' ');
    if (buildMatchExpression(query.text).isEmpty())
        return usageError(
            QStringLiteral("The query \"%1\" has nothing to search for: use words, numbers or Chinese "
                           "characters.")
                .arg(query.text),
            help);
    if (args.isSet(QStringLiteral("limit"))) {
        const auto n = parseCount(args.value(QStringLiteral("limit")), 1, 1000);
        if (!n)
            return usageError(QStringLiteral("--limit is a number from 1 to 1000."), help);
        query.limit = int(*n);
    }
    for (const QString &name : {QStringLiteral("from"), QStringLiteral("to")}) {
        if (!args.isSet(name))
            continue;
        const auto t
            = timestampFromArgument(args.value(name), name == u"from" ? DateBound::Start : DateBound::End);
        if (!t)
            return usageError(QStringLiteral("--%1 \"%2\" is not a date: use 2025-06-03, 2025-06-03T14:00 or "
                                             "milliseconds since the epoch.")
                                  .arg(name, args.value(name)),
                help);
        (name == u"from" ? query.fromMs : query.toMs) = std::max<qint64>(*t, 1);
    }

    Profile profile(context.profileDirectory());
    auto space = findSpace(profile, args.positional.at(0));
    if (!space)
        return fail(space.error());
    auto store = openSpace(profile, *space);
    if (!store)
        return fail(store.error());

    if (const QString c = args.value(QStringLiteral("conversation")); !c.isEmpty()) {
        auto found = (*store)->findConversation(c);
        if (!found)
            return fail(found.error());
        if (!*found)
            return fail(
                QStringLiteral("There is no conversation \"%1\" in the space \"%2\" (give an id, a name, or "
                               "for a direct chat the other person's user name).")
                    .arg(c, space->meta.name));
        query.conversationId = (*found)->id;
    }
    if (const QString s = args.value(QStringLiteral("sender")); !s.isEmpty()) {
        auto users = (*store)->users();
        if (!users)
            return fail(users.error());
        const auto it = std::find_if(users->cbegin(), users->cend(),
            [&](const User &u) { return u.id == s || u.userName.compare(s, Qt::CaseInsensitive) == 0; });
        if (it == users->cend())
            return fail(
                QStringLiteral("There is no user \"%1\" in the space \"%2\" (give an id or a user name).")
                    .arg(s, space->meta.name));
        query.senderId = it->id;
    }

    auto hits = (*store)->search(query);
    if (!hits)
        return fail(hits.error());
    if (args.isSet(QStringLiteral("json"))) {
        printHitsJson(query.text, *hits);
        return ExitOk;
    }
    if (hits->isEmpty()) {
        out() << "No messages match \"" << query.text << "\"." << Qt::endl;
        return ExitOk;
    }
    auto names = NameBook::load(**store);
    if (!names)
        return fail(names.error());
    for (const SearchHit &h : *hits)
        out() << formatLocalTime(h.createdAt) << "  " << names->conversation(h.conversationId) << " · "
              << names->user(h.senderId) << ": " << bracketHighlights(h.snippet) << '\n';
    if (hits->size() == query.limit)
        out() << (query.limit == 1
                ? QStringLiteral("(the best match; --limit shows more)")
                : QStringLiteral("(the best %1 matches; --limit shows more)").arg(query.limit))
              << '\n';
    out().flush();
    return ExitOk;
}

int stats(Context &context, const Arguments &args)
{
    Profile profile(context.profileDirectory());
    auto space = findSpace(profile, args.positional.at(0));
    if (!space)
        return fail(space.error());
    auto store = openSpace(profile, *space);
    if (!store)
        return fail(store.error());
    auto s = (*store)->stats();
    if (!s)
        return fail(s.error());
    if (args.isSet(QStringLiteral("json"))) {
        JsonWriter json;
        json.beginObject()
            .field(QStringLiteral("conversations"), s->conversations)
            .field(QStringLiteral("messages"), s->messages)
            .field(QStringLiteral("users"), s->users)
            .field(QStringLiteral("outbox_pending"), s->outboxPending)
            .field(QStringLiteral("db_bytes"), s->dbBytes)
            .field(QStringLiteral("search_index_bytes"), s->searchIndexBytes)
            .field(QStringLiteral("schema_version"), s->schemaVersion)
            .endObject();
        out() << json.text() << Qt::flush;
        return ExitOk;
    }
    out() << "Space          " << space->meta.name << " (" << space->meta.kind << ", " << space->meta.id
          << ")\n"
          << "Conversations  " << formatCount(s->conversations) << '\n'
          << "Messages       " << formatCount(s->messages) << '\n'
          << "Users          " << formatCount(s->users) << '\n'
          << "Outbox         " << formatCount(s->outboxPending) << " waiting to be sent\n"
          << "On disk        " << formatBytes(s->dbBytes) << " (search index "
          << formatBytes(s->searchIndexBytes) << ")\n"
          << "Schema         version " << s->schemaVersion << Qt::endl;
    return ExitOk;
}

} // namespace

QList<Command> searchCommands()
{
    QList<Command> commands;
    commands.append(Command {
        QStringLiteral("search"),
        QStringLiteral("SPACE QUERY..."),
        QStringLiteral("Search a space's messages."),
        QStringLiteral(
            "Searches the messages of SPACE (a name or an id). Words must all match, the last one as a "
            "prefix\n"
            "(\"deplo\" finds \"deploy\"); Chinese matches any run of characters (\"会议\" finds "
            "\"明天的会议室\").\n"
            "Several QUERY words are joined into one query. The best matches come first.\n\n"
            "Each match is printed as: time, conversation · sender: snippet, with the matched text in "
            "[brackets].\n"
            "Dates are local days (--to includes its day), local times such as 2025-06-03T14:00, ISO-8601 "
            "times\n"
            "with an offset, or milliseconds since the epoch.\n\n"
            "With --json: {\"query\", \"hits\": [{\"message_id\", \"conversation_id\", \"sender_id\", "
            "\"created_at\",\n"
            "\"score\", \"snippet\", \"highlights\": [[start, length], ...]}]}. created_at is in "
            "milliseconds since\n"
            "the epoch; a lower score is a better match; highlights are UTF-16 offsets into the snippet."),
        {{QStringLiteral("json"), QString(), QStringLiteral("Print JSON.")},
            {QStringLiteral("conversation"), QStringLiteral("C"),
                QStringLiteral("Only this conversation (id, name, or a direct chat's user name).")},
            {QStringLiteral("sender"), QStringLiteral("U"),
                QStringLiteral("Only messages from this user (id or user name).")},
            {QStringLiteral("from"), QStringLiteral("DATE"),
                QStringLiteral("Only messages sent at or after DATE.")},
            {QStringLiteral("to"), QStringLiteral("DATE"),
                QStringLiteral("Only messages sent before DATE (a day: up to its end).")},
            {QStringLiteral("limit"), QStringLiteral("N"),
                QStringLiteral("At most N matches (1 to 1000, default 20).")}},
        2,
        1000,
        search,
    });
    commands.append(Command {
        QStringLiteral("stats"),
        QStringLiteral("SPACE"),
        QStringLiteral("Show how much a space holds."),
        QStringLiteral(
            "Shows what SPACE (a name or an id) holds and what it takes on disk.\n\n"
            "With --json: {\"conversations\", \"messages\", \"users\", \"outbox_pending\", \"db_bytes\",\n"
            "\"search_index_bytes\", \"schema_version\"}; db_bytes is the database file plus its "
            "write-ahead log."),
        {{QStringLiteral("json"), QString(), QStringLiteral("Print JSON.")}},
        1,
        1,
        stats,
    });
    return commands;
}

} // namespace tandemctl
