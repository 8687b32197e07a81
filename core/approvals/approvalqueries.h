// Reading what the client store holds of approvals (the tables StoreWriter fills from the server's
// records, docs/protocol.md Appendix B) back into the shapes core/approvals shares with the server:
// templates to fill and check a form against, requests with their steps and decisions. Read-only; called
// on the store thread. Names are as the organisation wrote them, with their translations (`name_i18n`).
#pragma once

#include "approvals/approvalrequest.h"
#include "approvals/formschema.h"
#include "store/database.h"

#include <QSet>

#include <optional>

namespace tandem::approvals {

// Every template held, by name; one that no longer parses is left out (the server checked it).
[[nodiscard]] Result<QList<Template>> storedTemplates(store::Database &db);
[[nodiscard]] Result<std::optional<Template>> storedTemplate(store::Database &db, const QString &id);
// The organisation's holidays, for previewing computed leave days.
[[nodiscard]] Result<QSet<QDate>> storedHolidays(store::Database &db);

[[nodiscard]] Result<std::optional<Request>> storedRequest(store::Database &db, const QString &id);

// Which requests to list; empty members do not filter.
struct RequestFilter
{
    QString waitingOn; // pending, with this user an undecided approver of the active step
    QString requester;
    QString state;
};
// Newest first.
[[nodiscard]] Result<QList<Request>> storedRequests(store::Database &db, const RequestFilter &filter);

// The undecided approvers of the active step (nobody unless pending).
[[nodiscard]] QStringList waitingOn(const Request &r);

// A user's display name as the store holds it, else the user name, else the id itself.
[[nodiscard]] Result<QString> storedUserName(store::Database &db, const QString &userId);

} // namespace tandem::approvals
