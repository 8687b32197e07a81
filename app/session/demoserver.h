// The demo's local tandem-server: started from the app's own folder with `--demo` on a free loopback
// port, its data in <profile>/demo-server. It dies with the app, even when the app crashes (on Linux
// the kernel kills it then: PR_SET_PDEATHSIG).
#pragma once

#include <QObject>
#include <QProcess>
#include <QUrl>

namespace tandem::app {

class DemoServer : public QObject
{
    Q_OBJECT
public:
    explicit DemoServer(QObject *parent = nullptr);
    // Kills the server and waits for it briefly.
    ~DemoServer() override;

    // The binary: tandem-server beside the app, or $TANDEM_SERVER_BINARY when set (tests).
    static QString serverBinary();

    // Starts the server over `dataDirectory`; `ready` or `failed` follows.
    void start(const QString &dataDirectory);
    void stop();
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] bool isRunning() const;

Q_SIGNALS:
    void ready(const QUrl &url);
    // A sentence for the user.
    void failed(const QString &reason);

private:
    void readOutput();
    void fail(const QString &reason);

    QProcess m_process;
    QByteArray m_output;
    QUrl m_url;
    bool m_reported = false;
};

} // namespace tandem::app
