#include "leavedays.h"

#include "approvals/approvalqueries.h"
#include "boundary/boundarysettings.h"
#include "store/syncstate.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <set>

namespace tandem::boundary {

using namespace Qt::StringLiterals;

namespace {

using Ledger = QMap<QString, QList<QDate>>;

Result<QJsonObject> workScheduleJson(store::Database &db, const QTimeZone &systemZone)
{
    auto text = store::setting(db, QLatin1String(kWorkHoursKey));
    if (!text)
        return text.error();
    if (text->isEmpty())
        return defaultWorkSchedule(systemZone).toJson();
    // loadSpaceBoundary reports a damaged schedule; here it only means there is nothing to add to.
    return QJsonDocument::fromJson(text->toUtf8()).object();
}

std::set<QDate> datesOf(const QJsonValue &list)
{
    std::set<QDate> out;
    for (const QJsonValue &v : list.toArray())
        if (const QDate d = approvals::parseDate(v.toString()); d.isValid())
            out.insert(d);
    return out;
}

QJsonArray toArray(const std::set<QDate> &dates)
{
    QJsonArray out;
    for (const QDate &d : dates)
        out.append(d.toString(Qt::ISODate));
    return out;
}

Status saveLedger(store::Database &db, const Ledger &ledger)
{
    QJsonObject o;
    for (auto it = ledger.begin(); it != ledger.end(); ++it) {
        QJsonArray days;
        for (const QDate &d : it.value())
            days.append(d.toString(Qt::ISODate));
        o.insert(it.key(), days);
    }
    return store::setSetting(db, QLatin1String(kLeaveDaysKey),
        o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

// What request `id` should claim now: the working days of an approved leave of this account.
Result<std::optional<std::pair<QDate, QDate>>> approvedLeaveRange(store::Database &db, const QString &id)
{
    using Range = std::optional<std::pair<QDate, QDate>>;
    auto account = store::loadSyncAccount(db);
    if (!account)
        return account.error();
    auto request = approvals::storedRequest(db, id);
    if (!request)
        return request.error();
    if (!*request || (*request)->state != u"approved"_s || account->userId.isEmpty()
        || (*request)->requesterId != account->userId)
        return Range {};
    auto tpl = approvals::storedTemplate(db, (*request)->templateId);
    if (!tpl)
        return tpl.error();
    const QString field = *tpl ? leaveRangeField(**tpl) : QString();
    if (field.isEmpty())
        return Range {};
    const QJsonObject range = (*request)->form.value(field).toObject();
    const QDate start = approvals::parseDate(range.value("start"_L1).toString());
    const QDate end = approvals::parseDate(range.value("end"_L1).toString());
    if (!start.isValid() || !end.isValid() || end < start)
        return Range {};
    return Range(std::pair {start, end});
}

} // namespace

QString leaveRangeField(const approvals::Template &tpl)
{
    if (tpl.category != u"leave"_s)
        return {};
    for (const approvals::FormField &f : tpl.form)
        if (f.type == u"computed"_s && f.definition.value("formula"_L1).toString() == u"leave_days"_s)
            return f.definition.value("from"_L1).toString();
    for (const approvals::FormField &f : tpl.form)
        if (f.type == u"date_range"_s)
            return f.id;
    return {};
}

QList<QDate> leaveWorkingDays(const WeeklySchedule &schedule, QDate start, QDate end)
{
    QList<QDate> out;
    const QJsonArray extra = schedule.toJson().value("extraWorkingDays"_L1).toArray();
    for (QDate d = start; d.isValid() && d <= end && start.daysTo(d) < 366; d = d.addDays(1)) {
        bool worked = false;
        for (const QJsonValue &e : extra)
            worked = worked || e.toObject().value("date"_L1).toString() == d.toString(Qt::ISODate);
        if (!worked && !schedule.intervalsOn(d).isEmpty())
            out << d;
    }
    return out;
}

Result<Ledger> leaveDaysByRequest(store::Database &db)
{
    auto text = store::setting(db, QLatin1String(kLeaveDaysKey));
    if (!text)
        return text.error();
    Ledger ledger;
    const QJsonObject o = QJsonDocument::fromJson(text->toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::set<QDate> days = datesOf(it.value());
        ledger.insert(it.key(), QList<QDate>(days.begin(), days.end()));
    }
    return ledger;
}

Status reconcileLeaveDays(store::Database &db, const QString &requestId, const QTimeZone &systemZone)
{
    auto ledger = leaveDaysByRequest(db);
    if (!ledger)
        return ledger.error();
    auto range = approvedLeaveRange(db, requestId);
    if (!range)
        return range.error();
    const QList<QDate> had = ledger->value(requestId);
    if (!*range && had.isEmpty())
        return {}; // the common case: not a leave of ours, and never was
    auto json = workScheduleJson(db, systemZone);
    if (!json)
        return json.error();
    std::set<QDate> daysOff = datesOf(json->value("daysOff"_L1));

    // Other requests' claims, and the days the person took off themselves (which no leave claims).
    std::set<QDate> otherClaims;
    for (auto it = ledger->begin(); it != ledger->end(); ++it)
        if (it.key() != requestId)
            otherClaims.insert(it.value().begin(), it.value().end());
    std::set<QDate> ownDays;
    for (const QDate &d : daysOff)
        if (!otherClaims.count(d) && !had.contains(d))
            ownDays.insert(d);

    QList<QDate> want;
    if (*range) {
        // Working days as the person's own schedule has them, before any leave took days out of it.
        QJsonObject base = *json;
        base.insert(u"daysOff"_s, toArray(ownDays));
        auto schedule = WeeklySchedule::fromJson(base);
        if (!schedule)
            return {}; // a schedule that no longer parses is reported where it is loaded
        want = leaveWorkingDays(*schedule, (*range)->first, (*range)->second);
    }
    if (want == had)
        return {}; // applied already: nothing changes

    // Only this request's days move: added once, and given back unless someone else holds them, so a
    // day the person put back to work by hand is not taken again.
    for (const QDate &d : had)
        if (!want.contains(d) && !otherClaims.count(d))
            daysOff.erase(d);
    for (const QDate &d : want)
        if (!had.contains(d))
            daysOff.insert(d);
    json->insert(u"daysOff"_s, toArray(daysOff));
    auto schedule = WeeklySchedule::fromJson(*json);
    if (!schedule)
        return schedule.error();
    TANDEM_TRY(saveSchedule(db, SpaceKind::Work, *schedule));
    if (want.isEmpty())
        ledger->remove(requestId);
    else
        ledger->insert(requestId, want);
    return saveLedger(db, *ledger);
}

} // namespace tandem::boundary
