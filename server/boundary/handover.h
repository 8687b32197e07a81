// Hand-over of customer conversations (feature handover, docs/protocol.md §6.12): an organisation
// admin, or the operator through `tandem-server admin handover`, moves a departing employee's place in
// the organisation's external conversations to a successor. Both paths run the same rules through
// MutationEngine: the mutation as a signed-in admin, the command as the operator (no account).
#pragma once

#include "boundarykinds.h"

#include <functional>

namespace tandem::server::boundary {

// The engine's ordinary membership changes, with the events of §6.1, so that a hand-over is seen by
// clients exactly as a join and a removal.
struct Membership
{
    std::function<Status(
        ConversationRow &, const QList<MemberRow> &existing, const QList<MemberRow> &joiners)>
        join;
    std::function<Status(ConversationRow &, const QString &userId, const QString &reason)> remove;
};

// conversation.handover. `actorId` empty: the operator (the admin command), who needs no role.
Result<Outcome> handOver(ServerStore &store, SpaceWriter &writer, const QString &actorId,
    const protocol::ConversationHandover &p, const Membership &membership);

// `tandem-server admin --data DIR handover --from USER --to USER [--conversation ID]... [--space ID]`;
// `args` are all the admin arguments (--data and the command name are skipped). Returns the exit code.
int runHandoverAdmin(ServerStore &store, const QStringList &args);

// The organisation role that may hand conversations over (`tandem-server admin set-roles USER admin`).
inline constexpr QLatin1StringView kOrganisationAdminRole {"admin"};

} // namespace tandem::server::boundary
