#include "sessionsupport.h"

#include "accounts.h"

namespace tandem::server {

namespace {
void expire(std::deque<qint64> &times, qint64 now)
{
    while (!times.empty() && times.front() <= now - LoginLimiter::kWindowMs)
        times.pop_front();
}
} // namespace

qint64 LoginLimiter::retryAfter(const QString &userName, const QString &address, qint64 now)
{
    qint64 wait = 0;
    auto check = [&](QHash<QString, std::deque<qint64>> &map, const QString &key, int max) {
        auto it = map.find(key);
        if (it == map.end())
            return;
        expire(*it, now);
        if (int(it->size()) >= max)
            wait = std::max(wait, it->front() + kWindowMs - now);
    };
    check(m_byName, userName, kPerName);
    check(m_byAddress, address, kPerAddress);
    return wait;
}

void LoginLimiter::recordFailure(const QString &userName, const QString &address, qint64 now)
{
    m_byName[userName].push_back(now);
    m_byAddress[address].push_back(now);
}

void LoginLimiter::prune(qint64 now)
{
    for (auto *map : {&m_byName, &m_byAddress}) {
        for (auto it = map->begin(); it != map->end();) {
            expire(*it, now);
            it = it->empty() ? map->erase(it) : std::next(it);
        }
    }
}

QString SnapshotCache::put(std::shared_ptr<Snapshot> snapshot, qint64 now)
{
    const QString id = Accounts::randomId("", 12);
    snapshot->expiresAt = now + kTtlMs;
    QStringList &mine = m_byUser[snapshot->userId];
    mine << id;
    while (mine.size() > kPerUser)
        m_snapshots.remove(mine.takeFirst());
    m_snapshots.insert(id, std::move(snapshot));
    return id;
}

std::shared_ptr<Snapshot> SnapshotCache::get(const QString &id, qint64 now)
{
    auto it = m_snapshots.find(id);
    if (it == m_snapshots.end())
        return {};
    if ((*it)->expiresAt < now) {
        remove(id);
        return {};
    }
    (*it)->expiresAt = now + kTtlMs;
    return *it;
}

void SnapshotCache::remove(const QString &id)
{
    auto it = m_snapshots.find(id);
    if (it == m_snapshots.end())
        return;
    m_byUser[(*it)->userId].removeAll(id);
    if (m_byUser[(*it)->userId].isEmpty())
        m_byUser.remove((*it)->userId);
    m_snapshots.erase(it);
}

void SnapshotCache::prune(qint64 now)
{
    QStringList old;
    for (auto it = m_snapshots.cbegin(); it != m_snapshots.cend(); ++it)
        if ((*it)->expiresAt < now)
            old << it.key();
    for (const QString &id : old)
        remove(id);
}

} // namespace tandem::server
