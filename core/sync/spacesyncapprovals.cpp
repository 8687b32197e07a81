// SpaceSync's approval actions: payloads built by approvals/approvalpayloads (the same code the
// server parses with) and queued through the ordinary outbox.
#include "spacesync.h"

#include "protocol/fields.h"
#include "util/i18n.h"

#include <QJsonArray>

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

QFuture<Result<QueuedMutation>> SpaceSync::submitApproval(const QString &templateId, const QJsonObject &form,
    const QString &title, const QMap<QString, QStringList> &files)
{
    if (files.isEmpty())
        return submitApproval(templateId, form, title);
    if (!m_files)
        return QtFuture::makeReadyFuture(Result<QueuedMutation>(Error::make(ErrorCode::Unavailable,
            trCore("tandem::files", "This space has no file cache to send files from."))));
    QMap<QString, QList<OutgoingFile>> imported;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        for (const QString &path : it.value()) {
            auto file = importOutgoingFile(*m_files, path);
            if (!file)
                return QtFuture::makeReadyFuture(Result<QueuedMutation>(file.error()));
            imported[it.key()].append(*file);
        }
    approvals::ApprovalMutation m;
    m.kind = QStringLiteral("approval.submit");
    m.requestId = protocol::newUuid();
    m.templateId = templateId;
    m.title = title;
    return thenNotify(queueMutation(
        *m_store, m.kind,
        [m, form, imported](store::SpaceStore &s, QStringList &attachmentIds) mutable -> Result<QJsonObject> {
            m.form = form;
            for (auto it = imported.cbegin(); it != imported.cend(); ++it) {
                QJsonArray ids;
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
        m.requestId));
}

QFuture<Result<QueuedMutation>> SpaceSync::actOnApproval(const approvals::ApprovalMutation &action)
{
    return mutate(action.kind, approvals::approvalPayload(action));
}

} // namespace tandem::sync
