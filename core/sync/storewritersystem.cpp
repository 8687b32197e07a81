#include "storewritersystem.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

namespace tandem::sync {

Q_LOGGING_CATEGORY(lcSystemNotice, "tandem.sync.system")

using namespace Qt::StringLiterals;

namespace {

bool validKind(const QString &kind)
{
    if (kind.isEmpty() || kind.size() > kMaxSystemKindLength)
        return false;
    for (QChar c : kind) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_' || u == '.' || u == '-'))
            return false;
    }
    return true;
}

} // namespace

QByteArray validSystemJson(const QJsonValue &system)
{
    if (system.isUndefined() || system.isNull())
        return {};
    if (!system.isObject()) {
        qCWarning(lcSystemNotice) << "ignoring a message's system field that is not an object";
        return {};
    }
    const QJsonObject o = system.toObject();
    const QString kind = o.value("kind"_L1).toString();
    if (!validKind(kind)) {
        qCWarning(lcSystemNotice) << "ignoring a system notice without a valid kind";
        return {};
    }
    // A handover names its two users; anything else there would only show the wrong names.
    if (kind == "handover"_L1
        && (!o.value("from_user_id"_L1).isString() || !o.value("to_user_id"_L1).isString())) {
        qCWarning(lcSystemNotice) << "ignoring a handover notice without its user ids";
        return {};
    }
    QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    if (json.size() > kMaxSystemJsonBytes) {
        qCWarning(lcSystemNotice) << "ignoring a system notice of" << json.size() << "bytes";
        return {};
    }
    return json;
}

Status storeMessageSystem(store::Database &db, const QString &messageId, const QJsonValue &system)
{
    auto remove = db.cached("DELETE FROM message_system WHERE message_id = ?1");
    if (!remove)
        return remove.error();
    TANDEM_TRY((*remove)->bind(1, messageId).exec());
    const QByteArray json = validSystemJson(system);
    if (json.isEmpty())
        return {};
    auto insert = db.cached("INSERT INTO message_system(message_id, kind, data) VALUES (?1, ?2, ?3)");
    if (!insert)
        return insert.error();
    const QJsonObject o = system.toObject();
    return (*insert)
        ->bind(1, messageId)
        .bind(2, o.value("kind"_L1).toString())
        .bind(3, QString::fromUtf8(json))
        .exec();
}

} // namespace tandem::sync
