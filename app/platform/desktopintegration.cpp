#include "desktopintegration.h"

#include "appcontroller.h"
#include "notifier.h"
#include "spaceboundary.h"
#include "spacesession.h"
#include "taskreminderwatcher.h"
#include "trayicon.h"
#include "windowgeometry.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QWindow>

namespace tandem::app {

using namespace Qt::StringLiterals;

DesktopIntegration::DesktopIntegration(AppController *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_tray(TrayIcon::createIfAvailable())
    , m_notifier(std::make_unique<Notifier>(m_tray.get()))
{
    if (m_tray) {
        connect(m_tray.get(), &TrayIcon::showRequested, this, &DesktopIntegration::showWindow);
        connect(m_tray.get(), &TrayIcon::quitRequested, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        connect(app, &AppController::totalUnreadCountChanged, this,
            [this] { m_tray->setUnread(m_app->totalUnreadCount() > 0); });
    }
    connect(app, &AppController::messagesArrived, this, [this](const QList<IncomingMessage> &messages) {
        for (const IncomingMessage &m : messages)
            offer(m);
    });
    m_reminders = std::make_unique<TaskReminderWatcher>(app, m_notifier.get());
}

DesktopIntegration::~DesktopIntegration() = default;

void DesktopIntegration::attachWindow(QObject *rootObject)
{
    auto *window = qobject_cast<QWindow *>(rootObject);
    if (!window)
        return;
    m_window = window;
    m_geometry
        = std::make_unique<WindowGeometry>(window, QDir(m_app->profileDirectory()).filePath(u"window.ini"_s));
}

void DesktopIntegration::offer(const IncomingMessage &message)
{
    AttentionContext context;
    if (const SpaceSession *space = m_app->currentSpace()) {
        context.openSpaceId = space->spaceId();
        context.openConversationId = space->currentConversationId();
    }
    context.windowFocused = m_window && m_window->isActive();
    context.focusMode = m_app->focusMode();
    context.now = QDateTime::currentDateTimeUtc();
    const boundary::SpaceBoundary *boundary = nullptr;
    for (const SpaceSession *s : m_app->spaces()->sessions()) {
        if (s->spaceId() == message.spaceId && s->boundary())
            boundary = &s->boundary()->boundary();
    }
    m_notifier->offer(message, context, boundary);
}

void DesktopIntegration::showWindow()
{
    if (!m_window)
        return;
    m_window->show();
    m_window->raise();
    m_window->requestActivate();
}

} // namespace tandem::app
