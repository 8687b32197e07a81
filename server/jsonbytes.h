// Building JSON text directly, for the hot path: events are stored encoded and spliced into events
// frames without being parsed and serialised again for every recipient.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace tandem::server {

// Appends `s` as a JSON string literal (quoted, escaped) to `out`.
void appendJsonString(QByteArray &out, QStringView s);

// Compact JSON of an object (member order: sorted by Qt, so equal objects give equal bytes).
QByteArray compactJson(const QJsonObject &object);

// Parses JSON text the server wrote itself; an empty object when it is not an object.
QJsonObject parseObject(const QByteArray &json);

} // namespace tandem::server
