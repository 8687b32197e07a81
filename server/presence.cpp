#include "presence.h"

#include <QLoggingCategory>

namespace tandem::server {

Q_LOGGING_CATEGORY(lcPresence, "tandem.server.presence")

using namespace Qt::StringLiterals;

Presence::Presence(ServerStore &store)
    : m_store(store)
{ }

QJsonObject Presence::recordOf(const QString &userId, const Entry &entry)
{
    // Offline publishes nothing the user chose: their away text is not for people to read while
    // they are gone.
    if (entry.connections == 0)
        return {{u"user_id"_s, userId}, {u"status"_s, u"offline"_s}};
    QJsonObject o {{u"user_id"_s, userId}, {u"status"_s, entry.chosen.status}};
    if (entry.chosen.offUntil)
        o.insert(u"off_until"_s, double(*entry.chosen.offUntil));
    if (!entry.chosen.timeZone.isEmpty())
        o.insert(u"time_zone"_s, entry.chosen.timeZone);
    if (!entry.chosen.text.isEmpty())
        o.insert(u"text"_s, entry.chosen.text);
    return o;
}

Result<QStringList> Presence::audience(
    ServerStore &store, const QString &spaceId, const QString &userId, bool self)
{
    QStringList out;
    auto conversations = store.conversationsOfUser(spaceId, userId);
    if (!conversations)
        return conversations.error();
    for (const ConversationRow &c : *conversations) {
        auto members = store.members(c.id);
        if (!members)
            return members.error();
        for (const MemberRow &m : *members)
            if (m.userId != userId)
                out << m.userId;
    }
    if (self)
        out << userId;
    out.removeDuplicates();
    return out;
}

Status Presence::emitEverywhere(
    SpaceWriter &writer, const QString &userId, const QJsonObject &record, bool self)
{
    auto spaces = m_store.spacesOfUser(userId);
    if (!spaces)
        return spaces.error();
    const QJsonObject data {{u"presence"_s, record}};
    for (const SpaceRow &space : *spaces) {
        auto to = audience(m_store, space.id, userId, self);
        if (!to)
            return to.error();
        TANDEM_TRY(writer.emitIn(space.id, QLatin1StringView("presence.updated"), data, *to));
    }
    return {};
}

Result<QSet<StreamKey>> Presence::publish(const QString &userId, Entry &entry, qint64 now)
{
    QJsonObject record = recordOf(userId, entry);
    if (record == entry.published)
        return QSet<StreamKey>();
    const QJsonObject published = record;
    record.insert(u"updated_at"_s, double(now));
    TANDEM_TRY(m_store.begin());
    // No actor: the server changed it, not a mutation of the user's.
    SpaceWriter writer(m_store, SpaceRow(), QString(), QString(), now);
    if (Status s = emitEverywhere(writer, userId, record, false); !s) {
        m_store.rollback();
        return s.error();
    }
    TANDEM_TRY(m_store.commit());
    entry.published = published;
    entry.publishedAt = now;
    return writer.touched();
}

Result<QSet<StreamKey>> Presence::connected(const QString &userId, qint64 now)
{
    Entry &entry = m_users[userId];
    ++entry.connections;
    return publish(userId, entry, now);
}

Result<QSet<StreamKey>> Presence::disconnected(const QString &userId, qint64 now)
{
    const auto it = m_users.find(userId);
    if (it == m_users.end() || it->connections == 0) {
        qCWarning(lcPresence) << "a connection ended that never counted for" << userId;
        return QSet<StreamKey>();
    }
    --it->connections;
    return publish(userId, *it, now);
}

Status Presence::choose(SpaceWriter &writer, const QString &userId, const protocol::PresenceSet &choice)
{
    Entry next = m_users.value(userId);
    next.chosen = choice;
    QJsonObject record = recordOf(userId, next);
    if (record == m_users.value(userId).published)
        return {};
    record.insert(u"updated_at"_s, double(writer.now()));
    return emitEverywhere(writer, userId, record, true);
}

void Presence::adopt(const QString &userId, const protocol::PresenceSet &choice, qint64 now)
{
    Entry &entry = m_users[userId];
    entry.chosen = choice;
    const QJsonObject record = recordOf(userId, entry);
    if (record != entry.published) {
        entry.published = record;
        entry.publishedAt = now;
    }
}

std::optional<QJsonObject> Presence::record(const QString &userId) const
{
    const auto it = m_users.constFind(userId);
    if (it == m_users.constEnd() || it->published.isEmpty())
        return std::nullopt;
    QJsonObject o = it->published;
    o.insert(u"updated_at"_s, double(it->publishedAt));
    return o;
}

int Presence::connections(const QString &userId) const
{
    return m_users.value(userId).connections;
}

} // namespace tandem::server
