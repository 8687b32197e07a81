#include "spaceboundary.h"

#include "futurewatch.h"

#include "boundary/boundarystate.h"
#include "boundary/scheduleform.h"
#include "store/spacestore.h"
#include "store/storethread.h"
#include "sync/spacesync.h"

#include <QLocale>
#include <QLoggingCategory>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcBoundary, "tandem.app.boundary")

using namespace Qt::StringLiterals;

namespace {

constexpr int kTickMs = 30 * 1000; // hours change on minute boundaries; half a minute late is fine
constexpr int kLookBackDays = 14;

// When the last working period before `now` ended: the start of the off period `now` is in. Invalid when
// none ended in the last two weeks.
QDateTime lastWorkEnd(const boundary::WeeklySchedule &schedule, const QDateTime &now)
{
    const QTimeZone &zone = schedule.timeZone();
    const QDate today = now.toTimeZone(zone).date();
    for (int back = 0; back <= kLookBackDays; ++back) {
        const QDate date = today.addDays(-back);
        const QList<boundary::LocalInterval> intervals = schedule.intervalsOn(date);
        for (auto it = intervals.crbegin(); it != intervals.crend(); ++it) {
            const QDateTime end = it->endMinute >= 24 * 60
                ? QDateTime(date.addDays(1), QTime(0, 0), zone)
                : QDateTime(date, QTime(it->endMinute / 60, it->endMinute % 60), zone);
            if (end <= now)
                return end.toUTC();
        }
    }
    return {};
}

// The start of the working interval that holds `now`, or invalid outside hours.
QDateTime currentWorkStart(const boundary::WeeklySchedule &schedule, const QDateTime &now)
{
    const QTimeZone &zone = schedule.timeZone();
    const QDate today = now.toTimeZone(zone).date();
    for (const boundary::LocalInterval &interval : schedule.intervalsOn(today)) {
        const QDateTime start(today, QTime(interval.startMinute / 60, interval.startMinute % 60), zone);
        const QDateTime end = interval.endMinute >= 24 * 60
            ? QDateTime(today.addDays(1), QTime(0, 0), zone)
            : QDateTime(today, QTime(interval.endMinute / 60, interval.endMinute % 60), zone);
        if (start <= now && now < end)
            return start.toUTC();
    }
    return {};
}

} // namespace

SpaceBoundaryController::SpaceBoundaryController(store::StoreThread *store, boundary::SpaceKind kind,
    QTimeZone systemZone, std::function<QDateTime()> now, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_now(now ? std::move(now) : [] { return QDateTime::currentDateTimeUtc(); })
    , m_systemZone(std::move(systemZone))
{
    m_boundary.kind = kind;
    if (kind == boundary::SpaceKind::Work)
        m_boundary.workHours = boundary::defaultWorkSchedule(m_systemZone);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &SpaceBoundaryController::evaluate);
}

void SpaceBoundaryController::load()
{
    const boundary::SpaceKind kind = m_boundary.kind;
    const QTimeZone zone = m_systemZone;
    auto read = m_store->read<boundary::SpaceBoundary>(
        [kind, zone](store::SpaceStore &s) { return boundary::loadSpaceBoundary(s.db(), kind, zone); });
    whenFinished(this, read, [this](const Result<boundary::SpaceBoundary> &r) {
        if (r) {
            m_boundary = *r;
        } else {
            // The default stays in force; the form says why the saved one is not shown.
            qCWarning(lcBoundary) << "cannot read the schedule" << r.error().codeName();
            setError(r.error().message);
        }
        m_loaded = true;
        Q_EMIT scheduleChanged();
        evaluate();
        if (!m_tick.isActive())
            m_tick.start();
    });
}

QVariantMap SpaceBoundaryController::form() const
{
    const auto &edited = m_boundary.edited();
    boundary::ScheduleForm f;
    if (edited)
        f = boundary::toScheduleForm(*edited);
    else
        f.timeZone = QString::fromUtf8(m_systemZone.isValid() ? m_systemZone.id() : QByteArray("UTC"));
    QVariantList week;
    for (const QString &day : f.week)
        week << day;
    return {{u"timeZone"_s, f.timeZone}, {u"week"_s, week}, {u"daysOff"_s, f.daysOff},
        {u"extraDays"_s, f.extraDays}, {u"enabled"_s, work() || edited.has_value()}};
}

bool SpaceBoundaryController::save(const QVariantMap &form)
{
    std::optional<boundary::WeeklySchedule> schedule;
    if (form.value(u"enabled"_s, true).toBool()) {
        boundary::ScheduleForm f;
        f.timeZone = form.value(u"timeZone"_s).toString();
        const QVariantList week = form.value(u"week"_s).toList();
        for (int day = 0; day < 7 && day < week.size(); ++day)
            f.week[std::size_t(day)] = week.at(day).toString();
        f.daysOff = form.value(u"daysOff"_s).toString();
        f.extraDays = form.value(u"extraDays"_s).toString();
        auto parsed = boundary::parseScheduleForm(f);
        if (!parsed) {
            setError(parsed.error().message);
            return false;
        }
        if (work() && parsed->isEmpty()) {
            setError(tr("A work space needs some working hours. To stop limiting notifications, add hours on "
                        "every day, such as 00:00-24:00."));
            return false;
        }
        schedule = std::move(*parsed);
    }
    setError({});
    const boundary::SpaceKind kind = m_boundary.kind;
    auto write
        = m_store->write<bool>([kind, schedule](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
              TANDEM_TRY(boundary::saveSchedule(s.db(), kind, schedule));
              return true;
          });
    whenFinished(this, write, [this, schedule](const Result<bool> &r) {
        if (!r) {
            setError(tr("The schedule could not be saved: %1").arg(r.error().message));
            return;
        }
        m_boundary.customised = schedule.has_value();
        if (work())
            m_boundary.workHours
                = schedule ? schedule : std::optional(boundary::defaultWorkSchedule(m_systemZone));
        else
            m_boundary.quietHours = schedule;
        Q_EMIT scheduleChanged();
        evaluate();
        Q_EMIT saved();
    });
    return true;
}

void SpaceBoundaryController::evaluate()
{
    const QDateTime now = m_now();
    bool offHours = false;
    bool quiet = false;
    QString offUntil;
    QDateTime nextStart;
    if (work() && m_boundary.workHours) {
        offHours = !m_boundary.workHours->isWorking(now);
        if (offHours) {
            const QDateTime next = m_boundary.workHours->nextStart(now);
            nextStart = next.toUTC();
            if (next.isValid()) {
                const QDateTime local = next.toTimeZone(m_boundary.workHours->timeZone());
                const QLocale locale;
                const QString time = locale.toString(local.time(), u"HH:mm"_s);
                const QDate today = now.toTimeZone(m_boundary.workHours->timeZone()).date();
                offUntil = local.date() == today ? tr("Off until %1").arg(time)
                    : local.date() <= today.addDays(6)
                    ? tr("Off until %1 %2")
                          .arg(locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat), time)
                    : tr("Off until %1").arg(locale.toString(local.date(), QLocale::ShortFormat));
            } else {
                offUntil = tr("Off");
            }
        }
    } else if (!work() && m_boundary.quietHours) {
        quiet = m_boundary.quietHours->isWorking(now);
    }
    if (m_loaded && !std::exchange(m_lookedOnce, true) && work() && !offHours && m_boundary.workHours
        && m_boundary.digestSeenAt > 0) {
        // Started within hours after an off period the app did not see (closed over the weekend): the
        // digest of that period is due now, unless it was seen since this period began. A profile that
        // never showed a digest has nothing "while away" yet.
        const QDateTime start = currentWorkStart(*m_boundary.workHours, now);
        const QDateTime ended = start.isValid() ? lastWorkEnd(*m_boundary.workHours, start) : QDateTime();
        if (ended.isValid() && ended < start && m_boundary.digestSeenAt < start.toMSecsSinceEpoch())
            Q_EMIT workPeriodStarted(
                std::max(ended.toMSecsSinceEpoch(), m_boundary.digestSeenAt), now.toMSecsSinceEpoch());
    }
    if (offHours && !m_offSince.isValid()) {
        // From when the last period ended, not from when the app noticed: what came in before it was
        // started belongs to the digest too.
        const QDateTime ended = lastWorkEnd(*m_boundary.workHours, now);
        m_offSince = ended.isValid() ? ended : now;
    }
    if (!offHours && m_offSince.isValid() && work()) {
        const QDateTime from = std::exchange(m_offSince, QDateTime());
        Q_EMIT workPeriodStarted(from.toMSecsSinceEpoch(), now.toMSecsSinceEpoch());
    }
    if (offHours != m_offHours || quiet != m_quiet || offUntil != m_offUntilText || nextStart != m_offUntil) {
        m_offUntil = nextStart;
        m_offHours = offHours;
        m_quiet = quiet;
        m_offUntilText = offUntil;
        Q_EMIT stateChanged();
    }
}

void SpaceBoundaryController::setSync(sync::SpaceSync *sync)
{
    m_sync = sync;
    auto read = m_store->read<boundary::UrgentPolicy>(
        [](store::SpaceStore &s) { return boundary::urgentPolicy(s); });
    whenFinished(this, read, [this](const Result<boundary::UrgentPolicy> &r) {
        if (r) {
            m_urgentAllow = r->allow;
            m_urgentPerDay = r->perDay;
        }
        Q_EMIT urgentPolicyChanged();
    });
}

void SpaceBoundaryController::setUrgentPolicy(const QString &allow, int perDay)
{
    if (!m_sync || (allow == m_urgentAllow && perDay == m_urgentPerDay))
        return;
    m_urgentAllow = allow;
    m_urgentPerDay = perDay;
    Q_EMIT urgentPolicyChanged();
    whenFinished(this, m_sync->setUrgentPolicy(allow, perDay), [this](const Result<sync::QueuedMutation> &r) {
        if (!r)
            setError(tr("The urgent message rule could not be saved: %1").arg(r.error().message));
    });
}

void SpaceBoundaryController::markDigestSeen(qint64 to)
{
    m_boundary.digestSeenAt = to;
    auto write = m_store->write<bool>([to](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
        TANDEM_TRY(boundary::saveDigestSeenAt(s.db(), to));
        return true;
    });
    whenFinished(this, write, [](const Result<bool> &r) {
        if (!r)
            qCWarning(lcBoundary) << "cannot record the digest as seen" << r.error().codeName();
    });
}

void SpaceBoundaryController::setError(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

} // namespace tandem::app
