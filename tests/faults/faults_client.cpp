// A client in a process of its own, so that tests can kill it with SIGKILL while it types and syncs:
// the real sync engine on an encrypted profile. It types `--count` messages into `--conversation`,
// printing "typed ID BODY" for each once it is in the outbox (committed), then waits until everything
// is sent and confirmed and prints "settled".
//
//   faults_client --profile DIR --user NAME [--create URL SPACE] --conversation ID --count N --prefix TEXT
#include "replica.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace tandem;
using namespace tandem::test;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("profile"), QStringLiteral("Profile folder."), QStringLiteral("dir")},
        {QStringLiteral("user"), QStringLiteral("Demo user name."), QStringLiteral("name")},
        {QStringLiteral("create"), QStringLiteral("Create the space first: URL,SPACE."),
            QStringLiteral("url,space")},
        {QStringLiteral("conversation"), QStringLiteral("Where to type."), QStringLiteral("id")},
        {QStringLiteral("count"), QStringLiteral("Messages to type."), QStringLiteral("n")},
        {QStringLiteral("prefix"), QStringLiteral("Body prefix."), QStringLiteral("text")}});
    parser.process(app);

    Replica replica(parser.value(QStringLiteral("profile")), parser.value(QStringLiteral("user")));
    Status opened = Status();
    if (parser.isSet(QStringLiteral("create"))) {
        const QStringList parts = parser.value(QStringLiteral("create")).split(u',');
        opened = parts.size() == 2 ? replica.create(QUrl(parts[0]), parts[1])
                                   : Error::make(ErrorCode::Invalid, QStringLiteral("--create URL,SPACE"));
    } else {
        opened = replica.open();
    }
    if (!opened) {
        std::fprintf(stderr, "faults_client: %s\n", qPrintable(opened.error().message));
        return 2;
    }
    replica.start(Replica::testConfig());

    const QString conversation = parser.value(QStringLiteral("conversation"));
    const QString prefix = parser.value(QStringLiteral("prefix"));
    const int count = parser.value(QStringLiteral("count")).toInt();
    int typed = 0;
    // One message per turn of the event loop, so that the engine sends while the user types.
    QTimer typing;
    typing.setInterval(1);
    QObject::connect(&typing, &QTimer::timeout, &app, [&] {
        // A few at a time, as a fast typist with paste would: some are always waiting to be sent.
        for (int burst = 0; burst < 4 && typed < count; ++burst) {
            const QString body = QStringLiteral("%1 #%2").arg(prefix).arg(typed);
            const auto id = replica.send(conversation, body);
            if (!id) {
                std::fprintf(stderr, "faults_client: send: %s\n", qPrintable(id.error().message));
                QCoreApplication::exit(3);
                return;
            }
            std::printf("typed %s %s\n", qPrintable(*id), qPrintable(body));
            std::fflush(stdout);
            ++typed;
        }
        if (typed >= count)
            typing.stop();
    });
    typing.start();

    QTimer done;
    done.setInterval(100);
    QObject::connect(&done, &QTimer::timeout, &app, [&] {
        if (typed < count)
            return;
        const auto unfinished = replica.unfinished();
        if (unfinished && *unfinished == 0 && replica.state() == sync::SyncState::Ready) {
            std::printf("settled\n");
            std::fflush(stdout);
            QCoreApplication::exit(0);
        }
    });
    done.start();
    const int code = app.exec();
    replica.close();
    return code;
}
