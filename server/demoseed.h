// --demo: the demo organisations, spaces, people and a few hundred messages of history (English and
// Chinese, over the past weeks), written through Accounts and MutationEngine like real traffic, so
// every stream is consistent. The ids are fixed: tests rely on them (see the shared contract).
#pragma once

#include "serverstore.h"

namespace tandem::server {

// Seeds an empty store; does nothing when the store already holds data.
Status seedDemo(ServerStore &store);

} // namespace tandem::server
