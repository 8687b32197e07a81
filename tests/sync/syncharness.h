// One client against the fake server: a profile with one synced space, its store thread, and a
// SpaceSync that records every status it reports. `startReady` brings it to a live stream.
#pragma once

#include "fakeserver.h"
#include "synctestsupport.h"

#include "sync/spacesync.h"

#include <QSignalSpy>

namespace tandem::sync::test {

struct Harness
{
    QTemporaryDir dir;
    store::Profile profile {dir.path()};
    FakeServer server;
    store::SpaceEntry entry;
    std::unique_ptr<store::StoreThread> store;
    std::unique_ptr<SpaceSync> sync;
    QList<SyncStatus> statuses;
    QStringList rejected; // mutation ids
    QStringList wiped;
    int settledCount = 0;

    explicit Harness(const QString &token = u"tk_0123456789abcdef0123"_s)
    {
        entry = makeSyncedSpace(profile, u"Work"_s, server.url(), u"u_alice"_s, u"sp_test"_s, token);
        store = openStore(profile, entry);
        server.records = {record(u"user"_s, userRecord(u"u_alice"_s, u"alice"_s)),
            record(u"user"_s, userRecord(u"u_bob"_s, u"bob"_s)),
            record(u"conversation"_s, conversationRecord(u"c1"_s, u"Launch"_s)),
            record(u"member"_s, memberRecord(u"c1"_s, u"u_alice"_s)),
            record(u"member"_s, memberRecord(u"c1"_s, u"u_bob"_s))};
    }
    ~Harness()
    {
        sync.reset();
        store.reset();
    }

    void start(SyncConfig config = fastConfig())
    {
        config.localSpaceId = entry.meta.id;
        sync = std::make_unique<SpaceSync>(store.get(), config);
        QObject::connect(sync.get(), &SpaceSync::statusChanged, sync.get(),
            [this](const SyncStatus &s) { statuses.append(s); });
        QObject::connect(sync.get(), &SpaceSync::mutationRejected, sync.get(),
            [this](const QString &id, const QString &, const QString &) { rejected << id; });
        QObject::connect(
            sync.get(), &SpaceSync::spacesWiped, sync.get(), [this](const QStringList &ids) { wiped = ids; });
        QObject::connect(sync.get(), &SpaceSync::settled, sync.get(), [this] { ++settledCount; });
        sync->start();
    }

    // Starts and waits until the first snapshot is applied and the stream is live (callers check
    // QTest::currentTestFailed()).
    void startReady(SyncConfig config = fastConfig())
    {
        start(config);
        QTRY_VERIFY_WITH_TIMEOUT(cursorOf(*store).epoch == server.epoch, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(sync->status().state == SyncState::Ready, 10000);
    }

    [[nodiscard]] qint64 lastAck() const
    {
        const QList<Received> acks = server.sent(u"ack"_s);
        return acks.isEmpty() ? 0 : acks.last().frame.value("seq"_L1).toInteger();
    }

    [[nodiscard]] SyncState state() const { return sync ? sync->status().state : SyncState::Idle; }

    QJsonObject messageCreated(
        const QString &id, qint64 cseq, const QString &body, const QString &sender = u"u_bob"_s) const
    {
        return {{u"message"_s, messageRecord(id, u"c1"_s, cseq, sender, body)}};
    }
};

} // namespace tandem::sync::test
