// --demo: the demo organisations, spaces, people and a few hundred messages of history (English and
// Chinese, over the past weeks), written through Accounts and MutationEngine like real traffic, so
// every stream is consistent. The ids are fixed: tests rely on them (see the shared contract).
#pragma once

#include "serverstore.h"

namespace tandem::server {

// Seeds an empty store; does nothing when the store already holds data. With `attachmentsDirectory` (the
// server's DATA/attachments), one message carries a picture.
Status seedDemo(ServerStore &store, const QString &attachmentsDirectory = {});

} // namespace tandem::server
