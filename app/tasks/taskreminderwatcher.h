// Reminds the person of their open tasks (core/tasks/taskreminders) through the notifier: every half
// minute, for each open space, reads my open tasks and the reminder ledger on the store thread, picks the
// reminders due under the space's schedule, saves the ledger in the same job (so a reminder is never
// shown twice, even across restarts), and shows them.
#pragma once

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace tandem::app {

class AppController;
class Notifier;
class SpaceSession;

class TaskReminderWatcher : public QObject
{
    Q_OBJECT
public:
    TaskReminderWatcher(AppController *app, Notifier *notifier, QObject *parent = nullptr);

    // Looks at every open space now (the timer calls it).
    void check();

private:
    void checkSpace(SpaceSession *space);

    AppController *m_app;
    Notifier *m_notifier;
    QTimer m_timer;
    QSet<QString> m_checking; // spaces with a read in flight
};

} // namespace tandem::app
