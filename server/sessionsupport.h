// Small shared pieces the sessions use: login rate limits (§3.2, §12) and the snapshot page cache
// (§3.8: every page of a snapshot describes the same state; tokens stay valid for minutes).
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <deque>
#include <memory>

namespace tandem::server {

class LoginLimiter
{
public:
    static constexpr qint64 kWindowMs = 5 * 60 * 1000;
    static constexpr int kPerName = 10;
    static constexpr int kPerAddress = 50;

    // 0 when a login may be tried now, else how long to wait.
    qint64 retryAfter(const QString &userName, const QString &address, qint64 now);
    void recordFailure(const QString &userName, const QString &address, qint64 now);
    void prune(qint64 now);

private:
    QHash<QString, std::deque<qint64>> m_byName;
    QHash<QString, std::deque<qint64>> m_byAddress;
};

struct Snapshot
{
    QString userId;
    QString spaceId;
    QString epoch;
    qint64 atSeq = 0;
    QList<QJsonObject> records;
    qint64 expiresAt = 0;
};

class SnapshotCache
{
public:
    static constexpr qint64 kTtlMs = 10 * 60 * 1000; // the protocol asks for at least 5 minutes
    static constexpr int kPerUser = 4;

    // Stores a snapshot and returns its id; evicts the user's oldest beyond kPerUser.
    QString put(std::shared_ptr<Snapshot> snapshot, qint64 now);
    std::shared_ptr<Snapshot> get(const QString &id, qint64 now);
    void remove(const QString &id);
    void prune(qint64 now);

private:
    QHash<QString, std::shared_ptr<Snapshot>> m_snapshots;
    QHash<QString, QStringList> m_byUser;
};

} // namespace tandem::server
