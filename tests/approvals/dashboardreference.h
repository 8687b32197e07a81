// The dashboard's figures computed the plain way, in C++ over the generator's data, with the
// definitions of core/approvals/dashboardqueries.h and none of its SQL: what the store's queries are
// checked against.
#pragma once

#include "approvalgen.h"

#include "approvals/dashboardqueries.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace tandem::approvals::test {

class DashboardReference
{
public:
    explicit DashboardReference(const GenData &data)
        : m_data(data)
    {
        for (const GenTemplate &t : data.templates)
            m_templates.insert(t.id, &t);
        for (const GenUser &u : data.users)
            m_names.insert(u.id, u.displayName.isEmpty() ? u.userName : u.displayName);
    }

    [[nodiscard]] bool passesFilter(const GenRequest &r, const DashboardFilter &f) const
    {
        return (f.people.isEmpty() || f.people.contains(r.requesterId))
            && (f.templateIds.isEmpty() || f.templateIds.contains(r.templateId))
            && (f.submittedFromMs == 0 || (r.submittedAt != 0 && r.submittedAt >= f.submittedFromMs))
            && (f.submittedToMs == 0 || (r.submittedAt != 0 && r.submittedAt < f.submittedToMs));
    }

    // The people below `me`, by walking every user's chain of managers up.
    [[nodiscard]] QSet<QString> reports(const QString &me) const
    {
        QHash<QString, QString> managerOf;
        for (const GenUser &u : m_data.users)
            managerOf.insert(u.id, u.managerId);
        QSet<QString> out;
        for (const GenUser &u : m_data.users) {
            QString m = u.managerId;
            for (int depth = 0; !m.isEmpty() && depth < 64; ++depth, m = managerOf.value(m))
                if (m == me) {
                    out.insert(u.id);
                    break;
                }
        }
        return out;
    }

    [[nodiscard]] std::vector<const GenRequest *> team(const DashboardFilter &f) const
    {
        const QSet<QString> below = reports(f.me);
        std::vector<const GenRequest *> out;
        for (const GenRequest &r : m_data.requests) {
            if (r.state == u"draft" || !passesFilter(r, f))
                continue;
            bool approver = false;
            for (const GenStep &s : r.steps)
                for (const GenApprover &a : s.approvers)
                    approver |= a.userId == f.me;
            if (approver || below.contains(r.requesterId))
                out.push_back(&r);
        }
        return out;
    }

    [[nodiscard]] QList<WaitingRequest> waiting(const DashboardFilter &f) const
    {
        QList<WaitingRequest> out;
        for (const GenRequest &r : m_data.requests) {
            if (r.state != u"pending" || !passesFilter(r, f))
                continue;
            for (const GenStep &s : r.steps) {
                const bool mine = std::any_of(s.approvers.begin(), s.approvers.end(),
                    [&](const GenApprover &a) { return a.userId == f.me && a.decision.isEmpty(); });
                if (s.state != u"active" || !mine)
                    continue;
                const GenTemplate *t = m_templates.value(r.templateId);
                WaitingRequest w {r.id, r.title, r.templateId, t->name, r.requesterId,
                    m_names.value(r.requesterId), r.amountMinor, r.hasAmount, r.currency, r.submittedAt,
                    s.startedAt ? s.startedAt : r.submittedAt, s.position,
                    t->slaHours > 0 ? r.submittedAt + qint64(t->slaHours) * 3600000 : 0};
                out.append(w);
                break;
            }
        }
        std::sort(out.begin(), out.end(), [](const WaitingRequest &a, const WaitingRequest &b) {
            return std::tie(a.waitingSince, a.submittedAt, a.id)
                < std::tie(b.waitingSince, b.submittedAt, b.id);
        });
        return out;
    }

    [[nodiscard]] QList<StateTypeCount> byStateAndType(const DashboardFilter &f) const
    {
        QMap<std::tuple<QString, QString, QString>, int> counts;
        for (const GenRequest *r : team(f))
            ++counts[{m_templates.value(r->templateId)->name, r->templateId, r->state}];
        QList<StateTypeCount> out;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            out.append({std::get<1>(it.key()), std::get<0>(it.key()), std::get<2>(it.key()), it.value()});
        return out;
    }

    [[nodiscard]] AgingBuckets aging(const DashboardFilter &f) const
    {
        constexpr qint64 day = 86400000;
        AgingBuckets out;
        for (const GenRequest *r : team(f)) {
            if (r->state != u"pending")
                continue;
            const qint64 age = f.nowMs - r->submittedAt;
            (age < day              ? out.underOneDay
                    : age < 3 * day ? out.oneToThreeDays
                    : age < 7 * day ? out.threeToSevenDays
                                    : out.overSevenDays)++;
        }
        return out;
    }

    [[nodiscard]] QList<SlaBreaches> sla(const DashboardFilter &f) const
    {
        QMap<std::pair<QString, QString>, SlaBreaches> by;
        for (const GenRequest *r : team(f)) {
            const GenTemplate *t = m_templates.value(r->templateId);
            if (t->slaHours <= 0 || !(r->state == u"pending" || isDecision(*r)))
                continue;
            SlaBreaches &b = by[{t->name, t->id}];
            b.templateId = t->id;
            b.templateName = t->name;
            b.slaHours = t->slaHours;
            ++b.measured;
            const qint64 limit = qint64(t->slaHours) * 3600000;
            if (r->state == u"pending" && f.nowMs - r->submittedAt > limit)
                ++b.pendingBreached;
            if (isDecision(*r) && r->decidedAt - r->submittedAt > limit)
                ++b.decidedLate;
        }
        return by.values();
    }

    [[nodiscard]] static qint64 median(std::vector<qint64> v)
    {
        std::sort(v.begin(), v.end());
        const size_t n = v.size();
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    [[nodiscard]] DecisionTime decisionTime(const DashboardFilter &f) const
    {
        std::vector<qint64> d;
        for (const GenRequest *r : team(f))
            if (isDecision(*r))
                d.push_back(r->decidedAt - r->submittedAt);
        return {{}, {}, int(d.size()), d.empty() ? 0 : median(d)};
    }

    [[nodiscard]] QList<DecisionTime> decisionTimeByType(const DashboardFilter &f) const
    {
        QMap<std::pair<QString, QString>, std::vector<qint64>> by;
        for (const GenRequest *r : team(f))
            if (isDecision(*r))
                by[{m_templates.value(r->templateId)->name, r->templateId}].push_back(
                    r->decidedAt - r->submittedAt);
        QList<DecisionTime> out;
        for (auto it = by.cbegin(); it != by.cend(); ++it)
            out.append({it.key().second, it.key().first, int(it.value().size()), median(it.value())});
        return out;
    }

    [[nodiscard]] static QString isoWeek(qint64 ms, qint64 offsetMs)
    {
        int year = 0;
        const int week = QDateTime::fromMSecsSinceEpoch(ms + offsetMs, Qt::UTC).date().weekNumber(&year);
        return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QChar(u'0'));
    }

    [[nodiscard]] QList<WeekThroughput> throughput(const DashboardFilter &f) const
    {
        QMap<QString, WeekThroughput> by;
        for (const GenRequest *r : team(f)) {
            const QString in = isoWeek(r->submittedAt, f.utcOffsetMs);
            by[in].week = in;
            ++by[in].submitted;
            if (isDecision(*r)) {
                const QString out = isoWeek(r->decidedAt, f.utcOffsetMs);
                by[out].week = out;
                ++by[out].decided;
            }
        }
        return by.values();
    }

    [[nodiscard]] QList<StepDuration> slowestSteps(const DashboardFilter &f, int limit) const
    {
        QMap<std::pair<QString, int>, std::vector<qint64>> by;
        for (const GenRequest *r : team(f))
            for (const GenStep &s : r->steps)
                if ((s.state == u"approved" || s.state == u"rejected") && s.startedAt && s.decidedAt)
                    by[{r->templateId, s.position}].push_back(s.decidedAt - s.startedAt);
        QList<StepDuration> out;
        for (auto it = by.cbegin(); it != by.cend(); ++it)
            out.append({it.key().first, m_templates.value(it.key().first)->name, it.key().second,
                int(it.value().size()), median(it.value())});
        std::sort(out.begin(), out.end(), [](const StepDuration &a, const StepDuration &b) {
            return std::make_tuple(-a.medianMs, a.templateId, a.position)
                < std::make_tuple(-b.medianMs, b.templateId, b.position);
        });
        return out.mid(0, limit);
    }

private:
    static bool isDecision(const GenRequest &r)
    {
        return (r.state == u"approved" || r.state == u"rejected") && r.decidedAt != 0 && r.submittedAt != 0;
    }

    const GenData &m_data;
    QHash<QString, const GenTemplate *> m_templates;
    QHash<QString, QString> m_names;
};

} // namespace tandem::approvals::test
