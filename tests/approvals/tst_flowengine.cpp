// The approval flow engine without a server: every flow shape (sequential, all, any, conditional,
// role and manager-chain approvers, CC), every action, and the illegal ones with their codes.
#include "approvals/flowengine.h"

#include "protocol/codes.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::server::approvals;
namespace ap = tandem::approvals;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

Template tpl(const char *text)
{
    auto parsed = ap::parseTemplate(json(text));
    if (auto *p = std::get_if<ap::FormProblem>(&parsed))
        qFatal("template: %s %s", qPrintable(p->field), qPrintable(p->reason));
    return std::get<Template>(parsed);
}

// eve -> dana -> alice is the manager chain; chen and hui are finance directors.
Directory directory()
{
    Directory d;
    d.managerOf = [](const QString &u) {
        static const QHash<QString, QString> m {{u"eve"_s, u"dana"_s}, {u"dana"_s, u"alice"_s}};
        return m.value(u);
    };
    d.usersWithRole = [](const QString &role) {
        return role == "finance_director"_L1 ? QStringList {u"chen"_s, u"hui"_s} : QStringList {};
    };
    d.isActive = [](const QString &u) { return u != u"gone"_s; };
    return d;
}

const char *kSequential = R"({"id": "t", "name": "T", "category": "general",
  "form": [{"id": "what", "type": "text", "label": "What", "required": true}],
  "flow": {"steps": [{"name": "Manager", "mode": "single", "approvers": [{"manager": 1}]},
                     {"name": "Grand manager", "mode": "single", "approvers": [{"manager": 2}]}],
           "cc": [{"user": "bob"}]}})";

Request submit(const char *templateText, const QJsonObject &form = {{u"what"_s, u"x"_s}},
    const QString &requester = u"eve"_s)
{
    Request base;
    base.id = u"r1"_s;
    base.requesterId = requester;
    return expand(tpl(templateText), form, base, directory(), 1000);
}

std::variant<Transition, Refusal> act(
    const Request &r, const QString &kind, const QString &actor, int step = -1, qint64 now = 2000)
{
    Act a;
    a.mutation.kind = kind;
    a.mutation.requestId = r.id;
    a.mutation.step = step;
    a.mutation.text = u"because"_s;
    a.actorId = actor;
    a.now = now;
    return transition(r, a);
}

Request applied(const std::variant<Transition, Refusal> &v)
{
    if (const auto *refusal = std::get_if<Refusal>(&v))
        qFatal("refused: %s %s", refusal->code.data(), qPrintable(refusal->reason));
    return std::get<Transition>(v).request;
}

Refusal refused(const std::variant<Transition, Refusal> &v)
{
    if (!std::holds_alternative<Refusal>(v))
        qFatal("applied where a refusal was expected");
    return std::get<Refusal>(v);
}

} // namespace

class TstFlowEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sequentialStepsRunInOrderThenApprove()
    {
        Request r = submit(kSequential);
        QCOMPARE(r.state, u"pending"_s);
        QCOMPARE(r.activeStep(), 0);
        QCOMPARE(r.steps[0].approvers[0].userId, u"dana"_s);
        QCOMPARE(r.steps[1].approvers[0].userId, u"alice"_s);
        r = applied(act(r, u"approval.approve"_s, u"dana"_s, 0));
        QCOMPARE(r.activeStep(), 1);
        QCOMPARE(r.state, u"pending"_s);
        r = applied(act(r, u"approval.approve"_s, u"alice"_s, 1, 3000));
        QCOMPARE(r.state, u"approved"_s);
        QCOMPARE(r.decidedBy, u"alice"_s);
        QCOMPARE(r.decidedAt, 3000);
        QCOMPARE(r.version, 3);
    }

    void approvingOutOfTurnIsAStateConflict()
    {
        const Request r = submit(kSequential);
        const Refusal no = refused(act(r, u"approval.approve"_s, u"alice"_s, 1));
        QCOMPARE(no.code, tandem::protocol::code::state_conflict);
        QCOMPARE(no.details.value("step_state"_L1).toString(), u"waiting"_s);
    }

    void approvingWithoutTheRightIsForbidden()
    {
        const Request r = submit(kSequential);
        QCOMPARE(
            refused(act(r, u"approval.approve"_s, u"alice"_s, 0)).code, tandem::protocol::code::forbidden);
        QCOMPARE(refused(act(r, u"approval.approve"_s, u"eve"_s, 0)).code, tandem::protocol::code::forbidden);
        QCOMPARE(refused(act(r, u"approval.reject"_s, u"bob"_s, 0)).code, tandem::protocol::code::forbidden);
    }

    void approvingASingleStepTwiceSaysWhoDecidedAndWhen()
    {
        Request r = applied(act(submit(kSequential), u"approval.approve"_s, u"dana"_s, 0, 4242));
        const Refusal no = refused(act(r, u"approval.approve"_s, u"dana"_s, 0));
        QCOMPARE(no.code, tandem::protocol::code::state_conflict);
        QCOMPARE(no.details.value("decided_by"_L1).toString(), u"dana"_s);
        QCOMPARE(no.details.value("decided_at"_L1).toInteger(), 4242);
        QCOMPARE(no.details.value("current_step"_L1).toInt(), 1);
    }

    void allModeNeedsEveryApprover()
    {
        const char *t = R"({"id": "t", "name": "T", "category": "general",
          "form": [{"id": "what", "type": "text", "label": "What"}],
          "flow": {"steps": [{"name": "Board", "mode": "all", "approvers": [{"user": "a"}, {"user": "b"}, {"user": "c"}]}]}})";
        Request r = submit(t);
        r = applied(act(r, u"approval.approve"_s, u"a"_s, 0));
        QCOMPARE(r.state, u"pending"_s);
        const Refusal twice = refused(act(r, u"approval.approve"_s, u"a"_s, 0));
        QCOMPARE(twice.code, tandem::protocol::code::state_conflict);
        QCOMPARE(twice.details.value("decided_by"_L1).toString(), u"a"_s);
        r = applied(act(r, u"approval.approve"_s, u"b"_s, 0));
        QCOMPARE(r.state, u"pending"_s);
        r = applied(act(r, u"approval.approve"_s, u"c"_s, 0));
        QCOMPARE(r.state, u"approved"_s);
    }

    void allModeOneRejectionRejects()
    {
        const char *t = R"({"id": "t", "name": "T", "category": "general",
          "form": [{"id": "what", "type": "text", "label": "What"}],
          "flow": {"steps": [{"name": "Board", "mode": "all", "approvers": [{"user": "a"}, {"user": "b"}]}]}})";
        Request r = applied(act(submit(t), u"approval.approve"_s, u"a"_s, 0));
        r = applied(act(r, u"approval.reject"_s, u"b"_s, 0));
        QCOMPARE(r.state, u"rejected"_s);
        QCOMPARE(r.steps[0].state, u"rejected"_s);
    }

    void anyModeFirstDecisionWinsAndTheOthersAreToldWho()
    {
        const char *t = R"({"id": "t", "name": "T", "category": "general",
          "form": [{"id": "what", "type": "text", "label": "What"}],
          "flow": {"steps": [{"name": "Finance", "mode": "any", "approvers": [{"role": "finance_director"}]}]}})";
        Request r = submit(t);
        QCOMPARE(r.steps[0].approvers.size(), 2);
        r = applied(act(r, u"approval.approve"_s, u"chen"_s, 0, 5000));
        QCOMPARE(r.state, u"approved"_s);
        const Refusal late = refused(act(r, u"approval.approve"_s, u"hui"_s, 0));
        QCOMPARE(late.code, tandem::protocol::code::state_conflict);
        QCOMPARE(late.details.value("decided_by"_L1).toString(), u"chen"_s);
        QCOMPARE(late.details.value("decided_at"_L1).toInteger(), 5000);
        QCOMPARE(late.details.value("decision"_L1).toString(), u"approved"_s);
    }

    void anyModeRejectionAlsoDecides()
    {
        const char *t = R"({"id": "t", "name": "T", "category": "general",
          "form": [{"id": "what", "type": "text", "label": "What"}],
          "flow": {"steps": [{"name": "Finance", "mode": "any", "approvers": [{"role": "finance_director"}]}]}})";
        const Request r = applied(act(submit(t), u"approval.reject"_s, u"hui"_s, 0));
        QCOMPARE(r.state, u"rejected"_s);
        QCOMPARE(refused(act(r, u"approval.approve"_s, u"chen"_s, 0)).code,
            tandem::protocol::code::state_conflict);
    }

    void conditionAddsTheFinanceDirectorAboveTenThousandYuan()
    {
        const char *t = R"({"id": "t", "name": "T", "category": "reimbursement", "amount_field": "amount",
          "form": [{"id": "amount", "type": "money", "label": "Amount", "required": true}],
          "flow": {"steps": [{"name": "Manager", "mode": "single", "approvers": [{"manager": 1}]},
                             {"name": "Finance director", "mode": "any", "approvers": [{"role": "finance_director"}],
                              "when": {"field": "amount", "op": "gt", "value": 1000000, "currency": "CNY"}}]}})";
        auto money = [](qint64 minor, const char *currency) {
            return QJsonObject {{u"amount"_s,
                QJsonObject {
                    {u"amount_minor"_s, double(minor)}, {u"currency"_s, QLatin1StringView(currency)}}}};
        };
        QCOMPARE(submit(t, money(1000000, "CNY")).steps[1].state, u"skipped"_s);
        QCOMPARE(submit(t, money(1000001, "CNY")).steps[1].state, u"waiting"_s);
        QCOMPARE(submit(t, money(5, "USD")).steps[1].state, u"waiting"_s); // no rates: check added
        const Request r = submit(t, money(250000, "CNY"));
        QCOMPARE(*r.amountMinor, 250000);
        QCOMPARE(r.currency, u"CNY"_s);
        QCOMPARE(applied(act(r, u"approval.approve"_s, u"dana"_s, 0)).state, u"approved"_s);
    }

    void skipWhenSkipsAStep()
    {
        const char *t = R"({"id": "t", "name": "T", "category": "leave",
          "form": [{"id": "kind", "type": "single_choice", "label": "Kind", "options": [{"id": "sick", "label": "Sick"}, {"id": "annual", "label": "Annual"}]}],
          "flow": {"steps": [{"name": "HR", "mode": "single", "approvers": [{"user": "hr"}],
                              "skip_when": {"field": "kind", "op": "eq", "value": "sick"}}]}})";
        QCOMPARE(submit(t, {{u"kind"_s, u"sick"_s}}).state, u"approved"_s);
        QCOMPARE(submit(t, {{u"kind"_s, u"annual"_s}}).state, u"pending"_s);
    }

    void requesterDeactivatedAndMissingManagersAreNotApprovers()
    {
        const char *t = R"({"id": "t", "name": "T", "category": "general",
          "form": [{"id": "what", "type": "text", "label": "What"}],
          "flow": {"steps": [{"name": "Self", "mode": "single", "approvers": [{"user": "eve"}, {"user": "gone"}]},
                             {"name": "Level 5", "mode": "single", "approvers": [{"manager": 5}]}]}})";
        const Request r = submit(t);
        QCOMPARE(r.steps[0].state, u"skipped"_s);
        QCOMPARE(r.steps[1].state, u"skipped"_s);
        QCOMPARE(r.state, u"approved"_s); // nobody to ask: approved at submit
    }

    void withdrawBeforeTheDecisionOnlyByTheRequester()
    {
        const Request r = submit(kSequential);
        QCOMPARE(refused(act(r, u"approval.withdraw"_s, u"dana"_s)).code, tandem::protocol::code::forbidden);
        const Request w = applied(act(r, u"approval.withdraw"_s, u"eve"_s));
        QCOMPARE(w.state, u"withdrawn"_s);
        QCOMPARE(w.activeStep(), -1);
        QCOMPARE(refused(act(w, u"approval.approve"_s, u"dana"_s, 0)).code,
            tandem::protocol::code::state_conflict);
    }

    void withdrawingAfterTheDecisionSaysWhoDecided()
    {
        Request r = applied(act(submit(kSequential), u"approval.approve"_s, u"dana"_s, 0));
        r = applied(act(r, u"approval.reject"_s, u"alice"_s, 1, 7000));
        const Refusal no = refused(act(r, u"approval.withdraw"_s, u"eve"_s));
        QCOMPARE(no.code, tandem::protocol::code::state_conflict);
        QCOMPARE(no.details.value("state"_L1).toString(), u"rejected"_s);
        QCOMPARE(no.details.value("decided_by"_L1).toString(), u"alice"_s);
        QCOMPARE(no.details.value("decided_at"_L1).toInteger(), 7000);
    }

    void returnSendsItBackAndOnlyTheRequesterResubmits()
    {
        const Request r = applied(act(submit(kSequential), u"approval.return"_s, u"dana"_s, 0));
        QCOMPARE(r.state, u"returned"_s);
        QCOMPARE(r.steps[0].state, u"waiting"_s);
        QCOMPARE(refused(act(r, u"approval.approve"_s, u"dana"_s, 0)).code,
            tandem::protocol::code::state_conflict);
        Act resubmit;
        resubmit.mutation.kind = u"approval.submit"_s;
        resubmit.mutation.expectedState = u"returned"_s;
        resubmit.actorId = u"dana"_s;
        QCOMPARE(std::get<Refusal>(transition(r, resubmit)).code, tandem::protocol::code::forbidden);
        resubmit.actorId = u"eve"_s;
        const Transition ok = std::get<Transition>(transition(r, resubmit));
        const Request again = expand(tpl(kSequential), {{u"what"_s, u"y"_s}}, ok.request, directory(), 9000);
        QCOMPARE(again.state, u"pending"_s);
        QCOMPARE(again.activeStep(), 0);
        QCOMPARE(again.form.value("what"_L1).toString(), u"y"_s);
        QVERIFY(again.version > r.version);
        // A returned request may also be withdrawn.
        Act withdraw;
        withdraw.mutation.kind = u"approval.withdraw"_s;
        withdraw.mutation.expectedState = u"returned"_s;
        withdraw.actorId = u"eve"_s;
        QCOMPARE(std::get<Transition>(transition(r, withdraw)).request.state, u"withdrawn"_s);
    }

    void delegateHandsTheDecisionOver()
    {
        Act a;
        a.mutation.kind = u"approval.delegate"_s;
        a.mutation.step = 0;
        a.mutation.toUserId = u"frank"_s;
        a.actorId = u"dana"_s;
        a.now = 3000;
        const Request r = std::get<Transition>(transition(submit(kSequential), a)).request;
        QCOMPARE(r.steps[0].approvers[0].decision, u"delegated"_s);
        QCOMPARE(r.steps[0].approvers[0].delegatedTo, u"frank"_s);
        QVERIFY(r.viewers().contains(u"frank"_s));
        QCOMPARE(refused(act(r, u"approval.approve"_s, u"dana"_s, 0)).code,
            tandem::protocol::code::state_conflict);
        QCOMPARE(applied(act(r, u"approval.approve"_s, u"frank"_s, 0)).activeStep(), 1);
    }

    void remindIsForTheRequesterAndRateLimited()
    {
        const Request r = submit(kSequential);
        QCOMPARE(refused(act(r, u"approval.remind"_s, u"bob"_s)).code, tandem::protocol::code::forbidden);
        const Transition t = std::get<Transition>(act(r, u"approval.remind"_s, u"eve"_s));
        QCOMPARE(t.userIds, QStringList {u"dana"_s});
        QVERIFY(!t.changed);
        Act again;
        again.mutation.kind = u"approval.remind"_s;
        again.actorId = u"eve"_s;
        again.now = 2000 + 60000;
        again.lastRemindAt = 2000;
        const Refusal no = std::get<Refusal>(transition(r, again));
        QCOMPARE(no.code, tandem::protocol::code::rate_limited);
        QCOMPARE(no.details.value("retry_after_ms"_L1).toInteger(), kRemindIntervalMs - 60000);
        again.now = 2000 + kRemindIntervalMs;
        QVERIFY(std::holds_alternative<Transition>(transition(r, again)));
    }

    void ccSeesTheRequestOnlyOnceDecided()
    {
        Request r = submit(kSequential);
        QCOMPARE(r.cc, QStringList {u"bob"_s});
        QVERIFY(!r.viewers().contains(u"bob"_s));
        r = applied(act(r, u"approval.approve"_s, u"dana"_s, 0));
        r = applied(act(r, u"approval.approve"_s, u"alice"_s, 1));
        QVERIFY(r.viewers().contains(u"bob"_s));
    }

    void commentChangesNothing()
    {
        const Request r = submit(kSequential);
        const Transition t = std::get<Transition>(act(r, u"approval.comment"_s, u"dana"_s));
        QVERIFY(!t.changed);
        QCOMPARE(t.request.version, r.version);
    }

    void recordRoundTripsThroughJson()
    {
        const Request r = applied(act(submit(kSequential), u"approval.approve"_s, u"dana"_s, 0));
        const auto back = ap::requestFromJson(ap::toJson(r));
        QVERIFY(back);
        QCOMPARE(ap::toJson(*back), ap::toJson(r));
        QCOMPARE(ap::toJson(r).value("current_step"_L1).toInt(), 1);
    }

    void formValidationRefusesWithTheField()
    {
        const Template t = tpl(R"({"id": "t", "name": "T", "category": "leave",
          "form": [{"id": "period", "type": "date_range", "label": "Period", "required": true},
                   {"id": "days", "type": "computed", "label": "Days", "formula": "leave_days", "from": "period"},
                   {"id": "cost", "type": "money", "label": "Cost", "currencies": ["CNY", "HKD"]},
                   {"id": "n", "type": "number", "label": "N", "min": 1, "max": 5, "integer": true},
                   {"id": "who", "type": "people", "label": "Who"}],
          "flow": {"steps": []}})");
        ap::FormContext ctx;
        ctx.holidays = {QDate(2025, 10, 1)};
        ctx.isUser = [](const QString &u) { return u == u"chen"_s; };
        auto problem = [&](const QJsonObject &form) {
            auto v = ap::validateForm(t, form, ctx, u"/payload/form"_s);
            return std::holds_alternative<ap::FormProblem>(v) ? std::get<ap::FormProblem>(v).field
                                                              : QString();
        };
        const QJsonObject period {{u"start"_s, u"2025-09-29"_s}, {u"end"_s, u"2025-10-06"_s}};
        QCOMPARE(problem({}), u"/payload/form/period"_s);
        QCOMPARE(problem({{u"period"_s, period}, {u"days"_s, 3}}), u"/payload/form/days"_s);
        QCOMPARE(problem({{u"period"_s, period}, {u"extra"_s, 1}}), u"/payload/form/extra"_s);
        QCOMPARE(problem({{u"period"_s,
                     QJsonObject {{u"start"_s, u"2025-10-06"_s}, {u"end"_s, u"2025-10-01"_s}}}}),
            u"/payload/form/period/end"_s);
        QCOMPARE(problem({{u"period"_s, period},
                     {u"cost"_s, QJsonObject {{u"amount_minor"_s, 100}, {u"currency"_s, u"USD"_s}}}}),
            u"/payload/form/cost/currency"_s);
        QCOMPARE(problem({{u"period"_s, period},
                     {u"cost"_s, QJsonObject {{u"amount_minor"_s, 1.5}, {u"currency"_s, u"CNY"_s}}}}),
            u"/payload/form/cost"_s);
        QCOMPARE(problem({{u"period"_s, period}, {u"n"_s, 2.5}}), u"/payload/form/n"_s);
        QCOMPARE(problem({{u"period"_s, period}, {u"n"_s, 9}}), u"/payload/form/n"_s);
        QCOMPARE(
            problem({{u"period"_s, period}, {u"who"_s, QJsonArray {u"nobody"_s}}}), u"/payload/form/who/0"_s);
        auto ok = ap::validateForm(t, {{u"period"_s, period}, {u"who"_s, QJsonArray {u"chen"_s}}}, ctx);
        // 29 Sep to 6 Oct 2025: six weekdays, one of them the 1 October holiday.
        QCOMPARE(std::get<QJsonObject>(ok).value("days"_L1).toInt(), 5);
    }

    void leaveDaysSkipWeekendsAndHolidays()
    {
        QCOMPARE(ap::leaveDays(QDate(2025, 6, 2), QDate(2025, 6, 8), {}), 5);
        QCOMPARE(ap::leaveDays(QDate(2025, 6, 7), QDate(2025, 6, 8), {}), 0);
        QCOMPARE(ap::leaveDays(QDate(2025, 6, 2), QDate(2025, 6, 2), {QDate(2025, 6, 2)}), 0);
        QCOMPARE(ap::leaveDays(QDate(2025, 6, 3), QDate(2025, 6, 2), {}), 0);
    }

    void badTemplatesAreRefused()
    {
        auto field = [](const char *text) {
            auto v = ap::parseTemplate(json(text));
            return std::holds_alternative<ap::FormProblem>(v) ? std::get<ap::FormProblem>(v).field
                                                              : QString();
        };
        QCOMPARE(
            field(
                R"({"id": "t", "name": "T", "category": "x", "form": [{"id": "a", "type": "text", "label": "A"}]})"),
            u"/category"_s);
        QCOMPARE(
            field(
                R"({"id": "t", "name": "T", "category": "general", "form": [{"id": "a", "type": "blob", "label": "A"}]})"),
            u"/form/0/type"_s);
        QCOMPARE(
            field(
                R"({"id": "t", "name": "T", "category": "general", "form": [{"id": "a", "type": "text", "label": "A"}],
            "flow": {"steps": [{"name": "S", "mode": "most", "approvers": [{"user": "u"}]}]}})"),
            u"/flow/steps/0/mode"_s);
        QCOMPARE(
            field(
                R"({"id": "t", "name": "T", "category": "general", "form": [{"id": "a", "type": "text", "label": "A"}],
            "flow": {"steps": [{"name": "S", "mode": "any", "approvers": [{"user": "u"}], "when": {"field": "a", "op": "near", "value": 1}}]}})"),
            u"/flow/steps/0/when"_s);
    }

    void payloadsNeedTheirReasonsAndSteps()
    {
        auto bad = [](const char *kind, const char *payload) {
            auto v = ap::parseApprovalPayload(QLatin1StringView(kind), json(payload));
            return std::holds_alternative<ap::ApprovalPayloadProblem>(v)
                ? std::get<ap::ApprovalPayloadProblem>(v).field
                : QString();
        };
        const char *id = "019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a05";
        Q_UNUSED(id);
        QCOMPARE(
            bad("approval.reject", R"({"request_id": "019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a05", "step": 0})"),
            u"/payload/reason"_s);
        QCOMPARE(bad("approval.approve", R"({"request_id": "019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a05"})"),
            u"/payload/step"_s);
        QCOMPARE(
            bad("approval.approve", R"({"request_id": "019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a05", "step": 0})"),
            QString());
        ap::ApprovalMutation m;
        m.kind = u"approval.reject"_s;
        m.requestId = u"019ab6d2-5e10-7c3a-9f21-4b8e2d6c1a05"_s;
        m.step = 2;
        m.text = u"too expensive"_s;
        m.expectedState = u"pending"_s;
        auto back = ap::parseApprovalPayload(m.kind, ap::approvalPayload(m));
        QVERIFY(std::holds_alternative<ap::ApprovalMutation>(back));
        QCOMPARE(std::get<ap::ApprovalMutation>(back).text, u"too expensive"_s);
        QCOMPARE(std::get<ap::ApprovalMutation>(back).step, 2);
    }
};

QTEST_GUILESS_MAIN(TstFlowEngine)
#include "tst_flowengine.moc"
