#include "windowgeometry.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QWindow>

namespace tandem::app {

using namespace Qt::StringLiterals;

WindowGeometry::WindowGeometry(QWindow *window, QString settingsPath, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_path(std::move(settingsPath))
{
    restore();
    connect(qApp, &QCoreApplication::aboutToQuit, this, &WindowGeometry::save);
    if (window)
        connect(window, &QWindow::visibleChanged, this, [this](bool visible) {
            if (!visible)
                save();
        });
}

void WindowGeometry::restore()
{
    if (!m_window)
        return;
    QSettings settings(m_path, QSettings::IniFormat);
    const QRect rect = settings.value(u"window/geometry"_s).toRect();
    if (rect.width() >= 320 && rect.height() >= 240) {
        // The saved place only if a screen still shows it (a monitor may be gone); the size anyway.
        if (QGuiApplication::screenAt(rect.center()))
            m_window->setGeometry(rect);
        else
            m_window->resize(rect.size());
    }
    if (settings.value(u"window/maximized"_s).toBool())
        m_window->setWindowStates(Qt::WindowMaximized);
}

void WindowGeometry::save() const
{
    if (!m_window || m_path.isEmpty())
        return;
    QSettings settings(m_path, QSettings::IniFormat);
    const bool maximized = m_window->windowStates().testFlag(Qt::WindowMaximized);
    settings.setValue(u"window/maximized"_s, maximized);
    if (!maximized && m_window->width() > 0)
        settings.setValue(u"window/geometry"_s, m_window->geometry());
}

} // namespace tandem::app
