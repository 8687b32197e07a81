// Copies of cached attachments for the desktop: decrypted to a file the user chose (save), or to the
// private folder of opened files (open, see openedfiles.h). The decryption runs off the GUI thread. Used
// by every view that offers a file: a conversation's, a request's.
#pragma once

#include "util/result.h"

#include <QFuture>
#include <QString>

#include <memory>

namespace tandem::store {
class FileCache;
}

namespace tandem::app::FileExport {

// Where opening attachment `attachmentId` named `name` puts its copy; empty when no private folder could
// be made.
[[nodiscard]] QString openedCopyPath(const QString &attachmentId, const QString &name);

// Decrypts the cached content `sha256` to `target` on a worker thread; owner-only when `privateCopy`.
[[nodiscard]] QFuture<Status> exportCached(
    std::shared_ptr<store::FileCache> cache, const QString &sha256, const QString &target, bool privateCopy);

} // namespace tandem::app::FileExport
