// Approval records and events into the client's approval tables (docs/protocol.md §6.11, Appendix B),
// called by StoreWriter with one line each. Only the server's records change these tables: a queued
// approval action stays in the outbox and is shown as pending (pendingApprovalActions) until an event
// says what the server decided (§11.3).
#pragma once

#include "store/database.h"
#include "store/records.h"
#include "store/syncstate.h"

#include <QJsonObject>

namespace tandem::sync {

// approval_template, approval_request, approval_action records; false when `entity` is not one.
bool isApprovalEntity(const QString &entity);
[[nodiscard]] Status upsertApprovalRecord(
    store::Database &db, const QString &entity, const QJsonObject &data, store::StoreChange &change);
// approval.template_updated, approval.request_updated, approval.action_recorded; false when not one.
bool isApprovalEvent(const QString &kind);
[[nodiscard]] Status applyApprovalEvent(
    store::Database &db, const QString &kind, const QJsonObject &data, store::StoreChange &change);
// Before a snapshot is applied.
[[nodiscard]] Status clearApprovals(store::Database &db);

// An approval mutation waiting in the outbox (pending or sent), or rejected there.
struct PendingApprovalAction
{
    QString mutationId;
    QString kind; // approval.submit, approval.approve, ...
    QString requestId;
    QString state; // pending, sent, rejected
    QString errorCode;
    QString errorMessage;
    QJsonObject payload;
};
[[nodiscard]] Result<QList<PendingApprovalAction>> pendingApprovalActions(store::Database &db);

} // namespace tandem::sync
