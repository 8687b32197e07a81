#include "approvaladmin.h"

#include "approvalapply.h"

#include "protocol/codec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace tandem::server::approvals {

using namespace Qt::StringLiterals;

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "tandem-server admin: " << message << '\n';
    return 1;
}

// One transaction; the running server learns of new events through an admin change.
int inTransaction(ServerStore &store, const std::function<Status()> &work)
{
    if (auto s = store.begin(); !s)
        return fail(s.error().message);
    if (auto s = work(); !s) {
        store.rollback();
        return fail(s.error().message);
    }
    if (auto s = store.commit(); !s)
        return fail(s.error().message);
    return 0;
}

} // namespace

QString approvalAdminUsage()
{
    return u"  put-template ORG_ID FILE.json     one template or an array of them (docs/approvals.md)\n"
           "  set-roles USER_ID [ROLE...]       replaces the user's roles (approvers by role)\n"
           "  set-holidays ORG_ID [YYYY-MM-DD...] replaces the organisation's holidays\n"_s;
}

std::optional<int> runApprovalAdmin(ServerStore &store, const QString &command, const QStringList &a)
{
    if (command == u"put-template"_s && a.size() == 2) {
        QFile file(a[1]);
        if (!file.open(QIODevice::ReadOnly))
            return fail(u"cannot read %1: %2"_s.arg(a[1], file.errorString()));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError)
            return fail(u"%1 is not JSON: %2"_s.arg(a[1], error.errorString()));
        QList<QJsonObject> templates;
        if (doc.isArray())
            for (const QJsonValue &v : doc.array())
                templates << v.toObject();
        else
            templates << doc.object();
        return inTransaction(store, [&]() -> Status {
            auto touched = putTemplates(store, a[0], templates, protocol::nowMs());
            if (!touched)
                return touched.error();
            return store.recordAdminChange(u"approval-templates"_s, a[0]);
        });
    }
    if (command == u"set-roles"_s && !a.isEmpty())
        return inTransaction(store, [&] { return store.setUserRoles(a[0], a.mid(1)); });
    if (command == u"set-holidays"_s && !a.isEmpty()) {
        for (const QString &d : a.mid(1))
            if (QDate::fromString(d, Qt::ISODate).isNull())
                return fail(u"%1 is not a date YYYY-MM-DD"_s.arg(d));
        return inTransaction(store, [&] { return store.setHolidays(a[0], a.mid(1)); });
    }
    return std::nullopt;
}

} // namespace tandem::server::approvals
