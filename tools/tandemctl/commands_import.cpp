// import: a JSON Lines file (or standard input) into a space. The format lives in importer.h.
#include "commands.h"
#include "importer.h"
#include "jsonwriter.h"
#include "passphrase.h"
#include "spaceaccess.h"

#include "store/storethread.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;

namespace {

// Closes the file unless it is standard input.
struct InputFile
{
    std::FILE *file = nullptr;
    bool owned = false;
    ~InputFile()
    {
        if (owned && file)
            std::fclose(file);
    }
};

QString counted(qint64 n, const char *one, const char *many)
{
    return formatCount(n) + u' ' + QString::fromLatin1(n == 1 ? one : many);
}

QString describeCounts(const ImportCounts &c)
{
    return QStringLiteral("%1, %2 and %3")
        .arg(counted(c.messages, "message", "messages"), counted(c.users, "user", "users"),
            counted(c.conversations, "conversation", "conversations"));
}

// A sentence on the conversations made for messages that named one the space did not have, if any.
QString describeCreated(const ImportCounts &c)
{
    if (c.conversationsCreated == 0)
        return {};
    return QStringLiteral(" %1 for messages whose conversation was not in the space.")
        .arg(counted(c.conversationsCreated, "conversation was created", "conversations were created"));
}

void printJson(const QString &file, const SpaceEntry &space, bool dryRun, const ImportCounts &c,
    double seconds, const std::optional<ImportFailure> &failure)
{
    JsonWriter json;
    json.beginObject()
        .field(QStringLiteral("space"), space.meta.name)
        .field(QStringLiteral("space_id"), space.meta.id)
        .field(QStringLiteral("file"), file)
        .field(QStringLiteral("dry_run"), dryRun)
        .field(QStringLiteral("lines"), c.lines)
        .field(QStringLiteral("users"), c.users)
        .field(QStringLiteral("conversations"), c.conversations)
        .field(QStringLiteral("conversations_created"), c.conversationsCreated)
        .field(QStringLiteral("messages"), c.messages)
        .field(QStringLiteral("messages_skipped"), c.messagesSkipped)
        .field(QStringLiteral("seconds"), double(qRound64(seconds * 1000.0)) / 1000.0);
    json.key(QStringLiteral("error"));
    if (failure) {
        json.beginObject(JsonWriter::Layout::Inline);
        failure->line > 0 ? json.field(QStringLiteral("line"), failure->line)
                          : json.key(QStringLiteral("line")).null();
        json.field(QStringLiteral("message"), failure->error.message).endObject();
    } else {
        json.null();
    }
    json.endObject();
    out() << json.text() << Qt::flush;
}

int import(Context &context, const Arguments &args)
{
    const QString spaceName = args.positional.at(0);
    const QString file = args.positional.at(1);
    const bool dryRun = args.isSet(QStringLiteral("dry-run"));
    const bool asJson = args.isSet(QStringLiteral("json"));
    int batchSize = JsonLinesImporter::kDefaultBatchSize;
    if (args.isSet(QStringLiteral("batch-size"))) {
        const auto n = parseCount(args.value(QStringLiteral("batch-size")), 1, 100000);
        if (!n)
            return usageError(QStringLiteral("--batch-size is a number from 1 to 100000."),
                QStringLiteral("tandemctl import --help"));
        batchSize = int(*n);
    }

    Profile profile(context.profileDirectory());
    auto space = findSpace(profile, spaceName);
    if (!space)
        return fail(space.error());

    InputFile input;
    if (file == u"-") {
        input.file = stdin;
    } else {
        if (QFileInfo(file).isDir())
            return fail(QStringLiteral("Cannot import %1: it is a folder, not a file.").arg(file));
        input.file = std::fopen(QFile::encodeName(file).constData(), "rb");
        input.owned = true;
        if (!input.file)
            return fail(QStringLiteral("Cannot read %1: %2.")
                            .arg(file, QString::fromLocal8Bit(std::strerror(errno))));
    }
    const ReadFunction read = [&input](char *buffer, qint64 size) -> qint64 {
        const size_t n = std::fread(buffer, 1, size_t(size), input.file);
        if (n == 0 && std::ferror(input.file))
            return -1;
        return qint64(n);
    };

    QElapsedTimer timer;
    std::unique_ptr<StoreThread> store;
    if (!dryRun) {
        auto passphrase = readPassphrase();
        if (!passphrase)
            return fail(passphrase.error());
        store = std::make_unique<StoreThread>();
        QFuture<Status> opened = store->open(profile, *space, *passphrase);
        opened.waitForFinished();
        if (const Status s = opened.result(); !s)
            return fail(s.error());
    }
    timer.start();

    std::optional<ImportFailure> failure;
    ImportCounts counts;
    {
        JsonLinesImporter importer(store.get(), batchSize);
        const bool showProgress = stderrIsTerminal() && !asJson;
        qint64 nextReport = 100000;
        if (showProgress) {
            importer.setProgress([&](const ImportCounts &c) {
                if (c.lines < nextReport)
                    return;
                err() << "\r  " << formatCount(c.lines) << " lines, " << formatCount(c.messages)
                      << " messages" << Qt::flush;
                nextReport = c.lines + 100000;
            });
        }
        failure = importer.run(read);
        counts = importer.counts();
        if (showProgress && nextReport > 100000)
            err() << "\r\033[K" << Qt::flush;
    }
    store.reset(); // closes the database: everything committed is on disk
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const QString source = file == u"-" ? QStringLiteral("standard input") : file;

    if (asJson)
        printJson(file, *space, dryRun, counts, seconds, failure);
    if (failure) {
        fail(failure->error);
        if (failure->line > 0) {
            const qint64 before = failure->line - 1;
            if (before == 0)
                err() << "Nothing was " << (dryRun ? "checked" : "imported")
                      << ": the first line is the bad one." << Qt::endl;
            else if (dryRun)
                err() << "The " << counted(before, "line before it holds", "lines before it hold") << " "
                      << describeCounts(counts) << ". Nothing was written (--dry-run)." << Qt::endl;
            else
                err() << "Stopped at line " << failure->line << "; the "
                      << counted(before, "line before it was", "lines before it were")
                      << " imported: " << describeCounts(counts) << "." << describeCreated(counts)
                      << " Fix the line and run the same import again: what is already in the space is "
                         "skipped."
                      << Qt::endl;
        } else if (!dryRun) {
            err() << "Imported before the failure: " << describeCounts(counts) << "."
                  << describeCreated(counts) << Qt::endl;
        }
        return ExitFailure;
    }
    if (asJson)
        return ExitOk;
    if (dryRun) {
        out() << "Checked " << counted(counts.lines, "line", "lines") << " of " << source << ": "
              << describeCounts(counts) << ", and no errors. Nothing was written (--dry-run)." << Qt::endl;
        return ExitOk;
    }
    out() << "Imported " << describeCounts(counts) << " from " << source << " into \"" << space->meta.name
          << "\" in " << QString::number(seconds, 'f', seconds < 10 ? 2 : 1) << " s."
          << describeCreated(counts) << Qt::endl;
    if (counts.messagesSkipped > 0)
        out() << formatCount(counts.messagesSkipped)
              << " messages were in the space already and were skipped." << Qt::endl;
    return ExitOk;
}

} // namespace

QList<Command> importCommands()
{
    QList<Command> commands;
    commands.append(Command {
        QStringLiteral("import"),
        QStringLiteral("SPACE FILE|-"),
        QStringLiteral("Import users, conversations and messages from JSON Lines."),
        QStringLiteral(
            "Imports a JSON Lines file (or standard input, with -) into SPACE (a name or an id), in batches\n"
            "of 2,000 lines, so files of any size stream through in little memory. Prints what it "
            "imported.\n\n")
            + importFormatHelp()
            + QStringLiteral(
                "\n\nWith --json: {\"space\", \"space_id\", \"file\", \"dry_run\", \"lines\", \"users\", "
                "\"conversations\",\n\"conversations_created\", \"messages\", \"messages_skipped\", "
                "\"seconds\", \"error\"} on standard output,\nwhere \"error\" is null or {\"line\", "
                "\"message\"}; it is printed when the import fails too."),
        {{QStringLiteral("json"), QString(), QStringLiteral("Print a JSON summary.")},
            {QStringLiteral("dry-run"), QString(),
                QStringLiteral("Check every line without writing anything (needs no passphrase).")},
            {QStringLiteral("batch-size"), QStringLiteral("N"),
                QStringLiteral("Lines per transaction (default 2000).")}},
        2,
        2,
        import,
    });
    return commands;
}

} // namespace tandemctl
