// Files that records from the server name outside any message (docs/protocol.md §6.1, §6.11, §11.4): an
// approval request's form, a task's `files`. They go into `attachments` like a message's, so that they
// can be shown and downloaded the same way.
#pragma once

#include "store/database.h"

#include <QJsonArray>

namespace tandem::sync {

// Rows of `attachments` with no message (message_id '') for the attachment records in `files`. A file
// already held keeps its message and its state (an upload under way, a download done). Entries that are
// not attachment records are skipped, not stored; at most `maxFiles` are read (800: a request's 50 fields
// of 16 files, docs/approvals.md §2).
[[nodiscard]] Status upsertFileRecords(
    store::Database &db, const QJsonArray &files, qsizetype maxFiles = 800);

} // namespace tandem::sync
