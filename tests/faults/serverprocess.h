// A real tandem-server in a child process, for the robustness tests: started on a free loopback port
// with a data directory, stopped politely or with SIGKILL, and restarted on the same data.
#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace tandem::test {

class ServerProcess
{
public:
    // `binary` is tandem-server; `arguments` are added to --listen and --data (e.g. --demo, --limit …).
    ServerProcess(QString binary, QString dataDir, QStringList arguments);
    ~ServerProcess();

    // Starts and waits for the "listening on" line; false (with error()) if it does not come.
    [[nodiscard]] bool start(int timeoutMs = 30000);
    // SIGKILL: no shutdown frame, no flush, no cleanup.
    void kill();
    // SIGTERM and wait for a clean exit; false if it did not exit 0.
    [[nodiscard]] bool stop(int timeoutMs = 10000);

    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] const QString &dataDir() const { return m_dataDir; }
    [[nodiscard]] bool running() const { return m_process.state() != QProcess::NotRunning; }
    [[nodiscard]] QString error() const { return m_error; }
    // What the server wrote to stderr so far (for failure messages).
    [[nodiscard]] QByteArray log();

private:
    QString m_binary;
    QString m_dataDir;
    QStringList m_arguments;
    QProcess m_process;
    QUrl m_url;
    QString m_error;
    QByteArray m_log;
};

} // namespace tandem::test
