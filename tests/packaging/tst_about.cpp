// tst_about: the About dialog (qml/help/AboutDialog.qml) and the AboutInfo it reads, with the app's two
// static QML modules linked in as in the app (import path qrc:/, the Basic style). The QML test cases
// are the files in about/; the version they expect is the CMake project version (TANDEM_EXPECTED_VERSION).
#include <QObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Tandem_AppPlugin)
Q_IMPORT_QML_PLUGIN(Tandem_UiPlugin)

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Basic")); }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(
            QStringLiteral("expectedVersion"), QStringLiteral(TANDEM_EXPECTED_VERSION));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_about, Setup)

#include "tst_about.moc"
