// A small automation channel for end-to-end tests and scripts, on only when TANDEM_AUTOMATION=1:
// the app writes JSON lines to standard output when its state or the visible timeline changes, and
// reads commands from standard input ("screenshot FILE", "open CONVERSATION_ID", "shortcut Ctrl+K",
// "quit"). Off, it costs nothing: nothing is created. Input events in tests stay real (xdotool); this
// only reports what the window shows.
#pragma once

#include <QObject>
#include <QString>

class QQmlApplicationEngine;
class QQuickWindow;
class QSocketNotifier;
class QTimer;

namespace tandem::app {

class Automation : public QObject
{
    Q_OBJECT
public:
    // Creates the channel when TANDEM_AUTOMATION=1; otherwise does nothing and returns null.
    static Automation *installIfRequested(QQmlApplicationEngine *engine);

private:
    explicit Automation(QQmlApplicationEngine *engine);
    void poll();
    void readCommands();
    void runCommand(const QString &line);
    void emitLine(const QByteArray &json);
    bool activateShortcut(const QString &sequence);
    [[nodiscard]] QQuickWindow *window() const;

    QQmlApplicationEngine *m_engine;
    QTimer *m_timer = nullptr;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_pending;
    QByteArray m_lastState;
    QByteArray m_lastTimeline;
};

} // namespace tandem::app
