// "My requests": the requests the signed-in person submitted, as the store holds them. Returned ones
// come first (they wait on the requester), then the newest change first. Run on the store thread.
#pragma once

#include "store/spacestore.h"
#include "util/result.h"

#include <QList>
#include <QString>

namespace tandem::approvals {

struct OwnRequest
{
    QString id;
    QString title;
    QString templateName; // in the UI language
    QString state; // pending, approved, rejected, returned, withdrawn
    bool hasAmount = false;
    qint64 amountMinor = 0;
    QString currency;
    qint64 submittedAt = 0;
    qint64 updatedAt = 0;
    QString waitingOn; // pending: the active step's undecided approvers, by name, comma-separated

    bool operator==(const OwnRequest &) const = default;
};

// At most `limit` requests of `me`.
[[nodiscard]] Result<QList<OwnRequest>> ownRequests(store::SpaceStore &store, const QString &me, int limit);

} // namespace tandem::approvals
