// What the app does on the desktop around its window: the tray icon with its unread dot, notifications
// of new messages, and the window's saved geometry. main() makes one and hands it the window.
#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QWindow;

namespace tandem::app {

class AppController;
class Notifier;
class TrayIcon;
class WindowGeometry;
class TaskReminderWatcher;
struct IncomingMessage;

class DesktopIntegration : public QObject
{
    Q_OBJECT
public:
    explicit DesktopIntegration(AppController *app, QObject *parent = nullptr);
    ~DesktopIntegration() override;

    // The main window (the root object of the QML engine; anything else is ignored).
    void attachWindow(QObject *rootObject);

private:
    void offer(const IncomingMessage &message);
    void showWindow();

    AppController *m_app;
    QPointer<QWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<WindowGeometry> m_geometry;
    std::unique_ptr<TaskReminderWatcher> m_reminders; // reminders of my open tasks (issue 6)
};

} // namespace tandem::app
