// StoreWriter's local echoes: what the user did shows at once, before the server answers, and is
// withdrawn or marked failed if the server says no. The event that follows the server's acceptance
// writes the same rows again with the server's values (upserts), so an echo never doubles.
//   message.send    the message, with send_state sending (1) or failed (2)
//   reaction.add    the reaction; a rejection takes it away again
//   reaction.remove the reaction gone; a rejection puts it back
//   receipt.mark    the account's own receipt, so the unread badge clears offline too; receipts only
//                   move forward, and a rejected one (not a member any more) has nothing left to show
// Other kinds (edits, recalls, pins) show once their event arrives, a moment later.
#include "storewriter.h"

#include "boundary/boundarystate.h"

#include "recordfields.h"
#include "storewritertasks.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tandem::sync {

using namespace Qt::StringLiterals;
using store::Statement;
using namespace fields;

Status StoreWriter::applyEcho(const store::OutboxRow &row, EchoState state)
{
    const QJsonObject p = QJsonDocument::fromJson(row.payload).object();
    if (row.kind == "message.send"_L1
        && p.contains("deliver_at"_L1)) // scheduled: listed, not in the timeline
        return boundary::echoScheduled(m_db, p, state == EchoState::Failed, m_change);
    if (row.kind == "message.send"_L1)
        return echoMessage(row, p, state);
    if (row.kind == "reaction.add"_L1 || row.kind == "reaction.remove"_L1)
        return echoReaction(row, p, state);
    if (row.kind == "receipt.mark"_L1 && state == EchoState::Sending)
        return echoReceipt(row, p);
    if (row.kind.startsWith("task."_L1) && state == EchoState::Sending)
        return echoTask(m_db, m_change, row, m_self);
    return {};
}

Status StoreWriter::echoMessage(const store::OutboxRow &row, const QJsonObject &p, EchoState state)
{
    const QString id = string(p, "message_id"_L1);
    const QString conversation = string(p, "conversation_id"_L1);
    auto held = heldMessage(id);
    if (!held)
        return held.error();
    if (*held) {
        if (!(*held)->fromServer)
            TANDEM_TRY(
                exec("UPDATE messages SET send_state = ?2 WHERE rowid = ?1", {(*held)->rowid, int(state)}));
        touch((*held)->conversationId);
        return {};
    }
    auto exists = conversationExists(conversation);
    if (!exists)
        return exists.error();
    if (!*exists)
        return {}; // the conversation is gone (left, removed): nothing to show it in
    const QString body = string(p, "body"_L1);
    TANDEM_TRY(exec(
        "INSERT INTO messages(id, conversation_id, seq, sender_id, thread_root_id, reply_to_id, body, "
        "format, created_at, client_id, send_state) VALUES (?1, ?2, NULL, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        {id, conversation, m_self, optString(p, "thread_root_id"_L1), optString(p, "reply_to_id"_L1), body,
            format(string(p, "format"_L1)), row.createdAt, row.mutationId, int(state)}));
    const qint64 rowid = m_db.lastInsertRowId();
    TANDEM_TRY(indexMessage(rowid, body, conversation, m_self, row.createdAt));
    TANDEM_TRY(setMentions(rowid, p.value("mentions"_L1).toArray()));
    TANDEM_TRY(exec("UPDATE conversations SET last_message_at = max(last_message_at, ?2) WHERE id = ?1",
        {conversation, row.createdAt}));
    m_change.messageRowids.append(rowid);
    touch(conversation);
    return {};
}

Status StoreWriter::echoReaction(const store::OutboxRow &row, const QJsonObject &p, EchoState state)
{
    auto held = heldMessage(string(p, "message_id"_L1));
    if (!held)
        return held.error();
    if (!*held || (*held)->deleted)
        return {};
    touch((*held)->conversationId);
    // What the user asked for while it is on its way; the opposite once the server refused it.
    const bool present = (row.kind == "reaction.add"_L1) == (state == EchoState::Sending);
    if (present)
        return exec(
            "INSERT OR IGNORE INTO reactions(message_id, user_id, emoji, created_at) VALUES (?1, ?2, ?3, "
            "?4)",
            {string(p, "message_id"_L1), m_self, string(p, "emoji"_L1), row.createdAt});
    return exec("DELETE FROM reactions WHERE message_id = ?1 AND user_id = ?2 AND emoji = ?3",
        {string(p, "message_id"_L1), m_self, string(p, "emoji"_L1)});
}

Status StoreWriter::echoReceipt(const store::OutboxRow &row, const QJsonObject &p)
{
    QJsonObject receipt {{u"conversation_id"_s, p.value("conversation_id"_L1)}, {u"user_id"_s, m_self},
        {u"up_to_cseq"_s, p.value("up_to_cseq"_L1)}, {u"read_at"_s, double(row.createdAt)}};
    return upsertReceipt(receipt);
}

Status StoreWriter::removeEcho(const store::OutboxRow &row)
{
    auto st = m_db.cached("SELECT rowid, conversation_id, deleted_at IS NOT NULL FROM messages "
                          "WHERE client_id = ?1 AND seq IS NULL");
    if (!st)
        return st.error();
    QList<std::tuple<qint64, QString, bool>> echoes;
    TANDEM_TRY((*st)->bind(1, row.mutationId).forEachRow([&](const Statement &r) {
        echoes.append({r.int64(0), r.text(1), r.int64(2) != 0});
    }));
    for (const auto &[rowid, conversation, deleted] : echoes) {
        if (!deleted)
            TANDEM_TRY(unindexMessage(rowid));
        TANDEM_TRY(exec("DELETE FROM messages WHERE rowid = ?1", {rowid}));
        touch(conversation);
    }
    return {};
}

} // namespace tandem::sync
