#include "appcontroller.h"

#include <QJSEngine>
#include <QQmlEngine>

namespace tandem::app {

namespace {
AppController *g_instance = nullptr;
}

AppController::AppController(StartOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    Q_ASSERT(!g_instance);
    g_instance = this;
}

AppController::~AppController()
{
    g_instance = nullptr;
}

AppController *AppController::instance()
{
    return g_instance;
}

AppController *AppController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(g_instance);
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

QString AppController::version() const
{
    return QStringLiteral(TANDEM_VERSION);
}

} // namespace tandem::app
