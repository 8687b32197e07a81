// `tandem-server admin` commands for approvals: put-template, set-roles, set-holidays.
#pragma once

#include "serverstore.h"

#include <QStringList>

#include <optional>

namespace tandem::server::approvals {

// The usage lines of these commands.
QString approvalAdminUsage();
// Runs `command` when it is one of these; std::nullopt otherwise. Returns the exit code.
std::optional<int> runApprovalAdmin(ServerStore &store, const QString &command, const QStringList &args);

} // namespace tandem::server::approvals
