// What the boundary features of the server (issue 5; docs/protocol.md §6.8-§6.10) leave in a space's
// store, and the queries the UI reads it with: the account's scheduled messages (shown to the sender
// until delivered), urgent messages' seen/acknowledged state, the account's urgent policy, and a
// colleague's off-duty state from their presence record (§6.6).
//
// Kept in the `settings` table (one JSON value per key, prefix "boundary."), so that no schema
// migration is needed: these are small, per-account lists.
#pragma once

#include "protocol/serverframes.h"
#include "store/database.h"
#include "store/records.h"
#include "store/spacestore.h"

#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QTimeZone>

namespace tandem::boundary {

struct ScheduledMessage
{
    QString messageId;
    QString conversationId;
    QString body;
    QString format;
    qint64 deliverAt = 0; // UTC ms
    bool urgent = false;
    bool confirmed = false; // the server holds it (message.scheduled); false: not yet answered
    bool failed = false; // the server refused it (the outbox row says why)
};

struct UrgentState
{
    QString messageId;
    QString recipientId;
    qint64 seenAt = 0; // 0: not yet
    qint64 acknowledgedAt = 0; // 0: not yet
};

struct UrgentPolicy
{
    QString allow = QStringLiteral("team"); // manager, team, anyone, nobody
    int perDay = 3;
};

struct OffDuty
{
    qint64 offUntil = 0; // UTC ms; 0: not given
    QString timeZone; // theirs; empty: not given
};

// Writing (store thread, inside the caller's transaction).
// The local echo of a message.send with deliver_at: listed as scheduled at once.
Status echoScheduled(
    store::Database &db, const QJsonObject &payload, bool failed, store::StoreChange &change);
// message.scheduled, message.schedule_cancelled, urgent.updated, urgent_policy.updated; false for
// any other kind.
Result<bool> applyBoundaryEvent(
    store::Database &db, const protocol::Event &event, store::StoreChange &change);
// A delivered message is no longer scheduled (message.created of a held scheduled id).
Status forgetScheduled(store::Database &db, const QString &messageId);

// Reading (store thread).
Result<QList<ScheduledMessage>> scheduledMessages(
    store::SpaceStore &store, const QString &conversationId = {});
Result<QList<UrgentState>> urgentStates(store::SpaceStore &store, const QString &messageId);
Result<UrgentPolicy> urgentPolicy(store::SpaceStore &store);
// The colleague's off-duty state, when their presence is off_duty; std::nullopt otherwise.
Result<std::optional<OffDuty>> offDuty(store::SpaceStore &store, const QString &userId);

// The two times of "off until 09:00 (your time 10:00)", formatted by `locale` (the UI puts them in its
// translated sentence): the end of their off hours in their zone and in `mine`. A date is added when it
// is not the same day as `nowMs` in that zone. `sameTime`: both read alike (show only the first).
struct OffDutyTimes
{
    QString theirs;
    QString yours;
    bool sameTime = false;
};
OffDutyTimes offDutyTimes(const OffDuty &state, const QTimeZone &mine, qint64 nowMs, const QLocale &locale);

} // namespace tandem::boundary
