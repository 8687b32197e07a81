#include "taskreminderwatcher.h"

#include "appcontroller.h"
#include "notifier.h"
#include "spaceboundary.h"
#include "spacelistmodel.h"
#include "spacesession.h"
#include "storereply.h"
#include "taskformat.h"

#include "store/spacestore.h"
#include "store/storethread.h"
#include "tasks/taskreminders.h"

#include <QDateTime>
#include <QPointer>

namespace tandem::app {

TaskReminderWatcher::TaskReminderWatcher(AppController *app, Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_notifier(notifier)
{
    m_timer.setInterval(30 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &TaskReminderWatcher::check);
    m_timer.start();
}

void TaskReminderWatcher::check()
{
    for (SpaceSession *s : m_app->spaces()->sessions()) {
        if (s->isOpen() && s->store() && s->boundary() && s->boundary()->loaded())
            checkSpace(s);
    }
}

void TaskReminderWatcher::checkSpace(SpaceSession *space)
{
    const QString spaceId = space->spaceId();
    if (m_checking.contains(spaceId) || space->userId().isEmpty())
        return;
    m_checking.insert(spaceId);
    const QString self = space->userId();
    const boundary::SpaceBoundary boundary = space->boundary()->boundary();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto job = space->store()->write<QList<tasks::Reminder>>(
        [self, boundary, now](store::SpaceStore &s, store::StoreChange &) -> Result<QList<tasks::Reminder>> {
            auto mine = tasks::myTasks(s.db(), self);
            if (!mine)
                return mine.error();
            auto ledger = tasks::loadReminderLedger(s.db());
            if (!ledger)
                return ledger.error();
            const tasks::ReminderLedger before = *ledger;
            QSet<QString> ids;
            for (const tasks::TaskSummary &t : *mine)
                ids.insert(t.id);
            ledger->keepOnly(ids);
            auto due = tasks::dueReminders(*mine, boundary, now, *ledger);
            if (!(*ledger == before))
                TANDEM_TRY(tasks::saveReminderLedger(s.db(), *ledger));
            return due;
        });
    QPointer<SpaceSession> guard(space);
    models::onReply(this, job, [this, spaceId, guard](const Result<QList<tasks::Reminder>> &due) {
        m_checking.remove(spaceId);
        if (!due || !guard)
            return;
        const QTimeZone zone = boundary::SpaceKind::Work == guard->boundary()->boundary().kind
                && guard->boundary()->boundary().workHours
            ? guard->boundary()->boundary().workHours->timeZone()
            : QTimeZone::systemTimeZone();
        for (const tasks::Reminder &r : *due) {
            const QString when = TaskText::due(r.dueAt, QDateTime::currentMSecsSinceEpoch(), zone);
            const QString text = r.stage == tasks::ReminderStage::Before    ? tr("Due %1").arg(when)
                : r.dueAt < QDateTime::currentMSecsSinceEpoch() - 60 * 1000 ? tr("Was due %1").arg(when)
                                                                            : tr("Due now (%1)").arg(when);
            m_notifier->remindTask(spaceId, r.taskId, tr("Task: %1").arg(r.title), text);
        }
    });
}

} // namespace tandem::app
