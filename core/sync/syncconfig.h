// How a space's sync engine behaves. The defaults are the product's; tests shorten the waits.
#pragma once

#include <QString>

#include <memory>

namespace tandem::store {
class FileCache;
}

namespace tandem::sync {

struct SyncConfig
{
    QString clientName = QStringLiteral("tandem-desktop");
    QString clientVersion = QStringLiteral("0.1.0");
    QString deviceName = QStringLiteral("Tandem desktop");
    QString devicePlatform = QStringLiteral("linux");
    // Used once when the store holds no token (a first start, or after token_revoked); never stored.
    QString password;

    qint64 gapWaitMs = 2000; // §4.4: how long a gap may stay open before fetching
    qint64 ackDelayMs = 200; // acks are coalesced, and sent well within the 1 s of §4.6
    qint64 backoffBaseMs = 1000; // §3.10
    qint64 backoffCapMs = 60000;
    qint64 readyResetMs = 60000; // ready this long: the backoff starts again from its base
    quint32 backoffSeed = 0x7a4d; // fixed, so that tests see the same waits
    int maxProtocolCloses = 5; // §10.3: after this many protocol-error closes in a row, stop
    int snapshotMessagesPerConversation = 20;
    // Fetch every conversation's older messages in the background after a snapshot, so that search
    // works offline over the whole history. A product choice; on by default.
    bool backfillHistory = true;

    // For device_revoked (§3.9): the profile whose spaces of this account are wiped, and the
    // passphrase that opens them to find out which are. Empty: only this space is wiped.
    QString profileDirectory;
    QString passphrase;
    QString localSpaceId; // this space's id in the profile

    // The space's encrypted file cache (docs/protocol.md §8.3), opened with the space's key. Without it
    // messages with files cannot be sent and attachments cannot be fetched.
    std::shared_ptr<store::FileCache> files;
};

} // namespace tandem::sync
