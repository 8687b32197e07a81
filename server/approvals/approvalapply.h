// Approvals on the server (docs/protocol.md §6.11, §7.4): applies one approval.* mutation inside the
// mutation engine's transaction (the flow engine decides, this file loads, stores and emits), and
// produces the approval records of a snapshot. MutationEngine and the snapshot code call in here with
// one line each.
#pragma once

#include "serverstore.h"
#include "spacewriter.h"

#include "approvals/approvalpayloads.h"

#include <QLatin1StringView>

#include <variant>

namespace tandem::server::approvals {

struct ApplyRejection
{
    QLatin1StringView code;
    QString reason;
    QJsonObject details;
};
using ApplyResult = std::variant<QJsonObject, ApplyRejection>; // result data, or a rejection

// Every rejection is decided before the first write.
Result<ApplyResult> applyApprovalMutation(ServerStore &store, SpaceWriter &writer, const QString &actorId,
    const QString &deviceId, const tandem::approvals::ApprovalMutation &mutation);

// The approval records an account sees in a space: templates, requests, then their actions.
Result<QList<QJsonObject>> approvalSnapshotRecords(
    ServerStore &store, const SpaceRow &space, const QString &userId);

// The wire form of a stored template: the record with the organisation's holidays.
Result<QJsonObject> templateRecord(
    ServerStore &store, const QString &organisationId, const QJsonObject &stored);

// Puts templates (checked with parseTemplate) and tells every member of the organisation's work spaces
// (approval.template_updated). For `tandem-server admin put-template` and the demo seed. Returns the
// streams that grew. Runs inside the caller's transaction.
Result<QSet<StreamKey>> putTemplates(
    ServerStore &store, const QString &organisationId, const QList<QJsonObject> &templates, qint64 now);

} // namespace tandem::server::approvals
