// `--screenshot FILE --quit-after MS`: after MS milliseconds, renders the app's window to a PNG and
// quits. Used by tests and to make the documentation's pictures; the exit code says whether the file
// was written.
#pragma once

#include <QObject>
#include <QString>

class QQmlApplicationEngine;

namespace tandem::app {

class ScreenshotOnExit : public QObject
{
    Q_OBJECT
public:
    // `file` empty: only quit after `quitAfterMs` (when positive).
    ScreenshotOnExit(QQmlApplicationEngine *engine, QString file, int quitAfterMs, QObject *parent = nullptr);

private:
    void capture();

    QQmlApplicationEngine *m_engine;
    QString m_file;
};

} // namespace tandem::app
