// tst_qml: runs every tests/ui/tst_*.qml with the app's QML modules available as in the app itself
// (static plugins, import path qrc:/, the Basic style). The tests also see `testNetwork.requests`, the
// number of network requests the QML engine made, so that a view can be shown to fetch nothing, and
// `inputMethod`, which sends the QInputMethodEvents of a composing input method (preedit, commit).
#include "files/attachmentimageprovider.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QInputMethodEvent>
#include <QNetworkAccessManager>
#include <QObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlNetworkAccessManagerFactory>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Tandem_AppPlugin)
Q_IMPORT_QML_PLUGIN(Tandem_UiPlugin)

namespace {

QAtomicInt networkRequests;

// Counts what the engine asks of the network (images, remote QML), on whichever thread it does.
class CountingNetworkAccessManager : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;

protected:
    QNetworkReply *createRequest(
        Operation operation, const QNetworkRequest &request, QIODevice *data) override
    {
        networkRequests.fetchAndAddRelaxed(1);
        return QNetworkAccessManager::createRequest(operation, request, data);
    }
};

class CountingFactory : public QQmlNetworkAccessManagerFactory
{
public:
    QNetworkAccessManager *create(QObject *parent) override
    {
        return new CountingNetworkAccessManager(parent);
    }
};

class NetworkProbe : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int requests READ requests CONSTANT)

public:
    using QObject::QObject;
    [[nodiscard]] static int requests() { return networkRequests.loadRelaxed(); }
};

// What an input method sends while composing (preedit) and when it commits, for tests of text input.
class InputMethodProbe : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    // Shows `text` as the composition in progress (underlined, cursor at its end).
    Q_INVOKABLE bool preedit(QObject *item, const QString &text)
    {
        const QList<QInputMethodEvent::Attribute> attributes {
            {QInputMethodEvent::TextFormat, 0, int(text.size()), QVariant()},
            {QInputMethodEvent::Cursor, int(text.size()), 1, QVariant()}};
        QInputMethodEvent event(text, attributes);
        return item && QCoreApplication::sendEvent(item, &event);
    }
    // Ends the composition with `text` entered.
    Q_INVOKABLE bool commit(QObject *item, const QString &text)
    {
        QInputMethodEvent event;
        event.setCommitString(text);
        return item && QCoreApplication::sendEvent(item, &event);
    }
};

} // namespace

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Basic")); }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->setNetworkAccessManagerFactory(&m_factory);
        engine->rootContext()->setContextProperty(QStringLiteral("testNetwork"), &m_probe);
        engine->rootContext()->setContextProperty(QStringLiteral("inputMethod"), &m_inputMethod);
        // Where screenshot tests write their PNGs.
        QDir().mkpath(QStringLiteral(TANDEM_ARTIFACTS "/boundary"));
        QDir().mkpath(QStringLiteral(TANDEM_ARTIFACTS "/tasks"));
        engine->rootContext()->setContextProperty(
            QStringLiteral("testArtifacts"), QStringLiteral(TANDEM_ARTIFACTS));
        // As in the app: image://attachment/… (no space is open here, so every preview fails cleanly).
        engine->addImageProvider(QString::fromLatin1(tandem::app::AttachmentImageProvider::kProviderId),
            new tandem::app::AttachmentImageProvider);
    }

private:
    CountingFactory m_factory;
    NetworkProbe m_probe;
    InputMethodProbe m_inputMethod;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)

#include "tst_qml.moc"
