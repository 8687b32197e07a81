// What the sync engine keeps in a space's encrypted store besides the data itself: the account it
// syncs as (server, user, device, token), the stream's epoch and cursor, the outbox, and snapshot
// pages waiting to be applied. The token lives here, in the encrypted database, never in a plain file.
// Every function runs inside the caller's transaction when there is one.
#pragma once

#include "database.h"

#include <QList>
#include <QString>

#include <optional>

namespace tandem::store {

struct SyncAccount
{
    QString serverUrl;
    QString userName;
    QString userId; // empty until the first login
    QString deviceId;
    QString token; // empty when a login is needed
    QString serverSpaceId; // the space on the server this local space syncs
    [[nodiscard]] bool isConfigured() const { return !serverUrl.isEmpty() && !serverSpaceId.isEmpty(); }
};

[[nodiscard]] Result<SyncAccount> loadSyncAccount(Database &db);
[[nodiscard]] Status saveSyncAccount(Database &db, const SyncAccount &account);

struct SyncCursor
{
    QString epoch; // empty: no data from the server yet
    qint64 seq = 0;
};

[[nodiscard]] Result<SyncCursor> loadCursor(Database &db, const QString &stream);
[[nodiscard]] Status saveCursor(Database &db, const QString &stream, const SyncCursor &cursor);

[[nodiscard]] Result<QString> setting(Database &db, const QString &key);
[[nodiscard]] Status setSetting(Database &db, const QString &key, const QString &value);

// One mutation in the outbox (protocol §5.2). `payload` is the exact JSON text sent every time.
struct OutboxRow
{
    qint64 seq = 0; // outbox order
    QString mutationId;
    QString kind;
    QByteArray payload;
    qint64 createdAt = 0;
    int attempts = 0;
    QString state = QStringLiteral("pending"); // pending, sent, rejected
    QString errorCode;
    QString errorMessage;
};

[[nodiscard]] Status insertOutbox(Database &db, const OutboxRow &row);
// Unanswered rows (pending and sent) in outbox order, and with `withRejected` the rejected ones too.
[[nodiscard]] Result<QList<OutboxRow>> outboxRows(Database &db, bool withRejected);
[[nodiscard]] Result<std::optional<OutboxRow>> outboxRow(Database &db, const QString &mutationId);
[[nodiscard]] Status markOutboxSent(Database &db, const QString &mutationId);
[[nodiscard]] Status rejectOutbox(
    Database &db, const QString &mutationId, const QString &code, const QString &reason);
[[nodiscard]] Status deleteOutbox(Database &db, const QString &mutationId);

// Snapshot staging: pages are kept until the last one arrives (protocol §3.8).
[[nodiscard]] Status clearStaging(Database &db);
[[nodiscard]] Status stagePage(
    Database &db, const QString &stream, const QString &epoch, qint64 atSeq, const QByteArray &records);
// The staged pages' records, in arrival order.
[[nodiscard]] Result<QList<QByteArray>> stagedPages(Database &db);

} // namespace tandem::store
