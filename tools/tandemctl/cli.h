// The plumbing every tandemctl command shares: exit codes, the output streams, a small argument parser
// with per-command help, and the one place where an error becomes a sentence on stderr.
#pragma once

#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>

namespace tandemctl {

enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // the command ran and failed: wrong passphrase, missing space, bad input
    ExitUsage = 2, // the command line itself is wrong
};

// User-facing output. Results go to out(); errors, prompts and progress go to err(), so that
// `--json` output on stdout stays machine-readable.
QTextStream &out();
QTextStream &err();

struct OptionSpec
{
    QString name; // long name, without the dashes
    QString valueName; // empty for a flag
    QString description;
};

// What the user typed after the command's words.
struct Arguments
{
    QStringList positional;
    QHash<QString, QString> values; // options with a value
    QStringList flags; // options without one
    QHash<QString, QStringList> repeated; // every value of an option given more than once, in order

    [[nodiscard]] bool isSet(const QString &name) const
    {
        return flags.contains(name) || values.contains(name);
    }
    [[nodiscard]] QString value(const QString &name) const { return values.value(name); }
};

// Options that hold for every command, whichever side of the command name they are written on.
struct Context
{
    QString profileOption; // --profile, empty when not given

    // --profile, else $TANDEM_PROFILE, else the platform default.
    [[nodiscard]] QString profileDirectory() const;
};

struct Command
{
    QString path; // the command's words: "space create"
    QString synopsis; // what follows the words in the usage line: "NAME --kind work|personal"
    QString summary; // one line for the tool's help
    QString description; // the command's help, after the usage line
    QList<OptionSpec> options;
    int minPositional = 0;
    int maxPositional = 0;
    std::function<int(Context &, const Arguments &)> run;
};

// Parses a command's arguments. Returns the exit code to stop with when --help was asked for (0) or
// the arguments are wrong (2, after saying why); nothing when the command should run.
std::optional<int> parseArguments(
    const Command &command, const QStringList &args, Context &context, Arguments &parsed);

QString commandHelp(const Command &command);

// Reports an error as one sentence on stderr and returns the exit code for it.
int fail(const tandem::Error &error);
int fail(const QString &message);
int usageError(const QString &message, const QString &helpCommand = {});

// Arguments that must be numbers.
std::optional<qint64> parseCount(const QString &text, qint64 min, qint64 max);

// "1,234,567", for people.
QString formatCount(qint64 n);
// "12.3 MiB", for people.
QString formatBytes(qint64 bytes);

} // namespace tandemctl
