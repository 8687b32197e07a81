// bench sync: what the sync path costs, end to end, against a real tandem-server on loopback.
//
//   initial sync   An empty client syncs a space holding --messages messages (snapshot, then every
//                  conversation's history, as the app does for offline search) until it settles. Its
//                  rate is set against the raw limit measured in the same run: the very rows the sync
//                  stored, replayed by a bare SQLCipher loop (bench_raw.cpp) into a fresh database with
//                  the same schema and index, in transactions of 10,000 rows.
//   end to end     Two full clients (engine + encrypted store each), A and B, share a direct chat while
//                  --clients other sessions are connected. A sends at --rate messages/s for --seconds;
//                  the latency of each message runs from A's send() call (outbox write included) to
//                  B's store committing it.
//   fan-out        One message from A to a channel of all --clients sessions: the time until the last
//                  of them has received it (median of 5).
//   idle           --idle sessions connected at once, each resumed at its stream's head; the server's
//                  resident memory with all of them open.
// The server is seeded by `tandem-server admin seed-bench` (server/benchseed.h) before it starts.
#include "loadclient.h"
#include "serverprocess.h"

#include "../bench.h"
#include "../commands.h"
#include "../jsonwriter.h"
#include "../syncsession.h"

#include "store/profile.h"
#include "store/spacekey.h"
#include "store/syncstate.h"
#include "sync/spacesync.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;
using namespace tandemctl::bench;

namespace {

const QString kPassphrase = QStringLiteral("bench");

struct Options
{
    qint64 messages = 100000;
    int clients = 1000;
    int idle = 10000;
    int rate = 200;
    int seconds = 10;
    bool json = false;
    QString serverBinary;
};

// Runs the event loop until `done` holds or `timeoutMs` passes; false on timeout.
bool waitUntil(const std::function<bool()> &done, qint64 timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[size_t(std::clamp(p * double(v.size() - 1), 0.0, double(v.size() - 1)) + 0.5)];
}

// What a sync stored: its users, conversations and messages (with mentions), to replay through the
// bare loop.
struct Replay
{
    std::vector<User> users;
    std::vector<Conversation> conversations;
    std::vector<Message> messages;
};

Result<Replay> readReplay(StoreThread &store)
{
    return store
        .read<Replay>([](SpaceStore &s) -> Result<Replay> {
            Replay r;
            auto users = s.users();
            if (!users)
                return users.error();
            r.users.assign(users->begin(), users->end());
            auto conversations = s.conversations();
            if (!conversations)
                return conversations.error();
            r.conversations.assign(conversations->begin(), conversations->end());
            QHash<qint64, QStringList> mentions;
            auto m = s.db().cached("SELECT message_rowid, user_id FROM message_mentions");
            if (!m)
                return m.error();
            TANDEM_TRY(
                (*m)->forEachRow([&](const Statement &row) { mentions[row.int64(0)] << row.text(1); }));
            auto st = s.db().cached(
                "SELECT rowid, id, conversation_id, seq, sender_id, thread_root_id, reply_to_id, "
                "body, created_at FROM messages ORDER BY rowid");
            if (!st)
                return st.error();
            TANDEM_TRY((*st)->forEachRow([&](const Statement &row) {
                Message msg;
                msg.id = row.text(1);
                msg.conversationId = row.text(2);
                if (!row.isNull(3))
                    msg.seq = row.int64(3);
                msg.senderId = row.text(4);
                msg.threadRootId = row.text(5);
                msg.replyToId = row.text(6);
                msg.body = row.text(7);
                msg.createdAt = row.int64(8);
                msg.mentions = mentions.value(row.int64(0));
                r.messages.push_back(std::move(msg));
            }));
            return r;
        })
        .result();
}

// The raw limit: the same rows a sync stored, written by a bare SQLCipher loop into a fresh database
// with the same schema and index, 10,000 rows per transaction. Fewer, larger transactions are what
// make a store fast (FTS5 flushes its index at every commit); the sync engine's store thread merges
// queued writes into one transaction, so a per-frame baseline (500) would not be a limit at all: the
// engine beat it by half in the first runs.
Result<double> rawIngestRate(const QString &dir, const Replay &replay)
{
    RawWriter raw;
    TANDEM_TRY(raw.open(
        dir + QStringLiteral("/raw.db"), DataKey::generate(), 16 * 1024, replay.users, replay.conversations));
    QElapsedTimer t;
    t.start();
    qint64 written = 0;
    constexpr size_t kBatch = 10000;
    for (size_t at = 0; at < replay.messages.size(); at += kBatch) {
        const std::vector<Message> batch(replay.messages.begin() + qsizetype(at),
            replay.messages.begin() + qsizetype(std::min(at + kBatch, replay.messages.size())));
        auto n = raw.write(batch);
        if (!n)
            return n.error();
        written += *n;
    }
    return double(written) / (double(t.nsecsElapsed()) / 1e9);
}

// A local space synced with the bench server as `user`, logged in and ready to open.
Result<SpaceEntry> syncedSpace(
    Profile &profile, const QString &name, const QString &url, const QString &user, const QString &password)
{
    qputenv("TANDEM_PASSWORD", password.toUtf8());
    auto account
        = setUpServerSpace(QUrl(url), user, QStringLiteral("work"), name, QStringLiteral("sp_bench"));
    if (!account)
        return account.error();
    const KdfParams cheapKdf {1, 8 * 1024 * 1024}; // the KDF is not what this measures
    auto space = profile.createSpace(name, SpaceKind::Work, kPassphrase, false, cheapKdf);
    if (!space)
        return space.error();
    auto opened = profile.openSpace(*space, kPassphrase);
    if (!opened)
        return opened.error();
    TANDEM_TRY(saveSyncAccount((*opened)->db(), *account));
    return *space;
}

Result<qint64> messageCount(StoreThread &store)
{
    auto stats = store.read<StoreStats>([](SpaceStore &s) { return s.stats(); }).result();
    if (!stats)
        return stats.error();
    return stats->messages;
}

struct Figures
{
    double rawRate = 0;
    double seedSeconds = 0;
    double initialSeconds = 0;
    qint64 initialMessages = 0;
    std::vector<double> e2e;
    qint64 e2eSent = 0;
    std::vector<double> fanout;
    int clients = 0;
    int idle = 0;
    qint64 serverRssKb = -1;
    qint64 serverRssBaseKb = -1;
};

class SyncBench
{
public:
    SyncBench(Options options, QString root)
        : m_options(std::move(options))
        , m_root(std::move(root))
        , m_server(ServerProcess::locate(m_options.serverBinary))
        , m_profile(m_root + QStringLiteral("/profile"))
    {
        m_clock.start();
    }

    Status run(Figures &f)
    {
        const int devices
            = std::max(1, (m_options.idle + m_options.clients - 1) / std::max(1, m_options.clients));
        err() << "bench sync: seeding the server (" << m_options.clients << " users x " << devices
              << " devices, " << m_options.messages << " messages)\n"
              << Qt::flush;
        QElapsedTimer seedTimer;
        seedTimer.start();
        auto seed = m_server.seed(m_root + QStringLiteral("/server"),
            {QStringLiteral("--load-users"), QString::number(m_options.clients),
                QStringLiteral("--devices-per-user"), QString::number(devices), QStringLiteral("--messages"),
                QString::number(m_options.messages)});
        if (!seed)
            return seed.error();
        f.seedSeconds = double(seedTimer.elapsed()) / 1000;
        m_seed = *seed;
        // The server's default rate limit (50 mutations/s per connection, then slow_down) is for people;
        // A sends faster than that on purpose.
        auto url = m_server.start(m_root + QStringLiteral("/server"),
            {QStringLiteral("--mutation-rate"), QString::number(std::max(1000, 2 * m_options.rate))});
        if (!url)
            return url.error();
        m_url = *url;
        f.serverRssBaseKb = m_server.rssKb();

        TANDEM_TRY(initialSync(f));
        TANDEM_TRY(endToEnd(f));
        TANDEM_TRY(idle(f));
        m_load.clear();
        m_server.stop();
        return {};
    }

private:
    Status initialSync(Figures &f)
    {
        err() << "bench sync: initial sync\n" << Qt::flush;
        auto space = syncedSpace(m_profile, QStringLiteral("Reader"), m_url,
            m_seed.value(u"reader").toString(), m_seed.value(u"password").toString());
        if (!space)
            return space.error();
        auto store = openStoreThread(m_profile, *space, kPassphrase);
        if (!store)
            return store.error();
        sync::SyncConfig config = syncConfigFor(m_profile, *space, kPassphrase);
        QElapsedTimer t;
        t.start();
        const SyncOutcome outcome = runSync(**store, config, 600000);
        f.initialSeconds = double(t.nsecsElapsed()) / 1e9;
        if (!outcome.settled)
            return Error::make(ErrorCode::Unavailable,
                QStringLiteral("The initial sync did not finish: %1").arg(outcome.status.reason));
        auto count = messageCount(**store);
        if (!count)
            return count.error();
        f.initialMessages = *count;

        err() << "bench sync: the same rows through a bare SQLCipher loop\n" << Qt::flush;
        auto replay = readReplay(**store);
        if (!replay)
            return replay.error();
        auto raw = rawIngestRate(m_root, *replay);
        if (!raw)
            return raw.error();
        f.rawRate = *raw;
        return {};
    }

    Result<std::unique_ptr<sync::SpaceSync>> liveClient(
        const QString &name, const QString &user, std::unique_ptr<StoreThread> &store)
    {
        auto space = syncedSpace(m_profile, name, m_url, user, m_seed.value(u"password").toString());
        if (!space)
            return space.error();
        auto opened = openStoreThread(m_profile, *space, kPassphrase);
        if (!opened)
            return opened.error();
        store = std::move(*opened);
        sync::SyncConfig config = syncConfigFor(m_profile, *space, kPassphrase);
        config.backfillHistory = false; // A and B sit in the reader's history too; not what this measures
        config.snapshotMessagesPerConversation = 0;
        auto client = std::make_unique<sync::SpaceSync>(store.get(), config);
        bool settled = false;
        const auto hook
            = QObject::connect(client.get(), &sync::SpaceSync::settled, [&settled] { settled = true; });
        client->start();
        const bool ok = waitUntil([&] { return settled; }, 120000);
        QObject::disconnect(hook);
        if (!ok)
            return Error::make(ErrorCode::Unavailable, QStringLiteral("%1 did not become ready").arg(name));
        return client;
    }

    [[nodiscard]] int loadReady() const
    {
        return int(std::count_if(m_load.begin(), m_load.end(), [](const auto &c) { return c->isReady(); }));
    }
    [[nodiscard]] int loadSettled() const // ready, or given up
    {
        return int(std::count_if(m_load.begin(), m_load.end(),
            [](const auto &c) { return c->isReady() || !c->failure().isEmpty(); }));
    }

    // Opens `count` more load sessions (the next devices of the seed), in waves of 200 so that the
    // server's listen backlog never overflows, and waits for their welcome.
    void connectLoad(int count)
    {
        const QJsonArray load = m_seed.value(u"load").toArray();
        const qsizetype from = qsizetype(m_load.size());
        for (qsizetype i = from; i < from + count && i < load.size(); ++i) {
            const QJsonObject d = load[i].toObject();
            auto client = std::make_unique<LoadClient>(
                LoadIdentity {d.value(u"user_id").toString(), d.value(u"device_id").toString(),
                    d.value(u"token").toString(), m_seed.value(u"space_id").toString(),
                    d.value(u"epoch").toString(), qint64(d.value(u"cursor").toDouble())},
                &m_clock);
            client->open(m_url);
            m_load.push_back(std::move(client));
            if (m_load.size() % 200 == 0)
                waitUntil([&] { return loadSettled() >= int(m_load.size()) - 50; }, 30000);
        }
        waitUntil([&] { return loadSettled() >= int(m_load.size()); }, 120000);
    }

    Status endToEnd(Figures &f)
    {
        err() << "bench sync: " << m_options.clients << " connected clients, A -> B at " << m_options.rate
              << " msgs/s for " << m_options.seconds << " s\n"
              << Qt::flush;
        std::unique_ptr<StoreThread> storeA;
        std::unique_ptr<StoreThread> storeB;
        auto a = liveClient(QStringLiteral("A"), m_seed.value(u"a").toString(), storeA);
        if (!a)
            return a.error();
        auto b = liveClient(QStringLiteral("B"), m_seed.value(u"b").toString(), storeB);
        if (!b)
            return b.error();
        connectLoad(m_options.clients);
        f.clients = loadReady();

        // B: every committed change is stamped at once; the bodies say which send it was.
        QHash<qint64, double> sentAt; // send number -> ms
        QList<std::pair<QList<qint64>, double>> arrivals;
        const auto arrivalHook
            = QObject::connect(storeB.get(), &StoreThread::changed, [&](const StoreChange &change) {
                  if (!change.messageRowids.isEmpty())
                      arrivals.append({change.messageRowids, double(m_clock.nsecsElapsed()) / 1e6});
              });
        const QString pair = m_seed.value(u"pair_conversation_id").toString();
        const qint64 total = qint64(m_options.rate) * m_options.seconds;
        const double interval = 1000.0 / m_options.rate;
        const double start = double(m_clock.nsecsElapsed()) / 1e6;
        for (qint64 i = 0; i < total; ++i) {
            const double due = start + double(i) * interval;
            while (double(m_clock.nsecsElapsed()) / 1e6 < due)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            sentAt.insert(i, double(m_clock.nsecsElapsed()) / 1e6);
            (void)(*a)->sendMessage(pair, QStringLiteral("e2e %1").arg(i));
        }
        f.e2eSent = total;
        // Wait until B holds them all.
        const auto countE2e = [&]() -> qint64 {
            auto n = storeB
                         ->read<qint64>([](SpaceStore &s) -> Result<qint64> {
                             auto st = s.db().cached("SELECT count(*) FROM messages WHERE body LIKE 'e2e %'");
                             if (!st)
                                 return st.error();
                             auto row = (*st)->step();
                             if (!row)
                                 return row.error();
                             return (*st)->int64(0);
                         })
                         .result();
            return n ? *n : -1;
        };
        if (!waitUntil([&] { return countE2e() >= total; }, 60000))
            return Error::make(ErrorCode::Unavailable, QStringLiteral("B did not receive every message"));
        // Match arrivals to sends.
        QHash<qint64, double> rowArrival;
        for (const auto &[rows, at] : arrivals)
            for (qint64 r : rows)
                if (!rowArrival.contains(r))
                    rowArrival.insert(r, at);
        auto bodies
            = storeB
                  ->read<QList<std::pair<qint64, QString>>>(
                      [](SpaceStore &s) -> Result<QList<std::pair<qint64, QString>>> {
                          QList<std::pair<qint64, QString>> out;
                          auto st = s.db().cached("SELECT rowid, body FROM messages WHERE body LIKE 'e2e %'");
                          if (!st)
                              return st.error();
                          TANDEM_TRY((*st)->forEachRow([&](const Statement &row) {
                              out.append({row.int64(0), row.text(1)});
                          }));
                          return out;
                      })
                  .result();
        if (!bodies)
            return bodies.error();
        for (const auto &[rowid, body] : *bodies) {
            const qint64 n = body.mid(4).toLongLong();
            if (rowArrival.contains(rowid) && sentAt.contains(n))
                f.e2e.push_back(rowArrival.value(rowid) - sentAt.value(n));
        }

        // Fan-out: one message to the channel of every load client, five times.
        const QString channel = m_seed.value(u"channel_id").toString();
        for (int round = 0; round < 5; ++round) {
            int received = 0;
            double last = 0;
            std::vector<QMetaObject::Connection> hooks;
            for (const auto &c : m_load)
                hooks.push_back(
                    QObject::connect(c.get(), &LoadClient::messageArrived, [&](const QString &, qint64 at) {
                        ++received;
                        last = std::max(last, double(at));
                    }));
            const double t0 = double(m_clock.elapsed());
            (void)(*a)->sendMessage(channel, QStringLiteral("fan-out %1").arg(round));
            const bool all = waitUntil([&] { return received >= f.clients; }, 30000);
            for (const auto &h : hooks)
                QObject::disconnect(h);
            if (!all)
                return Error::make(ErrorCode::Unavailable,
                    QStringLiteral("Only %1 of %2 clients got the channel message")
                        .arg(received)
                        .arg(f.clients));
            f.fanout.push_back(last - t0);
            waitUntil([] { return false; }, 200);
        }
        QObject::disconnect(arrivalHook);
        (*a)->stop();
        (*b)->stop();
        return {};
    }

    Status idle(Figures &f)
    {
        err() << "bench sync: " << m_options.idle << " idle connections\n" << Qt::flush;
        connectLoad(m_options.idle - int(m_load.size()));
        waitUntil([] { return false; }, 2000); // let the server settle before measuring
        f.idle = loadReady();
        f.serverRssKb = m_server.rssKb();
        return {};
    }

    Options m_options;
    QString m_root;
    ServerProcess m_server;
    Profile m_profile;
    QJsonObject m_seed;
    QString m_url;
    QElapsedTimer m_clock;
    std::vector<std::unique_ptr<LoadClient>> m_load;
};

void report(const Options &o, const Figures &f)
{
    const double initialRate = f.initialSeconds > 0 ? double(f.initialMessages) / f.initialSeconds : 0;
    const double p50 = percentile(f.e2e, 0.50);
    const double p99 = percentile(f.e2e, 0.99);
    const double fanout = percentile(f.fanout, 0.5);
    if (o.json) {
        JsonWriter w;
        w.beginObject()
            .field(QStringLiteral("initial_sync_s"), std::round(f.initialSeconds * 1000) / 1000)
            .field(QStringLiteral("initial_sync_msgs_per_s"), qRound64(initialRate))
            .field(QStringLiteral("initial_sync_messages"), f.initialMessages)
            .field(QStringLiteral("store_raw_msgs_per_s"), qRound64(f.rawRate))
            .field(QStringLiteral("initial_sync_ratio_to_raw"),
                std::round(initialRate / f.rawRate * 1000) / 1000)
            .field(QStringLiteral("e2e_p50_ms"), std::round(p50 * 100) / 100)
            .field(QStringLiteral("e2e_p99_ms"), std::round(p99 * 100) / 100)
            .field(QStringLiteral("e2e_messages"), qint64(f.e2e.size()))
            .field(QStringLiteral("e2e_sent"), f.e2eSent)
            .field(QStringLiteral("e2e_rate_msgs_per_s"), o.rate)
            .field(QStringLiteral("connected_clients"), f.clients)
            .field(QStringLiteral("fanout_1000_ms"), std::round(fanout * 100) / 100)
            .field(QStringLiteral("fanout_members"), f.clients)
            .field(QStringLiteral("idle_connections"), f.idle)
            .field(QStringLiteral("server_rss_kb"), f.serverRssKb)
            .field(QStringLiteral("server_rss_at_start_kb"), f.serverRssBaseKb)
            .field(QStringLiteral("seed_s"), std::round(f.seedSeconds * 10) / 10)
            .endObject();
        out() << w.text() << Qt::flush;
        return;
    }
    out() << "initial sync   " << f.initialMessages << " messages in "
          << QString::number(f.initialSeconds, 'f', 2) << " s (" << qRound64(initialRate)
          << " msgs/s; raw store " << qRound64(f.rawRate) << " msgs/s; ratio "
          << QString::number(initialRate / f.rawRate, 'f', 3) << ")\n"
          << "end to end     p50 " << QString::number(p50, 'f', 2) << " ms, p99 "
          << QString::number(p99, 'f', 2) << " ms (" << f.e2e.size() << " messages at " << o.rate << "/s, "
          << f.clients << " clients connected)\n"
          << "fan-out        " << QString::number(fanout, 'f', 2) << " ms to " << f.clients << " members\n"
          << "idle           " << f.idle << " connections, server RSS " << f.serverRssKb / 1024 << " MiB\n"
          << Qt::flush;
}

int benchSync(Context &, const Arguments &args)
{
    Options o;
    o.json = args.isSet(QStringLiteral("json"));
    o.serverBinary = args.value(QStringLiteral("server-binary"));
    const auto number
        = [&](const char *name, qint64 fallback, qint64 min, qint64 max) -> std::optional<qint64> {
        const QString key = QLatin1StringView(name);
        if (!args.isSet(key))
            return fallback;
        bool ok = false;
        const qint64 v = args.value(key).toLongLong(&ok);
        if (!ok || v < min || v > max)
            return std::nullopt;
        return v;
    };
    const auto messages = number("messages", 100000, 1, 10000000);
    const auto clients = number("clients", 1000, 1, 20000);
    const auto idle = number("idle", 10000, 0, 60000);
    const auto rate = number("rate", 200, 1, 5000);
    const auto seconds = number("seconds", 10, 1, 600);
    if (!messages || !clients || !idle || !rate || !seconds)
        return usageError(QStringLiteral(
            "--messages, --clients, --idle, --rate and --seconds take positive whole numbers."));
    o.messages = *messages;
    o.clients = int(*clients);
    o.idle = int(std::max(*idle, *clients));
    o.rate = int(*rate);
    o.seconds = int(*seconds);

    QTemporaryDir root;
    if (!root.isValid())
        return fail(Error::make(ErrorCode::Io, QStringLiteral("Cannot make a temporary folder.")));
    Figures figures;
    SyncBench bench(o, root.path());
    if (Status s = bench.run(figures); !s)
        return fail(s.error());
    report(o, figures);
    return ExitOk;
}

} // namespace

QList<Command> benchSyncCommands()
{
    return {{QStringLiteral("bench sync"), QString(),
        QStringLiteral(
            "Measure sync against a local tandem-server: initial sync, latency, fan-out, idle connections."),
        QStringLiteral(
            "Starts its own tandem-server (next to tandemctl) on loopback, seeded for the run, and prints\n"
            "initial_sync_s, initial_sync_msgs_per_s, store_raw_msgs_per_s, e2e_p50_ms, e2e_p99_ms,\n"
            "idle_connections, server_rss_kb and fanout_1000_ms. Takes several minutes at the defaults."),
        {{QStringLiteral("messages"), QStringLiteral("N"),
             QStringLiteral("Messages in the initial sync (100000).")},
            {QStringLiteral("clients"), QStringLiteral("N"),
                QStringLiteral("Connected clients during the latency and fan-out runs (1000).")},
            {QStringLiteral("idle"), QStringLiteral("N"),
                QStringLiteral("Idle connections to hold (10000).")},
            {QStringLiteral("rate"), QStringLiteral("N"),
                QStringLiteral("Messages per second from A to B (200).")},
            {QStringLiteral("seconds"), QStringLiteral("N"), QStringLiteral("How long A sends (10).")},
            {QStringLiteral("server-binary"), QStringLiteral("PATH"),
                QStringLiteral("The tandem-server to run.")},
            {QStringLiteral("json"), QString(), QStringLiteral("Print one JSON object.")}},
        0, 0, benchSync}};
}

} // namespace tandemctl
