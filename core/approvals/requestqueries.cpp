#include "requestqueries.h"

#include "approvalqueries.h"
#include "formschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tandem::approvals {

using namespace Qt::StringLiterals;
using store::Statement;

namespace {

#define TANDEM_NAME_OF(alias, idColumn)                                                                      \
    " COALESCE(NULLIF(" alias ".display_name, ''), " alias ".user_name, " idColumn ")"

constexpr std::string_view kTemplatesSql = "SELECT id, tandem_localized(name, name_i18n) AS shown, "
                                           "category, COALESCE(sla_hours, 0), form_schema, flow FROM "
                                           "approval_templates ORDER BY shown, id";

constexpr std::string_view kRequestSql
    = "SELECT r.id, r.template_id, COALESCE(tandem_localized(t.name, t.name_i18n), r.template_id), "
      "t.form_schema, COALESCE(t.sla_hours, 0),"
      " r.requester_id," TANDEM_NAME_OF("u",
          "r.requester_id") ", r.title, r.form_data, r.state, r.current_step,"
                            " r.amount_minor, r.currency, r.submitted_at, r.decided_at, r.updated_at"
                            " FROM approval_requests r LEFT JOIN approval_templates t ON t.id = r.template_id"
                            " LEFT JOIN users u ON u.id = r.requester_id WHERE r.id = ?1";

constexpr std::string_view kStepsSql = "SELECT position, mode, state, started_at, decided_at, "
                                       "tandem_localized(name, name_i18n) FROM approval_steps"
                                       " WHERE request_id = ?1 ORDER BY position";

constexpr std::string_view kApproversSql = "SELECT a.position, a.user_id," TANDEM_NAME_OF(
    "u", "a.user_id") ", a.decision, a.decided_at"
                      " FROM approval_step_approvers a LEFT JOIN users u ON u.id = a.user_id WHERE "
                      "a.request_id = ?1"
                      " ORDER BY a.position, a.decided_at IS NULL, a.decided_at, a.user_id";

constexpr std::string_view kActionsSql = "SELECT a.id, a.actor_id," TANDEM_NAME_OF(
    "u", "a.actor_id") ", a.action, a.comment, a.device_id, a.at"
                       " FROM approval_actions a LEFT JOIN users u ON u.id = a.actor_id WHERE a.request_id = "
                       "?1 ORDER BY a.at, a.id";

constexpr std::string_view kCcSql = "SELECT c.user_id," TANDEM_NAME_OF(
    "u", "c.user_id") " FROM approval_cc c LEFT JOIN users u ON u.id = c.user_id"
                      " WHERE c.request_id = ?1 ORDER BY 2";

constexpr std::string_view kTeamPeopleSql
    = "WITH RECURSIVE reports(id) AS (SELECT id FROM users WHERE manager_id = ?1"
      " UNION SELECT u.id FROM users u JOIN reports ON u.manager_id = reports.id)"
      " SELECT u.id," TANDEM_NAME_OF(
          "u", "u.id") " AS name FROM users u WHERE u.id IN reports ORDER BY name, u.id";

constexpr std::string_view kSettledStepSql = "SELECT" TANDEM_NAME_OF(
    "u", "a.user_id") ", a.decision, a.decided_at"
                      " FROM approval_step_approvers a LEFT JOIN users u ON u.id = a.user_id"
                      " WHERE a.request_id = ?1 AND a.position = ?2 AND a.decision IS NOT NULL ORDER BY "
                      "a.decided_at LIMIT 1";

constexpr std::string_view kSettledRequestSql = "SELECT" TANDEM_NAME_OF(
    "u", "r.decided_by") ", r.state,"
                         " r.decided_at, r.current_step, r.decided_by IS NOT NULL"
                         " FROM approval_requests r LEFT JOIN users u ON u.id = r.decided_by WHERE r.id = ?1";

constexpr std::string_view kFileSql
    = "SELECT name, mime_type, size_bytes, sha256, state FROM attachments WHERE id = ?1";

#undef TANDEM_NAME_OF

qint64 optionalInt(const Statement &r, int column)
{
    return r.isNull(column) ? 0 : r.int64(column);
}

// The files of the form's attachments fields, from `attachments` (the requester's uploads, or the
// request record's file list).
Status readFiles(store::Database &db, RequestDetail &d)
{
    auto st = db.cached(kFileSql);
    if (!st)
        return st.error();
    const QJsonArray schema = QJsonDocument::fromJson(d.formSchema).array();
    const QJsonObject form = QJsonDocument::fromJson(d.formData).object();
    QSet<QString> seen;
    for (const QJsonValue &fv : schema) {
        const QJsonObject field = fv.toObject();
        if (field.value("type"_L1).toString() != "attachments"_L1)
            continue;
        const QString fieldId = field.value("id"_L1).toString();
        for (const QJsonValue &v : form.value(fieldId).toArray()) {
            const QString fileId = v.toString();
            if (fileId.isEmpty() || seen.contains(fileId))
                continue;
            seen.insert(fileId);
            TANDEM_TRY((*st)->bind(1, fileId).forEachRow([&](const Statement &r) {
                d.files.append({fileId, fieldId, r.text(0), r.text(1), r.int64(2), r.text(3), r.text(4)});
            }));
        }
    }
    return {};
}

} // namespace

Result<QList<TemplateInfo>> RequestQueries::templates(store::SpaceStore &store)
{
    auto st = store.db().cached(kTemplatesSql);
    if (!st)
        return st.error();
    QList<TemplateInfo> out;
    TANDEM_TRY((*st)->forEachRow([&](const Statement &r) {
        out.append({r.text(0), r.text(1), r.text(2), int(r.int64(3)), r.blob(4), r.blob(5)});
    }));
    return out;
}

Result<std::optional<RequestQueries::Settled>> RequestQueries::settled(
    store::SpaceStore &store, const QString &requestId, int step)
{
    auto &db = store.db();
    auto request = db.cached(kSettledRequestSql);
    if (!request)
        return request.error();
    std::optional<Settled> out;
    bool decided = false;
    TANDEM_TRY((*request)->bind(1, requestId).forEachRow([&](const Statement &r) {
        out = Settled {r.text(0), r.text(1), optionalInt(r, 2), r.text(1), int(r.int64(3))};
        decided = r.int64(4) != 0;
    }));
    if (!out)
        return out;
    if (step >= 0) {
        auto approver = db.cached(kSettledStepSql);
        if (!approver)
            return approver.error();
        bool found = false;
        TANDEM_TRY((*approver)->bind(1, requestId).bind(2, step).forEachRow([&](const Statement &r) {
            out->name = r.text(0);
            out->decision = r.text(1);
            out->at = optionalInt(r, 2);
            found = true;
        }));
        if (found)
            return out;
    }
    if (!decided)
        out->name.clear();
    return out;
}

Result<QSet<QDate>> RequestQueries::holidays(store::SpaceStore &store)
{
    return storedHolidays(store.db());
}

Result<std::optional<RequestDetail>> RequestQueries::detail(store::SpaceStore &store, const QString &id)
{
    auto &db = store.db();
    auto request = db.cached(kRequestSql);
    if (!request)
        return request.error();
    std::optional<RequestDetail> out;
    TANDEM_TRY((*request)->bind(1, id).forEachRow([&](const Statement &r) {
        RequestDetail d;
        d.id = r.text(0);
        d.templateId = r.text(1);
        d.templateName = r.text(2);
        d.formSchema = r.blob(3);
        d.slaHours = int(r.int64(4));
        d.requesterId = r.text(5);
        d.requesterName = r.text(6);
        d.title = r.text(7);
        d.formData = r.blob(8);
        d.state = r.text(9);
        d.currentStep = int(r.int64(10));
        d.hasAmount = !r.isNull(11);
        d.amountMinor = optionalInt(r, 11);
        d.currency = r.text(12);
        d.submittedAt = optionalInt(r, 13);
        d.decidedAt = optionalInt(r, 14);
        d.updatedAt = r.int64(15);
        out = d;
    }));
    if (!out)
        return out;
    auto steps = db.cached(kStepsSql);
    if (!steps)
        return steps.error();
    TANDEM_TRY((*steps)->bind(1, id).forEachRow([&](const Statement &r) {
        out->steps.append(
            {int(r.int64(0)), r.text(1), r.text(2), optionalInt(r, 3), optionalInt(r, 4), {}, r.text(5)});
    }));
    auto approvers = db.cached(kApproversSql);
    if (!approvers)
        return approvers.error();
    TANDEM_TRY((*approvers)->bind(1, id).forEachRow([&](const Statement &r) {
        const int position = int(r.int64(0));
        for (RequestStep &s : out->steps)
            if (s.position == position)
                s.approvers.append({r.text(1), r.text(2), r.text(3), optionalInt(r, 4)});
    }));
    auto actions = db.cached(kActionsSql);
    if (!actions)
        return actions.error();
    TANDEM_TRY((*actions)->bind(1, id).forEachRow([&](const Statement &r) {
        out->actions.append({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.int64(6)});
    }));
    auto cc = db.cached(kCcSql);
    if (!cc)
        return cc.error();
    TANDEM_TRY((*cc)->bind(1, id).forEachRow([&](const Statement &r) {
        out->cc.append({r.text(0), r.text(1)});
    }));
    TANDEM_TRY(readFiles(db, *out));
    return out;
}

Result<QList<PersonInfo>> RequestQueries::teamPeople(store::SpaceStore &store, const QString &me)
{
    auto st = store.db().cached(kTeamPeopleSql);
    if (!st)
        return st.error();
    QList<PersonInfo> out;
    TANDEM_TRY((*st)->bind(1, me).forEachRow([&](const Statement &r) {
        out.append({r.text(0), r.text(1)});
    }));
    return out;
}

} // namespace tandem::approvals
