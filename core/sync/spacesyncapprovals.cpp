// SpaceSync's approval actions: payloads built by approvals/approvalpayloads (the same code the
// server parses with) and queued through the ordinary outbox.
#include "spacesync.h"

#include "protocol/fields.h"
#include "util/i18n.h"

#include <QJsonArray>

namespace tandem::sync {

namespace {

// A new request under a new id, or the resubmission of a returned one under its own.
approvals::ApprovalMutation submission(const QString &templateId, const QJsonObject &form,
    const QString &title, const QString &returnedRequestId)
{
    approvals::ApprovalMutation m;
    m.kind = QStringLiteral("approval.submit");
    m.requestId = returnedRequestId.isEmpty() ? protocol::newUuid() : returnedRequestId;
    if (!returnedRequestId.isEmpty())
        m.expectedState = QStringLiteral("returned");
    m.templateId = templateId;
    m.form = form;
    m.title = title;
    return m;
}

} // namespace

QFuture<Result<QueuedMutation>> SpaceSync::submitApproval(
    const QString &templateId, const QJsonObject &form, const QString &title)
{
    return submitApproval(templateId, form, title, {});
}

QFuture<Result<QueuedMutation>> SpaceSync::submitApproval(const QString &templateId, const QJsonObject &form,
    const QString &title, const QMap<QString, QStringList> &files, const QString &returnedRequestId)
{
    approvals::ApprovalMutation m = submission(templateId, form, title, returnedRequestId);
    const QString requestId = m.requestId;
    if (files.isEmpty())
        return mutate(m.kind, approvals::approvalPayload(m)).then([requestId](Result<QueuedMutation> r) {
            if (r)
                r->entityId = requestId;
            return r;
        });
    if (!m_files)
        return QtFuture::makeReadyFuture(Result<QueuedMutation>(Error::make(ErrorCode::Unavailable,
            trCore("tandem::files", "This space has no file cache to send files from."))));
    QMap<QString, QList<OutgoingFile>> imported;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        auto fieldFiles = importOutgoingFiles(*m_files, it.value());
        if (!fieldFiles)
            return QtFuture::makeReadyFuture(Result<QueuedMutation>(fieldFiles.error()));
        imported.insert(it.key(), *fieldFiles);
    }
    return thenNotify(queueMutation(
        *m_store, m.kind,
        [m, imported](store::SpaceStore &s, QStringList &attachmentIds) mutable -> Result<QJsonObject> {
            for (auto it = imported.cbegin(); it != imported.cend(); ++it) {
                QJsonArray ids = m.form.value(it.key()).toArray(); // a resubmission's files stay
                for (const OutgoingFile &file : it.value()) {
                    auto id = insertOutgoingAttachment(s.db(), file);
                    if (!id)
                        return id.error();
                    ids.append(*id);
                    attachmentIds.append(*id);
                }
                m.form.insert(it.key(), ids);
            }
            return approvals::approvalPayload(m);
        },
        requestId));
}

QFuture<Result<QueuedMutation>> SpaceSync::actOnApproval(const approvals::ApprovalMutation &action)
{
    return mutate(action.kind, approvals::approvalPayload(action));
}

} // namespace tandem::sync
