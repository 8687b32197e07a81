// conversations handover: an organisation admin hands a departing employee's customer conversations to
// a successor (docs/protocol.md §6.12), as the mutation conversation.handover sent through the space's
// outbox by the same sync engine as every other change.
#include "commands.h"
#include "jsonwriter.h"
#include "passphrase.h"
#include "spaceaccess.h"
#include "syncsession.h"

#include "store/syncstate.h"
#include "sync/mutations.h"

#include <QJsonArray>

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;
using namespace Qt::StringLiterals;

namespace {

// A user id from a user name held in the space; anything else is passed on as an id (the server
// decides: a departed employee may no longer be in the local directory).
QString userIdFor(StoreThread &store, const QString &nameOrId)
{
    auto id = userIdIn(store, nameOrId);
    return id && !id->isEmpty() ? *id : nameOrId;
}

int handoverCommand(Context &context, const Arguments &args)
{
    if (args.value(u"from"_s).isEmpty() || args.value(u"to"_s).isEmpty())
        return fail(u"Say whose conversations to hand over and to whom: --from USER --to USER."_s);
    Profile profile(context.profileDirectory());
    auto entry = findSpace(profile, args.positional.at(0));
    if (!entry)
        return fail(entry.error());
    auto passphrase = readPassphrase();
    if (!passphrase)
        return fail(passphrase.error());
    auto store = openStoreThread(profile, *entry, *passphrase);
    if (!store)
        return fail(store.error());
    auto account
        = (*store)->read<SyncAccount>([](SpaceStore &s) { return loadSyncAccount(s.db()); }).result();
    if (!account)
        return fail(account.error());
    if (!account->isConfigured())
        return fail(u"The space \"%1\" is not connected to a server."_s.arg(entry->meta.name));

    const QString from = userIdFor(**store, args.value(u"from"_s));
    const QString to = userIdFor(**store, args.value(u"to"_s));
    QJsonObject payload {{u"from_user_id"_s, from}, {u"to_user_id"_s, to}};
    const QStringList conversations = args.value(u"conversation"_s).split(u',', Qt::SkipEmptyParts);
    if (!conversations.isEmpty())
        payload.insert(u"conversation_ids"_s, QJsonArray::fromStringList(conversations));
    auto queued = sync::queueMutation(**store, u"conversation.handover"_s, payload).result();
    if (!queued)
        return fail(queued.error());

    sync::SyncConfig config = syncConfigFor(profile, *entry, *passphrase);
    config.backfillHistory = false;
    // Unlike a message, a hand-over is an administrator's act now, not later: wait for the answer.
    const SyncOutcome outcome = runSync(**store, config, 15000, true);
    if (!outcome.rejected.isEmpty())
        return fail(u"The server refused the hand-over (%1)."_s.arg(outcome.rejected.first()));
    if (args.isSet(u"json"_s)) {
        JsonWriter json;
        json.beginObject()
            .field(u"mutation_id"_s, queued->mutationId)
            .field(u"from_user_id"_s, from)
            .field(u"to_user_id"_s, to)
            .field(u"state"_s, outcome.settled ? u"applied"_s : u"queued"_s)
            .endObject();
        out() << json.text() << Qt::flush;
    } else if (outcome.settled) {
        out() << "Handed " << from << "'s external conversations to " << to << "." << Qt::endl;
    } else {
        out() << "Queued the hand-over; the next \"tandemctl sync " << entry->meta.name << "\" sends it."
              << Qt::endl;
    }
    return ExitOk;
}

} // namespace

QList<Command> handoverCommands()
{
    return {Command {u"conversations handover"_s,
        u"SPACE --from USER --to USER [--conversation ID[,ID...]] [--json]"_s,
        u"Hand a departing employee's customer conversations to a successor."_s,
        u"Sends conversation.handover as the space's signed-in account, which must be an organisation\n"
        "admin. Without --conversation every external conversation of --from moves; the successor sees\n"
        "their whole history, the customers stay and see a notice, and --from is removed. USER is a user\n"
        "id or a user name held in the space. Exits 1 with the server's reason when it refuses.\n\n"
        "With --json: {\"mutation_id\", \"from_user_id\", \"to_user_id\", \"state\" (applied or queued)}."_s,
        {{u"from"_s, u"USER"_s, u"The former member."_s}, {u"to"_s, u"USER"_s, u"The successor."_s},
            {u"conversation"_s, u"ID"_s, u"Only these conversations (comma-separated ids)."_s},
            {u"json"_s, QString(), u"Print JSON."_s}},
        1, 1, handoverCommand}};
}

} // namespace tandemctl
