#include "keychain.h"

#include <QCoreApplication>

#ifdef TANDEM_HAVE_KEYCHAIN
#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>
#endif

namespace tandem::store::keychain {

#ifdef TANDEM_HAVE_KEYCHAIN
namespace {

constexpr auto kService = "Tandem";
constexpr int kTimeoutMs = 10000; // a locked keychain that nobody unlocks must not hang the store

// Runs a job to completion on this thread's own event loop.
Status runJob(QKeychain::Job &job)
{
    if (!QCoreApplication::instance())
        return Error::make(
            ErrorCode::Unavailable, QStringLiteral("The keychain needs a running application."));
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
    QKeychain::ReadPasswordJob job(QString::fromLatin1(kService));
    job.setKey(account);
    TANDEM_TRY(runJob(job));
    return job.binaryData();
}

Status write(const QString &account, const QByteArray &secret)
{
    QKeychain::WritePasswordJob job(QString::fromLatin1(kService));
    job.setKey(account);
    job.setBinaryData(secret);
    return runJob(job);
}

Status remove(const QString &account)
{
    QKeychain::DeletePasswordJob job(QString::fromLatin1(kService));
    job.setKey(account);
    return runJob(job);
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
