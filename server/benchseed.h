// `tandem-server admin seed-bench`: the data `tandemctl bench sync` measures against, written through
// Accounts and MutationEngine like real traffic so every stream is consistent. One organisation and
// work space holding:
//   - a reader (user name `reader`) in conversations with `historyMessages` messages in all, for the
//     initial sync;
//   - a pair (`bench_a`, `bench_b`) sharing a direct conversation, for end-to-end latency;
//   - `loadUsers` bot users, each with `devicesPerUser` devices and tokens (issued by the administrator,
//     as bots get them: docs/protocol.md §3.2), all members with a and b of one channel, for fan-out
//     and idle connections.
// The three people log in with the password `bench`.
#pragma once

#include "serverstore.h"

#include <QJsonObject>

namespace tandem::server {

struct BenchSeedOptions
{
    int loadUsers = 1000;
    int devicesPerUser = 10;
    int historyMessages = 100000;
    int historyConversations = 100;
};

// Seeds an empty store and describes what it made: ids, and for each load device its token and the
// epoch and head of its account's stream (so a load client can resume at the head without a snapshot).
Result<QJsonObject> seedBench(ServerStore &store, const BenchSeedOptions &options);

} // namespace tandem::server
