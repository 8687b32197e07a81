// tandem-floor: the app benchmark's baseline. It starts Qt Quick the way app/main.cpp does (the Basic
// style, a static QML module loaded from qrc, the scene graph tandem would pick on this machine) and
// shows an empty ApplicationWindow, with the same start-up probe; whatever tandem costs above it is
// ours. QGuiApplication, the strict floor: tandem's QApplication (for the tray) is part of what is
// measured against it.
#include "platform/benchprobe.h"
#include "platform/scenegraphchoice.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Tandem_FloorPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    // The scene graph tandem would draw with here: a floor on another renderer measures something else.
    tandem::app::applyRendererChoice(tandem::app::RendererRequest::Auto);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    tandem::app::BenchProbe::installIfRequested(engine);
    engine.load(QUrl(QStringLiteral("qrc:/Tandem/Floor/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return QGuiApplication::exec();
}
