#include "approvalpayloads.h"

#include "protocol/fields.h"

#include <QJsonArray>

namespace tandem::approvals {

using namespace Qt::StringLiterals;
using protocol::FieldReader;

namespace {

constexpr const char *kKinds[] = {"approval.submit", "approval.approve", "approval.reject", "approval.return",
    "approval.withdraw", "approval.delegate", "approval.comment", "approval.remind", "approval.cc"};

QLatin1StringView f(const char *name)
{
    return QLatin1StringView(name);
}

} // namespace

bool isApprovalKind(const QString &kind)
{
    for (const char *k : kKinds)
        if (kind == QLatin1StringView(k))
            return true;
    return false;
}

std::variant<ApprovalMutation, ApprovalPayloadProblem> parseApprovalPayload(
    const QString &kind, const QJsonObject &payload)
{
    FieldReader r(payload, u"/payload"_s);
    ApprovalMutation m;
    m.kind = kind;
    const QString verb = kind.mid(9);
    const bool approverAction
        = verb == "approve"_L1 || verb == "reject"_L1 || verb == "return"_L1 || verb == "delegate"_L1;
    if (verb == "submit"_L1) {
        m.requestId = r.uuid(f("request_id"));
        m.templateId = r.id(f("template_id"));
        m.form = r.object(f("form"));
        m.title = r.optLine(f("title"), 128).value_or(QString());
        m.expectedState = r.optOneOf(f("expected_state"), {"returned"}).value_or(QString());
    } else {
        m.requestId = r.uuid(f("request_id"));
    }
    if (approverAction || verb == "withdraw"_L1) {
        m.expectedState = r.optOneOf(f("expected_state"), {"pending", "returned"}).value_or(u"pending"_s);
    }
    if (approverAction) {
        m.step = int(r.integer(f("step"), 0, 1000));
    }
    if (verb == "approve"_L1 || verb == "delegate"_L1) {
        m.text = r.optText(f("comment"), 4096).value_or(QString());
    }
    if (verb == "reject"_L1 || verb == "return"_L1) {
        m.text = r.text(f("reason"), 4096);
        if (r.ok() && m.text.trimmed().isEmpty())
            r.fail(f("reason"), u"must say why"_s);
    }
    if (verb == "withdraw"_L1) {
        m.text = r.optText(f("reason"), 4096).value_or(QString());
    }
    if (verb == "delegate"_L1) {
        m.toUserId = r.id(f("to_user_id"));
    }
    if (verb == "comment"_L1) {
        m.text = r.text(f("body"), 4096);
        if (r.ok() && m.text.trimmed().isEmpty())
            r.fail(f("body"), u"must not be empty"_s);
    }
    if (verb == "cc"_L1) {
        m.userIds = r.idList(f("user_ids"), 32);
        if (r.ok() && m.userIds.isEmpty())
            r.fail(f("user_ids"), u"must name at least one person"_s);
    }
    if (r.ok() && approverAction && m.expectedState != "pending"_L1)
        r.fail(f("expected_state"), u"must be pending for this action"_s);
    if (!r.ok())
        return ApprovalPayloadProblem {r.problemField(), r.problem()};
    return m;
}

QJsonObject approvalPayload(const ApprovalMutation &m)
{
    QJsonObject p {{u"request_id"_s, m.requestId}};
    const QString verb = m.kind.mid(9);
    if (verb == "submit"_L1) {
        p.insert(u"template_id"_s, m.templateId);
        p.insert(u"form"_s, m.form);
        if (!m.title.isEmpty())
            p.insert(u"title"_s, m.title);
    }
    if (!m.expectedState.isEmpty() && verb != "comment"_L1 && verb != "remind"_L1 && verb != "cc"_L1)
        p.insert(u"expected_state"_s, m.expectedState);
    if (m.step >= 0)
        p.insert(u"step"_s, m.step);
    if (!m.text.isEmpty()) {
        const char *name = verb == "comment"_L1                                   ? "body"
            : verb == "reject"_L1 || verb == "return"_L1 || verb == "withdraw"_L1 ? "reason"
                                                                                  : "comment";
        p.insert(QLatin1StringView(name), m.text);
    }
    if (!m.toUserId.isEmpty())
        p.insert(u"to_user_id"_s, m.toUserId);
    if (!m.userIds.isEmpty())
        p.insert(u"user_ids"_s, QJsonArray::fromStringList(m.userIds));
    return p;
}

} // namespace tandem::approvals
