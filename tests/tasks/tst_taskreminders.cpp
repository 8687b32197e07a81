// When tasks are reminded (core/tasks/taskreminders): a lead time before and at the due time, moved
// into work hours for a work space and out of quiet hours for a personal one, never twice for the same
// task and due time; schedules in Asia/Shanghai and Europe/London.
#include "tasks/taskreminders.h"

#include <QTest>

using namespace tandem;
using namespace tandem::tasks;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone kShanghai(QByteArrayLiteral("Asia/Shanghai"));
const QTimeZone kLondon(QByteArrayLiteral("Europe/London"));
constexpr qint64 kMinute = 60 * 1000;

qint64 at(const QTimeZone &zone, int day, int hour, int minute = 0)
{
    // December 2026: the 2nd is a Wednesday, the 4th a Friday, the 7th a Monday.
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), zone).toMSecsSinceEpoch();
}

boundary::SpaceBoundary work(const QTimeZone &zone)
{
    boundary::SpaceBoundary b;
    b.kind = boundary::SpaceKind::Work;
    b.workHours = boundary::defaultWorkSchedule(zone); // Mon–Fri 09:00–12:00, 13:00–18:00
    return b;
}

boundary::SpaceBoundary personalWithQuietNights(const QTimeZone &zone)
{
    auto quiet = boundary::WeeklySchedule::create(zone.id());
    for (int d = 1; d <= 7; ++d) {
        (void)quiet->addInterval(Qt::DayOfWeek(d), u"00:00"_s, u"07:00"_s);
        (void)quiet->addInterval(Qt::DayOfWeek(d), u"22:00"_s, u"24:00"_s);
    }
    boundary::SpaceBoundary b;
    b.kind = boundary::SpaceKind::Personal;
    b.quietHours = *quiet;
    return b;
}

TaskSummary task(const QString &id, qint64 due, const QString &status = u"open"_s)
{
    TaskSummary t;
    t.id = id;
    t.title = id;
    t.status = status;
    t.dueAt = due;
    return t;
}

} // namespace

class TaskRemindersTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workTaskIsRemindedBeforeAndAtItsDueTime()
    {
        const auto planned = plannedReminders(task(u"t"_s, at(kShanghai, 2, 15)), work(kShanghai));
        QCOMPARE(planned.size(), 2);
        QCOMPARE(planned.at(0).at, at(kShanghai, 2, 14, 45));
        QCOMPARE(planned.at(0).stage, ReminderStage::Before);
        QCOMPARE(planned.at(1).at, at(kShanghai, 2, 15));
        QCOMPARE(planned.at(1).stage, ReminderStage::Due);
        QVERIFY(!planned.at(1).moved);
    }

    void workTaskDueAt23IsRemindedOnceAtTheNextWorkStartInShanghai()
    {
        const auto planned = plannedReminders(task(u"t"_s, at(kShanghai, 2, 23)), work(kShanghai));
        QCOMPARE(planned.size(), 1); // 22:45 and 23:00 both move to 09:00: one reminder
        QCOMPARE(planned.at(0).at, at(kShanghai, 3, 9));
        QCOMPARE(planned.at(0).stage, ReminderStage::Due);
        QVERIFY(planned.at(0).moved);
    }

    void workTaskDueFridayAt23IsRemindedMondayMorningInLondon()
    {
        const auto planned = plannedReminders(task(u"t"_s, at(kLondon, 4, 23)), work(kLondon));
        QCOMPARE(planned.size(), 1);
        QCOMPARE(planned.at(0).at, at(kLondon, 7, 9));
    }

    void leadReminderInTheLunchBreakMovesToTheAfternoonStart()
    {
        // Due 13:10 in London: 12:55 is in the break, so the lead reminder sounds at 13:00.
        const auto planned = plannedReminders(task(u"t"_s, at(kLondon, 2, 13, 10)), work(kLondon));
        QCOMPARE(planned.size(), 2);
        QCOMPARE(planned.at(0).at, at(kLondon, 2, 13));
        QCOMPARE(planned.at(1).at, at(kLondon, 2, 13, 10));
    }

    void personalTaskAt23WaitsForTheEndOfQuietHours()
    {
        const auto planned
            = plannedReminders(task(u"t"_s, at(kShanghai, 2, 23)), personalWithQuietNights(kShanghai));
        QCOMPARE(planned.size(), 1); // 22:45 and 23:00 are quiet until 07:00 (across midnight)
        QCOMPARE(planned.at(0).at, at(kShanghai, 3, 7));
    }

    void personalTaskWithoutQuietHoursIsRemindedAt23()
    {
        boundary::SpaceBoundary b;
        b.kind = boundary::SpaceKind::Personal;
        const auto planned = plannedReminders(task(u"t"_s, at(kLondon, 2, 23)), b);
        QCOMPARE(planned.size(), 2);
        QCOMPARE(planned.at(1).at, at(kLondon, 2, 23));
    }

    void doneTasksAndTasksWithoutDueTimeAreNotReminded()
    {
        QVERIFY(plannedReminders(task(u"t"_s, at(kLondon, 2, 15), u"done"_s), work(kLondon)).isEmpty());
        TaskSummary none = task(u"t"_s, 0);
        none.dueAt.reset();
        QVERIFY(plannedReminders(none, work(kLondon)).isEmpty());
    }

    void aReminderIsNeverShownTwiceForTheSameDueTime()
    {
        const QList<TaskSummary> tasks {task(u"t"_s, at(kShanghai, 2, 15))};
        const auto b = work(kShanghai);
        ReminderLedger ledger;
        QVERIFY(dueReminders(tasks, b, at(kShanghai, 2, 14, 30), ledger).isEmpty());
        auto shown = dueReminders(tasks, b, at(kShanghai, 2, 14, 46), ledger);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).stage, ReminderStage::Before);
        QVERIFY(dueReminders(tasks, b, at(kShanghai, 2, 14, 50), ledger).isEmpty());
        shown = dueReminders(tasks, b, at(kShanghai, 2, 15, 1), ledger);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).stage, ReminderStage::Due);
        QVERIFY(dueReminders(tasks, b, at(kShanghai, 2, 16), ledger).isEmpty());
        // The ledger survives a restart (it is saved as JSON in the space's settings).
        ReminderLedger reread = ReminderLedger::fromJson(ledger.toJson());
        QVERIFY(dueReminders(tasks, b, at(kShanghai, 2, 16), reread).isEmpty());
    }

    void aNewDueTimeIsRemindedAgain()
    {
        const auto b = work(kShanghai);
        ReminderLedger ledger;
        QCOMPARE(
            dueReminders({task(u"t"_s, at(kShanghai, 2, 15))}, b, at(kShanghai, 2, 15, 1), ledger).size(), 1);
        QCOMPARE(
            dueReminders({task(u"t"_s, at(kShanghai, 2, 16))}, b, at(kShanghai, 2, 16, 1), ledger).size(), 1);
    }

    void missingBothStagesShowsOnlyTheDueOne()
    {
        ReminderLedger ledger;
        const auto shown
            = dueReminders({task(u"t"_s, at(kLondon, 2, 15))}, work(kLondon), at(kLondon, 2, 15, 5), ledger);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).stage, ReminderStage::Due);
    }

    void aReminderMissedLongAgoIsRecordedButNotShown()
    {
        ReminderLedger ledger;
        const QList<TaskSummary> tasks {task(u"t"_s, at(kLondon, 2, 15))};
        QVERIFY(dueReminders(tasks, work(kLondon), at(kLondon, 4, 10), ledger).isEmpty());
        QVERIFY(!ledger.isEmpty());
    }

    void nextReminderIsTheFirstNotCovered()
    {
        const QList<TaskSummary> tasks {
            task(u"a"_s, at(kShanghai, 2, 23)), task(u"b"_s, at(kShanghai, 2, 16))};
        ReminderLedger ledger;
        QCOMPARE(
            nextReminderAt(tasks, work(kShanghai), at(kShanghai, 2, 10), ledger), at(kShanghai, 2, 15, 45));
        (void)dueReminders(tasks, work(kShanghai), at(kShanghai, 2, 16), ledger);
        QCOMPARE(nextReminderAt(tasks, work(kShanghai), at(kShanghai, 2, 16), ledger), at(kShanghai, 3, 9));
    }
};

QTEST_GUILESS_MAIN(TaskRemindersTest)
#include "tst_taskreminders.moc"
