// SpaceSync's approval actions: payloads built by approvals/approvalpayloads (the same code the
// server parses with) and queued through the ordinary outbox.
#include "spacesync.h"

#include "protocol/fields.h"

namespace tandem::sync {

QFuture<Result<QueuedMutation>> SpaceSync::submitApproval(
    const QString &templateId, const QJsonObject &form, const QString &title)
{
    approvals::ApprovalMutation m;
    m.kind = QStringLiteral("approval.submit");
    m.requestId = protocol::newUuid();
    m.templateId = templateId;
    m.form = form;
    m.title = title;
    const QString requestId = m.requestId;
    return mutate(m.kind, approvals::approvalPayload(m)).then([requestId](Result<QueuedMutation> r) {
        if (r)
            r->entityId = requestId;
        return r;
    });
}

QFuture<Result<QueuedMutation>> SpaceSync::actOnApproval(const approvals::ApprovalMutation &action)
{
    return mutate(action.kind, approvals::approvalPayload(action));
}

} // namespace tandem::sync
