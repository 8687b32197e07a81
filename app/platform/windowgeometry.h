// The main window's size and place, kept in <profile>/window.ini (QSettings) and restored at the next
// start, on a screen that still exists.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWindow;

namespace tandem::app {

class WindowGeometry : public QObject
{
    Q_OBJECT
public:
    // Restores `window` now and saves it when it closes or the app quits. `settingsPath` is the ini file.
    WindowGeometry(QWindow *window, QString settingsPath, QObject *parent = nullptr);

    void restore();
    void save() const;

private:
    QPointer<QWindow> m_window;
    QString m_path;
};

} // namespace tandem::app
