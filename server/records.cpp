#include "records.h"

namespace tandem::server::records {

using namespace Qt::StringLiterals;

QJsonObject space(const SpaceRow &row)
{
    QJsonObject o {{u"id"_s, row.id}, {u"name"_s, row.name}, {u"kind"_s, row.kind}};
    if (!row.organisationId.isEmpty())
        o.insert(u"organisation_id"_s, row.organisationId);
    return o;
}

QJsonObject organisation(const OrganisationRow &row)
{
    return {{u"id"_s, row.id}, {u"name"_s, row.name}};
}

QJsonObject user(const UserRow &row, const SpaceRow &space)
{
    const bool external = !space.organisationId.isEmpty() && row.organisationId != space.organisationId;
    QJsonObject o {{u"id"_s, row.id}, {u"user_name"_s, row.userName}, {u"display_name"_s, row.displayName},
        {u"external"_s, external}, {u"bot"_s, row.bot}, {u"deactivated"_s, row.deactivated},
        {u"updated_at"_s, double(row.updatedAt)}};
    if (!row.organisationId.isEmpty())
        o.insert(u"organisation_id"_s, row.organisationId);
    if (!row.managerId.isEmpty())
        o.insert(u"manager_id"_s, row.managerId);
    if (!row.timeZone.isEmpty())
        o.insert(u"time_zone"_s, row.timeZone);
    return o;
}

QJsonObject device(const DeviceRow &row)
{
    QJsonObject o {{u"id"_s, row.id}, {u"name"_s, row.name}, {u"platform"_s, row.platform},
        {u"created_at"_s, double(row.createdAt)}};
    if (row.lastSeenAt > 0)
        o.insert(u"last_seen_at"_s, double(row.lastSeenAt));
    if (row.revokedAt > 0)
        o.insert(u"revoked_at"_s, double(row.revokedAt));
    return o;
}

QJsonObject conversation(const ConversationRow &row)
{
    return {{u"id"_s, row.id}, {u"kind"_s, row.kind}, {u"name"_s, row.name}, {u"topic"_s, row.topic},
        {u"external"_s, row.external}, {u"created_at"_s, double(row.createdAt)},
        {u"created_by"_s, row.createdBy}, {u"last_cseq"_s, double(row.lastCseq)}};
}

QJsonObject member(const MemberRow &row)
{
    return {{u"conversation_id"_s, row.conversationId}, {u"user_id"_s, row.userId}, {u"role"_s, row.role},
        {u"joined_at"_s, double(row.joinedAt)}};
}

QJsonObject receipt(const ReceiptRow &row)
{
    return {{u"conversation_id"_s, row.conversationId}, {u"user_id"_s, row.userId},
        {u"up_to_cseq"_s, double(row.upToCseq)}, {u"read_at"_s, double(row.readAt)}};
}

QJsonObject pin(const PinRow &row)
{
    return {{u"conversation_id"_s, row.conversationId}, {u"message_id"_s, row.messageId},
        {u"pinned_by"_s, row.pinnedBy}, {u"pinned_at"_s, double(row.pinnedAt)}};
}

QJsonObject saved(const SavedRow &row)
{
    return {{u"conversation_id"_s, row.conversationId}, {u"message_id"_s, row.messageId},
        {u"saved_at"_s, double(row.savedAt)}};
}

QJsonObject prefs(const PrefsRow &row)
{
    return {{u"conversation_id"_s, row.conversationId}, {u"notify_level"_s, row.notifyLevel},
        {u"pinned"_s, row.pinned}, {u"archived"_s, row.archived}, {u"updated_at"_s, double(row.updatedAt)}};
}

QJsonObject entity(const char *name, const QJsonObject &record)
{
    return {{u"entity"_s, QLatin1StringView(name)}, {u"data"_s, record}};
}

} // namespace tandem::server::records
