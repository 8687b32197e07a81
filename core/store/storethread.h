// Runs one space's SpaceStore on a thread of its own. Callers (the GUI thread among them) get futures
// and never wait on SQL. Consecutive queued writes are committed together in one transaction (group
// commit), each in its own savepoint so one failing job does not undo the others; a write's future
// is fulfilled only after its transaction is on disk, and `changed` then says what changed.
#pragma once

#include "profile.h"

#include "spacestore.h"
#include "util/i18n.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace tandem::store {

class StoreThread : public QObject
{
    Q_OBJECT
public:
    explicit StoreThread(QObject *parent = nullptr);
    // Runs what is queued, closes the database, and stops the thread.
    ~StoreThread() override;

    // Unlocks the key (a slow KDF) and opens and migrates the database, all on the store thread.
    QFuture<Status> open(const Profile &profile, const SpaceEntry &space, const QString &passphrase,
        const SpaceStore::OpenOptions &options = {});
    // Takes over a store opened elsewhere (tools and tests that opened it synchronously).
    QFuture<Status> adopt(std::unique_ptr<SpaceStore> store);
    // Closes the database once the jobs queued before are done (before a wipe); later jobs fail.
    QFuture<Status> close();

    template<typename R> QFuture<Result<R>> read(std::function<Result<R>(SpaceStore &)> fn)
    {
        return enqueue<R>(Kind::Read, Durability::Process,
            [fn = std::move(fn)](SpaceStore &s, StoreChange &) { return fn(s); });
    }

    template<typename R>
    QFuture<Result<R>> write(
        std::function<Result<R>(SpaceStore &, StoreChange &)> fn, Durability durability = Durability::Process)
    {
        return enqueue<R>(Kind::Write, durability, std::move(fn));
    }

    // Jobs waiting right now (for tests and back-pressure).
    [[nodiscard]] int queued() const;

Q_SIGNALS:
    // Emitted on the thread that owns this object, after the change is committed.
    void changed(const tandem::store::StoreChange &change);

private:
    enum class Kind { Read, Write, Control };
    struct Job
    {
        Kind kind = Kind::Read;
        Durability durability = Durability::Process;
        // Runs the work; true when it succeeded. The result is kept until `finish` or `fail`.
        std::function<bool(std::unique_ptr<SpaceStore> &, StoreChange &)> run;
        std::function<void()> finish;
        std::function<void(const Error &)> fail;
    };

    template<typename R, typename F> QFuture<Result<R>> enqueue(Kind kind, Durability durability, F fn)
    {
        auto promise = std::make_shared<QPromise<Result<R>>>();
        auto result = std::make_shared<std::optional<Result<R>>>();
        QFuture<Result<R>> future = promise->future();
        promise->start();
        Job job;
        job.kind = kind;
        job.durability = durability;
        job.run = [fn = std::move(fn), result](std::unique_ptr<SpaceStore> &store, StoreChange &change) {
            if (!store) {
                result->emplace(
                    Error::make(ErrorCode::Unavailable, trCore("tandem::store", "The space is not open.")));
                return false;
            }
            result->emplace(fn(*store, change));
            return (*result)->ok();
        };
        job.finish = [promise, result] {
            promise->addResult(std::move(**result));
            promise->finish();
        };
        job.fail = [promise](const Error &e) {
            promise->addResult(Result<R>(e));
            promise->finish();
        };
        post(std::move(job));
        return future;
    }

    QFuture<Status> control(std::function<Status(std::unique_ptr<SpaceStore> &)> fn);
    void post(Job job);
    void loop();
    void runWriteGroup(std::deque<Job> &jobs, size_t begin, size_t end);

    // A std::thread, not a QThread: join() returns only once the thread is gone, thread-local
    // destructors included (OpenSSL frees its per-thread random generator in one). QThread::wait()
    // returns when run() does, so a process could exit while those still ran.
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::unique_ptr<SpaceStore> m_store; // touched only on the store thread
};

} // namespace tandem::store

Q_DECLARE_METATYPE(tandem::store::StoreChange)
