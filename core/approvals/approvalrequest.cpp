#include "approvalrequest.h"

#include <QJsonArray>

namespace tandem::approvals {

using namespace Qt::StringLiterals;

const Approver *Step::approver(const QString &userId) const
{
    for (const Approver &a : approvers)
        if (a.userId == userId)
            return &a;
    return nullptr;
}

int Step::undecided(const QString &userId) const
{
    for (qsizetype i = 0; i < approvers.size(); ++i)
        if (approvers[i].userId == userId && approvers[i].decision.isEmpty())
            return int(i);
    return -1;
}

int Request::activeStep() const
{
    if (state != "pending"_L1)
        return -1;
    for (const Step &s : steps)
        if (s.state == "active"_L1)
            return s.position;
    return -1;
}

bool Request::isFinal() const
{
    return state == "approved"_L1 || state == "rejected"_L1 || state == "withdrawn"_L1;
}

QStringList Request::viewers() const
{
    QStringList out {requesterId};
    for (const Step &s : steps)
        for (const Approver &a : s.approvers)
            out << a.userId;
    if (state == "approved"_L1 || state == "rejected"_L1)
        out << cc;
    out.removeDuplicates();
    return out;
}

QJsonObject toJson(const Request &r)
{
    QJsonArray steps;
    for (const Step &s : r.steps) {
        QJsonArray approvers;
        for (const Approver &a : s.approvers) {
            QJsonObject o {{u"user_id"_s, a.userId}};
            if (!a.decision.isEmpty())
                o.insert(u"decision"_s, a.decision);
            if (a.decidedAt > 0)
                o.insert(u"decided_at"_s, double(a.decidedAt));
            if (!a.delegatedTo.isEmpty())
                o.insert(u"delegated_to"_s, a.delegatedTo);
            approvers.append(o);
        }
        QJsonObject o {{u"position"_s, s.position}, {u"name"_s, s.name}, {u"mode"_s, s.mode},
            {u"state"_s, s.state}, {u"approvers"_s, approvers}};
        if (!s.nameI18n.isEmpty())
            o.insert(u"name_i18n"_s, s.nameI18n);
        if (s.startedAt > 0)
            o.insert(u"started_at"_s, double(s.startedAt));
        if (s.decidedAt > 0)
            o.insert(u"decided_at"_s, double(s.decidedAt));
        steps.append(o);
    }
    QJsonObject o {{u"id"_s, r.id}, {u"template_id"_s, r.templateId}, {u"requester_id"_s, r.requesterId},
        {u"title"_s, r.title}, {u"form"_s, r.form}, {u"state"_s, r.state}, {u"version"_s, double(r.version)},
        {u"steps"_s, steps}, {u"cc"_s, QJsonArray::fromStringList(r.cc)},
        {u"submitted_at"_s, double(r.submittedAt)}, {u"updated_at"_s, double(r.updatedAt)}};
    if (const int active = r.activeStep(); active >= 0)
        o.insert(u"current_step"_s, active);
    if (!r.attachments.isEmpty())
        o.insert(u"attachments"_s, r.attachments);
    if (r.amountMinor) {
        o.insert(u"amount_minor"_s, double(*r.amountMinor));
        o.insert(u"currency"_s, r.currency);
    }
    if (r.decidedAt > 0) {
        o.insert(u"decided_at"_s, double(r.decidedAt));
        o.insert(u"decided_by"_s, r.decidedBy);
    }
    return o;
}

std::optional<Request> requestFromJson(const QJsonObject &j)
{
    Request r;
    r.id = j.value("id"_L1).toString();
    r.templateId = j.value("template_id"_L1).toString();
    r.requesterId = j.value("requester_id"_L1).toString();
    if (r.id.isEmpty() || r.requesterId.isEmpty())
        return std::nullopt;
    r.title = j.value("title"_L1).toString();
    r.form = j.value("form"_L1).toObject();
    r.attachments = j.value("attachments"_L1).toArray();
    r.state = j.value("state"_L1).toString();
    r.version = qint64(j.value("version"_L1).toDouble());
    for (const QJsonValue &sv : j.value("steps"_L1).toArray()) {
        const QJsonObject so = sv.toObject();
        Step s;
        s.position = so.value("position"_L1).toInt();
        s.name = so.value("name"_L1).toString();
        s.nameI18n = so.value("name_i18n"_L1).toObject();
        s.mode = so.value("mode"_L1).toString();
        s.state = so.value("state"_L1).toString();
        s.startedAt = qint64(so.value("started_at"_L1).toDouble());
        s.decidedAt = qint64(so.value("decided_at"_L1).toDouble());
        for (const QJsonValue &av : so.value("approvers"_L1).toArray()) {
            const QJsonObject ao = av.toObject();
            s.approvers << Approver {ao.value("user_id"_L1).toString(), ao.value("decision"_L1).toString(),
                qint64(ao.value("decided_at"_L1).toDouble()), ao.value("delegated_to"_L1).toString()};
        }
        r.steps << s;
    }
    for (const QJsonValue &v : j.value("cc"_L1).toArray())
        r.cc << v.toString();
    if (j.contains("amount_minor"_L1)) {
        r.amountMinor = qint64(j.value("amount_minor"_L1).toDouble());
        r.currency = j.value("currency"_L1).toString();
    }
    r.submittedAt = qint64(j.value("submitted_at"_L1).toDouble());
    r.decidedAt = qint64(j.value("decided_at"_L1).toDouble());
    r.decidedBy = j.value("decided_by"_L1).toString();
    r.updatedAt = qint64(j.value("updated_at"_L1).toDouble());
    return r;
}

} // namespace tandem::approvals
