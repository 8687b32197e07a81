// tandem, the desktop app: reads the command line, sets up Qt Quick and loads the UI module.
#include "files/attachmentimageprovider.h"
#include "platform/automation.h"
#include "platform/benchprobe.h"
#include "platform/desktopintegration.h"
#include "platform/languagesettings.h"
#include "platform/scenegraphchoice.h"
#include "platform/screenshot.h"
#include "session/appcontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Tandem_AppPlugin)
Q_IMPORT_QML_PLUGIN(Tandem_UiPlugin)

int main(int argc, char *argv[])
{
    // QApplication rather than QGuiApplication: the system tray (QSystemTrayIcon) is a widget.
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tandem"));
    QApplication::setOrganizationName(QStringLiteral("Tandem"));
    QApplication::setApplicationVersion(QStringLiteral(TANDEM_VERSION));
    // The installed packaging/linux/com.tandem.Tandem.desktop (the Wayland app id, the notification source).
    QApplication::setDesktopFileName(QStringLiteral("com.tandem.Tandem"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tandem: work and personal messaging, kept apart."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
        QStringLiteral("Use the profile in DIR instead of the default one."), QStringLiteral("DIR"));
    const QCommandLineOption demo(
        QStringLiteral("demo"), QStringLiteral("Try Tandem on a local demo server, signed in as alice."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("With --quit-after: render the window to the PNG FILE, then exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption quitAfter(
        QStringLiteral("quit-after"), QStringLiteral("Exit after MS milliseconds."), QStringLiteral("MS"));
    const QCommandLineOption renderer(QStringLiteral("renderer"),
        QStringLiteral("Draw with the GPU (gpu), with Qt Quick's software renderer (software), or pick "
                       "the software one where OpenGL would run on the CPU (auto, the default)."),
        QStringLiteral("auto|gpu|software"), QStringLiteral("auto"));
    parser.addOptions({profile, demo, screenshot, quitAfter, renderer});
    parser.process(app);

    bool quitOk = true;
    const int quitAfterMs = parser.isSet(quitAfter) ? parser.value(quitAfter).toInt(&quitOk) : 0;
    if (!quitOk || quitAfterMs < 0) {
        std::fprintf(stderr, "tandem: --quit-after takes a number of milliseconds\n");
        return 2;
    }
    if (parser.isSet(screenshot) && quitAfterMs == 0) {
        std::fprintf(stderr, "tandem: --screenshot needs --quit-after MS (when to take it)\n");
        return 2;
    }

    const std::optional<tandem::app::RendererRequest> rendererRequest
        = tandem::app::parseRendererRequest(parser.value(renderer));
    if (!rendererRequest) {
        std::fprintf(stderr, "tandem: --renderer takes auto, gpu or software\n");
        return 2;
    }

    tandem::app::StartOptions options;
    options.profileDirectory = parser.value(profile);
    options.demo = parser.isSet(demo);
    tandem::app::AppController controller(options);
    tandem::app::DesktopIntegration desktop(&controller); // tray, notifications, window geometry

    // Basic: the lightest style, which our own theme colours (qml/theme/Theme.qml).
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    // Text as the platform draws it (hinted glyphs from the font engine), not Qt Quick's distance
    // fields: crisper at reading sizes, and a plain texture lookup per pixel where a distance field needs
    // a smoothstep. Our text is never scaled or rotated, which is what distance fields are for. On a
    // software GL (llvmpipe) the timeline's scroll frames went from 13.9 to 11.0 ms at the median and
    // from 21.4 to 18.6 ms at p99; opening a conversation stayed at 85-88 ms (tests/bench).
    QQuickWindow::setTextRenderType(QQuickWindow::NativeTextRendering);
    tandem::app::applyRendererChoice(*rendererRequest); // before the first window (scenegraphchoice.h)
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    // image://attachment/<space>/<attachment>: previews decrypted in memory (the engine owns it).
    engine.addImageProvider(QString::fromLatin1(tandem::app::AttachmentImageProvider::kProviderId),
        new tandem::app::AttachmentImageProvider);
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreated, &app,
        [](QObject *object, const QUrl &) {
            if (!object)
                QCoreApplication::exit(1);
        },
        Qt::QueuedConnection);
    tandem::app::ScreenshotOnExit exiter(&engine, parser.value(screenshot), quitAfterMs);
    tandem::app::BenchProbe::installIfRequested(engine); // only with TANDEM_BENCH set (tests/bench)
    tandem::app::LanguageSettings::instance()->setUpForApp(&engine); // system or saved language
    engine.load(QUrl(QStringLiteral("qrc:/Tandem/Ui/Main.qml")));
    desktop.attachWindow(engine.rootObjects().value(0));
    tandem::app::Automation::installIfRequested(&engine);
    return QApplication::exec();
}
