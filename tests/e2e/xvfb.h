// A private X server (Xvfb) for one test: a free display number, started and waited for, killed with
// the test. Window-level tests need it for real input (xdotool sends XTEST events to it).
#pragma once

#include "../childprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace tandem::testing {

class Xvfb
{
public:
    ~Xvfb()
    {
        if (!m_process)
            return;
        // SIGTERM, so that Xvfb removes its lock and socket; a killed one leaves them behind.
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }

    // Starts Xvfb on the first free display from :90; false (with `error`) when it cannot.
    bool start(QString *error)
    {
        const QString binary = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
        if (binary.isEmpty()) {
            *error = QStringLiteral("Xvfb is not installed (packaging/linux/install-deps.sh installs it)");
            return false;
        }
        for (int display = 90; display < 140; ++display) {
            const QString socket = QStringLiteral("/tmp/.X11-unix/X%1").arg(display);
            const QString lock = QStringLiteral("/tmp/.X%1-lock").arg(display);
            if (heldByALiveServer(lock))
                continue;
            // Left by an X server that was killed: not in use, and in Xvfb's way.
            QFile::remove(lock);
            QFile::remove(socket);
            m_process = std::make_unique<QProcess>();
            dieWithParent(*m_process);
            m_process->setProcessChannelMode(QProcess::MergedChannels);
            m_process->start(binary,
                {QStringLiteral(":%1").arg(display), QStringLiteral("-screen"), QStringLiteral("0"),
                    QStringLiteral("1440x900x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp")});
            if (!m_process->waitForStarted(5000))
                continue;
            for (int i = 0; i < 100 && m_process->state() == QProcess::Running; ++i) {
                if (QFile::exists(socket)) {
                    m_display = QStringLiteral(":%1").arg(display);
                    return true;
                }
                QTest::qWait(50);
            }
            m_process->kill();
            m_process->waitForFinished(2000);
        }
        *error = QStringLiteral("no free X display between :90 and :139, or Xvfb did not start");
        return false;
    }

    [[nodiscard]] const QString &display() const { return m_display; }

private:
    // An X server's lock file holds its pid; the display is taken while that process lives.
    static bool heldByALiveServer(const QString &lock)
    {
        QFile f(lock);
        if (!f.open(QIODevice::ReadOnly))
            return QFile::exists(lock); // there but unreadable: someone else's, leave it
        const qint64 pid = f.readAll().trimmed().toLongLong();
        return pid > 0 && QFile::exists(QStringLiteral("/proc/%1").arg(pid));
    }

    std::unique_ptr<QProcess> m_process;
    QString m_display;
};

} // namespace tandem::testing
