#include "screenshot.h"

#include <QCoreApplication>
#include <QImage>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

Q_LOGGING_CATEGORY(lcScreenshot, "tandem.app.screenshot")

namespace tandem::app {

ScreenshotOnExit::ScreenshotOnExit(
    QQmlApplicationEngine *engine, QString file, int quitAfterMs, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_file(std::move(file))
{
    if (quitAfterMs > 0)
        QTimer::singleShot(quitAfterMs, this, &ScreenshotOnExit::capture);
}

void ScreenshotOnExit::capture()
{
    int code = 0;
    if (!m_file.isEmpty()) {
        QQuickWindow *window = nullptr;
        for (QObject *root : m_engine->rootObjects()) {
            if ((window = qobject_cast<QQuickWindow *>(root)))
                break;
        }
        const QImage image = window ? window->grabWindow() : QImage();
        if (image.isNull() || !image.save(m_file, "PNG")) {
            qCWarning(lcScreenshot) << "could not write the screenshot" << m_file;
            code = 3;
        }
    }
    QCoreApplication::exit(code);
}

} // namespace tandem::app
