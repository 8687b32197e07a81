// The commands tandemctl offers, one list per file that implements them.
#pragma once

#include "cli.h"

namespace tandemctl {

QList<Command> spaceCommands(); // space create|list|wipe, passphrase change
QList<Command> importCommands(); // import
QList<Command> searchCommands(); // search, stats
QList<Command> benchCommands(); // bench store
QList<Command> demoCommands(); // demo
QList<Command> syncCommands(); // sync, conversations, send, messages
QList<Command> benchSyncCommands(); // bench sync
QList<Command> tasksCommands(); // tasks list|create|update
QList<Command> approvalsCommands(); // approvals templates|list|submit|approve|reject|return|withdraw
QList<Command> handoverCommands(); // conversations handover

} // namespace tandemctl
