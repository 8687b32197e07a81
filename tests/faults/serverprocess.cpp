#include "serverprocess.h"

#include "../childprocess.h"

#include <QDeadlineTimer>

namespace tandem::test {

ServerProcess::ServerProcess(QString binary, QString dataDir, QStringList arguments)
    : m_binary(std::move(binary))
    , m_dataDir(std::move(dataDir))
    , m_arguments(std::move(arguments))
{ }

ServerProcess::~ServerProcess()
{
    if (running()) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ServerProcess::start(int timeoutMs)
{
    m_url.clear();
    m_error.clear();
    QStringList arguments {
        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), m_dataDir};
    arguments += m_arguments;
    m_process.setProgram(m_binary);
    m_process.setArguments(arguments);
    tandem::testing::dieWithParent(m_process);
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("%1 did not start: %2").arg(m_binary, m_process.errorString());
        return false;
    }
    const QByteArray prefix = "tandem-server listening on ";
    QByteArray out;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_process.canReadLine() && !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            if (m_process.state() == QProcess::NotRunning)
                break;
            continue;
        }
        while (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine().trimmed();
            out += line + '\n';
            if (line.startsWith(prefix)) {
                m_url = QUrl(QString::fromUtf8(line.mid(prefix.size())));
                return true;
            }
        }
    }
    m_error = QStringLiteral("no \"listening on\" line from %1 (exit %2); stdout: %3; stderr: %4")
                  .arg(m_binary)
                  .arg(m_process.exitCode())
                  .arg(QString::fromUtf8(out), QString::fromUtf8(log()));
    return false;
}

void ServerProcess::kill()
{
    m_process.kill(); // SIGKILL on Unix
    m_process.waitForFinished(10000);
}

bool ServerProcess::stop(int timeoutMs)
{
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        kill();
        return false;
    }
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

QByteArray ServerProcess::log()
{
    m_log += m_process.readAllStandardError();
    return m_log;
}

} // namespace tandem::test
