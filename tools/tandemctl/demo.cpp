// demo: a guided tour of the store for newcomers. It makes a profile with a Work and a Personal space,
// fills them with a small, realistic fixture (through the same importer as `tandemctl import`), and
// lets the user search them from a prompt. Reading standard input to its end, it also runs from a pipe.
#include "commands.h"
#include "importer.h"
#include "namebook.h"
#include "passphrase.h"
#include "timeformat.h"

#include "store/profile.h"
#include "store/storethread.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>

#include <array>
#include <cstdio>

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;

namespace {

struct DemoSpace
{
    QString name;
    SpaceKind kind;
    QString fixture; // a JSON Lines resource
    QString blurb;
    std::unique_ptr<StoreThread> store;
    std::optional<NameBook> names;
    StoreStats stats;
};

template<typename R> Result<R> await(QFuture<Result<R>> future)
{
    future.waitForFinished();
    return future.result();
}

Status awaitStatus(QFuture<Status> future)
{
    future.waitForFinished();
    return future.result();
}

// Creates the space if it is missing, opens it on its own store thread, and imports the fixture.
// The import runs every time: messages already there are skipped, and a demo interrupted while it
// was being set up is completed.
Status prepare(Profile &profile, const QString &passphrase, DemoSpace &space, bool &created)
{
    auto entry = profile.findSpace(space.name);
    created = false;
    if (!entry) {
        if (entry.error().code != ErrorCode::NotFound)
            return entry.error();
        entry = profile.createSpace(space.name, space.kind, passphrase);
        if (!entry)
            return entry.error();
        created = true;
    }
    space.store = std::make_unique<StoreThread>();
    TANDEM_TRY(awaitStatus(space.store->open(profile, *entry, passphrase)));

    QFile fixture(space.fixture);
    if (!fixture.open(QIODevice::ReadOnly))
        return Error::make(
            ErrorCode::Io, QStringLiteral("The demo data %1 is missing from this build.").arg(space.fixture));
    JsonLinesImporter importer(space.store.get());
    const auto failure
        = importer.run([&fixture](char *buffer, qint64 size) { return fixture.read(buffer, size); });
    if (failure)
        return failure->error;

    auto names = await(space.store->read<NameBook>([](SpaceStore &s) { return NameBook::load(s); }));
    if (!names)
        return names.error();
    space.names = std::move(*names);
    auto stats = await(space.store->read<StoreStats>([](SpaceStore &s) { return s.stats(); }));
    if (!stats)
        return stats.error();
    space.stats = *stats;
    return {};
}

void printGuide(
    const QString &directory, const QString &passphraseNote, const std::array<DemoSpace, 2> &spaces)
{
    out() << "\nTandem demo · profile " << directory << " (" << passphraseNote << ")\n\n"
          << "Two spaces, each its own encrypted database with its own key, kept apart on purpose:\n";
    for (const DemoSpace &s : spaces)
        out() << "  " << s.name.leftJustified(9) << formatCount(s.stats.conversations) << " conversations, "
              << formatCount(s.stats.messages) << " messages: " << s.blurb << '\n';
    out()
        << "\nType words to search the current space, then Enter. Chinese needs no spaces (会议 finds\n"
        << "会议室), the last English word matches as a prefix (deplo finds deploy), and all the words must\n"
        << "match. Simplified and Traditional are different characters: 报价 and 報價 find different "
           "messages.\n"
        << "  Try:  会议   報價   release   客户 演示   offline   審批   SSO\n"
        << "  Commands:  :space work|personal   :conversations   :stats   :help   :quit\n\n"
        << Qt::flush;
}

void printHelp()
{
    out() << "  <words>              search the current space\n"
          << "  :space work|personal switch spaces (each has its own key and file)\n"
          << "  :conversations       list the current space's conversations, most recent first\n"
          << "  :stats               what the current space holds\n"
          << "  :help                this list\n"
          << "  :quit                leave (so does the end of the input, Ctrl-D)\n"
          << Qt::flush;
}

void search(DemoSpace &current, DemoSpace &other, const QString &text)
{
    SearchQuery query;
    query.text = text;
    query.limit = 10;
    QElapsedTimer timer;
    timer.start();
    auto hits
        = await(current.store->read<QList<SearchHit>>([query](SpaceStore &s) { return s.search(query); }));
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!hits) {
        err() << "  " << hits.error().message << Qt::endl;
        return;
    }
    if (hits->isEmpty()) {
        // The other space is searched only to say whether it has matches, never what they are.
        auto elsewhere
            = await(other.store->read<QList<SearchHit>>([query](SpaceStore &s) { return s.search(query); }));
        out() << "  Nothing in " << current.name << " matches \"" << text << "\".";
        if (elsewhere && !elsewhere->isEmpty())
            out() << " " << other.name << " has matches: \":space " << other.name.toLower() << "\".";
        out() << Qt::endl;
        return;
    }
    for (const SearchHit &h : *hits)
        out() << "  " << formatLocalTime(h.createdAt) << "  " << current.names->conversation(h.conversationId)
              << " · " << current.names->user(h.senderId) << ": " << bracketHighlights(h.snippet) << '\n';
    out() << "  " << hits->size() << (hits->size() == 1 ? " match" : " matches") << " in " << current.name
          << ", " << QString::number(ms, 'f', 1) << " ms"
          << (hits->size() == query.limit ? " (the best 10)" : "") << Qt::endl;
}

void listConversations(DemoSpace &space)
{
    auto conversations
        = await(space.store->read<QList<Conversation>>([](SpaceStore &s) { return s.conversations(); }));
    if (!conversations) {
        err() << "  " << conversations.error().message << Qt::endl;
        return;
    }
    for (const Conversation &c : *conversations)
        out() << "  " << c.kind.leftJustified(8) << formatLocalTime(c.lastMessageAt) << "  "
              << space.names->conversation(c.id) << (c.external ? QStringLiteral("  [external]") : QString())
              << '\n';
    out().flush();
}

void printStats(DemoSpace &space)
{
    auto stats = await(space.store->read<StoreStats>([](SpaceStore &s) { return s.stats(); }));
    if (!stats) {
        err() << "  " << stats.error().message << Qt::endl;
        return;
    }
    out() << "  " << space.name << ": " << formatCount(stats->conversations) << " conversations, "
          << formatCount(stats->messages) << " messages, " << formatCount(stats->users) << " people; "
          << formatBytes(stats->dbBytes) << " on disk, search index " << formatBytes(stats->searchIndexBytes)
          << ", schema " << stats->schemaVersion << Qt::endl;
}

int demo(Context &context, const Arguments &)
{
    // The demo never touches the user's real profile: TANDEM_PROFILE is not consulted, only --profile.
    const QString directory = context.profileOption.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QStringLiteral("/tandem-demo")
        : context.profileOption;
    const QString fromEnvironment = qEnvironmentVariable("TANDEM_PASSPHRASE");
    const QString passphrase = fromEnvironment.isEmpty() ? QStringLiteral("demo") : fromEnvironment;
    const QString passphraseNote = fromEnvironment.isEmpty()
        ? QStringLiteral("passphrase \"demo\"")
        : QStringLiteral("passphrase from TANDEM_PASSPHRASE");
    Profile profile(directory);

    std::array<DemoSpace, 2> spaces {{
        {QStringLiteral("Work"), SpaceKind::Work, QStringLiteral(":/tandemctl/demo/work.jsonl"),
            QStringLiteral("alice, bob, chen, dana, eve, and a customer's group"), {}, {}, {}},
        {QStringLiteral("Personal"), SpaceKind::Personal, QStringLiteral(":/tandemctl/demo/personal.jsonl"),
            QStringLiteral("Alice's family and friends"), {}, {}, {}},
    }};
    for (DemoSpace &space : spaces) {
        bool created = false;
        if (auto s = prepare(profile, passphrase, space, created); !s) {
            if (s.error().code == ErrorCode::WrongKey)
                return fail(QStringLiteral("The demo profile in %1 was made with another passphrase. Set "
                                           "TANDEM_PASSPHRASE to that one, or delete %1 to start over.")
                                .arg(directory));
            return fail(s.error());
        }
        if (created)
            err() << "Created the " << space.name << " space and imported its demo conversations."
                  << Qt::endl;
    }
    printGuide(profile.directory(), passphraseNote, spaces);

    const bool interactive = stdinIsTerminal();
    QTextStream in(stdin);
    int current = 0;
    for (;;) {
        if (interactive)
            out() << spaces[size_t(current)].name.toLower() << "> " << Qt::flush;
        const QString line = in.readLine();
        if (line.isNull()) {
            if (interactive)
                out() << Qt::endl;
            break;
        }
        const QString input = line.trimmed();
        if (input.isEmpty())
            continue;
        if (!interactive)
            out() << spaces[size_t(current)].name.toLower() << "> " << input << '\n';
        if (!input.startsWith(u':')) {
            search(spaces[size_t(current)], spaces[size_t(1 - current)], input);
            continue;
        }
        const QStringList words = input.mid(1).split(u' ', Qt::SkipEmptyParts);
        const QString command = words.value(0).toLower();
        if (command == u"quit" || command == u"q" || command == u"exit") {
            break;
        } else if (command == u"help" || command == u"h") {
            printHelp();
        } else if (command == u"space") {
            const QString wanted = words.value(1);
            int found = -1;
            for (int i = 0; i < int(spaces.size()); ++i)
                if (spaces[size_t(i)].name.compare(wanted, Qt::CaseInsensitive) == 0)
                    found = i;
            if (found < 0) {
                out() << "  You are in " << spaces[size_t(current)].name
                      << ". Switch with \":space work\" or "
                      << "\":space personal\"." << Qt::endl;
            } else {
                current = found;
                out() << "  Now in " << spaces[size_t(current)].name << ": searches see only this space."
                      << Qt::endl;
            }
        } else if (command == u"conversations" || command == u"c") {
            listConversations(spaces[size_t(current)]);
        } else if (command == u"stats") {
            printStats(spaces[size_t(current)]);
        } else {
            out() << "  Unknown command \":" << command << "\"; :help lists them." << Qt::endl;
        }
    }
    return ExitOk;
}

} // namespace

QList<Command> demoCommands()
{
    QList<Command> commands;
    commands.append(Command {
        QStringLiteral("demo"),
        QString(),
        QStringLiteral("A guided tour: two demo spaces to search from a prompt."),
        QStringLiteral("Makes a demo profile (in <data folder>/tandem-demo, or --profile; TANDEM_PROFILE is "
                       "not used, so\n"
                       "your own profile is never touched) with a Work and a Personal space, passphrase "
                       "\"demo\" unless\n"
                       "TANDEM_PASSPHRASE is set. It fills them with a week of conversations in English, "
                       "Simplified and\n"
                       "Traditional Chinese: direct chats, groups, a channel and an external customer group. "
                       "Then it reads\n"
                       "lines: words search the current space, and\n"
                       "  :space work|personal   switch spaces\n"
                       "  :conversations         list conversations\n"
                       "  :stats                 show what the space holds\n"
                       "  :help, :quit\n"
                       "It ends at :quit or at the end of its input, so it also runs from a pipe: echo 会议 "
                       "| tandemctl demo"),
        {},
        0,
        0,
        demo,
    });
    return commands;
}

} // namespace tandemctl
