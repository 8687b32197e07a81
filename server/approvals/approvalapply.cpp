#include "approvalapply.h"

#include "flowengine.h"
#include "records.h"
#include "resultget.h"

#include "protocol/codes.h"
#include "protocol/fields.h"

#include <QJsonArray>
#include <QSet>

namespace tandem::server::approvals {

using namespace Qt::StringLiterals;
namespace code = protocol::code;
namespace ap = tandem::approvals;

namespace {

ApplyRejection notFound(const QString &what, const QString &field)
{
    return ApplyRejection {
        code::not_found, u"%1 does not exist or is not visible to you"_s.arg(what), {{u"field"_s, field}}};
}

// An active user of the space's organisation who syncs the space: who may approve or be copied.
Result<bool> isColleague(ServerStore &st, SpaceWriter &w, const QString &userId)
{
    TANDEM_GET(u, w.user(userId));
    if (!u || u->deactivated || u->organisationId != w.space().organisationId)
        return false;
    return st.isSpaceMember(w.space().id, userId);
}

class Approvals
{
public:
    Approvals(ServerStore &store, SpaceWriter &writer, QString actor, QString device, QString text)
        : st(store)
        , w(writer)
        , actorId(std::move(actor))
        , deviceId(std::move(device))
        , comment(std::move(text))
    { }

    Result<ApplyResult> run(const ap::ApprovalMutation &m)
    {
        if (w.space().organisationId.isEmpty())
            return ApplyResult(notFound(u"the request"_s, u"/payload/request_id"_s));
        TANDEM_GET(row, st.approvalRequest(m.requestId));
        std::optional<Request> current;
        if (row)
            current = ap::requestFromJson(row->record);
        const bool visible = current && row->spaceId == w.space().id && current->viewers().contains(actorId);
        if (m.kind == "approval.submit"_L1 && m.expectedState.isEmpty()) {
            if (row)
                return ApplyResult(ApplyRejection {code::id_conflict, u"this request id is already used"_s,
                    {{u"field"_s, u"/payload/request_id"_s}}});
            Request base;
            base.id = m.requestId;
            base.requesterId = actorId;
            base.title = m.title;
            return submit(m, base, std::nullopt);
        }
        if (!visible)
            return ApplyResult(notFound(u"the request"_s, u"/payload/request_id"_s));
        for (const QString &u :
            m.userIds + (m.toUserId.isEmpty() ? QStringList() : QStringList {m.toUserId})) {
            TANDEM_GET(ok, isColleague(st, w, u));
            if (!ok)
                return ApplyResult(notFound(
                    u"the user"_s, m.toUserId == u ? u"/payload/to_user_id"_s : u"/payload/user_ids"_s));
        }
        Act act {m, actorId, w.now(), 0};
        if (m.kind == "approval.remind"_L1) {
            TANDEM_GET(trail, st.approvalActions(m.requestId));
            for (const QJsonObject &a : trail)
                if (a.value("action"_L1).toString() == "remind"_L1
                    && a.value("actor_id"_L1).toString() == actorId)
                    act.lastRemindAt = std::max(act.lastRemindAt, qint64(a.value("at"_L1).toDouble()));
        }
        auto decided = transition(*current, act);
        if (auto *refusal = std::get_if<Refusal>(&decided))
            return ApplyResult(ApplyRejection {refusal->code, refusal->reason, refusal->details});
        Transition &t = std::get<Transition>(decided);
        if (m.kind == "approval.submit"_L1) {
            Request base = *current;
            if (!m.title.isEmpty())
                base.title = m.title;
            return submit(m, base, current);
        }
        TANDEM_TRY(record(*current, t));
        if (!t.changed)
            return ApplyResult(QJsonObject());
        return ApplyResult(
            QJsonObject {{u"state"_s, t.request.state}, {u"version"_s, double(t.request.version)}});
    }

private:
    ServerStore &st;
    SpaceWriter &w;
    QString actorId;
    QString deviceId;
    QString comment; // the comment, or the reason of a reject, return or withdrawal

    Result<ApplyResult> submit(
        const ap::ApprovalMutation &m, const Request &base, const std::optional<Request> &before)
    {
        const QString org = w.space().organisationId;
        TANDEM_GET(stored, st.approvalTemplates(org));
        std::optional<Template> tpl;
        for (const QJsonObject &j : stored)
            if (j.value("id"_L1).toString() == m.templateId)
                if (auto parsed = ap::parseTemplate(j); std::holds_alternative<Template>(parsed))
                    tpl = std::get<Template>(parsed);
        if (!tpl)
            return ApplyResult(notFound(u"the template"_s, u"/payload/template_id"_s));
        TANDEM_GET(days, st.holidays(org));
        ap::FormContext ctx;
        for (const QString &d : days)
            ctx.holidays.insert(ap::parseDate(d));
        std::optional<Error> failed;
        ctx.isUser = [&](const QString &u) {
            auto ok = isColleague(st, w, u);
            if (!ok)
                failed = ok.error();
            return ok && *ok;
        };
        QJsonArray files; // the request's attachment records, in form order
        QSet<QString> named;
        ctx.isAttachment = [&](const QString &id) {
            auto a = st.attachment(id);
            if (!a)
                failed = a.error();
            const bool ok = a && *a && (*a)->uploaderId == actorId && (*a)->complete;
            if (ok && !named.contains(id)) {
                named.insert(id);
                const AttachmentRow &row = **a;
                files.append(
                    QJsonObject {{u"id"_s, row.id}, {u"name"_s, row.name}, {u"mime_type"_s, row.mimeType},
                        {u"size_bytes"_s, double(row.sizeBytes)}, {u"sha256"_s, row.sha256}});
            }
            return ok;
        };
        auto form = ap::validateForm(*tpl, m.form, ctx, u"/payload/form"_s);
        if (failed)
            return *failed;
        if (auto *p = std::get_if<ap::FormProblem>(&form))
            return ApplyResult(ApplyRejection {
                code::invalid_payload, p->field + u" "_s + p->reason, {{u"field"_s, p->field}}});
        Directory dir;
        dir.managerOf = [&](const QString &u) {
            auto row = w.user(u);
            if (!row)
                failed = row.error();
            return row && *row ? (*row)->managerId : QString();
        };
        dir.usersWithRole = [&](const QString &role) {
            auto users = st.usersWithRole(org, role);
            if (!users)
                failed = users.error();
            return users ? *users : QStringList();
        };
        dir.isActive = [&](const QString &u) {
            auto ok = isColleague(st, w, u);
            if (!ok)
                failed = ok.error();
            return ok && *ok;
        };
        Request r = expand(*tpl, std::get<QJsonObject>(form), base, dir, w.now());
        if (failed)
            return *failed;
        r.attachments = files;
        Transition t {r, true, u"submit"_s, -1, {}};
        TANDEM_TRY(record(before.value_or(Request {}), t));
        return ApplyResult(
            QJsonObject {{u"request_id"_s, r.id}, {u"state"_s, r.state}, {u"version"_s, double(r.version)}});
    }

    // Stores the request and its new trail entry and tells everyone who sees it; people who start
    // seeing it get the earlier trail too (docs/approvals.md §6).
    Status record(const Request &before, const Transition &t)
    {
        const QStringList viewers = t.request.viewers();
        QStringList newcomers;
        for (const QString &v : viewers)
            if (!before.viewers().contains(v) || before.id.isEmpty())
                newcomers << v;
        QJsonObject action {{u"id"_s, protocol::newUuid()}, {u"request_id"_s, t.request.id},
            {u"actor_id"_s, actorId}, {u"action"_s, t.action}, {u"at"_s, double(w.now())},
            {u"device_id"_s, deviceId.isEmpty() ? u"server"_s : deviceId}, {u"state"_s, t.request.state},
            {u"version"_s, double(t.request.version)}};
        if (t.step >= 0)
            action.insert(u"step"_s, t.step);
        if (!comment.isEmpty() && t.action != "submit"_L1)
            action.insert(u"comment"_s, comment);
        if (!t.userIds.isEmpty())
            action.insert(u"user_ids"_s, QJsonArray::fromStringList(t.userIds));
        if (t.changed) {
            const QJsonObject record = ap::toJson(t.request);
            TANDEM_TRY(st.putApprovalRequest(ApprovalRequestRow {w.space().id, record}, viewers));
            TANDEM_TRY(w.emit(
                QLatin1StringView("approval.request_updated"), {{u"approval_request"_s, record}}, viewers));
            if (!before.id.isEmpty() && !newcomers.isEmpty()) {
                auto trail = st.approvalActions(t.request.id);
                if (!trail)
                    return trail.error();
                for (const QJsonObject &old : *trail)
                    TANDEM_TRY(w.emit(QLatin1StringView("approval.action_recorded"),
                        {{u"approval_action"_s, old}}, newcomers));
            }
        }
        TANDEM_TRY(st.appendApprovalAction(action));
        return w.emit(
            QLatin1StringView("approval.action_recorded"), {{u"approval_action"_s, action}}, viewers);
    }
};

} // namespace

Result<ApplyResult> applyApprovalMutation(ServerStore &store, SpaceWriter &writer, const QString &actorId,
    const QString &deviceId, const ap::ApprovalMutation &mutation)
{
    Approvals a(store, writer, actorId, deviceId, mutation.text);
    return a.run(mutation);
}

Result<QJsonObject> templateRecord(
    ServerStore &store, const QString &organisationId, const QJsonObject &stored)
{
    QJsonObject out = stored;
    TANDEM_GET(days, store.holidays(organisationId));
    if (!days.isEmpty())
        out.insert(u"holidays"_s, QJsonArray::fromStringList(days));
    return out;
}

Result<QList<QJsonObject>> approvalSnapshotRecords(
    ServerStore &store, const SpaceRow &space, const QString &userId)
{
    QList<QJsonObject> out;
    if (space.organisationId.isEmpty())
        return out;
    TANDEM_GET(templates, store.approvalTemplates(space.organisationId));
    for (const QJsonObject &t : templates) {
        TANDEM_GET(record, templateRecord(store, space.organisationId, t));
        out << records::entity("approval_template", record);
    }
    TANDEM_GET(requests, store.approvalRequestsVisibleTo(space.id, userId));
    for (const QJsonObject &r : requests)
        out << records::entity("approval_request", r);
    for (const QJsonObject &r : requests) {
        TANDEM_GET(trail, store.approvalActions(r.value("id"_L1).toString()));
        for (const QJsonObject &a : trail)
            out << records::entity("approval_action", a);
    }
    return out;
}

Result<QSet<StreamKey>> putTemplates(
    ServerStore &store, const QString &organisationId, const QList<QJsonObject> &templates, qint64 now)
{
    QSet<StreamKey> touched;
    QList<QJsonObject> stored;
    for (QJsonObject t : templates) {
        auto parsed = ap::parseTemplate(t);
        if (auto *p = std::get_if<ap::FormProblem>(&parsed))
            return Error::make(ErrorCode::Invalid,
                u"template %1: %2 %3"_s.arg(t.value("id"_L1).toString(), p->field, p->reason));
        t.insert(u"updated_at"_s, double(now));
        TANDEM_TRY(store.putApprovalTemplate(organisationId, t));
        stored << t;
    }
    // Every work space of the organisation: found through its members' spaces.
    TANDEM_GET(users, store.users());
    QSet<QString> spaces;
    for (const UserRow &u : users) {
        if (u.organisationId != organisationId)
            continue;
        TANDEM_GET(of, store.spacesOfUser(u.id));
        for (const SpaceRow &s : of)
            if (s.organisationId == organisationId && !spaces.contains(s.id)) {
                spaces.insert(s.id);
                TANDEM_GET(members, store.spaceMembers(s.id));
                SpaceWriter w(store, s, QString(), QString(), now);
                for (const QJsonObject &t : stored) {
                    TANDEM_GET(record, templateRecord(store, organisationId, t));
                    TANDEM_TRY(w.emit(QLatin1StringView("approval.template_updated"),
                        {{u"approval_template"_s, record}}, members));
                }
                touched += w.touched();
            }
    }
    return touched;
}

} // namespace tandem::server::approvals
