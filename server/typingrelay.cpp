#include "typingrelay.h"

#include <QLoggingCategory>

namespace tandem::server {

Q_LOGGING_CATEGORY(lcTyping, "tandem.server.typing")

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype kMaxTrackedConversations = 64;
} // namespace

TypingRelay::TypingRelay(ServerStore &store)
    : m_store(store)
{ }

std::optional<TypingDelivery> TypingRelay::accept(const QString &connection, const QString &userId,
    const QStringList &syncedSpaces, const protocol::TypingFrame &notice, qint64 now)
{
    if (!syncedSpaces.contains(notice.spaceId))
        return std::nullopt;
    Limits &limits = m_byConnection[connection];
    while (!limits.recent.empty() && now - limits.recent.front() >= kWindowMs)
        limits.recent.pop_front();
    if (qsizetype(limits.recent.size()) >= kPerWindow)
        return std::nullopt;
    limits.recent.push_back(now);
    if (const auto it = limits.lastRelayed.constFind(notice.conversationId);
        it != limits.lastRelayed.constEnd() && now - *it < kPerConversationMs)
        return std::nullopt;

    auto conversation = m_store.conversation(notice.conversationId);
    if (!conversation) {
        qCWarning(lcTyping) << "cannot read a conversation:" << conversation.error().message;
        return std::nullopt;
    }
    if (!*conversation || (*conversation)->spaceId != notice.spaceId)
        return std::nullopt;
    auto members = m_store.members(notice.conversationId);
    if (!members) {
        qCWarning(lcTyping) << "cannot read members:" << members.error().message;
        return std::nullopt;
    }
    TypingDelivery delivery;
    bool member = false;
    for (const MemberRow &m : *members) {
        if (m.userId == userId)
            member = true;
        else
            delivery.recipients << m.userId;
    }
    if (!member)
        return std::nullopt;

    if (limits.lastRelayed.size() >= kMaxTrackedConversations) {
        // Only entries still inside their interval matter; the rest can go.
        limits.lastRelayed.removeIf(
            [now](QHash<QString, qint64>::iterator it) { return now - it.value() >= kPerConversationMs; });
    }
    limits.lastRelayed.insert(notice.conversationId, now);
    delivery.spaceId = notice.spaceId;
    delivery.frame = {{u"type"_s, u"typing"_s}, {u"space_id"_s, notice.spaceId},
        {u"conversation_id"_s, notice.conversationId}, {u"user_id"_s, userId},
        {u"expires_in_ms"_s, double(kExpiresInMs)}};
    return delivery;
}

void TypingRelay::forget(const QString &connection)
{
    m_byConnection.remove(connection);
}

} // namespace tandem::server
