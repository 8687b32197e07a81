// The parts of an open space the task models use: its store thread, its sync (null for a local space
// and in tests: then changes are queued straight into the store's outbox), its file cache, the account and
// the zone the space's schedule is kept in (for "due today"). Read from a SpaceSession once it is open.
#pragma once

#include <QPointer>
#include <QString>
#include <QTimeZone>

#include <functional>
#include <memory>

namespace tandem::store {
class FileCache;
class StoreThread;
} // namespace tandem::store
namespace tandem::sync {
class SpaceSync;
}

namespace tandem::app {

class SpaceSession;

struct TaskSpace
{
    store::StoreThread *store = nullptr;
    sync::SpaceSync *sync = nullptr;
    QString selfId;
    QTimeZone zone = QTimeZone::systemTimeZone();
    std::shared_ptr<store::FileCache> files; // the encrypted cache files are attached from (null: none)

    [[nodiscard]] bool isValid() const { return store != nullptr; }
};

// What `session` offers once open (an invalid TaskSpace before).
[[nodiscard]] TaskSpace taskSpaceOf(const SpaceSession *session);

// Makes `session` the one `owner` follows in `current`: drops the previous session's connections to
// `owner`, runs `attach` now and again whenever the session opens or its models change (the store exists
// once the space is open; the boundary, the zone, once it is read). False when `session` already was it.
bool followSession(QObject *owner, QPointer<SpaceSession> &current, SpaceSession *session,
    const std::function<void()> &attach);

} // namespace tandem::app
