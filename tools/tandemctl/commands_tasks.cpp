// tasks list|create|update: tasks of a space connected to a server (docs/protocol.md §11.4), through
// the same sync engine, clock and merge as the app. With --json they are how bots and agents take part.
#include "commands.h"
#include "jsonwriter.h"
#include "spaceaccess.h"
#include "syncsession.h"
#include "timeformat.h"

#include "protocol/fields.h"
#include "store/syncstate.h"
#include "tasks/taskactions.h"
#include "tasks/taskqueries.h"

#include <QDateTime>
#include <QJsonArray>

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;
using namespace Qt::StringLiterals;

namespace {

using OpenTasks = SyncedSpace;

Result<OpenTasks> openTasks(Context &context, const QString &spaceName)
{
    return openConnectedSpace(context.profileDirectory(), spaceName);
}

// Exchanges with the server for a few seconds; offline is fine (changes stay queued).
SyncOutcome exchange(OpenTasks &s)
{
    sync::SyncConfig config = syncConfigFor(s.profile, s.entry, s.passphrase);
    config.backfillHistory = false;
    return runSync(*s.store, config, 10000, true);
}

Result<QStringList> resolveUsers(StoreThread &store, const QString &list)
{
    QStringList out;
    for (const QString &u : list.split(u',', Qt::SkipEmptyParts)) {
        auto id = userIdIn(store, u.trimmed());
        if (!id)
            return id.error();
        out << *id;
    }
    return out;
}

// --due: ms since the epoch, an ISO 8601 date and time ("2025-12-01T17:00", local unless it names a
// zone), or "none".
std::optional<QJsonValue> parseDue(const QString &text)
{
    if (text == u"none"_s)
        return QJsonValue(QJsonValue::Null);
    bool ok = false;
    const qint64 ms = text.toLongLong(&ok);
    if (ok && ms >= 0)
        return QJsonValue(double(ms));
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid())
        return std::nullopt;
    return QJsonValue(double(dt.toMSecsSinceEpoch()));
}

void writeSummary(JsonWriter &json, const tasks::TaskSummary &t)
{
    json.beginObject().field(u"id"_s, t.id).field(u"title"_s, t.title).field(u"status"_s, t.status);
    json.field(u"priority"_s, t.priority).key(u"due_at"_s);
    t.dueAt ? json.value(*t.dueAt) : json.null();
    json.field(u"created_by"_s, t.createdBy).field(u"created_at"_s, t.createdAt);
    json.key(u"assignees"_s).beginArray(JsonWriter::Layout::Inline);
    for (const QString &a : t.assignees)
        json.value(a);
    json.endArray();
    json.key(u"conversation_id"_s);
    t.conversationId.isEmpty() ? json.null() : json.value(t.conversationId);
    json.key(u"source_message_id"_s);
    t.sourceMessageId.isEmpty() ? json.null() : json.value(t.sourceMessageId);
    json.field(u"checklist_done"_s, t.checklistDone).field(u"checklist_total"_s, t.checklistTotal);
    json.endObject();
}

int listCommand(Context &context, const Arguments &args)
{
    auto s = openTasks(context, args.positional.at(0));
    if (!s)
        return fail(s.error());
    (void)exchange(*s); // fresh when the server is there; what is held when not
    const QString self = s->account.userId;
    const QString conversation = args.value(u"conversation"_s);
    const bool mine = args.isSet(u"mine"_s);
    const bool byMe = args.isSet(u"assigned-by-me"_s);
    const bool over = args.isSet(u"overdue"_s);
    const bool today = args.isSet(u"due-today"_s);
    auto rows
        = s->store
              ->read<QList<tasks::TaskSummary>>([=](SpaceStore &st) -> Result<QList<tasks::TaskSummary>> {
                  const qint64 now = QDateTime::currentMSecsSinceEpoch();
                  if (!conversation.isEmpty())
                      return tasks::tasksInConversation(st.db(), conversation);
                  if (mine)
                      return tasks::myTasks(st.db(), self);
                  if (byMe)
                      return tasks::assignedByMe(st.db(), self);
                  if (over)
                      return tasks::overdue(st.db(), self, now);
                  if (today)
                      return tasks::dueToday(st.db(), self, QTimeZone::systemTimeZone(), now);
                  return tasks::allTasks(st.db());
              })
              .result();
    if (!rows)
        return fail(rows.error());
    if (args.isSet(u"json"_s)) {
        JsonWriter json;
        json.beginArray();
        for (const auto &t : std::as_const(*rows))
            writeSummary(json, t);
        json.endArray();
        out() << json.text() << Qt::flush;
        return ExitOk;
    }
    for (const auto &t : std::as_const(*rows))
        out() << t.id << "  [" << t.status << "] " << t.title
              << (t.dueAt ? u"  due "_s + formatLocalTime(*t.dueAt) : QString())
              << (t.assignees.isEmpty() ? QString() : u"  @"_s + t.assignees.join(u", @"_s)) << '\n';
    out().flush();
    return ExitOk;
}

// Reports the queued change once the exchange is over: applied, queued (offline) or refused.
int report(OpenTasks &s, const Arguments &args, const QString &verb, const sync::QueuedMutation &queued)
{
    const SyncOutcome outcome = exchange(s);
    if (!outcome.rejected.isEmpty())
        return fail(u"The server refused the change (%1)."_s.arg(outcome.rejected.first()));
    const QString state = outcome.settled ? u"synced"_s : u"queued"_s;
    if (args.isSet(u"json"_s)) {
        JsonWriter json;
        json.beginObject()
            .field(u"task_id"_s, queued.entityId)
            .field(u"mutation_id"_s, queued.mutationId)
            .field(u"state"_s, state)
            .endObject();
        out() << json.text() << Qt::flush;
    } else {
        out() << verb << ' ' << queued.entityId
              << (outcome.settled ? u"."_s : u"; queued: the next \"tandemctl sync\" sends it."_s)
              << Qt::endl;
    }
    return ExitOk;
}

int createCommand(Context &context, const Arguments &args)
{
    auto s = openTasks(context, args.positional.at(0));
    if (!s)
        return fail(s.error());
    tasks::TaskDraft draft;
    draft.title = args.positional.at(1);
    draft.description = args.value(u"description"_s);
    draft.conversationId = args.value(u"conversation"_s);
    draft.sourceMessageId = args.value(u"message"_s);
    if (!draft.sourceMessageId.isEmpty() && draft.conversationId.isEmpty())
        return usageError(u"--message needs --conversation."_s, u"tasks create"_s);
    if (args.values.contains(u"priority"_s)) {
        const auto p = parseCount(args.value(u"priority"_s), 0, 3);
        if (!p)
            return usageError(u"--priority is 0 to 3."_s, u"tasks create"_s);
        draft.priority = int(*p);
    }
    if (args.values.contains(u"due"_s)) {
        const auto due = parseDue(args.value(u"due"_s));
        if (!due)
            return usageError(u"--due is an ISO date and time or ms since the epoch."_s, u"tasks create"_s);
        if (due->isDouble())
            draft.dueAt = qint64(due->toDouble());
    }
    auto assignees = resolveUsers(*s->store, args.value(u"assign"_s));
    if (!assignees)
        return fail(assignees.error());
    draft.assignees = *assignees;
    for (const QString &item : args.value(u"checklist"_s).split(u';', Qt::SkipEmptyParts))
        draft.checklist << item.trimmed();
    auto queued = tasks::queueTaskCreate(*s->store, draft).result();
    if (!queued)
        return fail(queued.error());
    return report(*s, args, u"Created"_s, *queued);
}

int updateCommand(Context &context, const Arguments &args)
{
    auto s = openTasks(context, args.positional.at(0));
    if (!s)
        return fail(s.error());
    const QString taskId = args.positional.at(1);
    QJsonObject fields;
    if (args.values.contains(u"title"_s))
        fields.insert(u"title"_s, args.value(u"title"_s));
    if (args.values.contains(u"description"_s))
        fields.insert(u"description"_s, args.value(u"description"_s));
    if (args.values.contains(u"status"_s)) {
        const QString st = args.value(u"status"_s);
        if (!QStringList {u"open"_s, u"in_progress"_s, u"done"_s, u"cancelled"_s}.contains(st))
            return usageError(u"--status is open, in_progress, done or cancelled."_s, u"tasks update"_s);
        fields.insert(u"status"_s, st);
    }
    if (args.values.contains(u"priority"_s)) {
        const auto p = parseCount(args.value(u"priority"_s), 0, 3);
        if (!p)
            return usageError(u"--priority is 0 to 3."_s, u"tasks update"_s);
        fields.insert(u"priority"_s, double(*p));
    }
    if (args.values.contains(u"due"_s)) {
        const auto due = parseDue(args.value(u"due"_s));
        if (!due)
            return usageError(
                u"--due is an ISO date and time, ms since the epoch, or none."_s, u"tasks update"_s);
        fields.insert(u"due_at"_s, *due);
    }
    QJsonObject assignees;
    auto add = resolveUsers(*s->store, args.value(u"assign"_s));
    auto remove = resolveUsers(*s->store, args.value(u"unassign"_s));
    if (!add || !remove)
        return fail(!add ? add.error() : remove.error());
    for (const QString &u : *add)
        assignees.insert(u, true);
    for (const QString &u : *remove)
        assignees.insert(u, false);
    QJsonObject changes;
    if (!fields.isEmpty())
        changes.insert(u"fields"_s, fields);
    if (!assignees.isEmpty())
        changes.insert(u"assignees"_s, assignees);
    QList<QFuture<Result<sync::QueuedMutation>>> queued;
    if (!changes.isEmpty())
        queued << tasks::queueTaskUpdate(*s->store, taskId, changes);
    if (args.values.contains(u"comment"_s))
        queued << tasks::queueTaskComment(*s->store, taskId, args.value(u"comment"_s));
    if (args.isSet(u"delete"_s))
        queued << tasks::queueTaskDelete(*s->store, taskId);
    if (queued.isEmpty())
        return usageError(
            u"Nothing to change: give --title, --status, --assign, --comment, ..."_s, u"tasks update"_s);
    std::optional<sync::QueuedMutation> last;
    for (auto &f : queued) {
        auto r = f.result();
        if (!r)
            return fail(r.error());
        last = *r;
    }
    last->entityId = taskId;
    return report(*s, args, u"Updated"_s, *last);
}

} // namespace

QList<Command> tasksCommands()
{
    QList<Command> commands;
    const OptionSpec json {u"json"_s, QString(), u"Print JSON."_s};
    commands.append(Command {u"tasks list"_s,
        u"SPACE [--mine|--assigned-by-me|--due-today|--overdue|--conversation ID] [--json]"_s,
        u"List a space's tasks."_s,
        u"Syncs for a few seconds (offline: what is held), then lists the tasks. Without a filter: every\n"
        "task not deleted. --mine, --due-today and --overdue list open tasks assigned to the account\n"
        "(due today in this computer's time zone).\n\n"
        "With --json: an array of {\"id\", \"title\", \"status\", \"priority\", \"due_at\" (ms or null),\n"
        "\"created_by\", \"created_at\", \"assignees\" (user ids), \"conversation_id\", "
        "\"source_message_id\",\n"
        "\"checklist_done\", \"checklist_total\"}."_s,
        {{u"mine"_s, QString(), u"Open tasks assigned to me."_s},
            {u"assigned-by-me"_s, QString(), u"Open tasks I assigned to others."_s},
            {u"due-today"_s, QString(), u"My open tasks due today."_s},
            {u"overdue"_s, QString(), u"My open tasks past their due time."_s},
            {u"conversation"_s, u"ID"_s, u"Every task of a conversation."_s}, json},
        1, 1, listCommand});
    commands.append(Command {u"tasks create"_s,
        u"SPACE TITLE [--description D] [--due WHEN] [--priority 0-3] [--assign USERS] [--checklist "
        "\"A;B\"] [--conversation ID [--message ID]] [--json]"_s,
        u"Create a task."_s,
        u"Stores and queues the task at once, then tries to deliver it for a few seconds; offline it stays\n"
        "queued. USERS are user names or ids, comma-separated. WHEN is an ISO 8601 date and time or ms "
        "since\n"
        "the epoch. --message links the task to the message it was made from.\n\n"
        "With --json: {\"task_id\", \"mutation_id\", \"state\" (synced or queued)}."_s,
        {{u"description"_s, u"D"_s, u"The description."_s},
            {u"due"_s, u"WHEN"_s, u"The due date and time."_s},
            {u"priority"_s, u"N"_s, u"0 none, 1 low, 2 medium, 3 high."_s},
            {u"assign"_s, u"USERS"_s, u"Assignees."_s},
            {u"checklist"_s, u"ITEMS"_s, u"Checklist items separated by ';'."_s},
            {u"conversation"_s, u"ID"_s, u"The conversation the task belongs to."_s},
            {u"message"_s, u"ID"_s, u"The message the task was made from."_s}, json},
        2, 2, createCommand});
    commands.append(Command {u"tasks update"_s,
        u"SPACE TASK [--title T] [--description D] [--status S] [--priority N] [--due WHEN|none] [--assign "
        "USERS] [--unassign USERS] [--comment TEXT] [--delete] [--json]"_s,
        u"Change a task."_s,
        u"Changes only the fields given; each is merged field by field with other people's changes\n"
        "(the latest change of each field wins, docs/protocol.md section 11.2). S is open, in_progress,\n"
        "done or cancelled.\n\n"
        "With --json: {\"task_id\", \"mutation_id\" (the last change queued), \"state\"}."_s,
        {{u"title"_s, u"T"_s, u"The new title."_s}, {u"description"_s, u"D"_s, u"The new description."_s},
            {u"status"_s, u"S"_s, u"The new status."_s}, {u"priority"_s, u"N"_s, u"The new priority."_s},
            {u"due"_s, u"WHEN"_s, u"The new due time, or none."_s},
            {u"assign"_s, u"USERS"_s, u"Add assignees."_s},
            {u"unassign"_s, u"USERS"_s, u"Remove assignees."_s},
            {u"comment"_s, u"TEXT"_s, u"Add a comment."_s}, {u"delete"_s, QString(), u"Delete the task."_s},
            json},
        2, 2, updateCommand});
    return commands;
}

} // namespace tandemctl
