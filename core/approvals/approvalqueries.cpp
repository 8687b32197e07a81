#include "approvalqueries.h"

#include <QJsonDocument>

namespace tandem::approvals {

using namespace Qt::StringLiterals;
using store::Statement;

namespace {

QJsonValue parsed(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

Result<QList<Template>> templatesWhere(store::Database &db, std::string_view sql, const QString &id)
{
    auto st = db.cached(sql);
    if (!st)
        return st.error();
    if (!id.isEmpty())
        (*st)->bind(1, id);
    QList<Template> out;
    TANDEM_TRY((*st)->forEachRow([&](const Statement &r) {
        QJsonObject json {{u"id"_s, r.text(0)}, {u"name"_s, r.text(1)}, {u"category"_s, r.text(2)},
            {u"form"_s, parsed(r.text(3))}, {u"flow"_s, parsed(r.text(4))}};
        if (!r.isNull(5))
            json.insert(u"sla_hours"_s, r.int64(5));
        if (const QJsonValue i18n = parsed(r.text(6)); !i18n.toObject().isEmpty())
            json.insert(u"name_i18n"_s, i18n);
        auto tpl = parseTemplate(json);
        if (auto *t = std::get_if<Template>(&tpl))
            out << std::move(*t);
    }));
    return out;
}

} // namespace

Result<QList<Template>> storedTemplates(store::Database &db)
{
    return templatesWhere(db,
        "SELECT id, name, category, form_schema, flow, sla_hours, name_i18n FROM approval_templates "
        "ORDER BY name, id",
        {});
}

Result<std::optional<Template>> storedTemplate(store::Database &db, const QString &id)
{
    auto found = templatesWhere(db,
        "SELECT id, name, category, form_schema, flow, sla_hours, name_i18n FROM approval_templates "
        "WHERE id = ?1",
        id);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Template> {};
    return std::optional<Template>(found->first());
}

Result<QSet<QDate>> storedHolidays(store::Database &db)
{
    auto st = db.cached("SELECT day FROM approval_holidays");
    if (!st)
        return st.error();
    QSet<QDate> out;
    TANDEM_TRY((*st)->forEachRow([&](const Statement &r) { out.insert(parseDate(r.text(0))); }));
    return out;
}

Result<std::optional<Request>> storedRequest(store::Database &db, const QString &id)
{
    auto st = db.cached(
        "SELECT id, template_id, requester_id, title, form_data, state, amount_minor, currency, "
        "coalesce(submitted_at, 0), coalesce(decided_at, 0), coalesce(decided_by, ''), updated_at, version "
        "FROM approval_requests WHERE id = ?1");
    if (!st)
        return st.error();
    std::optional<Request> found;
    TANDEM_TRY((*st)->bind(1, id).forEachRow([&](const Statement &r) {
        Request q;
        q.id = r.text(0);
        q.templateId = r.text(1);
        q.requesterId = r.text(2);
        q.title = r.text(3);
        q.form = parsed(r.text(4)).toObject();
        q.state = r.text(5);
        if (!r.isNull(6))
            q.amountMinor = r.int64(6);
        q.currency = r.text(7);
        q.submittedAt = r.int64(8);
        q.decidedAt = r.int64(9);
        q.decidedBy = r.text(10);
        q.updatedAt = r.int64(11);
        q.version = r.int64(12);
        found = std::move(q);
    }));
    if (!found)
        return found;
    auto steps = db.cached(
        "SELECT position, name, mode, state, coalesce(started_at, 0), coalesce(decided_at, 0), name_i18n "
        "FROM approval_steps WHERE request_id = ?1 ORDER BY position");
    if (!steps)
        return steps.error();
    TANDEM_TRY((*steps)->bind(1, id).forEachRow([&](const Statement &r) {
        Step s;
        s.position = int(r.int64(0));
        s.name = r.text(1);
        s.nameI18n = parsed(r.text(6)).toObject();
        s.mode = r.text(2);
        s.state = r.text(3);
        s.startedAt = r.int64(4);
        s.decidedAt = r.int64(5);
        found->steps << s;
    }));
    auto approvers
        = db.cached("SELECT position, user_id, coalesce(decision, ''), coalesce(decided_at, 0), "
                    "coalesce(delegated_to, '') FROM approval_step_approvers WHERE request_id = ?1 "
                    "ORDER BY position");
    if (!approvers)
        return approvers.error();
    TANDEM_TRY((*approvers)->bind(1, id).forEachRow([&](const Statement &r) {
        const int position = int(r.int64(0));
        for (Step &s : found->steps)
            if (s.position == position)
                s.approvers << Approver {r.text(1), r.text(2), r.int64(3), r.text(4)};
    }));
    auto cc = db.cached("SELECT user_id FROM approval_cc WHERE request_id = ?1 ORDER BY user_id");
    if (!cc)
        return cc.error();
    TANDEM_TRY((*cc)->bind(1, id).forEachRow([&](const Statement &r) { found->cc << r.text(0); }));
    return found;
}

Result<QList<Request>> storedRequests(store::Database &db, const RequestFilter &filter)
{
    auto st = db.cached(
        "SELECT r.id FROM approval_requests r WHERE (?1 = '' OR r.requester_id = ?1) AND (?2 = '' OR r.state "
        "= ?2) "
        "AND (?3 = '' OR (r.state = 'pending' AND EXISTS (SELECT 1 FROM approval_steps s "
        "JOIN approval_step_approvers a ON a.request_id = s.request_id AND a.position = s.position "
        "WHERE s.request_id = r.id AND s.state = 'active' AND a.user_id = ?3 AND a.decision IS NULL))) "
        "ORDER BY coalesce(r.submitted_at, r.updated_at) DESC, r.id");
    if (!st)
        return st.error();
    QStringList ids;
    TANDEM_TRY((*st)
                   ->bind(1, filter.requester)
                   .bind(2, filter.state)
                   .bind(3, filter.waitingOn)
                   .forEachRow([&](const Statement &r) { ids << r.text(0); }));
    QList<Request> out;
    for (const QString &id : std::as_const(ids)) {
        auto r = storedRequest(db, id);
        if (!r)
            return r.error();
        if (*r)
            out << std::move(**r);
    }
    return out;
}

QStringList waitingOn(const Request &r)
{
    QStringList out;
    if (r.state != u"pending"_s)
        return out;
    const int active = r.activeStep();
    if (active < 0)
        return out;
    for (const Step &s : r.steps)
        if (s.position == active)
            for (const Approver &a : s.approvers)
                if (a.decision.isEmpty())
                    out << a.userId;
    return out;
}

Result<QString> storedUserName(store::Database &db, const QString &userId)
{
    auto st = db.cached("SELECT coalesce(nullif(display_name, ''), user_name) FROM users WHERE id = ?1");
    if (!st)
        return st.error();
    QString name = userId;
    TANDEM_TRY((*st)->bind(1, userId).forEachRow([&](const Statement &r) { name = r.text(0); }));
    return name;
}

} // namespace tandem::approvals
