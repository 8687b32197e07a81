// SqliteStore's approval tables (created with the others in sqlitestore.cpp): records as JSON text,
// with the columns lookups need.
#include "sqlitestore.h"

#include "jsonbytes.h"

#include <QJsonArray>

namespace tandem::server {

using store::Statement;

#define TANDEM_STMT(var, sql)                                                                                \
    auto var##Result_ = m_db->cached(sql);                                                                   \
    if (!var##Result_)                                                                                       \
        return var##Result_.error();                                                                         \
    Statement &var = **var##Result_;

namespace {

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(compactJson(o));
}

Result<QList<QJsonObject>> records(Statement &s)
{
    QList<QJsonObject> out;
    auto status = s.forEachRow([&](const Statement &r) { out << parseObject(r.text(0).toUtf8()); });
    if (!status)
        return status.error();
    return out;
}

Result<QStringList> texts(Statement &s)
{
    QStringList out;
    auto status = s.forEachRow([&](const Statement &r) { out << r.text(0); });
    if (!status)
        return status.error();
    return out;
}

} // namespace

Status SqliteStore::putApprovalTemplate(const QString &organisationId, const QJsonObject &record)
{
    TANDEM_STMT(s, "INSERT OR REPLACE INTO approval_templates(organisation_id, id, record) VALUES(?, ?, ?)");
    return s.bind(1, organisationId)
        .bind(2, record.value(QLatin1StringView("id")).toString())
        .bind(3, jsonText(record))
        .exec();
}

Result<QList<QJsonObject>> SqliteStore::approvalTemplates(const QString &organisationId)
{
    TANDEM_STMT(s, "SELECT record FROM approval_templates WHERE organisation_id = ? ORDER BY id");
    s.bind(1, organisationId);
    return records(s);
}

Status SqliteStore::putApprovalRequest(const ApprovalRequestRow &row, const QStringList &viewers)
{
    const QString id = row.record.value(QLatin1StringView("id")).toString();
    {
        TANDEM_STMT(s, "INSERT OR REPLACE INTO approval_requests(id, space_id, record) VALUES(?, ?, ?)");
        TANDEM_TRY(s.bind(1, id).bind(2, row.spaceId).bind(3, jsonText(row.record)).exec());
    }
    // The files its form names (the record's `attachments`, checked at submission to be the requester's
    // complete uploads): links only grow, like viewers, so a file once shown stays readable.
    for (const QJsonValue &file : row.record.value(QLatin1StringView("attachments")).toArray()) {
        TANDEM_STMT(s, "INSERT OR IGNORE INTO approval_attachments(attachment_id, request_id) VALUES(?, ?)");
        TANDEM_TRY(s.bind(1, file.toObject().value(QLatin1StringView("id")).toString()).bind(2, id).exec());
    }
    // Viewers only grow (a CC recipient or a delegate keeps seeing what they saw).
    for (const QString &viewer : viewers) {
        TANDEM_STMT(
            s, "INSERT OR IGNORE INTO approval_viewers(request_id, user_id, space_id) VALUES(?, ?, ?)");
        TANDEM_TRY(s.bind(1, id).bind(2, viewer).bind(3, row.spaceId).exec());
    }
    return {};
}

Result<std::optional<ApprovalRequestRow>> SqliteStore::approvalRequest(const QString &id)
{
    TANDEM_STMT(s, "SELECT space_id, record FROM approval_requests WHERE id = ?");
    s.bind(1, id);
    auto row = s.step();
    if (!row) {
        s.reset();
        return row.error();
    }
    std::optional<ApprovalRequestRow> out;
    if (*row)
        out = ApprovalRequestRow {s.text(0), parseObject(s.text(1).toUtf8())};
    s.reset();
    return out;
}

Result<QList<QJsonObject>> SqliteStore::approvalRequestsVisibleTo(
    const QString &spaceId, const QString &userId)
{
    TANDEM_STMT(s,
        "SELECT r.record FROM approval_viewers v JOIN approval_requests r ON r.id = v.request_id"
        " WHERE v.space_id = ? AND v.user_id = ? ORDER BY r.id");
    s.bind(1, spaceId).bind(2, userId);
    return records(s);
}

Status SqliteStore::appendApprovalAction(const QJsonObject &record)
{
    TANDEM_STMT(s, "INSERT INTO approval_actions(id, request_id, record) VALUES(?, ?, ?)");
    return s.bind(1, record.value(QLatin1StringView("id")).toString())
        .bind(2, record.value(QLatin1StringView("request_id")).toString())
        .bind(3, jsonText(record))
        .exec();
}

Result<QList<QJsonObject>> SqliteStore::approvalActions(const QString &requestId)
{
    TANDEM_STMT(s, "SELECT record FROM approval_actions WHERE request_id = ? ORDER BY n");
    s.bind(1, requestId);
    return records(s);
}

Status SqliteStore::setUserRoles(const QString &userId, const QStringList &roles)
{
    {
        TANDEM_STMT(s, "DELETE FROM user_roles WHERE user_id = ?");
        TANDEM_TRY(s.bind(1, userId).exec());
    }
    for (const QString &role : roles) {
        TANDEM_STMT(s, "INSERT OR IGNORE INTO user_roles(user_id, role) VALUES(?, ?)");
        TANDEM_TRY(s.bind(1, userId).bind(2, role).exec());
    }
    return {};
}

Result<QStringList> SqliteStore::usersWithRole(const QString &organisationId, const QString &role)
{
    TANDEM_STMT(s,
        "SELECT u.id FROM user_roles r JOIN users u ON u.id = r.user_id WHERE r.role = ? AND "
        "u.organisation_id = ?"
        " ORDER BY u.id");
    s.bind(1, role).bind(2, organisationId);
    return texts(s);
}

Status SqliteStore::setHolidays(const QString &organisationId, const QStringList &dates)
{
    {
        TANDEM_STMT(s, "DELETE FROM org_holidays WHERE organisation_id = ?");
        TANDEM_TRY(s.bind(1, organisationId).exec());
    }
    for (const QString &day : dates) {
        TANDEM_STMT(s, "INSERT OR IGNORE INTO org_holidays(organisation_id, day) VALUES(?, ?)");
        TANDEM_TRY(s.bind(1, organisationId).bind(2, day).exec());
    }
    return {};
}

Result<QStringList> SqliteStore::holidays(const QString &organisationId)
{
    TANDEM_STMT(s, "SELECT day FROM org_holidays WHERE organisation_id = ? ORDER BY day");
    s.bind(1, organisationId);
    return texts(s);
}

} // namespace tandem::server
