#include "urgentreminder.h"

#include "arrivals.h"
#include "futurewatch.h"

#include "store/spacestore.h"
#include "store/storethread.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace tandem::app {

Q_LOGGING_CATEGORY(lcUrgent, "tandem.app.urgent")

namespace {
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000; // an urgent message older than a day is history
constexpr int kMaxReminders = 10;
} // namespace

Result<QList<IncomingMessage>> readUnacknowledgedUrgent(store::SpaceStore &s, const ArrivalQuery &q)
{
    QList<IncomingMessage> out;
    // The recipient's own state is the settings row boundary.urgent.<message>.<recipient> (boundarystate).
    // From the few urgent messages (a partial index): in rowid order from messages, a space with no
    // urgent message left had every one of its messages read, every few minutes.
    auto st = s.db().prepare(
        "SELECT m.id, m.conversation_id, m.sender_id, "
        "coalesce(nullif(u.display_name, ''), u.user_name, m.sender_id), substr(m.body, 1, 400), "
        "m.created_at, c.name, c.notify_level, c.kind = 'direct' "
        "FROM message_state ms INDEXED BY message_state_urgent CROSS JOIN messages m ON m.id = ms.message_id "
        "JOIN conversations c ON c.id = m.conversation_id LEFT JOIN users u ON u.id = m.sender_id "
        "WHERE ms.urgent = 1 AND m.sender_id != ?1 AND m.seq IS NOT NULL AND m.deleted_at IS NULL AND "
        "m.created_at > ?2 "
        "AND coalesce((SELECT json_extract(st.value, '$.acknowledged_at') FROM settings st "
        "  WHERE st.key = 'boundary.urgent.' || m.id || '.' || ?1), 0) = 0 "
        "ORDER BY m.rowid LIMIT ?3");
    if (!st)
        return st.error();
    st->bind(1, q.self).bind(2, q.since).bind(3, q.limit);
    TANDEM_TRY(st->forEachRow([&](const store::Statement &row) {
        IncomingMessage m = arrivalFromRow(row, q);
        m.direct = row.int64(8) != 0;
        m.urgent = true;
        out.append(m);
    }));
    return out;
}

UrgentReminder::UrgentReminder(
    store::StoreThread *store, const ArrivalQuery &query, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_self(query.self)
    , m_spaceId(query.spaceId)
    , m_spaceName(query.spaceName)
    , m_spaceKind(query.spaceKind)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &UrgentReminder::check);
    m_timer.start();
}

void UrgentReminder::check()
{
    if (!m_store || m_reading)
        return;
    m_reading = true;
    ArrivalQuery q;
    q.self = m_self;
    q.spaceId = m_spaceId;
    q.spaceName = m_spaceName;
    q.spaceKind = m_spaceKind;
    q.since = QDateTime::currentMSecsSinceEpoch() - kDayMs;
    q.limit = kMaxReminders;
    auto read = m_store->read<QList<IncomingMessage>>(
        [q](store::SpaceStore &s) { return readUnacknowledgedUrgent(s, q); });
    whenFinished(this, read, [this](const Result<QList<IncomingMessage>> &r) {
        m_reading = false;
        if (!r) {
            qCWarning(lcUrgent) << "cannot read urgent messages" << r.error().codeName();
            return;
        }
        if (!r->isEmpty())
            Q_EMIT remind(*r);
    });
}

} // namespace tandem::app
