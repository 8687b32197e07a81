#include "boundarystate.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tandem::boundary {

using namespace Qt::StringLiterals;
using store::Statement;

namespace {

QString scheduledKey(const QString &messageId)
{
    return u"boundary.scheduled."_s + messageId;
}
QString urgentKey(const QString &messageId, const QString &recipientId)
{
    return u"boundary.urgent."_s + messageId + u'.' + recipientId;
}
const QString kPolicyKey = u"boundary.urgent_policy"_s;

Status put(store::Database &db, const QString &key, const QJsonObject &value)
{
    auto st = db.cached("INSERT INTO settings(key, value) VALUES (?1, ?2) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!st)
        return st.error();
    return (*st)
        ->bind(1, key)
        .bind(2, QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)))
        .exec();
}

Status remove(store::Database &db, const QString &key)
{
    auto st = db.cached("DELETE FROM settings WHERE key = ?1");
    if (!st)
        return st.error();
    return (*st)->bind(1, key).exec();
}

Result<std::optional<QJsonObject>> get(store::Database &db, const QString &key)
{
    auto st = db.cached("SELECT value FROM settings WHERE key = ?1");
    if (!st)
        return st.error();
    std::optional<QJsonObject> out;
    TANDEM_TRY((*st)->bind(1, key).forEachRow(
        [&](const Statement &r) { out = QJsonDocument::fromJson(r.text(0).toUtf8()).object(); }));
    return out;
}

Result<QList<QJsonObject>> withPrefix(store::Database &db, const QString &prefix)
{
    // The range [prefix, prefix + U+FFFF) is the keys that start with it, and uses the primary key.
    auto st = db.cached("SELECT value FROM settings WHERE key >= ?1 AND key < ?2 ORDER BY key");
    if (!st)
        return st.error();
    QList<QJsonObject> out;
    TANDEM_TRY((*st)->bind(1, prefix).bind(2, prefix + QChar(0xffff)).forEachRow([&](const Statement &r) {
        out << QJsonDocument::fromJson(r.text(0).toUtf8()).object();
    }));
    return out;
}

qint64 integer(const QJsonObject &o, QLatin1StringView name)
{
    return qint64(o.value(name).toDouble());
}

ScheduledMessage readScheduled(const QJsonObject &o)
{
    ScheduledMessage m;
    m.messageId = o.value("message_id"_L1).toString();
    m.conversationId = o.value("conversation_id"_L1).toString();
    m.body = o.value("body"_L1).toString();
    m.format = o.value("format"_L1).toString();
    m.deliverAt = integer(o, "deliver_at"_L1);
    m.urgent = o.value("urgent"_L1).toBool();
    m.confirmed = o.value("confirmed"_L1).toBool();
    m.failed = o.value("failed"_L1).toBool();
    return m;
}

} // namespace

Status echoScheduled(store::Database &db, const QJsonObject &payload, bool failed, store::StoreChange &change)
{
    const QString id = payload.value("message_id"_L1).toString();
    auto held = get(db, scheduledKey(id));
    if (!held)
        return held.error();
    QJsonObject row = held->value_or(payload);
    row.remove("attachment_ids"_L1);
    row.insert("failed"_L1, failed);
    change.conversations.insert(payload.value("conversation_id"_L1).toString());
    return put(db, scheduledKey(id), row);
}

Status forgetScheduled(store::Database &db, const QString &messageId)
{
    return remove(db, scheduledKey(messageId));
}

Result<bool> applyBoundaryEvent(store::Database &db, const protocol::Event &e, store::StoreChange &change)
{
    const QJsonObject &d = e.data;
    if (e.kind == "message.scheduled"_L1) {
        QJsonObject row = d.value("scheduled"_L1).toObject();
        row.insert("confirmed"_L1, true);
        change.conversations.insert(row.value("conversation_id"_L1).toString());
        TANDEM_TRY(put(db, scheduledKey(row.value("message_id"_L1).toString()), row));
        return true;
    }
    if (e.kind == "message.schedule_cancelled"_L1) {
        change.conversations.insert(d.value("conversation_id"_L1).toString());
        TANDEM_TRY(forgetScheduled(db, d.value("message_id"_L1).toString()));
        return true;
    }
    if (e.kind == "urgent.updated"_L1) {
        const QJsonObject u = d.value("urgent"_L1).toObject();
        change.conversations.insert(u.value("conversation_id"_L1).toString());
        TANDEM_TRY(put(
            db, urgentKey(u.value("message_id"_L1).toString(), u.value("recipient_id"_L1).toString()), u));
        return true;
    }
    if (e.kind == "urgent_policy.updated"_L1) {
        TANDEM_TRY(put(db, kPolicyKey, d.value("urgent_policy"_L1).toObject()));
        return true;
    }
    return false;
}

Result<QList<ScheduledMessage>> scheduledMessages(store::SpaceStore &store, const QString &conversationId)
{
    auto all = withPrefix(store.db(), u"boundary.scheduled."_s);
    if (!all)
        return all.error();
    QList<ScheduledMessage> out;
    for (const QJsonObject &o : *all) {
        ScheduledMessage m = readScheduled(o);
        if (conversationId.isEmpty() || m.conversationId == conversationId)
            out << m;
    }
    std::sort(out.begin(), out.end(), [](const ScheduledMessage &a, const ScheduledMessage &b) {
        return std::tie(a.deliverAt, a.messageId) < std::tie(b.deliverAt, b.messageId);
    });
    return out;
}

Result<QList<UrgentState>> urgentStates(store::SpaceStore &store, const QString &messageId)
{
    auto all = withPrefix(store.db(), u"boundary.urgent."_s + messageId + u'.');
    if (!all)
        return all.error();
    QList<UrgentState> out;
    for (const QJsonObject &o : *all)
        out << UrgentState {o.value("message_id"_L1).toString(), o.value("recipient_id"_L1).toString(),
            integer(o, "seen_at"_L1), integer(o, "acknowledged_at"_L1)};
    return out;
}

Result<UrgentPolicy> urgentPolicy(store::SpaceStore &store)
{
    auto held = get(store.db(), kPolicyKey);
    if (!held)
        return held.error();
    UrgentPolicy p;
    if (*held) {
        p.allow = (*held)->value("allow"_L1).toString(p.allow);
        p.perDay = (*held)->value("per_day"_L1).toInt(p.perDay);
    }
    return p;
}

Result<std::optional<OffDuty>> offDuty(store::SpaceStore &store, const QString &userId)
{
    auto st = store.db().cached("SELECT status, off_until, time_zone FROM presence WHERE user_id = ?1");
    if (!st)
        return st.error();
    std::optional<OffDuty> out;
    TANDEM_TRY((*st)->bind(1, userId).forEachRow([&](const Statement &r) {
        if (r.text(0) == "off_duty"_L1)
            out = OffDuty {r.isNull(1) ? 0 : r.int64(1), r.text(2)};
    }));
    return out;
}

OffDutyTimes offDutyTimes(const OffDuty &state, const QTimeZone &mine, qint64 nowMs, const QLocale &locale)
{
    const QTimeZone theirZone = state.timeZone.isEmpty() ? mine : QTimeZone(state.timeZone.toUtf8());
    const QTimeZone zone = theirZone.isValid() ? theirZone : mine;
    auto format = [&](const QTimeZone &z) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(state.offUntil, z);
        const QString time = locale.toString(at.time(), QLocale::ShortFormat);
        if (at.date() == QDateTime::fromMSecsSinceEpoch(nowMs, z).date())
            return time;
        return locale.toString(at.date(), QLocale::ShortFormat) + u' ' + time;
    };
    OffDutyTimes out;
    out.theirs = format(zone);
    out.yours = format(mine);
    out.sameTime = out.theirs == out.yours;
    return out;
}

} // namespace tandem::boundary
