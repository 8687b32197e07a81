// `tandem-server admin --data DIR <command> ...`: administration on the same store, whether the server
// runs or not (a running server picks the changes up within a second).
#pragma once

#include <QStringList>

namespace tandem::server {

// Runs one admin command; returns the process exit code. Output goes to stdout, errors to stderr.
int runAdmin(const QStringList &args);

} // namespace tandem::server
