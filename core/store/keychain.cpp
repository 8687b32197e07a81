#include "keychain.h"

#include <QCoreApplication>

#ifdef TANDEM_HAVE_KEYCHAIN
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <optional>
#include <qt6keychain/keychain.h>
#endif

namespace tandem::store::keychain {

#ifdef TANDEM_HAVE_KEYCHAIN
namespace {

constexpr auto kService = "Tandem";
constexpr int kTimeoutMs = 10000; // a locked keychain that nobody unlocks must not hang the store

// QtKeychain keeps one job executor, which lives on the thread that first used it; used later from
// another thread, after that one ended, it crashes. So every keychain job runs on one long-lived thread
// of ours, whoever asks. Callers wait for it; it never waits for them (nor for the GUI thread).
QThread *g_thread = nullptr;
QObject *g_anchor = nullptr; // lives on g_thread: the context for running work there

void stopKeychainThread()
{
    if (!g_thread)
        return;
    g_anchor->deleteLater();
    g_thread->quit();
    g_thread->wait();
    delete g_thread;
    g_thread = nullptr;
    g_anchor = nullptr;
}

bool startKeychainThread()
{
    static const bool started = [] {
        if (!QCoreApplication::instance())
            return false;
        g_thread = new QThread;
        g_thread->setObjectName(QStringLiteral("tandem-keychain"));
        g_anchor = new QObject;
        g_anchor->moveToThread(g_thread);
        g_thread->start();
        qAddPostRoutine(stopKeychainThread);
        return true;
    }();
    return started && g_thread;
}

template<typename R, typename F> R onKeychainThread(F work)
{
    if (!startKeychainThread())
        return Error::make(
            ErrorCode::Unavailable, QStringLiteral("The keychain needs a running application."));
    if (QThread::currentThread() == g_thread)
        return work();
    std::optional<R> result;
    QMetaObject::invokeMethod(
        g_anchor, [&] { result.emplace(work()); }, Qt::BlockingQueuedConnection);
    if (!result)
        return Error::make(ErrorCode::Unavailable, QStringLiteral("The keychain did not answer."));
    return std::move(*result);
}

// Runs a job to completion on the keychain thread's event loop.
Status runJob(QKeychain::Job &job)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    timer.start(kTimeoutMs);
    loop.exec();
    if (timedOut)
        return Error::make(ErrorCode::Unavailable, QStringLiteral("The keychain did not answer."));
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return Error::make(ErrorCode::NotFound, QStringLiteral("The keychain holds no key for this space."));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error::make(
            ErrorCode::WrongKey, QStringLiteral("The keychain refused access to the space key."));
    default:
        return Error::make(ErrorCode::Unavailable,
            QStringLiteral("The keychain is not available: %1").arg(job.errorString()));
    }
}

} // namespace

Result<QByteArray> read(const QString &account)
{
    return onKeychainThread<Result<QByteArray>>([&]() -> Result<QByteArray> {
        QKeychain::ReadPasswordJob job(QString::fromLatin1(kService));
        job.setKey(account);
        TANDEM_TRY(runJob(job));
        return job.binaryData();
    });
}

Status write(const QString &account, const QByteArray &secret)
{
    return onKeychainThread<Status>([&]() -> Status {
        QKeychain::WritePasswordJob job(QString::fromLatin1(kService));
        job.setKey(account);
        job.setBinaryData(secret);
        return runJob(job);
    });
}

Status remove(const QString &account)
{
    return onKeychainThread<Status>([&]() -> Status {
        QKeychain::DeletePasswordJob job(QString::fromLatin1(kService));
        job.setKey(account);
        return runJob(job);
    });
}

#else

Result<QByteArray> read(const QString &)
{
    return Error::make(
        ErrorCode::Unavailable, QStringLiteral("This build of Tandem has no keychain support."));
}

Status write(const QString &, const QByteArray &)
{
    return Error::make(
        ErrorCode::Unavailable, QStringLiteral("This build of Tandem has no keychain support."));
}

Status remove(const QString &)
{
    return {};
}

#endif

} // namespace tandem::store::keychain
