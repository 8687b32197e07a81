// StoreThread: a write's future is fulfilled only once the write is committed; queued writes are
// committed together, each job failing alone; `changed` says what changed; reads see earlier writes;
// destroying the thread finishes what was queued.
#include "storetestsupport.h"

#include "store/storethread.h"

#include <sqlite3.h>

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace tandem;
using namespace tandem::store;
using namespace tandem::store::test;

namespace {

constexpr int kTimeoutMs = 10000;

// A space database (opened without a passphrase: the key is at hand) and a store thread that owns it.
struct Fixture
{
    QTemporaryDir dir;
    DataKey key = DataKey::generate();
    QString path = dir.filePath(QStringLiteral("space.db"));
    QSemaphore gate;
    std::unique_ptr<StoreThread> thread = std::make_unique<StoreThread>();

    ~Fixture()
    {
        gate.release(1000); // a test that failed before releasing must not hang in the thread's destructor
        thread.reset();
    }

    bool setUp()
    {
        SpaceStore::OpenOptions o;
        o.create = true;
        auto store = SpaceStore::open(path, key, o);
        if (!store)
            return false;
        StoreChange change;
        if (!(*store)->upsertConversation(
                conversation(QStringLiteral("c-1"), QStringLiteral("General")), change))
            return false;
        auto adopted = thread->adopt(std::move(*store));
        adopted.waitForFinished();
        return adopted.result().ok();
    }

    // A second, independent connection to the same file, as another process would have.
    Result<std::unique_ptr<Database>> otherConnection() const
    {
        return Database::open(path, key.bytes(), {});
    }

    // Holds the store thread inside a job until `release`. The job has been taken off the queue when
    // this returns, so whatever is queued next waits for `release` and is then taken as one batch.
    QFuture<Result<int>> block()
    {
        auto entered = std::make_shared<QSemaphore>(); // outlives this call: released on the store thread
        auto blocker = thread->read<int>([this, entered](SpaceStore &) -> Result<int> {
            entered->release();
            gate.acquire();
            return 0;
        });
        entered->acquire();
        return blocker;
    }
    void release() { gate.release(); }
};

QFuture<Result<int>> insertMessage(StoreThread &thread, const QString &id, const QString &conversationId,
    Durability durability = Durability::Process)
{
    return thread.write<int>(
        [id, conversationId](SpaceStore &s, StoreChange &change) {
            const Message m = message(id, conversationId, QStringLiteral("u-1"),
                QStringLiteral("body of ") + id, 1'700'000'000'000);
            return s.insertMessages({&m, 1}, change);
        },
        durability);
}

Result<qint64> countMessages(Database &db, const QString &where = QStringLiteral("1"))
{
    return db.queryInt((QStringLiteral("SELECT count(*) FROM messages WHERE ") + where).toStdString());
}

int commitCounter(void *counter)
{
    static_cast<std::atomic<int> *>(counter)->fetch_add(1);
    return 0; // 0: let the commit proceed
}

// Counts the store connection's commits from now on.
bool countCommits(StoreThread &thread, std::atomic<int> &commits)
{
    auto installed = thread.read<int>([&commits](SpaceStore &s) -> Result<int> {
        sqlite3_commit_hook(s.db().handle(), commitCounter, &commits);
        return 0;
    });
    installed.waitForFinished();
    return installed.result().ok();
}

template<typename T> bool finishes(QFuture<T> &future)
{
    QDeadlineTimer deadline(kTimeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(5);
    return future.isFinished();
}

} // namespace

class TestStoreThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeIsCommittedWhenItsFutureFinishes()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto blocker = f.block();
        auto write = insertMessage(*f.thread, QStringLiteral("m-1"), QStringLiteral("c-1"));
        // Runs on the store thread the moment the future is fulfilled, and looks from outside.
        std::atomic<qint64> seen = -1;
        auto checked = write.then(QtFuture::Launch::Sync, [&f, &seen](const Result<int> &) {
            auto other = f.otherConnection();
            seen = other ? countMessages(**other, QStringLiteral("id = 'm-1'")).value() : -2;
        });

        f.release();

        QVERIFY(finishes(checked));
        TANDEM_VERIFY_OK(write.result());
        QCOMPARE(seen.load(), qint64(1));
    }

    void changedReportsConversationsAndRows()
    {
        Fixture f;
        QVERIFY(f.setUp());
        QSignalSpy spy(f.thread.get(), &StoreThread::changed);

        auto write = insertMessage(*f.thread, QStringLiteral("m-1"), QStringLiteral("c-1"));

        QVERIFY(finishes(write));
        TANDEM_VERIFY_OK(write.result());
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, kTimeoutMs);
        const auto change = spy.at(0).at(0).value<StoreChange>();
        QCOMPARE(change.conversations, QSet<QString> {QStringLiteral("c-1")});
        auto other = f.otherConnection();
        TANDEM_VERIFY_OK(other);
        auto rowid = (*other)->queryInt("SELECT rowid FROM messages WHERE id = 'm-1'");
        TANDEM_VERIFY_OK(rowid);
        QCOMPARE(change.messageRowids, QList<qint64> {*rowid});
    }

    void changedIsEmittedOnTheOwnersThread()
    {
        Fixture f;
        QVERIFY(f.setUp());
        QThread *emittedOn = nullptr;
        connect(
            f.thread.get(), &StoreThread::changed, this, [&] { emittedOn = QThread::currentThread(); },
            Qt::DirectConnection);

        auto write = insertMessage(*f.thread, QStringLiteral("m-1"), QStringLiteral("c-1"));

        QTRY_VERIFY_WITH_TIMEOUT(emittedOn != nullptr, kTimeoutMs);
        QCOMPARE(emittedOn, QThread::currentThread());
    }

    void queuedWritesAreCommittedTogether()
    {
        Fixture f;
        QVERIFY(f.setUp());
        std::atomic<int> commits = 0;
        QVERIFY(countCommits(*f.thread, commits));
        QSignalSpy spy(f.thread.get(), &StoreThread::changed);
        auto blocker = f.block();
        QList<QFuture<Result<int>>> writes;
        for (int i = 0; i < 20; ++i)
            writes << insertMessage(*f.thread, QStringLiteral("m-%1").arg(i), QStringLiteral("c-1"));

        f.release();

        for (auto &w : writes) {
            QVERIFY(finishes(w));
            TANDEM_VERIFY_OK(w.result());
        }
        QCOMPARE(commits.load(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, kTimeoutMs);
        QTest::qWait(50); // no second signal trails behind
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<StoreChange>().messageRowids.size(), 20);
    }

    void failingJobFailsAloneInItsGroup()
    {
        Fixture f;
        QVERIFY(f.setUp());
        std::atomic<int> commits = 0;
        QVERIFY(countCommits(*f.thread, commits));
        auto blocker = f.block();
        auto before = insertMessage(*f.thread, QStringLiteral("m-before"), QStringLiteral("c-1"));
        auto invalidKind = f.thread->write<int>([](SpaceStore &s, StoreChange &change) -> Result<int> {
            TANDEM_TRY(s.upsertConversation(
                conversation(QStringLiteral("c-bad"), QStringLiteral("Bad"), QStringLiteral("broadcast")),
                change));
            return 1;
        });
        auto missingConversation
            = insertMessage(*f.thread, QStringLiteral("m-orphan"), QStringLiteral("c-none"));
        auto after = insertMessage(*f.thread, QStringLiteral("m-after"), QStringLiteral("c-1"));

        f.release();

        for (auto *w : {&before, &invalidKind, &missingConversation, &after})
            QVERIFY(finishes(*w));
        QCOMPARE(commits.load(), 1);
        TANDEM_VERIFY_OK(before.result());
        TANDEM_VERIFY_OK(after.result());
        QVERIFY(!invalidKind.result());
        QCOMPARE(invalidKind.result().error().code, ErrorCode::Invalid);
        QVERIFY(!missingConversation.result());
        auto other = f.otherConnection();
        TANDEM_VERIFY_OK(other);
        QCOMPARE(countMessages(**other).value(), qint64(2));
        QCOMPARE(
            (*other)->queryInt("SELECT count(*) FROM conversations WHERE id = 'c-bad'").value(), qint64(0));
    }

    void failingJobLeavesNoPartOfItsWork()
    {
        Fixture f;
        QVERIFY(f.setUp());
        QSignalSpy spy(f.thread.get(), &StoreThread::changed);
        auto blocker = f.block();
        auto good = insertMessage(*f.thread, QStringLiteral("m-good"), QStringLiteral("c-1"));
        // Writes two messages and a conversation, then fails.
        auto halfDone = f.thread->write<int>([](SpaceStore &s, StoreChange &change) -> Result<int> {
            TANDEM_TRY(
                s.upsertConversation(conversation(QStringLiteral("c-2"), QStringLiteral("Second")), change));
            const QList<Message> two = {message(QStringLiteral("m-half-1"), QStringLiteral("c-2"),
                                            QStringLiteral("u-1"), QStringLiteral("x"), 1),
                message(QStringLiteral("m-half-2"), QStringLiteral("c-1"), QStringLiteral("u-1"),
                    QStringLiteral("y"), 2)};
            TANDEM_TRY(s.insertMessages(two, change));
            return Error::make(ErrorCode::Cancelled, QStringLiteral("changed my mind"));
        });

        f.release();

        QVERIFY(finishes(good));
        QVERIFY(finishes(halfDone));
        QCOMPARE(halfDone.result().error().code, ErrorCode::Cancelled);
        auto other = f.otherConnection();
        TANDEM_VERIFY_OK(other);
        QCOMPARE(countMessages(**other, QStringLiteral("id LIKE 'm-half-%'")).value(), qint64(0));
        QCOMPARE(
            (*other)->queryInt("SELECT count(*) FROM conversations WHERE id = 'c-2'").value(), qint64(0));
        QCOMPARE(countMessages(**other, QStringLiteral("id = 'm-good'")).value(), qint64(1));
        // And `changed` speaks of the good job only.
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, kTimeoutMs);
        const auto change = spy.at(0).at(0).value<StoreChange>();
        QCOMPARE(change.conversations, QSet<QString> {QStringLiteral("c-1")});
        QCOMPARE(change.messageRowids.size(), 1);
        QVERIFY(!change.conversationList);
    }

    void readAfterWriteSeesTheWrite()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto write = insertMessage(*f.thread, QStringLiteral("m-1"), QStringLiteral("c-1"));
        auto read = f.thread->read<qint64>([](SpaceStore &s) { return countMessages(s.db()); });

        QVERIFY(finishes(read));

        TANDEM_VERIFY_OK(read.result());
        QCOMPARE(read.result().value(), qint64(1));
        QVERIFY(write.isFinished());
    }

    void powerLossWriteIsSyncedAndLaterWritesAreNot()
    {
        Fixture f;
        QVERIFY(f.setUp());
        const auto synchronousDuring = [&f](Durability durability) {
            return f.thread->write<qint64>(
                [](SpaceStore &s, StoreChange &) { return s.db().queryInt("PRAGMA synchronous"); },
                durability);
        };
        auto powerLoss = synchronousDuring(Durability::PowerLoss);
        QVERIFY(finishes(powerLoss));
        auto process = synchronousDuring(Durability::Process);
        QVERIFY(finishes(process));

        QCOMPARE(powerLoss.result().value(), qint64(2)); // FULL: the WAL is synced at commit
        QCOMPARE(process.result().value(), qint64(1)); // NORMAL
    }

    void oneSyncedWriteSyncsItsWholeGroup()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto blocker = f.block();
        auto process = f.thread->write<qint64>(
            [](SpaceStore &s, StoreChange &) { return s.db().queryInt("PRAGMA synchronous"); },
            Durability::Process);
        auto powerLoss
            = insertMessage(*f.thread, QStringLiteral("m-1"), QStringLiteral("c-1"), Durability::PowerLoss);

        f.release();

        QVERIFY(finishes(process));
        QVERIFY(finishes(powerLoss));
        QCOMPARE(process.result().value(), qint64(2));
    }

    void destroyingTheThreadFinishesQueuedJobs()
    {
        Fixture f;
        QVERIFY(f.setUp());
        // Keeps the thread busy long enough for the writes to wait in the queue when it is destroyed.
        QSemaphore started;
        auto busy = f.thread->read<int>([&started](SpaceStore &) -> Result<int> {
            started.release();
            QThread::msleep(200);
            return 0;
        });
        started.acquire();
        QList<QFuture<Result<int>>> writes;
        for (int i = 0; i < 50; ++i)
            writes << insertMessage(*f.thread, QStringLiteral("m-%1").arg(i), QStringLiteral("c-1"));
        QCOMPARE(f.thread->queued(), 50);

        f.thread.reset();

        for (auto &w : writes) {
            QVERIFY(w.isFinished());
            TANDEM_VERIFY_OK(w.result());
        }
        auto reopened = SpaceStore::open(f.path, f.key, {});
        TANDEM_VERIFY_OK(reopened);
        QCOMPARE(countMessages((*reopened)->db()).value(), qint64(50));
    }

    void jobsFailCleanlyWhenNoSpaceIsOpen()
    {
        StoreThread thread;

        auto write = insertMessage(thread, QStringLiteral("m-1"), QStringLiteral("c-1"));
        auto read = thread.read<qint64>([](SpaceStore &s) { return countMessages(s.db()); });

        QVERIFY(finishes(write));
        QVERIFY(finishes(read));
        QCOMPARE(write.result().error().code, ErrorCode::Unavailable);
        QCOMPARE(read.result().error().code, ErrorCode::Unavailable);
    }

    void opensTheSpaceOnItsOwnThread()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        auto space
            = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, passphrase(), false, cheapKdf());
        TANDEM_VERIFY_OK(space);
        StoreThread thread;

        auto wrong = thread.open(profile, *space, QStringLiteral("wrong"));
        QVERIFY(finishes(wrong));
        QCOMPARE(wrong.result().error().code, ErrorCode::WrongKey);
        auto right = thread.open(profile, *space, passphrase());
        QVERIFY(finishes(right));
        TANDEM_VERIFY_OK(right.result());
        auto name = thread.read<QString>([](SpaceStore &s) { return s.info(QStringLiteral("name")); });
        QVERIFY(finishes(name));
        QCOMPARE(name.result().value(), QStringLiteral("Work"));
    }
};

QTEST_GUILESS_MAIN(TestStoreThread)
#include "tst_storethread.moc"
