// space create | list | set | wipe, and passphrase change: the profile's spaces and their keys.
#include "commands.h"
#include "jsonwriter.h"
#include "passphrase.h"
#include "spaceaccess.h"
#include "syncsession.h"
#include "timeformat.h"

#include "sync/spacesetup.h"

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;

namespace {

// --accent and --icon, checked before anything is created or asked for.
Result<SpaceLookChange> lookOptions(const Arguments &args)
{
    SpaceLookChange change;
    if (args.isSet(QStringLiteral("accent"))) {
        TANDEM_TRY(validateAccent(args.value(QStringLiteral("accent"))));
        change.accent = args.value(QStringLiteral("accent"));
    }
    if (args.isSet(QStringLiteral("icon"))) {
        TANDEM_TRY(validateIcon(args.value(QStringLiteral("icon"))));
        change.icon = args.value(QStringLiteral("icon"));
    }
    return change;
}

OptionSpec accentOption()
{
    return {QStringLiteral("accent"), QStringLiteral("KEY"),
        QStringLiteral(
            "The space's colour: blue, green, purple, teal, orange, red, pink or slate (empty: the "
            "kind's colour).")};
}

OptionSpec iconOption()
{
    return {QStringLiteral("icon"), QStringLiteral("TEXT"),
        QStringLiteral("One character or emoji shown on the space's tile (empty: the name's initial).")};
}

int spaceCreate(Context &context, const Arguments &args)
{
    const QString name = args.positional.at(0);
    const QString kindName = args.value(QStringLiteral("kind"));
    if (kindName.isEmpty())
        return usageError(QStringLiteral("Say which kind of space this is: --kind work or --kind personal."),
            QStringLiteral("tandemctl space create --help"));
    const auto kind = spaceKindFromName(kindName);
    if (!kind)
        return usageError(
            QStringLiteral("The kind of a space is \"work\" or \"personal\", not \"%1\".").arg(kindName),
            QStringLiteral("tandemctl space create --help"));

    const QString server = args.value(QStringLiteral("server"));
    const QString user = args.value(QStringLiteral("user"));
    if (server.isEmpty() != user.isEmpty()
        || (server.isEmpty() && args.isSet(QStringLiteral("server-space"))))
        return usageError(QStringLiteral("A space on a server needs both --server URL and --user NAME."),
            QStringLiteral("tandemctl space create --help"));
    auto look = lookOptions(args);
    if (!look)
        return usageError(look.error().message, QStringLiteral("tandemctl space create --help"));

    Profile profile(context.profileDirectory());
    if (profile.findSpace(name).ok())
        return fail(QStringLiteral("A space named \"%1\" exists already in %2.")
                        .arg(name.trimmed(), profile.directory()));
    auto existing = profile.spaces();
    if (!existing)
        return fail(existing.error());
    // The first space sets the profile's passphrase: ask twice so a typo cannot lock the user out.
    auto passphrase = readPassphrase(existing->isEmpty());
    if (!passphrase)
        return fail(passphrase.error());
    // The login comes first, so that a wrong password or server leaves no half-made space behind.
    std::optional<SyncAccount> account;
    if (!server.isEmpty()) {
        auto set = setUpServerSpace(
            QUrl(server), user, kindName, name.trimmed(), args.value(QStringLiteral("server-space")));
        if (!set)
            return fail(set.error());
        account = *set;
    }
    // The token and device id live in the space's encrypted database, never in a plain file.
    auto created = sync::createSyncedSpace(profile, name, *kind, *passphrase, false, account);
    if (!created)
        return fail(created.error());
    if (look->accent || look->icon)
        if (auto s = profile.setSpaceLook(*created, *look); !s)
            return fail(s.error());
    out() << created->meta.id << Qt::endl;
    return ExitOk;
}

int spaceList(Context &context, const Arguments &args)
{
    Profile profile(context.profileDirectory());
    auto spaces = profile.spaces();
    if (!spaces)
        return fail(spaces.error());
    for (const UnreadableSpace &u : unreadableSpaces(profile))
        err() << "tandemctl: warning: " << u.error.message << Qt::endl;

    if (args.isSet(QStringLiteral("json"))) {
        JsonWriter json;
        json.beginArray();
        for (const SpaceEntry &e : *spaces) {
            json.beginObject()
                .field(QStringLiteral("id"), e.meta.id)
                .field(QStringLiteral("name"), e.meta.name)
                .field(QStringLiteral("kind"), e.meta.kind)
                .field(QStringLiteral("created_at"), e.meta.createdAt)
                .field(QStringLiteral("accent"), e.meta.accent)
                .field(QStringLiteral("icon"), e.meta.icon)
                .endObject();
        }
        json.endArray();
        out() << json.text();
        return ExitOk;
    }
    if (spaces->isEmpty()) {
        out() << "No spaces in " << profile.directory()
              << ". Create one with \"tandemctl space create NAME --kind work\"." << Qt::endl;
        return ExitOk;
    }
    qsizetype nameWidth = 4;
    for (const SpaceEntry &e : *spaces)
        nameWidth = std::max(nameWidth, e.meta.name.size());
    out() << QStringLiteral("NAME").leftJustified(nameWidth)
          << "  KIND      ID                                    CREATED\n";
    for (const SpaceEntry &e : *spaces)
        out() << e.meta.name.leftJustified(nameWidth) << "  " << e.meta.kind.leftJustified(8) << "  "
              << e.meta.id.leftJustified(36) << "  " << formatLocalTime(e.meta.createdAt) << '\n';
    out().flush();
    return ExitOk;
}

int spaceSet(Context &context, const Arguments &args)
{
    auto look = lookOptions(args);
    if (!look)
        return usageError(look.error().message, QStringLiteral("tandemctl space set --help"));
    if (args.isSet(QStringLiteral("name")))
        look->name = args.value(QStringLiteral("name"));
    if (!look->name && !look->accent && !look->icon)
        return usageError(QStringLiteral("Say what to change: --name NAME, --accent KEY or --icon TEXT."),
            QStringLiteral("tandemctl space set --help"));
    Profile profile(context.profileDirectory());
    auto space = findSpace(profile, args.positional.at(0));
    if (!space)
        return fail(space.error());
    auto changed = profile.setSpaceLook(*space, *look);
    if (!changed)
        return fail(changed.error());
    out() << "Changed the space \"" << changed->meta.name << "\" (" << changed->meta.id << ")." << Qt::endl;
    return ExitOk;
}

int spaceWipe(Context &context, const Arguments &args)
{
    Profile profile(context.profileDirectory());
    auto space = findSpace(profile, args.positional.at(0));
    if (!space)
        return fail(space.error());
    if (!args.isSet(QStringLiteral("yes")))
        return usageError(
            QStringLiteral("Wiping destroys the space \"%1\" and everything in it, for good. Add --yes "
                           "to do it.")
                .arg(space->meta.name),
            QStringLiteral("tandemctl space wipe --help"));
    if (auto s = profile.wipeSpace(*space); !s)
        return fail(s.error());
    out() << "Wiped the space \"" << space->meta.name << "\" (" << space->meta.id
          << "): its key and its database are destroyed." << Qt::endl;
    return ExitOk;
}

int passphraseChange(Context &context, const Arguments &)
{
    Profile profile(context.profileDirectory());
    auto spaces = profile.spaces();
    if (!spaces)
        return fail(spaces.error());
    if (spaces->isEmpty())
        return fail(QStringLiteral("There are no spaces in %1, so there is no passphrase to change.")
                        .arg(profile.directory()));
    // A space whose key file cannot be read would keep the old passphrase: the profile would then need two.
    if (const QList<UnreadableSpace> broken = unreadableSpaces(profile); !broken.isEmpty())
        return fail(
            QStringLiteral("%1 Repair or wipe that space first, so that every space changes together.")
                .arg(broken.first().error.message));
    auto current = readPassphrase(false, QStringLiteral("Current passphrase: "));
    if (!current)
        return fail(current.error());
    // Check the current passphrase before asking for a new one.
    if (auto key = profile.unlockKey(spaces->first(), *current); !key)
        return fail(key.error());
    auto next = readNewPassphrase();
    if (!next)
        return fail(next.error());
    if (auto s = profile.changePassphrase(*current, *next); !s)
        return fail(s.error());
    out() << "Changed the passphrase of " << spaces->size() << (spaces->size() == 1 ? " space." : " spaces.")
          << Qt::endl;
    return ExitOk;
}

} // namespace

QList<Command> spaceCommands()
{
    QList<Command> commands;
    commands.append(Command {
        QStringLiteral("space create"),
        QStringLiteral("NAME --kind work|personal [--server URL --user USER [--server-space ID]] [--accent "
                       "KEY] [--icon TEXT]"),
        QStringLiteral("Create a space and print its id."),
        QStringLiteral(
            "Creates a space in the profile: a fresh random key, wrapped by the profile's passphrase, and "
            "an\n"
            "empty encrypted database. Prints the new space's id.\n\n"
            "The passphrase comes from TANDEM_PASSPHRASE, or is asked for on the terminal. Every space of a\n"
            "profile shares it: for the first space it becomes the profile's passphrase (asked twice).\n\n"
            "With --server and --user the space syncs with a server: tandemctl logs in (the password comes\n"
            "from TANDEM_PASSWORD) and picks the server's space of that kind: --server-space, else the only\n"
            "one of that kind, else the one named NAME. The session is kept in the space's encrypted store."),
        {{QStringLiteral("kind"), QStringLiteral("KIND"), QStringLiteral("work or personal.")},
            {QStringLiteral("server"), QStringLiteral("URL"),
                QStringLiteral("The server (wss://…, or ws:// on this computer).")},
            {QStringLiteral("user"), QStringLiteral("USER"),
                QStringLiteral("The account's user name on the server.")},
            {QStringLiteral("server-space"), QStringLiteral("ID"),
                QStringLiteral("The server space to sync.")},
            accentOption(), iconOption()},
        1,
        1,
        spaceCreate,
    });
    commands.append(Command {
        QStringLiteral("space list"),
        QString(),
        QStringLiteral("List the spaces of the profile."),
        QStringLiteral(
            "Lists the profile's spaces: name, kind, id and creation time. Needs no passphrase: "
            "this is read\n"
            "from each space's key file, not from its database.\n\n"
            "With --json: an array of {\"id\", \"name\", \"kind\", \"created_at\" (milliseconds "
            "since the epoch),\n"
            "\"accent\", \"icon\"} (empty when not chosen: the kind's colour, the name's initial)."),
        {{QStringLiteral("json"), QString(), QStringLiteral("Print JSON.")}},
        0,
        0,
        spaceList,
    });
    commands.append(Command {
        QStringLiteral("space set"),
        QStringLiteral("SPACE [--name NAME] [--accent KEY] [--icon TEXT]"),
        QStringLiteral("Rename a space or change its colour and icon."),
        QStringLiteral(
            "Changes how a space looks in the app: its name, its accent colour (a key of the fixed "
            "palette, so\n"
            "text on it stays readable) and its icon (one character or emoji). An empty --accent or "
            "--icon\n"
            "goes back to the kind's colour or the name's initial. SPACE is a name or an id. Needs no\n"
            "passphrase: this is kept in the space's key file."),
        {{QStringLiteral("name"), QStringLiteral("NAME"),
             QStringLiteral("The new name (1 to 64 characters).")},
            accentOption(), iconOption()},
        1,
        1,
        spaceSet,
    });
    commands.append(Command {
        QStringLiteral("space wipe"),
        QStringLiteral("SPACE --yes"),
        QStringLiteral("Destroy a space: its key first, then its data."),
        QStringLiteral(
            "Destroys a space for good: its key (file and keychain entry) first, then its database files,\n"
            "overwritten before they are removed. The other spaces are not touched. SPACE is a name or an "
            "id.\n"
            "Needs no passphrase, so access can be revoked from a locked profile."),
        {{QStringLiteral("yes"), QString(), QStringLiteral("Confirm that the space is to be destroyed.")}},
        1,
        1,
        spaceWipe,
    });
    commands.append(Command {
        QStringLiteral("passphrase change"),
        QString(),
        QStringLiteral("Change the profile's passphrase."),
        QStringLiteral(
            "Re-wraps every space's key under a new passphrase; the databases are not rewritten. If the\n"
            "current passphrase is wrong for any space, nothing changes.\n\n"
            "The current passphrase comes from TANDEM_PASSPHRASE, the new one from TANDEM_NEW_PASSPHRASE;\n"
            "either is asked for on the terminal when its variable is not set."),
        {},
        0,
        0,
        passphraseChange,
    });
    return commands;
}

} // namespace tandemctl
