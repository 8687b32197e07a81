#include "cli.h"

#include "store/profile.h"

#include <cstdio>

namespace tandemctl {

namespace {

const OptionSpec kProfileOption {QStringLiteral("profile"), QStringLiteral("DIR"),
    QStringLiteral("The profile folder (default: $TANDEM_PROFILE, else the "
                   "platform's data folder).")};
const OptionSpec kHelpOption {QStringLiteral("help"), QString(), QStringLiteral("Show this help.")};

const OptionSpec *findOption(const Command &command, const QString &name)
{
    for (const OptionSpec &o : command.options)
        if (o.name == name)
            return &o;
    if (name == kProfileOption.name)
        return &kProfileOption;
    if (name == kHelpOption.name)
        return &kHelpOption;
    return nullptr;
}

QString helpCommandFor(const Command &command)
{
    return QStringLiteral("tandemctl %1 --help").arg(command.path);
}

} // namespace

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString Context::profileDirectory() const
{
    if (!profileOption.isEmpty())
        return profileOption;
    const QString fromEnv = qEnvironmentVariable("TANDEM_PROFILE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return tandem::store::Profile::defaultDirectory();
}

std::optional<int> parseArguments(
    const Command &command, const QStringList &args, Context &context, Arguments &parsed)
{
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        // "-" is a positional argument (standard input); "--" ends the options, so a query may start with
        // "-".
        if (optionsEnded || arg == u"-" || !arg.startsWith(u'-')) {
            parsed.positional.append(arg);
            continue;
        }
        if (arg == u"--") {
            optionsEnded = true;
            continue;
        }
        if (arg == u"-h") {
            out() << commandHelp(command);
            return ExitOk;
        }
        if (!arg.startsWith(u"--"))
            return usageError(QStringLiteral("Unknown option \"%1\".").arg(arg), helpCommandFor(command));
        QString name = arg.mid(2);
        std::optional<QString> inlineValue;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name.truncate(eq);
        }
        const OptionSpec *spec = findOption(command, name);
        if (!spec)
            return usageError(QStringLiteral("Unknown option \"--%1\".").arg(name), helpCommandFor(command));
        if (spec->name == kHelpOption.name) {
            out() << commandHelp(command);
            return ExitOk;
        }
        if (spec->valueName.isEmpty()) {
            if (inlineValue)
                return usageError(
                    QStringLiteral("The option --%1 takes no value.").arg(name), helpCommandFor(command));
            parsed.flags.append(name);
            continue;
        }
        QString value;
        if (inlineValue) {
            value = *inlineValue;
        } else {
            if (i + 1 >= args.size())
                return usageError(
                    QStringLiteral("The option --%1 needs a value (%2).").arg(name, spec->valueName),
                    helpCommandFor(command));
            value = args.at(++i);
        }
        if (spec->name == kProfileOption.name) {
            if (value.isEmpty())
                return usageError(
                    QStringLiteral("The option --profile needs a folder."), helpCommandFor(command));
            context.profileOption = value;
        } else {
            parsed.values.insert(name, value);
            parsed.repeated[name].append(value);
        }
    }
    if (parsed.positional.size() < command.minPositional
        || parsed.positional.size() > command.maxPositional) {
        const QString what = parsed.positional.size() < command.minPositional
            ? QStringLiteral("Missing arguments")
            : QStringLiteral("Too many arguments");
        return usageError(
            QStringLiteral("%1: the usage is \"tandemctl %2 %3\".").arg(what, command.path, command.synopsis),
            helpCommandFor(command));
    }
    return std::nullopt;
}

QString commandHelp(const Command &command)
{
    QString text = QStringLiteral("Usage: tandemctl [--profile DIR] %1 %2")
                       .arg(command.path, command.synopsis)
                       .trimmed();
    text += QStringLiteral("\n\n");
    text += command.description.trimmed() + QStringLiteral("\n\nOptions:\n");
    QList<OptionSpec> all = command.options;
    all << kProfileOption << kHelpOption;
    qsizetype width = 0;
    QStringList heads;
    for (const OptionSpec &o : all) {
        heads << (o.valueName.isEmpty() ? QStringLiteral("--%1").arg(o.name)
                                        : QStringLiteral("--%1 %2").arg(o.name, o.valueName));
        width = std::max(width, heads.last().size());
    }
    for (qsizetype i = 0; i < all.size(); ++i)
        text += QStringLiteral("  %1  %2\n").arg(heads.at(i).leftJustified(width), all.at(i).description);
    return text;
}

int fail(const tandem::Error &error)
{
    return fail(error.message);
}

int fail(const QString &message)
{
    err() << "tandemctl: " << message.trimmed() << Qt::endl;
    return ExitFailure;
}

int usageError(const QString &message, const QString &helpCommand)
{
    err() << "tandemctl: " << message << Qt::endl;
    err() << "Run \"" << (helpCommand.isEmpty() ? QStringLiteral("tandemctl --help") : helpCommand)
          << "\" for the usage." << Qt::endl;
    return ExitUsage;
}

std::optional<qint64> parseCount(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

QString formatCount(qint64 n)
{
    QString digits = QString::number(n < 0 ? -n : n);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, u',');
    return n < 0 ? u'-' + digits : digits;
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    const double kib = double(bytes) / 1024.0;
    if (kib < 1024.0)
        return QStringLiteral("%1 KiB").arg(kib, 0, 'f', 1);
    const double mib = kib / 1024.0;
    if (mib < 1024.0)
        return QStringLiteral("%1 MiB").arg(mib, 0, 'f', 1);
    return QStringLiteral("%1 GiB").arg(mib / 1024.0, 0, 'f', 2);
}

} // namespace tandemctl
