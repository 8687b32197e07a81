// One space's encrypted database: the schema, and the reads and writes the services need. Not thread
// safe by design: it lives on the store thread (see StoreThread), which is the only caller.
#pragma once

#include "database.h"
#include "records.h"
#include "spacekey.h"

#include <QList>

#include <memory>
#include <span>

namespace tandem::store {

class SpaceStore
{
public:
    // The app's page cache per space: smaller than the default (16 MiB, sized for imports), because the app
    // reads a page of rows at a time and every MiB of decrypted pages is resident memory (tests/bench:
    // rss). Benchmarks of what the app does open their store with it too.
    static constexpr int kInteractiveCacheKiB = 4 * 1024;

    struct OpenOptions
    {
        bool create = false;
        int cacheKiB = 16 * 1024;
    };

    // Opens (or creates) the database, proves the key, and migrates the schema forward.
    static Result<std::unique_ptr<SpaceStore>> open(
        const QString &dbPath, const DataKey &key, const OpenOptions &options);

    [[nodiscard]] Status setInfo(const QString &key, const QString &value);
    [[nodiscard]] Result<QString> info(const QString &key);

    [[nodiscard]] Status upsertUsers(std::span<const User> users, StoreChange &change);
    [[nodiscard]] Status upsertConversation(const Conversation &conversation, StoreChange &change);
    // Inserts in one transaction (or inside the caller's). A message whose id is stored already is skipped,
    // so replays are harmless. Returns how many were new.
    [[nodiscard]] Result<int> insertMessages(std::span<const Message> messages, StoreChange &change);

    [[nodiscard]] Result<QList<Conversation>> conversations();
    [[nodiscard]] Result<std::optional<Conversation>> findConversation(const QString &idOrName);
    [[nodiscard]] Result<QList<User>> users();
    // One page of a timeline, newest first, strictly older than (beforeCreatedAt, beforeRowid).
    [[nodiscard]] Result<QList<Message>> messagesBefore(
        const QString &conversationId, qint64 beforeCreatedAt, qint64 beforeRowid, int limit);
    [[nodiscard]] Result<QList<SearchHit>> search(const SearchQuery &query);
    [[nodiscard]] Result<StoreStats> stats();

    [[nodiscard]] Database &db() { return *m_db; }

private:
    explicit SpaceStore(std::unique_ptr<Database> db);
    std::unique_ptr<Database> m_db;
};

} // namespace tandem::store
