// The desktop app end to end, as people use it: tandem-server --demo; the real `tandem` binary under
// Xvfb with a fresh profile signed in as bob; real key events (xdotool) open "general" through the
// search (Ctrl+K) and type and send a message; alice (tandemctl) receives it and replies; bob's
// timeline shows the reply; a screenshot is checked to be non-blank and kept as an artifact.
// What the window shows is read through the app's automation channel (TANDEM_AUTOMATION=1).
#include "../server/serverfixture.h"
#include "../tools/tandemctlrunner.h"
#include "xvfb.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <QTest>
#include <cstdio>

using namespace tandem::testing;
using namespace tandemctl::test;
using namespace Qt::StringLiterals;

namespace {

// The app under test, with its automation lines collected as they come.
class AppProcess
{
public:
    ~AppProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.write("quit\n");
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(3000);
            }
        }
    }

    bool start(const QString &profile, const QString &display, const QString &scratch)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DISPLAY"_s, display);
        env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
        env.insert(u"TANDEM_AUTOMATION"_s, u"1"_s);
        env.insert(u"TANDEM_PASSPHRASE"_s, u"pass phrase"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, scratch + u"/config"_s);
        env.insert(u"XDG_DATA_HOME"_s, scratch + u"/data"_s);
        env.insert(u"XDG_RUNTIME_DIR"_s, scratch);
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        env.insert(u"QT_LOGGING_RULES"_s, u"tandem.app.renderer.info=true"_s); // the scene graph chosen
        env.remove(u"QT_QUICK_BACKEND"_s);
        env.remove(u"QSG_RHI_BACKEND"_s);
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s); // no tray or keychain of the developer's session
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels); // stderr: drain() passes it on
        dieWithParent(m_process);
        m_process.start(QStringLiteral(TANDEM_APP), {u"--profile"_s, profile});
        return m_process.waitForStarted(10000);
    }

    // Reads what arrived; the latest line of each event kind is kept. The app's log goes on to ours,
    // and is kept for the checks of what the app should never print.
    void drain()
    {
        if (const QByteArray log = m_process.readAllStandardError(); !log.isEmpty()) {
            std::fwrite(log.constData(), 1, size_t(log.size()), stderr);
            m_log += log;
        }
        while (m_process.canReadLine()) {
            const QJsonObject line = QJsonDocument::fromJson(m_process.readLine()).object();
            m_latest.insert(line.value("event"_L1).toString(), line);
        }
    }

    QJsonObject latest(const QString &event)
    {
        drain();
        return m_latest.value(event);
    }

    bool timelineHas(const QString &body, const QString &sender = {})
    {
        const QJsonArray rows = latest(u"timeline"_s).value("rows"_L1).toArray();
        for (const QJsonValue &row : rows) {
            const QJsonObject r = row.toObject();
            if (r.value("body"_L1).toString() == body
                && (sender.isEmpty() || r.value("sender"_L1).toString() == sender))
                return true;
        }
        return false;
    }

    // The app's QML warnings that mean a mistake in our QML, whatever the screen shows.
    QStringList qmlMistakes()
    {
        drain();
        QStringList found;
        for (const QByteArray &line : m_log.split('\n'))
            if (line.contains("Binding loop detected") || line.contains("TypeError")
                || line.contains("ReferenceError") || line.contains("Cannot assign"))
                found << QString::fromUtf8(line);
        return found;
    }

    QByteArray log()
    {
        drain();
        return m_log;
    }

    void command(const QByteArray &line) { m_process.write(line + '\n'); }
    [[nodiscard]] bool running() const { return m_process.state() == QProcess::Running; }

private:
    QProcess m_process;
    QHash<QString, QJsonObject> m_latest;
    QByteArray m_log;
};

// xdotool with real XTEST input on `display`; true when it ran and exited 0.
bool xdotool(const QString &display, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DISPLAY"_s, display);
    p.setProcessEnvironment(env);
    p.start(QStandardPaths::findExecutable(u"xdotool"_s), args);
    return p.waitForFinished(15000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

Tandemctl client(const QTemporaryDir &dir, const QString &name)
{
    Tandemctl ctl(dir.filePath(name), dir.filePath(name + u"-scratch"_s));
    ctl.setPassphrase(u"pass phrase"_s);
    ctl.setEnv(u"TANDEM_PASSWORD"_s, u"demo"_s);
    return ctl;
}

bool aliceHas(const Tandemctl &alice, const QString &body)
{
    if (alice.run({u"sync"_s, u"Work"_s, u"--timeout"_s, u"20"_s}).exitCode != 0)
        return false;
    const CliRun run = alice.run({u"messages"_s, u"Work"_s, u"general"_s, u"--json"_s});
    for (const QJsonValue &m : run.json().array())
        if (m.toObject().value("body"_L1).toString() == body)
            return true;
    return false;
}

// Not blank: many colours, and no single colour covering nearly everything.
bool looksRendered(const QImage &image)
{
    if (image.isNull() || image.width() < 200 || image.height() < 200)
        return false;
    QHash<QRgb, int> histogram;
    int samples = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4, ++samples)
            ++histogram[image.pixel(x, y)];
    int top = 0;
    for (int n : std::as_const(histogram))
        top = std::max(top, n);
    return histogram.size() > 50 && top < samples * 0.9;
}

} // namespace

class TestDesktopEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bobTypesAliceRepliesBobSeesIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Xvfb x;
        QString error;
        QVERIFY2(x.start(&error), qPrintable(error));
        QVERIFY2(!QStandardPaths::findExecutable(u"xdotool"_s).isEmpty(),
            "xdotool is not installed (packaging/linux/install-deps.sh installs it)");

        ServerProcess server;
        QVERIFY(server.start(dir.filePath(u"server"_s), {u"--demo"_s}));
        const QString url = server.url().toString();

        // bob: a fresh profile, signed in (token stored) by the same core the app uses.
        const Tandemctl bob = client(dir, u"bob"_s);
        const CliRun created = bob.run({u"space"_s, u"create"_s, u"Work"_s, u"--kind"_s, u"work"_s,
            u"--server"_s, url, u"--user"_s, u"bob"_s});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        const Tandemctl alice = client(dir, u"alice"_s);
        const CliRun aliceCreated = alice.run({u"space"_s, u"create"_s, u"Work"_s, u"--kind"_s, u"work"_s,
            u"--server"_s, url, u"--user"_s, u"alice"_s});
        QVERIFY2(aliceCreated.exitCode == 0, qPrintable(aliceCreated.describe()));

        AppProcess app;
        QVERIFY(app.start(dir.filePath(u"bob"_s), x.display(), dir.filePath(u"app-scratch"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(app.latest(u"state"_s).value("state"_L1).toString() == "ready"_L1, 60000);
        // Xvfb has no direct rendering: the whole test runs on Qt Quick's software renderer, as the app
        // would on any machine whose OpenGL rasterises on the CPU (app/platform/scenegraphchoice.h).
        QVERIFY2(app.log().contains("software renderer: the X server offers no direct rendering"),
            app.log().constData());

        // The window takes the keyboard (there is no window manager to give it focus).
        QVERIFY(xdotool(x.display(),
            {u"search"_s, u"--sync"_s, u"--onlyvisible"_s, u"--name"_s, u"Tandem"_s, u"windowfocus"_s,
                u"--sync"_s}));
        QTest::qWait(300);

        // Ctrl+K, "general", Enter: the conversation opens and the composer has the focus.
        QVERIFY(xdotool(x.display(), {u"key"_s, u"ctrl+k"_s}));
        QTest::qWait(300);
        QVERIFY(xdotool(x.display(), {u"type"_s, u"--delay"_s, u"40"_s, u"general"_s}));
        QTest::qWait(600); // results come as you type
        QVERIFY(xdotool(x.display(), {u"key"_s, u"Return"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(
            app.latest(u"timeline"_s).value("conversation"_L1).toString(), u"general"_s, 15000);

        const QString hello = u"Hello from bob, typed for real"_s;
        QVERIFY(xdotool(x.display(), {u"type"_s, u"--delay"_s, u"30"_s, hello}));
        QVERIFY(xdotool(x.display(), {u"key"_s, u"Return"_s}));
        if (!QTest::qWaitFor([&] { return app.timelineHas(hello); }, 15000)) {
            // Keep what the window showed, for whoever reads the failure.
            QDir().mkpath(QStringLiteral(TANDEM_ARTIFACTS));
            app.command("screenshot " TANDEM_ARTIFACTS "/desktop-e2e-not-sent.png");
            QTest::qWait(1000);
            qInfo("last timeline report: %s",
                QJsonDocument(app.latest(u"timeline"_s))
                    .toJson(QJsonDocument::Compact)
                    .left(1500)
                    .constData());
            QFAIL("the typed message did not reach bob's timeline; see " TANDEM_ARTIFACTS
                  "/desktop-e2e-not-sent.png");
        }

        // alice receives it, and answers.
        QTRY_VERIFY_WITH_TIMEOUT(aliceHas(alice, hello), 60000);
        const QString reply = u"Got it, bob — alice here"_s;
        const CliRun sent = alice.run({u"send"_s, u"Work"_s, u"general"_s, reply});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.describe()));
        const CliRun synced = alice.run({u"sync"_s, u"Work"_s, u"--timeout"_s, u"20"_s});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.describe()));

        // bob's timeline shows the reply, from Alice.
        QTRY_VERIFY_WITH_TIMEOUT(app.timelineHas(reply), 30000);
        QVERIFY(app.timelineHas(hello));

        // The window as bob sees it, kept beside the test for people to look at.
        QDir().mkpath(QStringLiteral(TANDEM_ARTIFACTS));
        const QString shot = QStringLiteral(TANDEM_ARTIFACTS "/desktop-e2e-bob.png");
        QFile::remove(shot);
        app.command("screenshot " + shot.toUtf8());
        QTRY_VERIFY_WITH_TIMEOUT(app.latest(u"screenshot"_s).value("ok"_L1).toBool(), 10000);
        QVERIFY2(looksRendered(QImage(shot)), qPrintable(u"blank screenshot: "_s + shot));
        qInfo("screenshot kept at %s", qPrintable(shot));
        QVERIFY(app.running());
        // Start, typing, sending and a reply arriving printed no binding loop or script error.
        const QStringList mistakes = app.qmlMistakes();
        QVERIFY2(mistakes.isEmpty(), qPrintable(mistakes.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestDesktopEndToEnd)
#include "tst_desktop_e2e.moc"
