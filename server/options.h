// tandem-server's command line (the shared contract's exact syntax), parsed into values.
#pragma once

#include "mutationengine.h"

#include "protocol/limits.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace tandem::server {

struct ServerOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QString dataDir;
    bool demo = false;
    QString tlsCert;
    QString tlsKey;
    protocol::Limits limits;
    Policy policy;
    int mutationRate = 50; // mutations per second per connection before slow_down
    // Feature presence (§6.6). An organisation may turn it off: then nobody's status is tracked or shown.
    bool presence = true;
    // Test-only: the server's clock runs this far from the machine's (scheduled send at a recipient's
    // 09:00 without waiting for it). docs/protocol.md §6.8.
    qint64 clockOffsetMs = 0;
    // Features scheduled_send and urgent (§6.8, §6.9); an organisation may turn either off.
    bool scheduledSend = true;
    bool urgent = true;
};

// Parses the arguments after the program name. Every --limit is checked against its range and the
// §3.6 rules between limits.
Result<ServerOptions> parseServerOptions(const QStringList &args);

QString usage();

} // namespace tandem::server
