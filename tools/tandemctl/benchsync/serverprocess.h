// A tandem-server child process for the benchmark: seeded with `admin seed-bench`, started on a free
// loopback port, measured (resident memory) and stopped.
#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QProcess>
#include <QString>

namespace tandemctl::bench {

class ServerProcess
{
public:
    explicit ServerProcess(QString binary);
    ~ServerProcess();

    // Runs `tandem-server admin --data DIR seed-bench ...` and returns what it made.
    tandem::Result<QJsonObject> seed(const QString &dataDir, const QStringList &seedArguments);
    // Starts the server on 127.0.0.1:0 and returns its URL once it says it listens.
    tandem::Result<QString> start(const QString &dataDir, const QStringList &extraArguments = {});
    void stop();
    // Resident set size now, in KiB (Linux /proc); -1 when unknown.
    [[nodiscard]] qint64 rssKb() const;

    // The binary next to this tandemctl, unless `explicitPath` names one.
    static QString locate(const QString &explicitPath);

private:
    QString m_binary;
    QProcess m_process;
};

} // namespace tandemctl::bench
