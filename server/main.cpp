// tandem-server: the reference backend (docs/protocol.md). `tandem-server --listen HOST:PORT --data DIR`
// serves; `tandem-server admin ...` administers the same data directory.
#include "admin.h"
#include "demoseed.h"
#include "options.h"
#include "server.h"
#include "sqlitestore.h"

#include "protocol/codec.h"

#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>
#include <QTextStream>

#include <sodium.h>

#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace tandem;
using namespace tandem::server;
using namespace Qt::StringLiterals;

namespace {

int g_signalFds[2] = {-1, -1};

// Async-signal-safe: only write(2). The event loop reads the other end (the self-pipe trick).
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalFds[0], &c, 1);
}

// Ten thousand idle connections need ten thousand descriptors.
void raiseFileLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int fail(const QString &message)
{
    QTextStream(stderr) << "tandem-server: " << message << '\n';
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tandem-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TANDEM_SERVER_VERSION));
    if (sodium_init() < 0)
        return fail(u"libsodium cannot start"_s);
    QStringList args = app.arguments().mid(1);
    if (!args.isEmpty() && args.first() == u"admin"_s)
        return runAdmin(args.mid(1));
    if (args.contains(u"--help"_s)) {
        QTextStream(stdout) << usage();
        return 0;
    }
    if (args.contains(u"--version"_s)) {
        QTextStream(stdout) << u"tandem-server %1\n"_s.arg(QCoreApplication::applicationVersion());
        return 0;
    }
    auto options = parseServerOptions(args);
    if (!options)
        return fail(options.error().message);
    if (options->clockOffsetMs != 0)
        protocol::setClockOffsetForTesting(options->clockOffsetMs);
    raiseFileLimit();
    if (!QDir().mkpath(options->dataDir))
        return fail(u"cannot create %1"_s.arg(options->dataDir));
    auto store = SqliteStore::open(options->dataDir + u"/server.db"_s);
    if (!store)
        return fail(store.error().message);
    if (options->demo)
        if (auto s = seedDemo(**store, options->dataDir + u"/attachments"_s); !s)
            return fail(u"demo seed failed: %1"_s.arg(s.error().message));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return fail(u"cannot create the signal pipe"_s);
    struct sigaction action
    { };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    Server server(*options, std::move(*store));
    if (auto s = server.listen(); !s)
        return fail(s.error().message);
    QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &server, [&]() {
        char c = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_signalFds[1], &c, 1);
        server.shutdown();
    });
    QObject::connect(&server, &Server::stopped, &app, &QCoreApplication::quit);
    QTextStream out(stdout);
    out << "tandem-server listening on " << server.url().toString() << Qt::endl;
    return app.exec();
}
