#include "storethread.h"

#include "util/i18n.h"

#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcStore, "tandem.store")

namespace tandem::store {

StoreThread::StoreThread(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<tandem::store::StoreChange>();
    m_thread = std::thread([this] { loop(); });
}

StoreThread::~StoreThread()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

QFuture<Status> StoreThread::control(std::function<Status(std::unique_ptr<SpaceStore> &)> fn)
{
    auto promise = std::make_shared<QPromise<Status>>();
    auto result = std::make_shared<std::optional<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    Job job;
    job.kind = Kind::Control;
    job.run = [fn = std::move(fn), result](std::unique_ptr<SpaceStore> &store, StoreChange &) {
        result->emplace(fn(store));
        return (*result)->ok();
    };
    job.finish = [promise, result] {
        promise->addResult(std::move(**result));
        promise->finish();
    };
    job.fail = [promise](const Error &e) {
        promise->addResult(Status(e));
        promise->finish();
    };
    post(std::move(job));
    return future;
}

QFuture<Status> StoreThread::open(const Profile &profile, const SpaceEntry &space, const QString &passphrase,
    const SpaceStore::OpenOptions &options)
{
    return control([profile, space, passphrase, options](std::unique_ptr<SpaceStore> &store) -> Status {
        store.reset();
        auto opened = profile.openSpace(space, passphrase, options);
        if (!opened)
            return opened.error();
        store = std::move(*opened);
        return {};
    });
}

QFuture<Status> StoreThread::adopt(std::unique_ptr<SpaceStore> store)
{
    auto shared = std::make_shared<std::unique_ptr<SpaceStore>>(std::move(store));
    return control([shared](std::unique_ptr<SpaceStore> &slot) -> Status {
        slot = std::move(*shared);
        return {};
    });
}

QFuture<Status> StoreThread::close()
{
    return control([](std::unique_ptr<SpaceStore> &slot) -> Status {
        slot.reset();
        return {};
    });
}

int StoreThread::queued() const
{
    std::lock_guard lock(m_mutex);
    return int(m_queue.size());
}

void StoreThread::post(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void StoreThread::loop()
{
    QThread::currentThread()->setObjectName(QStringLiteral("tandem-store"));
    for (;;) {
        std::deque<Job> jobs;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping)
                break;
            jobs.swap(m_queue);
        }
        size_t i = 0;
        while (i < jobs.size()) {
            if (jobs[i].kind != Kind::Write) {
                StoreChange ignored;
                jobs[i].run(m_store, ignored);
                jobs[i].finish();
                ++i;
                continue;
            }
            size_t end = i;
            while (end < jobs.size() && jobs[end].kind == Kind::Write)
                ++end;
            runWriteGroup(jobs, i, end);
            i = end;
        }
    }
    m_store.reset(); // closes the database on the thread that used it
}

void StoreThread::runWriteGroup(std::deque<Job> &jobs, size_t begin, size_t end)
{
    if (!m_store) {
        const Error e
            = Error::make(ErrorCode::Unavailable, trCore("tandem::store", "The space is not open."));
        for (size_t k = begin; k < end; ++k)
            jobs[k].fail(e);
        return;
    }
    Database &db = m_store->db();
    Durability durability = Durability::Process;
    for (size_t k = begin; k < end; ++k)
        if (jobs[k].durability == Durability::PowerLoss)
            durability = Durability::PowerLoss;
    if (auto s = db.begin(durability); !s) {
        for (size_t k = begin; k < end; ++k)
            jobs[k].fail(s.error());
        return;
    }
    StoreChange total;
    std::vector<bool> succeeded(end - begin, false);
    for (size_t k = begin; k < end; ++k) {
        StoreChange change;
        (void)db.exec("SAVEPOINT tandem_job");
        if (jobs[k].run(m_store, change)) {
            (void)db.exec("RELEASE tandem_job");
            total.merge(change);
            succeeded[k - begin] = true;
        } else {
            (void)db.exec("ROLLBACK TO tandem_job");
            (void)db.exec("RELEASE tandem_job");
        }
    }
    if (auto s = db.commit(); !s) {
        qCWarning(lcStore) << "group commit failed:" << s.error().message;
        for (size_t k = begin; k < end; ++k)
            jobs[k].fail(s.error());
        return;
    }
    // Only now is every job's work durable: fulfil the futures, then tell the views.
    for (size_t k = begin; k < end; ++k)
        jobs[k].finish();
    if (!total.isEmpty())
        QMetaObject::invokeMethod(
            this, [this, total] { Q_EMIT changed(total); }, Qt::QueuedConnection);
}

} // namespace tandem::store
