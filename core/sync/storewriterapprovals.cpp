#include "storewriterapprovals.h"

#include "filerecords.h"

#include "recordfields.h"

#include "boundary/leavedays.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

namespace tandem::sync {

using namespace Qt::StringLiterals;
using namespace fields;
using store::Statement;

namespace {

Status exec(store::Database &db, std::string_view sql, std::initializer_list<QVariant> values)
{
    auto st = db.cached(sql);
    if (!st)
        return st.error();
    Statement &s = **st;
    int index = 1;
    for (const QVariant &v : values) {
        if (v.isNull())
            s.bindNull(index);
        else if (v.typeId() == QMetaType::QString)
            s.bind(index, v.toString());
        else
            s.bind(index, v.toLongLong());
        ++index;
    }
    return s.exec();
}

QString json(const QJsonValue &v)
{
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

Status upsertTemplate(store::Database &db, const QJsonObject &t)
{
    TANDEM_TRY(exec(db,
        "INSERT INTO approval_templates(id, name, category, form_schema, flow, sla_hours, updated_at, "
        "name_i18n) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET "
        "name = excluded.name, category = excluded.category, form_schema = excluded.form_schema, flow = "
        "excluded.flow, "
        "sla_hours = excluded.sla_hours, updated_at = excluded.updated_at, name_i18n = excluded.name_i18n",
        {string(t, "id"_L1), string(t, "name"_L1), string(t, "category"_L1), json(t.value("form"_L1)),
            json(t.value("flow"_L1)), optInteger(t, "sla_hours"_L1), integer(t, "updated_at"_L1),
            json(t.value("name_i18n"_L1))}));
    if (!t.contains("holidays"_L1))
        return {};
    TANDEM_TRY(db.exec("DELETE FROM approval_holidays"));
    for (const QJsonValue &d : t.value("holidays"_L1).toArray())
        TANDEM_TRY(exec(db, "INSERT OR IGNORE INTO approval_holidays(day) VALUES (?1)", {d.toString()}));
    return {};
}

Status upsertRequest(store::Database &db, const QJsonObject &r)
{
    const QString id = string(r, "id"_L1);
    // Records only move forward: an older version (a snapshot racing an event) changes nothing.
    auto held = db.cached("SELECT version FROM approval_requests WHERE id = ?1");
    if (!held)
        return held.error();
    (*held)->bind(1, id);
    auto row = (*held)->step();
    const qint64 heldVersion = row && *row ? (*held)->int64(0) : -1;
    (*held)->reset();
    if (!row)
        return row.error();
    if (heldVersion > integer(r, "version"_L1))
        return {};
    TANDEM_TRY(exec(db,
        "INSERT INTO approval_requests(id, template_id, requester_id, title, form_data, state, current_step, "
        "amount_minor, currency, submitted_at, decided_at, updated_at, version, decided_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT(id) DO UPDATE SET "
        "template_id = excluded.template_id, title = excluded.title, form_data = excluded.form_data, "
        "state = excluded.state, current_step = excluded.current_step, amount_minor = excluded.amount_minor, "
        "currency = excluded.currency, submitted_at = excluded.submitted_at, decided_at = "
        "excluded.decided_at, "
        "updated_at = excluded.updated_at, version = excluded.version, decided_by = excluded.decided_by",
        {id, string(r, "template_id"_L1), string(r, "requester_id"_L1), string(r, "title"_L1),
            json(r.value("form"_L1)), string(r, "state"_L1),
            r.contains("current_step"_L1) ? integer(r, "current_step"_L1) : qint64(-1),
            optInteger(r, "amount_minor"_L1), optString(r, "currency"_L1), integer(r, "submitted_at"_L1),
            optInteger(r, "decided_at"_L1), integer(r, "updated_at"_L1), integer(r, "version"_L1),
            optString(r, "decided_by"_L1)}));
    // Steps (and with them their approvers) and the CC list are replaced as a whole.
    TANDEM_TRY(exec(db, "DELETE FROM approval_steps WHERE request_id = ?1", {id}));
    TANDEM_TRY(exec(db, "DELETE FROM approval_cc WHERE request_id = ?1", {id}));
    for (const QJsonValue &sv : r.value("steps"_L1).toArray()) {
        const QJsonObject s = sv.toObject();
        const qint64 position = integer(s, "position"_L1);
        TANDEM_TRY(exec(db,
            "INSERT INTO approval_steps(request_id, position, mode, state, started_at, decided_at, name, "
            "name_i18n) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            {id, position, string(s, "mode"_L1), string(s, "state"_L1), optInteger(s, "started_at"_L1),
                optInteger(s, "decided_at"_L1), string(s, "name"_L1), json(s.value("name_i18n"_L1))}));
        for (const QJsonValue &av : s.value("approvers"_L1).toArray()) {
            const QJsonObject a = av.toObject();
            TANDEM_TRY(exec(db,
                "INSERT OR REPLACE INTO approval_step_approvers(request_id, position, user_id, decision, "
                "decided_at, delegated_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                {id, position, string(a, "user_id"_L1), optString(a, "decision"_L1),
                    optInteger(a, "decided_at"_L1), optString(a, "delegated_to"_L1)}));
        }
    }
    for (const QJsonValue &u : r.value("cc"_L1).toArray())
        TANDEM_TRY(exec(db, "INSERT OR IGNORE INTO approval_cc(request_id, user_id) VALUES (?1, ?2)",
            {id, u.toString()}));
    return upsertFileRecords(db, r.value("attachments"_L1).toArray());
}

Status insertAction(store::Database &db, const QJsonObject &a)
{
    QJsonObject details;
    for (const char *name : {"step", "user_ids", "state", "version"})
        if (a.contains(QLatin1StringView(name)))
            details.insert(QLatin1StringView(name), a.value(QLatin1StringView(name)));
    // The trail hangs off its request: an action of a request not held (never the case with a
    // conforming server, which sends the request first) is skipped.
    return exec(db,
        "INSERT OR IGNORE INTO approval_actions(id, request_id, actor_id, action, comment, device_id, at, "
        "details) "
        "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE EXISTS (SELECT 1 FROM approval_requests WHERE id = ?2)",
        {string(a, "id"_L1), string(a, "request_id"_L1), string(a, "actor_id"_L1), string(a, "action"_L1),
            string(a, "comment"_L1), optString(a, "device_id"_L1), integer(a, "at"_L1), json(details)});
}

} // namespace

bool isApprovalEntity(const QString &entity)
{
    return entity == "approval_template"_L1 || entity == "approval_request"_L1
        || entity == "approval_action"_L1;
}

Status upsertApprovalRecord(
    store::Database &db, const QString &entity, const QJsonObject &data, store::StoreChange &change)
{
    change.approvals = true;
    if (entity == "approval_template"_L1)
        return upsertTemplate(db, data);
    if (entity == "approval_request"_L1) {
        TANDEM_TRY(upsertRequest(db, data));
        // Approved leave of this account feeds the work schedule's days off (boundary/leavedays.h).
        return boundary::reconcileLeaveDays(db, string(data, "id"_L1), QTimeZone::systemTimeZone());
    }
    return insertAction(db, data);
}

bool isApprovalEvent(const QString &kind)
{
    return kind == "approval.template_updated"_L1 || kind == "approval.request_updated"_L1
        || kind == "approval.action_recorded"_L1;
}

Status applyApprovalEvent(
    store::Database &db, const QString &kind, const QJsonObject &data, store::StoreChange &change)
{
    const QString entity = kind == "approval.template_updated"_L1 ? u"approval_template"_s
        : kind == "approval.request_updated"_L1                   ? u"approval_request"_s
                                                                  : u"approval_action"_s;
    return upsertApprovalRecord(db, entity, data.value(entity).toObject(), change);
}

Status clearApprovals(store::Database &db)
{
    for (std::string_view sql :
        {"DELETE FROM approval_actions", "DELETE FROM approval_cc", "DELETE FROM approval_step_approvers",
            "DELETE FROM approval_steps", "DELETE FROM approval_requests", "DELETE FROM approval_templates",
            "DELETE FROM approval_holidays"})
        TANDEM_TRY(db.exec(sql));
    return {};
}

Result<QList<PendingApprovalAction>> pendingApprovalActions(store::Database &db)
{
    auto rows = store::outboxRows(db, true);
    if (!rows)
        return rows.error();
    QList<PendingApprovalAction> out;
    for (const store::OutboxRow &row : *rows) {
        if (!row.kind.startsWith("approval."_L1))
            continue;
        const QJsonObject payload = QJsonDocument::fromJson(row.payload).object();
        out << PendingApprovalAction {row.mutationId, row.kind, string(payload, "request_id"_L1), row.state,
            row.errorCode, row.errorMessage, payload};
    }
    return out;
}

} // namespace tandem::sync
