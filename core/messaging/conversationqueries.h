// The store queries behind the conversation list, a conversation's header, members, files, drafts and
// read state, and the search by name. Each runs on the store thread (StoreThread::read or write) and
// reads only indexed rows of the conversations it names.
#pragma once

#include "messagingtypes.h"

#include "store/spacestore.h"

#include <optional>

namespace tandem::messaging {

// Every conversation that is not archived: pinned first, then by last activity.
[[nodiscard]] Result<QList<ConversationSummary>> conversationSummaries(
    store::SpaceStore &store, const QString &selfUserId);
// One conversation (empty when it is not held, or archived).
[[nodiscard]] Result<std::optional<ConversationSummary>> conversationSummary(
    store::SpaceStore &store, const QString &selfUserId, const QString &conversationId);

// Members, owners first then admins then by name, each with their read receipt.
[[nodiscard]] Result<QList<MemberInfo>> members(store::SpaceStore &store, const QString &conversationId);

// The id of the oldest message of the main timeline that others sent after the account's receipt;
// empty when everything is read.
[[nodiscard]] Result<QString> firstUnreadMessageId(
    store::SpaceStore &store, const QString &conversationId, const QString &selfUserId);

struct ReadState
{
    qint64 newestSeq = 0; // the highest cseq held
    qint64 readUpToSeq = 0; // the account's receipt
};
[[nodiscard]] Result<ReadState> readState(
    store::SpaceStore &store, const QString &conversationId, const QString &selfUserId);

// Drafts: one per conversation (the drafts table is keyed by conversation). Saving an empty body
// removes the draft. The change names the conversation, so the list shows the draft.
[[nodiscard]] Result<QString> loadDraft(store::SpaceStore &store, const QString &conversationId);
[[nodiscard]] Status saveDraft(store::SpaceStore &store, store::StoreChange &change,
    const QString &conversationId, const QString &body, qint64 nowMs);

// Files of a conversation, newest first.
[[nodiscard]] Result<QList<AttachmentItem>> fileList(
    store::SpaceStore &store, const QString &conversationId, int limit = 500);
// One attachment with its message's conversation (empty when not held).
[[nodiscard]] Result<std::optional<AttachmentItem>> attachment(
    store::SpaceStore &store, const QString &attachmentId);

// Conversations whose (shown) name contains `text`, and people whose display or user name does,
// case-insensitively; at most `limit` of each.
[[nodiscard]] Result<QList<ConversationSummary>> searchConversations(
    store::SpaceStore &store, const QString &selfUserId, const QString &text, int limit = 8);
[[nodiscard]] Result<QList<PersonResult>> searchPeople(
    store::SpaceStore &store, const QString &selfUserId, const QString &text, int limit = 8);
// Conversations, people and messages (SpaceStore::search) for one query.
[[nodiscard]] Result<SearchResults> searchAll(
    store::SpaceStore &store, const QString &selfUserId, const QString &text, int limitEach = 8);

[[nodiscard]] MessagePolicy messagePolicy(store::SpaceStore &store);

// A message body as one line of at most `maxChars` characters (lists and reply quotes).
[[nodiscard]] QString oneLine(const QString &text, int maxChars = 200);

} // namespace tandem::messaging
