#include "spacewriter.h"

#include "jsonbytes.h"
#include "records.h"

namespace tandem::server {

SpaceWriter::SpaceWriter(ServerStore &store, SpaceRow space, QString actorId, QString mutationId, qint64 now)
    : m_store(store)
    , m_space(std::move(space))
    , m_actorId(std::move(actorId))
    , m_mutationId(std::move(mutationId))
    , m_now(now)
{ }

Status SpaceWriter::emit(QLatin1StringView kind, const QJsonObject &data, QStringList recipients)
{
    return emitIn(m_space.id, kind, data, recipients);
}

Status SpaceWriter::emitIn(
    const QString &spaceId, QLatin1StringView kind, const QJsonObject &data, const QStringList &recipients)
{
    QStringList unique = recipients;
    unique.removeDuplicates();
    if (unique.isEmpty())
        return {};
    auto seqs = m_store.appendEvent(
        spaceId, QString(kind), m_now, m_actorId, m_mutationId, compactJson(data), unique);
    if (!seqs)
        return seqs.error();
    for (auto it = seqs->cbegin(); it != seqs->cend(); ++it) {
        m_touched.insert({spaceId, it.key()});
        if (spaceId == m_space.id && it.key() == m_actorId)
            m_actorSeq = std::max(m_actorSeq, it.value());
    }
    return {};
}

Result<std::optional<UserRow>> SpaceWriter::user(const QString &id)
{
    if (auto it = m_users.constFind(id); it != m_users.constEnd())
        return *it;
    auto row = m_store.user(id);
    if (!row)
        return row.error();
    m_users.insert(id, *row);
    return *row;
}

Result<bool> SpaceWriter::canSee(const QString &viewerId, const QString &targetId)
{
    if (viewerId == targetId)
        return true;
    auto viewer = user(viewerId);
    if (!viewer)
        return viewer.error();
    auto target = user(targetId);
    if (!target)
        return target.error();
    if (!*viewer || !*target)
        return false;
    const QString org = (*viewer)->organisationId;
    if (!org.isEmpty() && org == (*target)->organisationId) {
        auto it = m_spaceMembers.constFind(targetId);
        if (it == m_spaceMembers.constEnd()) {
            auto member = m_store.isSpaceMember(m_space.id, targetId);
            if (!member)
                return member.error();
            it = m_spaceMembers.insert(targetId, *member);
        }
        if (*it)
            return true;
    }
    return m_store.shareConversation(m_space.id, viewerId, targetId);
}

Result<QJsonObject> SpaceWriter::userRecord(const QString &id)
{
    auto row = user(id);
    if (!row)
        return row.error();
    if (!*row)
        return Error::make(ErrorCode::NotFound, QStringLiteral("no user %1").arg(id));
    return records::user(**row, m_space);
}

} // namespace tandem::server
