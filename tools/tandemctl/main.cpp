// tandemctl: Tandem's command-line client. It finds the command the words name, parses its options,
// and runs it; each command lives in its own file (see commands.h).
#include "cli.h"
#include "commands.h"

#include "store/profile.h"

#include <QCoreApplication>

#include <exception>

using namespace tandemctl;

namespace {

QList<Command> allCommands()
{
    QList<Command> commands;
    commands << spaceCommands() << importCommands() << searchCommands() << benchCommands() << demoCommands()
             << syncCommands() << benchSyncCommands() << tasksCommands();
    commands << approvalsCommands();
    commands << handoverCommands();
    return commands;
}

QString toolHelp(const QList<Command> &commands)
{
    QString text = QStringLiteral(
        "Usage: tandemctl [--profile DIR] COMMAND [ARGUMENTS] [OPTIONS]\n\n"
        "Tandem's command-line client: manage a profile's encrypted spaces, import and search "
        "messages, and sync spaces with a Tandem server.\n\nCommands:\n");
    qsizetype width = 0;
    for (const Command &c : commands)
        width = std::max(width, c.path.size());
    for (const Command &c : commands)
        text += QStringLiteral("  %1  %2\n").arg(c.path.leftJustified(width), c.summary);
    text += QStringLiteral(
        "\nOptions:\n"
        "  --profile DIR  The profile folder (default: $TANDEM_PROFILE, else %1).\n"
        "  --help         Show this help; \"tandemctl COMMAND --help\" shows a command's.\n"
        "  --version      Show the version.\n"
        "\nEnvironment:\n"
        "  TANDEM_PROFILE         The profile folder, when --profile is not given.\n"
        "  TANDEM_PASSPHRASE      The profile's passphrase. When it is not set, tandemctl asks on the "
        "terminal,\n"
        "                         or fails if there is none.\n"
        "  TANDEM_NEW_PASSPHRASE  The new passphrase for \"passphrase change\".\n"
        "  TANDEM_PASSWORD        The account's password on a server, for \"space create --server\" and\n"
        "                         for \"sync\" when the session must be renewed.\n"
        "\nExit status: 0 on success, 1 when a command fails, 2 when the command line is wrong.\n")
                .arg(tandem::store::Profile::defaultDirectory());
    return text;
}

// The commands whose words start with `prefix` ("space" lists space create, list and wipe).
QList<const Command *> commandsUnder(const QList<Command> &commands, const QString &prefix)
{
    QList<const Command *> found;
    for (const Command &c : commands)
        if (c.path.startsWith(prefix + u' '))
            found.append(&c);
    return found;
}

QString groupHelp(const QString &group, const QList<const Command *> &members)
{
    QString text
        = QStringLiteral("Usage: tandemctl [--profile DIR] %1 SUBCOMMAND ...\n\nSubcommands:\n").arg(group);
    qsizetype width = 0;
    for (const Command *c : members)
        width = std::max(width, c->path.size());
    for (const Command *c : members)
        text += QStringLiteral("  %1  %2\n").arg(c->path.leftJustified(width), c->summary);
    text += QStringLiteral("\nRun \"tandemctl %1 SUBCOMMAND --help\" for a subcommand's help.\n").arg(group);
    return text;
}

int run(const QStringList &arguments)
{
    const QList<Command> commands = allCommands();
    Context context;
    QStringList args = arguments.mid(1);

    // Options before the command.
    while (!args.isEmpty() && args.first().startsWith(u'-') && args.first() != u"-") {
        const QString option = args.takeFirst();
        if (option == u"--help" || option == u"-h") {
            out() << toolHelp(commands) << Qt::flush;
            return ExitOk;
        }
        if (option == u"--version") {
            out() << "tandemctl " << QCoreApplication::applicationVersion() << Qt::endl;
            return ExitOk;
        }
        if (option == u"--profile" || option.startsWith(u"--profile=")) {
            const QString value = option == u"--profile" ? (args.isEmpty() ? QString() : args.takeFirst())
                                                         : option.mid(int(qstrlen("--profile=")));
            if (value.isEmpty())
                return usageError(QStringLiteral("The option --profile needs a folder."));
            context.profileOption = value;
            continue;
        }
        return usageError(QStringLiteral("Unknown option \"%1\".").arg(option));
    }
    if (args.isEmpty()) {
        err() << toolHelp(commands) << Qt::flush;
        return ExitUsage;
    }

    // "help space create" is "space create --help".
    if (args.first() == u"help") {
        args.removeFirst();
        if (args.isEmpty()) {
            out() << toolHelp(commands) << Qt::flush;
            return ExitOk;
        }
        args.append(QStringLiteral("--help"));
    }

    // The longest run of words that names a command.
    const Command *command = nullptr;
    qsizetype words = 0;
    for (const Command &c : commands) {
        const QStringList path = c.path.split(u' ');
        if (path.size() > words && args.size() >= path.size() && args.mid(0, path.size()) == path) {
            command = &c;
            words = path.size();
        }
    }
    if (!command) {
        const QList<const Command *> group = commandsUnder(commands, args.first());
        if (!group.isEmpty()) {
            if (args.size() >= 2 && (args.at(1) == u"--help" || args.at(1) == u"-h")) {
                out() << groupHelp(args.first(), group) << Qt::flush;
                return ExitOk;
            }
            const QString what = args.size() >= 2 && !args.at(1).startsWith(u'-')
                ? QStringLiteral("Unknown command \"%1 %2\".").arg(args.at(0), args.at(1))
                : QStringLiteral("\"%1\" needs a subcommand.").arg(args.at(0));
            err() << "tandemctl: " << what << "\n\n" << groupHelp(args.first(), group) << Qt::flush;
            return ExitUsage;
        }
        return usageError(QStringLiteral("Unknown command \"%1\".").arg(args.first()));
    }

    Arguments parsed;
    if (auto stop = parseArguments(*command, args.mid(words), context, parsed))
        return *stop;
    return command->run(context, parsed);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tandemctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TANDEMCTL_VERSION));
    int code = ExitFailure;
    try {
        code = run(QCoreApplication::arguments());
    } catch (const std::bad_alloc &) {
        code = fail(QStringLiteral("Out of memory."));
    } catch (const std::exception &e) {
        code = fail(
            QStringLiteral("Internal error: %1. Please report it.").arg(QString::fromLocal8Bit(e.what())));
    }
    out().flush();
    err().flush();
    return code;
}
