#include "flowengine.h"

#include "protocol/codes.h"

#include <QJsonArray>

namespace tandem::server::approvals {

using namespace Qt::StringLiterals;
namespace code = protocol::code;
using tandem::approvals::Approver;
using tandem::approvals::Step;

namespace {

QStringList resolve(const QJsonArray &specs, const QString &requester, const Directory &dir)
{
    QStringList out;
    for (const QJsonValue &v : specs) {
        const QJsonObject spec = v.toObject();
        if (spec.contains("user"_L1)) {
            out << spec.value("user"_L1).toString();
        } else if (spec.contains("role"_L1)) {
            if (dir.usersWithRole)
                out << dir.usersWithRole(spec.value("role"_L1).toString());
        } else if (spec.contains("manager"_L1)) {
            QString at = requester;
            for (int level = spec.value("manager"_L1).toInt(); level > 0 && !at.isEmpty(); --level)
                at = dir.managerOf ? dir.managerOf(at) : QString();
            if (!at.isEmpty())
                out << at;
        }
    }
    out.removeDuplicates();
    out.removeAll(requester);
    out.removeIf([&](const QString &u) { return u.isEmpty() || (dir.isActive && !dir.isActive(u)); });
    return out;
}

// Makes the first waiting step at or after `from` active, or approves the request when none is left.
void activateFrom(Request &r, int from, const QString &actor, qint64 now)
{
    for (Step &s : r.steps) {
        if (s.position >= from && s.state == "waiting"_L1) {
            s.state = u"active"_s;
            s.startedAt = now;
            r.state = u"pending"_s;
            return;
        }
    }
    r.state = u"approved"_s;
    r.decidedAt = now;
    r.decidedBy = actor;
}

// Who settled a decided step, for state_conflict details: the latest decision in it.
const Approver *settler(const Step &s)
{
    const Approver *found = nullptr;
    for (const Approver &a : s.approvers)
        if ((a.decision == "approved"_L1 || a.decision == "rejected"_L1)
            && (!found || a.decidedAt >= found->decidedAt))
            found = &a;
    return found;
}

QJsonObject conflictDetails(const Request &r)
{
    QJsonObject d {{u"state"_s, r.state}, {u"version"_s, double(r.version)}};
    if (const int active = r.activeStep(); active >= 0)
        d.insert(u"current_step"_s, active);
    if (r.decidedAt > 0 && r.state != "pending"_L1) {
        d.insert(u"decided_by"_s, r.decidedBy);
        d.insert(u"decided_at"_s, double(r.decidedAt));
        d.insert(u"decision"_s, r.state);
    }
    return d;
}

Refusal conflict(const Request &r, const QString &reason, const QJsonObject &extra = {})
{
    QJsonObject d = conflictDetails(r);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        d.insert(it.key(), it.value());
    return Refusal {code::state_conflict, reason, d};
}

Refusal forbidden(const QString &why)
{
    return Refusal {code::forbidden, why, {}};
}

} // namespace

Request expand(const Template &tpl, const QJsonObject &form, Request base, const Directory &dir, qint64 now)
{
    Request r = std::move(base);
    r.templateId = tpl.id;
    r.form = form;
    if (r.title.isEmpty())
        r.title = tpl.name;
    r.steps.clear();
    r.decidedAt = 0;
    r.decidedBy.clear();
    int position = 0;
    for (const auto &def : tpl.steps) {
        Step s;
        s.position = position++;
        s.name = def.name;
        s.nameI18n = def.nameI18n;
        s.mode = def.mode;
        const bool excluded = (!def.when.isEmpty() && !tandem::approvals::conditionHolds(def.when, form))
            || (!def.skipWhen.isEmpty() && tandem::approvals::conditionHolds(def.skipWhen, form));
        if (!excluded)
            for (const QString &u : resolve(def.approvers, r.requesterId, dir))
                s.approvers << Approver {u, {}, 0, {}};
        s.state = s.approvers.isEmpty() ? u"skipped"_s : u"waiting"_s;
        r.steps << s;
    }
    r.cc = resolve(tpl.cc, r.requesterId, dir);
    r.amountMinor.reset();
    r.currency.clear();
    if (!tpl.amountField.isEmpty() && form.contains(tpl.amountField)) {
        const QJsonObject money = form.value(tpl.amountField).toObject();
        r.amountMinor = qint64(money.value("amount_minor"_L1).toDouble());
        r.currency = money.value("currency"_L1).toString();
    }
    r.submittedAt = now;
    r.updatedAt = now;
    r.version += 1;
    activateFrom(r, 0, r.requesterId, now);
    return r;
}

std::variant<Transition, Refusal> transition(const Request &current, const Act &act)
{
    const ApprovalMutation &m = act.mutation;
    const QString verb = m.kind.mid(9);
    const QString &actor = act.actorId;
    const bool isRequester = actor == current.requesterId;
    Transition t {current, false, verb, -1, {}};
    Request &r = t.request;

    if (verb == "comment"_L1)
        return t;
    if (verb == "cc"_L1) {
        bool approver = false;
        for (const Step &s : current.steps)
            approver = approver || s.approver(actor);
        if (!isRequester && !approver)
            return forbidden(u"only the requester and the approvers add people to the CC list"_s);
        for (const QString &u : m.userIds)
            if (!r.cc.contains(u) && u != r.requesterId) {
                r.cc << u;
                t.userIds << u;
            }
        t.changed = !t.userIds.isEmpty();
        return t;
    }
    if (verb == "remind"_L1) {
        if (current.state != "pending"_L1)
            return conflict(current, u"only a pending request can be reminded of"_s);
        if (!isRequester)
            return forbidden(u"only the requester sends reminders"_s);
        if (act.lastRemindAt > 0 && act.now - act.lastRemindAt < kRemindIntervalMs) {
            const qint64 wait = kRemindIntervalMs - (act.now - act.lastRemindAt);
            return Refusal {code::rate_limited,
                u"a reminder was sent %1 minutes ago; the next one is possible in %2 minutes"_s
                    .arg((act.now - act.lastRemindAt) / 60000)
                    .arg((wait + 59999) / 60000),
                {{u"retry_after_ms"_s, double(wait)}}};
        }
        const int active = current.activeStep();
        t.step = active;
        for (const Approver &a : current.steps.value(active).approvers)
            if (a.decision.isEmpty())
                t.userIds << a.userId;
        return t;
    }

    // Every other action changes the state: the expected state comes first.
    const QString expected = m.expectedState.isEmpty() ? u"pending"_s : m.expectedState;
    if (current.state != expected)
        return conflict(current,
            current.isFinal() ? u"the request was already %1 by %2"_s.arg(current.state, current.decidedBy)
                              : u"the request is %1, not %2"_s.arg(current.state, expected));
    t.changed = true;
    r.updatedAt = act.now;
    r.version += 1;

    if (verb == "submit"_L1) {
        if (!isRequester)
            return forbidden(u"only the requester resubmits a request"_s);
        return t; // the caller expands the new form
    }
    if (verb == "withdraw"_L1) {
        if (!isRequester)
            return forbidden(u"only the requester withdraws a request"_s);
        for (Step &s : r.steps)
            if (s.state == "active"_L1) {
                s.state = u"waiting"_s;
                s.startedAt = 0;
            }
        r.state = u"withdrawn"_s;
        r.decidedAt = act.now;
        r.decidedBy = actor;
        return t;
    }

    // approve, reject, return, delegate: an approver of the named step, while it is active.
    if (m.step < 0 || m.step >= current.steps.size())
        return Refusal {protocol::code::invalid_payload, u"the request has no step %1"_s.arg(m.step),
            {{u"field"_s, u"/payload/step"_s}}};
    t.step = m.step;
    const Step &named = current.steps.at(m.step);
    if (!named.approver(actor))
        return forbidden(u"you are not an approver of this step"_s);
    if (named.state == "waiting"_L1)
        return conflict(current, u"this step is not active yet"_s, {{u"step_state"_s, named.state}});
    if (named.state != "active"_L1) {
        QJsonObject extra {{u"step_state"_s, named.state}};
        QString reason = u"this step was already decided"_s;
        if (const Approver *who = settler(named)) {
            extra.insert(u"decided_by"_s, who->userId);
            extra.insert(u"decided_at"_s, double(who->decidedAt));
            extra.insert(u"decision"_s, who->decision);
            reason = u"this step was already %1 by %2"_s.arg(who->decision, who->userId);
        }
        return conflict(current, reason, extra);
    }
    const int mine = named.undecided(actor);
    if (mine < 0) {
        const Approver *own = named.approver(actor);
        return conflict(current, u"you already decided on this step (%1)"_s.arg(own->decision),
            {{u"step_state"_s, named.state}, {u"decided_by"_s, actor},
                {u"decided_at"_s, double(own->decidedAt)}, {u"decision"_s, own->decision}});
    }
    Step &step = r.steps[m.step];
    Approver &me = step.approvers[mine];
    if (verb == "delegate"_L1) {
        if (m.toUserId == actor || m.toUserId == r.requesterId || step.undecided(m.toUserId) >= 0)
            return Refusal {protocol::code::invalid_payload,
                u"delegate to someone who is not the requester nor already an approver of this step"_s,
                {{u"field"_s, u"/payload/to_user_id"_s}}};
        me.decision = u"delegated"_s;
        me.decidedAt = act.now;
        me.delegatedTo = m.toUserId;
        step.approvers << Approver {m.toUserId, {}, 0, {}};
        t.userIds << m.toUserId;
        return t;
    }
    if (verb == "return"_L1) {
        step.state = u"waiting"_s;
        step.startedAt = 0;
        r.state = u"returned"_s;
        r.decidedAt = act.now;
        r.decidedBy = actor;
        return t;
    }
    me.decision = verb == "approve"_L1 ? u"approved"_s : u"rejected"_s;
    me.decidedAt = act.now;
    if (verb == "reject"_L1) {
        step.state = u"rejected"_s;
        step.decidedAt = act.now;
        r.state = u"rejected"_s;
        r.decidedAt = act.now;
        r.decidedBy = actor;
        return t;
    }
    bool done = step.mode != "all"_L1;
    if (!done) {
        done = true;
        for (const Approver &a : std::as_const(step.approvers))
            done = done && (a.decision == "approved"_L1 || a.decision == "delegated"_L1);
    }
    if (done) {
        step.state = u"approved"_s;
        step.decidedAt = act.now;
        activateFrom(r, m.step + 1, actor, act.now);
    }
    return t;
}

} // namespace tandem::server::approvals
