#include "demoserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace tandem::app {

Q_LOGGING_CATEGORY(lcDemo, "tandem.app.demo")

using namespace Qt::StringLiterals;

namespace {
constexpr int kStartTimeoutMs = 30000;
}

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
#ifdef Q_OS_LINUX
    // Runs in the child between fork and exec: when the app dies, however it dies, so does the server.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoServer::readOutput);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(u"The demo server %1 could not be started: %2."_s.arg(
                QDir::toNativeSeparators(m_process.program()), m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        qCInfo(lcDemo) << "demo server exited with" << code;
        if (!m_reported)
            fail(u"The demo server stopped before it was ready (exit code %1)."_s.arg(code));
        m_url.clear();
    });
    connect(qApp, &QCoreApplication::aboutToQuit, this, &DemoServer::stop);
}

DemoServer::~DemoServer()
{
    m_process.disconnect(this);
    stop();
}

QString DemoServer::serverBinary()
{
    const QString fromEnv = qEnvironmentVariable("TANDEM_SERVER_BINARY");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QString name = u"tandem-server"_s;
#ifdef Q_OS_WIN
    name += u".exe"_s;
#endif
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

void DemoServer::start(const QString &dataDirectory)
{
    if (m_process.state() != QProcess::NotRunning)
        return;
    m_reported = false;
    m_output.clear();
    m_url.clear();
    QDir().mkpath(dataDirectory);
    m_process.start(serverBinary(),
        {u"--demo"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data"_s, QDir::toNativeSeparators(dataDirectory)});
    QTimer::singleShot(kStartTimeoutMs, this, [this] {
        if (!m_reported) {
            fail(u"The demo server did not start within %1 seconds."_s.arg(kStartTimeoutMs / 1000));
            stop();
        }
    });
}

void DemoServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool DemoServer::isRunning() const
{
    return m_process.state() == QProcess::Running && m_url.isValid();
}

void DemoServer::readOutput()
{
    m_output += m_process.readAllStandardOutput();
    if (m_reported) {
        m_output.clear();
        return;
    }
    static const QRegularExpression readyLine(u"tandem-server listening on (wss?://\\S+)"_s);
    const auto match = readyLine.match(QString::fromUtf8(m_output));
    if (match.hasMatch()) {
        m_url = QUrl(match.captured(1));
        m_reported = true;
        m_output.clear();
        qCInfo(lcDemo) << "demo server ready on" << m_url.toString();
        Q_EMIT ready(m_url);
    } else if (m_output.size() > 64 * 1024) {
        m_output = m_output.right(1024); // a chatty server must not grow this without bound
    }
}

void DemoServer::fail(const QString &reason)
{
    if (m_reported)
        return;
    m_reported = true;
    qCWarning(lcDemo) << "demo server failed";
    Q_EMIT failed(reason);
}

} // namespace tandem::app
