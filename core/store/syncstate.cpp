#include "syncstate.h"

namespace tandem::store {

namespace {

constexpr auto kTokenKey = "sync.token";
constexpr auto kServerSpaceKey = "sync.server_space_id";

OutboxRow readOutbox(const Statement &r)
{
    OutboxRow row;
    row.seq = r.int64(0);
    row.mutationId = r.text(1);
    row.kind = r.text(2);
    row.payload = QByteArray(r.utf8(3).data(), qsizetype(r.utf8(3).size()));
    row.createdAt = r.int64(4);
    row.attempts = int(r.int64(5));
    row.state = r.text(6);
    row.errorCode = r.text(7);
    row.errorMessage = r.text(8);
    return row;
}

constexpr std::string_view kOutboxColumns
    = "seq, mutation_id, kind, payload, created_at, attempts, state, error_code, error_message";

} // namespace

Result<QString> setting(Database &db, const QString &key)
{
    auto st = db.cached("SELECT value FROM settings WHERE key = ?1");
    if (!st)
        return st.error();
    QString value;
    TANDEM_TRY((*st)->bind(1, key).forEachRow([&](const Statement &r) { value = r.text(0); }));
    return value;
}

Status setSetting(Database &db, const QString &key, const QString &value)
{
    auto st = db.cached("INSERT INTO settings(key, value) VALUES (?1, ?2) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!st)
        return st.error();
    return (*st)->bind(1, key).bind(2, value).exec();
}

Result<SyncAccount> loadSyncAccount(Database &db)
{
    SyncAccount a;
    auto st
        = db.cached("SELECT id, server_url, user_name, device_id FROM accounts WHERE is_self = 1 LIMIT 1");
    if (!st)
        return st.error();
    TANDEM_TRY((*st)->forEachRow([&](const Statement &r) {
        a.userId = r.text(0);
        a.serverUrl = r.text(1);
        a.userName = r.text(2);
        a.deviceId = r.text(3);
    }));
    // An account row whose user id is not known yet is stored under the placeholder "?".
    if (a.userId == u"?")
        a.userId.clear();
    auto token = setting(db, QLatin1String(kTokenKey));
    if (!token)
        return token.error();
    a.token = *token;
    auto space = setting(db, QLatin1String(kServerSpaceKey));
    if (!space)
        return space.error();
    a.serverSpaceId = *space;
    return a;
}

Status saveSyncAccount(Database &db, const SyncAccount &a)
{
    TANDEM_TRY(db.exec("DELETE FROM accounts WHERE is_self = 1"));
    auto st = db.cached("INSERT OR REPLACE INTO accounts(id, server_url, user_name, device_id, is_self) "
                        "VALUES (?1, ?2, ?3, ?4, 1)");
    if (!st)
        return st.error();
    TANDEM_TRY((*st)
                   ->bind(1, a.userId.isEmpty() ? QStringLiteral("?") : a.userId)
                   .bind(2, a.serverUrl)
                   .bind(3, a.userName)
                   .bindOptional(4, a.deviceId.isEmpty() ? QString() : a.deviceId)
                   .exec());
    TANDEM_TRY(setSetting(db, QLatin1String(kTokenKey), a.token));
    return setSetting(db, QLatin1String(kServerSpaceKey), a.serverSpaceId);
}

Result<SyncCursor> loadCursor(Database &db, const QString &stream)
{
    auto st = db.cached("SELECT epoch, seq FROM sync_cursors WHERE stream = ?1");
    if (!st)
        return st.error();
    SyncCursor c;
    TANDEM_TRY((*st)->bind(1, stream).forEachRow([&](const Statement &r) {
        c.epoch = r.text(0);
        c.seq = r.int64(1);
    }));
    return c;
}

Status saveCursor(Database &db, const QString &stream, const SyncCursor &c)
{
    auto st = db.cached("INSERT INTO sync_cursors(stream, epoch, seq) VALUES (?1, ?2, ?3) "
                        "ON CONFLICT(stream) DO UPDATE SET epoch = excluded.epoch, seq = excluded.seq");
    if (!st)
        return st.error();
    return (*st)->bind(1, stream).bind(2, c.epoch).bind(3, c.seq).exec();
}

Status insertOutbox(Database &db, const OutboxRow &row)
{
    auto st = db.cached("INSERT INTO outbox(mutation_id, kind, payload, created_at, state) "
                        "VALUES (?1, ?2, ?3, ?4, 'pending')");
    if (!st)
        return st.error();
    return (*st)
        ->bind(1, row.mutationId)
        .bind(2, row.kind)
        .bindUtf8(3, std::string_view(row.payload.constData(), size_t(row.payload.size())))
        .bind(4, row.createdAt)
        .exec();
}

Result<QList<OutboxRow>> outboxRows(Database &db, bool withRejected)
{
    auto st = db.cached(withRejected ? "SELECT " + std::string(kOutboxColumns) + " FROM outbox ORDER BY seq"
                                     : "SELECT " + std::string(kOutboxColumns)
                + " FROM outbox WHERE state != 'rejected' ORDER BY seq");
    if (!st)
        return st.error();
    QList<OutboxRow> rows;
    TANDEM_TRY((*st)->forEachRow([&](const Statement &r) { rows.append(readOutbox(r)); }));
    return rows;
}

Result<std::optional<OutboxRow>> outboxRow(Database &db, const QString &mutationId)
{
    auto st = db.cached("SELECT " + std::string(kOutboxColumns) + " FROM outbox WHERE mutation_id = ?1");
    if (!st)
        return st.error();
    std::optional<OutboxRow> row;
    TANDEM_TRY((*st)->bind(1, mutationId).forEachRow([&](const Statement &r) { row = readOutbox(r); }));
    return row;
}

Status markOutboxSent(Database &db, const QString &mutationId)
{
    auto st = db.cached("UPDATE outbox SET state = 'sent', attempts = attempts + 1 "
                        "WHERE mutation_id = ?1 AND state != 'rejected'");
    if (!st)
        return st.error();
    return (*st)->bind(1, mutationId).exec();
}

Status rejectOutbox(Database &db, const QString &mutationId, const QString &code, const QString &reason)
{
    auto st = db.cached("UPDATE outbox SET state = 'rejected', error_code = ?2, error_message = ?3 "
                        "WHERE mutation_id = ?1");
    if (!st)
        return st.error();
    return (*st)->bind(1, mutationId).bind(2, code).bind(3, reason).exec();
}

Status deleteOutbox(Database &db, const QString &mutationId)
{
    auto st = db.cached("DELETE FROM outbox WHERE mutation_id = ?1");
    if (!st)
        return st.error();
    return (*st)->bind(1, mutationId).exec();
}

Status clearStaging(Database &db)
{
    return db.exec("DELETE FROM snapshot_staging");
}

Status stagePage(
    Database &db, const QString &stream, const QString &epoch, qint64 atSeq, const QByteArray &records)
{
    auto st
        = db.cached("INSERT INTO snapshot_staging(stream, epoch, at_seq, records) VALUES (?1, ?2, ?3, ?4)");
    if (!st)
        return st.error();
    return (*st)
        ->bind(1, stream)
        .bind(2, epoch)
        .bind(3, atSeq)
        .bindUtf8(4, std::string_view(records.constData(), size_t(records.size())))
        .exec();
}

Result<QList<QByteArray>> stagedPages(Database &db)
{
    auto st = db.cached("SELECT records FROM snapshot_staging ORDER BY page");
    if (!st)
        return st.error();
    QList<QByteArray> pages;
    TANDEM_TRY((*st)->forEachRow([&](const Statement &r) {
        pages.append(QByteArray(r.utf8(0).data(), qsizetype(r.utf8(0).size())));
    }));
    return pages;
}

} // namespace tandem::store
