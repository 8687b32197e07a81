// Lands what the server sends in a space's store (docs/protocol.md Appendix B): records of §6.2 from
// snapshots, history and upsert events, the other event kinds of §6.3, mutation results, and the
// client's own local echoes. It runs on the store thread inside the caller's transaction, and every
// effect is an assignment, so applying something twice changes nothing (§4.3).
#pragma once

#include "protocol/serverframes.h"
#include "store/database.h"
#include "store/records.h"
#include "store/syncstate.h"

#include <QJsonObject>
#include <QSet>

namespace tandem::sync {

// What a local echo looks like: still sending, or failed.
enum class EchoState { Sending = 1, Failed = 2 };

class StoreWriter
{
public:
    StoreWriter(store::Database &db, QString selfUserId, store::StoreChange &change);

    // A record of §6.2 (unknown entities are skipped).
    [[nodiscard]] Status upsertRecord(const QString &entity, const QJsonObject &data);
    // One event of §6.3; unknown kinds and references to things not held are skipped (§4.3).
    [[nodiscard]] Status applyEvent(const protocol::Event &event);
    // A history message: inserted when not held, else left alone (§4.7).
    [[nodiscard]] Status insertHistoryMessage(const QJsonObject &message);

    // Removes every server-derived row before a snapshot is applied (§3.8); local-only data stays.
    [[nodiscard]] Status clearServerData();
    // Shows an outbox row's effect at once (a message as "sending" or "failed").
    [[nodiscard]] Status applyEcho(const store::OutboxRow &row, EchoState state);
    // Removes an outbox row's local echo (a discarded or retried mutation).
    [[nodiscard]] Status removeEcho(const store::OutboxRow &row);
    // The effective outcome of a result (§5.5): applied rows go away with their data kept; rejected
    // rows stay, marked, with their echo failed.
    [[nodiscard]] Status applyResult(const QString &mutationId, const protocol::Outcome &outcome);

    // Recomputes unread counts of the conversations touched so far. Call once at the end of a batch.
    [[nodiscard]] Status finish();

    // Conversations that are held and whose older messages are not all held (history backfill).
    [[nodiscard]] static Result<QList<QPair<QString, qint64>>> incompleteConversations(store::Database &db);
    [[nodiscard]] static Status markHistoryComplete(store::Database &db, const QString &conversationId);

private:
    struct HeldMessage
    {
        qint64 rowid = 0;
        bool fromServer = false; // has a cseq: not a local echo
        bool deleted = false;
        QString conversationId;
        QString senderId;
        qint64 createdAt = 0;
        QString body;
    };
    enum class MessageMode { Created, History, Snapshot };

    Result<std::optional<HeldMessage>> heldMessage(const QString &id);
    Result<bool> conversationExists(const QString &id);
    Status upsertMessage(const QJsonObject &m, MessageMode mode);
    Status upsertUser(const QJsonObject &u);
    Status upsertConversation(const QJsonObject &c);
    Status ensureConversation(const QString &id);
    Status upsertMember(const QJsonObject &m);
    Status setPrefs(const QJsonObject &p);
    Status upsertReceipt(const QJsonObject &r);
    // storewriterecho.cpp
    Status echoMessage(const store::OutboxRow &row, const QJsonObject &p, EchoState state);
    Status echoReaction(const store::OutboxRow &row, const QJsonObject &p, EchoState state);
    Status echoReceipt(const store::OutboxRow &row, const QJsonObject &p);
    Status editMessage(const QJsonObject &d);
    Status deleteMessage(const QJsonObject &d);
    Status removeConversation(const QString &id);
    Status raiseLastCseq(const QString &conversationId, qint64 cseq);
    Status setThread(const QString &rootId, const QJsonObject &thread);
    Status setMentions(qint64 rowid, const QJsonArray &mentions);
    Status indexMessage(qint64 rowid, const QString &body, const QString &conversationId,
        const QString &senderId, qint64 createdAt);
    Status unindexMessage(qint64 rowid);
    Status exec(std::string_view sql, std::initializer_list<QVariant> values);
    void touch(const QString &conversationId);

    store::Database &m_db;
    QString m_self;
    store::StoreChange &m_change;
    QSet<QString> m_touched;
};

} // namespace tandem::sync
