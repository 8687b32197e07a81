// Typing notices (docs/protocol.md §6.7): decides whether a notice from one connection is relayed, and
// to whom. The sender must sync the space and be a member of the conversation; notices are limited
// per conversation and per connection. Nothing is stored and nothing is answered: whatever is not
// relayed is dropped without a word, so that a non-member learns nothing about the conversation.
#pragma once

#include "serverstore.h"

#include "protocol/clientframes.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <deque>
#include <optional>

namespace tandem::server {

// A notice to deliver: the frame, and the accounts whose ready connections of `spaceId` get it.
struct TypingDelivery
{
    QString spaceId;
    QStringList recipients; // the other members; never the sender
    QJsonObject frame;
};

class TypingRelay
{
public:
    static constexpr qint64 kExpiresInMs = 6000;
    // At most one notice per (connection, conversation) in this long: a little below the clients'
    // 3 s (§6.7), so that jitter does not drop a regular typist's notices.
    static constexpr qint64 kPerConversationMs = 2000;
    // At most this many notices per connection in kWindowMs, whatever they name: bounds the store
    // lookups a hostile client can cause.
    static constexpr int kPerWindow = 20;
    static constexpr qint64 kWindowMs = 10000;

    explicit TypingRelay(ServerStore &store);

    // `connection` names the sending connection (its session id), `syncedSpaces` the spaces it syncs.
    std::optional<TypingDelivery> accept(const QString &connection, const QString &userId,
        const QStringList &syncedSpaces, const protocol::TypingFrame &notice, qint64 now);
    // The connection ended: its limits are forgotten.
    void forget(const QString &connection);

private:
    struct Limits
    {
        std::deque<qint64> recent; // notices looked at within the window
        QHash<QString, qint64> lastRelayed; // by conversation
    };

    ServerStore &m_store;
    QHash<QString, Limits> m_byConnection;
};

} // namespace tandem::server
