#include "serverprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <csignal>
#include <sys/prctl.h>

namespace tandemctl::bench {

using namespace tandem;

ServerProcess::ServerProcess(QString binary)
    : m_binary(std::move(binary))
{
    // If tandemctl dies (killed, crashed), its server goes with it instead of lingering on a port.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

ServerProcess::~ServerProcess()
{
    stop();
}

QString ServerProcess::locate(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    return QCoreApplication::applicationDirPath() + QStringLiteral("/tandem-server");
}

Result<QJsonObject> ServerProcess::seed(const QString &dataDir, const QStringList &seedArguments)
{
    QProcess admin;
    admin.setProcessChannelMode(QProcess::SeparateChannels);
    admin.start(m_binary,
        QStringList {QStringLiteral("admin"), QStringLiteral("--data"), dataDir, QStringLiteral("seed-bench")}
            + seedArguments);
    if (!admin.waitForStarted(10000))
        return Error::make(
            ErrorCode::Unavailable, QStringLiteral("Cannot start %1: %2").arg(m_binary, admin.errorString()));
    admin.waitForFinished(-1);
    if (admin.exitStatus() != QProcess::NormalExit || admin.exitCode() != 0)
        return Error::make(ErrorCode::Unavailable,
            QStringLiteral("seed-bench failed: %1")
                .arg(QString::fromUtf8(admin.readAllStandardError()).trimmed()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(admin.readAllStandardOutput(), &error);
    if (!doc.isObject())
        return Error::make(ErrorCode::Invalid,
            QStringLiteral("seed-bench printed no JSON object: %1").arg(error.errorString()));
    return doc.object();
}

Result<QString> ServerProcess::start(const QString &dataDir, const QStringList &extraArguments)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardErrorFile(dataDir + QStringLiteral("/server.log"));
    m_process.start(m_binary,
        QStringList {
            QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dataDir}
            + extraArguments);
    if (!m_process.waitForStarted(10000))
        return Error::make(ErrorCode::Unavailable,
            QStringLiteral("Cannot start %1: %2").arg(m_binary, m_process.errorString()));
    const QDeadlineTimer deadline(60000);
    QByteArray line;
    while (!line.contains('\n') && !deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(int(std::max<qint64>(deadline.remainingTime(), 1)));
        line += m_process.readAllStandardOutput();
    }
    const QString text = QString::fromUtf8(line).trimmed();
    const qsizetype at = text.indexOf(QStringLiteral("ws://"));
    if (at < 0)
        return Error::make(ErrorCode::Unavailable,
            QStringLiteral("tandem-server did not say where it listens (see %1/server.log)").arg(dataDir));
    return text.mid(at);
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

qint64 ServerProcess::rssKb() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &l : status.readAll().split('\n'))
        if (l.startsWith("VmRSS:"))
            return l.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

} // namespace tandemctl::bench
