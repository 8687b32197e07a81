// Rows to protocol records (docs/protocol.md §6.2): the one place that decides how stored state looks
// on the wire, for events, snapshots and history alike.
#pragma once

#include "serverstore.h"

#include <QJsonObject>

namespace tandem::server::records {

QJsonObject space(const SpaceRow &row);
QJsonObject organisation(const OrganisationRow &row);
// `space` decides `external`: a user outside the space's organisation.
QJsonObject user(const UserRow &row, const SpaceRow &space);
QJsonObject device(const DeviceRow &row);
QJsonObject conversation(const ConversationRow &row);
QJsonObject member(const MemberRow &row);
QJsonObject receipt(const ReceiptRow &row);
QJsonObject pin(const PinRow &row);
QJsonObject saved(const SavedRow &row);
QJsonObject prefs(const PrefsRow &row);

// {"entity": name, "data": record}, as snapshot pages carry them.
QJsonObject entity(const char *name, const QJsonObject &record);

} // namespace tandem::server::records
