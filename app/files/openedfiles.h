// Where files the user opens are decrypted for the desktop's applications: one private folder per run
// (0700, each file 0600), removed when the app quits. The encrypted cache stays the only lasting copy.
#pragma once

#include <QString>

namespace tandem::app::OpenedFiles {

// The folder, made on first use; empty when none could be made.
[[nodiscard]] QString folder();
// Makes `path` readable and writable by its owner only.
bool makePrivate(const QString &path);

} // namespace tandem::app::OpenedFiles
