// The real tandem-server as a child process for integration tests: started on a free loopback port
// over a temporary data folder (with the demo data), its "listening on" line read, stopped with
// SIGTERM, and started again on the same port and data, as after a restart.
#pragma once

#include "../childprocess.h"

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>

namespace tandem::sync::test {

using namespace Qt::StringLiterals;

class ServerProcess
{
public:
    explicit ServerProcess(QString dataDir, QStringList extra = {})
        : m_data(std::move(dataDir))
        , m_extra(std::move(extra))
    { }
    ~ServerProcess() { stop(); }

    // Starts the server (port 0 the first time, the same port afterwards); false if it did not say it
    // is listening within 20 s.
    bool start()
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        tandem::testing::dieWithParent(*m_process);
        const QString listen = u"127.0.0.1:%1"_s.arg(m_port);
        m_process->start(QStringLiteral(TANDEM_SERVER),
            QStringList {u"--listen"_s, listen, u"--data"_s, m_data, u"--demo"_s} + m_extra);
        if (!m_process->waitForStarted(10000))
            return false;
        QByteArray line;
        QElapsedTimer clock;
        clock.start();
        while (!line.contains('\n') && clock.elapsed() < 20000) {
            m_process->waitForReadyRead(200);
            line += m_process->readAllStandardOutput();
            if (m_process->state() == QProcess::NotRunning)
                return false;
        }
        const auto match = QRegularExpression(u"listening on (ws://127\\.0\\.0\\.1:(\\d+))"_s)
                               .match(QString::fromUtf8(line));
        if (!match.hasMatch())
            return false;
        m_url = match.captured(1);
        m_port = match.captured(2).toInt();
        return true;
    }

    // SIGTERM, as an administrator stops it; waits for it to exit.
    void stop()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    [[nodiscard]] const QString &url() const { return m_url; }
    [[nodiscard]] QByteArray errors() const
    {
        return m_process ? m_process->readAllStandardError() : QByteArray();
    }

private:
    QString m_data;
    QStringList m_extra;
    std::unique_ptr<QProcess> m_process;
    QString m_url;
    int m_port = 0;
};

} // namespace tandem::sync::test
