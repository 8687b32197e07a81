// The system tray icon, when the desktop has a tray: the app's mark with a dot while anything is
// unread, a Show/Quit menu, and the balloon that carries notifications.
#pragma once

#include <QObject>

#include <memory>

class QMenu;
class QSystemTrayIcon;

namespace tandem::app {

class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    // Null when the desktop has no system tray (QSystemTrayIcon::isSystemTrayAvailable()).
    static std::unique_ptr<TrayIcon> createIfAvailable();

    void setUnread(bool unread);
    [[nodiscard]] bool unread() const { return m_unread; }
    void showMessage(const QString &title, const QString &text);

Q_SIGNALS:
    void showRequested();
    void quitRequested();

private:
    void updateIcon();

    std::unique_ptr<QMenu> m_menu;
    QSystemTrayIcon *m_icon = nullptr;
    bool m_unread = false;
};

} // namespace tandem::app
