#include "taskreminders.h"

#include "store/database.h"
#include "store/syncstate.h"

#include <QJsonDocument>
#include <QSet>

namespace tandem::tasks {

using namespace Qt::StringLiterals;

namespace {

QDateTime localMinute(const QDate &date, int minute, const QTimeZone &zone)
{
    if (minute >= 24 * 60)
        return QDateTime(date.addDays(1), QTime(0, 0), zone);
    return QDateTime(date, QTime(minute / 60, minute % 60), zone);
}

// The end of the quiet period containing `instant` (quiet intervals may chain across midnight:
// 22:00–24:00 then 00:00–07:00).
QDateTime quietEnd(const boundary::WeeklySchedule &quiet, QDateTime instant)
{
    for (int guard = 0; guard < 8 && quiet.isWorking(instant); ++guard) {
        const QDateTime local = instant.toTimeZone(quiet.timeZone());
        const int minute = local.time().hour() * 60 + local.time().minute();
        for (const boundary::LocalInterval &i : quiet.intervalsOn(local.date())) {
            if (minute >= i.startMinute && minute < i.endMinute) {
                instant = localMinute(local.date(), i.endMinute, quiet.timeZone());
                break;
            }
        }
    }
    return instant;
}

bool isOpen(const TaskSummary &t)
{
    return t.status == u"open"_s || t.status == u"in_progress"_s;
}

} // namespace

std::optional<qint64> allowedMoment(qint64 at, const boundary::SpaceBoundary &boundary)
{
    const QDateTime instant = QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc());
    if (boundary.kind == boundary::SpaceKind::Work) {
        if (!boundary.workHours)
            return at;
        const QDateTime next = boundary.workHours->nextStart(instant);
        if (!next.isValid())
            return std::nullopt;
        return next.toMSecsSinceEpoch();
    }
    if (!boundary.quietHours)
        return at;
    return quietEnd(*boundary.quietHours, instant).toMSecsSinceEpoch();
}

QList<Reminder> plannedReminders(
    const TaskSummary &task, const boundary::SpaceBoundary &boundary, qint64 leadMs)
{
    QList<Reminder> out;
    if (!isOpen(task) || !task.dueAt)
        return out;
    const qint64 due = *task.dueAt;
    const auto make = [&](qint64 wanted, ReminderStage stage) -> std::optional<Reminder> {
        const auto at = allowedMoment(wanted, boundary);
        if (!at)
            return std::nullopt;
        return Reminder {task.id, task.title, due, *at, stage, *at != wanted};
    };
    const auto before = make(due - leadMs, ReminderStage::Before);
    const auto atDue = make(due, ReminderStage::Due);
    // A lead reminder moved to (or past) the due reminder's moment would only repeat it.
    if (before && (!atDue || before->at < atDue->at))
        out << *before;
    if (atDue)
        out << *atDue;
    return out;
}

bool ReminderLedger::covers(const Reminder &r) const
{
    const auto it = m_entries.constFind(r.taskId);
    return it != m_entries.cend() && it->dueAt == r.dueAt && it->stage >= int(r.stage);
}

void ReminderLedger::record(const Reminder &r)
{
    Entry &e = m_entries[r.taskId];
    if (e.dueAt != r.dueAt)
        e = Entry {r.dueAt, 0};
    e.stage = std::max(e.stage, int(r.stage));
}

void ReminderLedger::keepOnly(const QSet<QString> &taskIds)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (taskIds.contains(it.key()))
            ++it;
        else
            it = m_entries.erase(it);
    }
}

QJsonObject ReminderLedger::toJson() const
{
    QJsonObject out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        out.insert(it.key(), QJsonObject {{u"due_at"_s, double(it->dueAt)}, {u"stage"_s, it->stage}});
    return out;
}

ReminderLedger ReminderLedger::fromJson(const QJsonObject &json)
{
    ReminderLedger ledger;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonObject e = it.value().toObject();
        ledger.m_entries.insert(
            it.key(), Entry {qint64(e.value(u"due_at"_s).toDouble()), e.value(u"stage"_s).toInt()});
    }
    return ledger;
}

QList<Reminder> dueReminders(const QList<TaskSummary> &tasks, const boundary::SpaceBoundary &boundary,
    qint64 now, ReminderLedger &ledger, qint64 leadMs)
{
    QList<Reminder> out;
    for (const TaskSummary &t : tasks) {
        std::optional<Reminder> latest;
        for (const Reminder &r : plannedReminders(t, boundary, leadMs)) {
            if (r.at <= now && !ledger.covers(r))
                latest = r;
        }
        if (!latest)
            continue;
        ledger.record(*latest);
        if (now - latest->at <= kReminderStaleMs)
            out << *latest;
    }
    return out;
}

std::optional<qint64> nextReminderAt(const QList<TaskSummary> &tasks, const boundary::SpaceBoundary &boundary,
    qint64 now, const ReminderLedger &ledger, qint64 leadMs)
{
    std::optional<qint64> next;
    for (const TaskSummary &t : tasks) {
        for (const Reminder &r : plannedReminders(t, boundary, leadMs)) {
            if (r.at > now && !ledger.covers(r) && (!next || r.at < *next))
                next = r.at;
        }
    }
    return next;
}

Result<ReminderLedger> loadReminderLedger(store::Database &db)
{
    auto text = store::setting(db, QLatin1String(kReminderLedgerKey));
    if (!text)
        return text.error();
    // An unreadable ledger is not worth an error: at worst a reminder shows once more.
    return ReminderLedger::fromJson(QJsonDocument::fromJson(text->toUtf8()).object());
}

Status saveReminderLedger(store::Database &db, const ReminderLedger &ledger)
{
    return store::setSetting(db, QLatin1String(kReminderLedgerKey),
        QString::fromUtf8(QJsonDocument(ledger.toJson()).toJson(QJsonDocument::Compact)));
}

} // namespace tandem::tasks
