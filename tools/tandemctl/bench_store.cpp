// bench store: how fast the store takes in and searches a large corpus, and what Tandem's layers cost
// over a bare SQLCipher loop writing the same rows.
//
// Two writers, in one process, on fresh databases in one folder, with the same page cache:
//   ours: Profile::createSpace, then StoreThread::write jobs calling SpaceStore::insertMessages, one per
//         batch: the path import and sync take;
//   raw:  RawWriter (bench_raw.cpp): the same schema and index, made by tandem::store::migrate with the
//         same key, filled by prepared statements on the sqlite3 C API, BEGIN/COMMIT per batch.
// Both write the same rows: each message, its full-text entry, its mentions, and its conversation's
// last_message_at.
//
// The two runs are interleaved batch by batch: each batch is generated once, before either clock
// starts (generation is excluded from both), then written by one writer and by the other, the order
// alternating from batch to batch. Whatever else the machine does then weighs on both alike, and both
// databases grow in step; run one after the other on a shared machine, the ratio swung from 0.95 to 1.4
// with the load of other processes.
//
// Then 100 fixed queries run over SpaceStore::search (limit 20) twice on a fresh connection: the first
// pass is reported apart (it warms SQLite's page cache); the second gives the headline p50 and p99.
#include "bench.h"
#include "commands.h"
#include "jsonwriter.h"
#include "messagegen.h"
#include "passphrase.h"

#include "store/profile.h"
#include "store/storethread.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tandemctl {

using namespace tandem;
using namespace tandem::store;
using namespace tandemctl::bench;

namespace bench {

Progress::Progress(QString label, qint64 total)
    : m_label(std::move(label))
    , m_total(total)
    , m_show(stderrIsTerminal())
{ }

Progress::~Progress()
{
    if (m_show)
        err() << "\r\033[K" << Qt::flush;
}

void Progress::update(qint64 done)
{
    if (!m_show || done < m_next)
        return;
    err() << "\r  " << m_label << ": " << (done * 100 / std::max<qint64>(m_total, 1)) << "%" << Qt::flush;
    m_next = done + std::max<qint64>(m_total / 100, 1);
}

qint64 fileBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

} // namespace bench

namespace {

const QString kPassphrase = QStringLiteral("bench");
constexpr int kConversations = 500;
constexpr int kUsers = 300;
constexpr int kSlowestShown = 5;

struct BenchQuery
{
    const char16_t *text;
    const char16_t *conversation = nullptr; // conversation id filter
    const char16_t *sender = nullptr; // sender id filter
    double from = -1; // fraction of the corpus's year; -1: no bound
    double to = -1;
};

// Fixed, so runs compare: Chinese of 1 to 4 characters in both scripts, English words and prefixes,
// phrases, mixed queries, queries that match nothing, and a few with filters.
// clang-format off
constexpr BenchQuery kQueries[] = {
    // One character.
    {u"会"}, {u"會"}, {u"单"}, {u"單"}, {u"报"}, {u"報"}, {u"港"}, {u"审"}, {u"審"}, {u"款"},
    // Two characters, Simplified then Traditional.
    {u"会议"}, {u"客户"}, {u"上线"}, {u"报销"}, {u"审批"}, {u"预算"}, {u"发票"}, {u"延期"}, {u"故障"}, {u"合同"},
    {u"测试"}, {u"周报"}, {u"香港"}, {u"部署"},
    {u"會議"}, {u"客戶"}, {u"上線"}, {u"報銷"}, {u"審批"}, {u"預算"}, {u"發票"}, {u"測試"}, {u"週報"},
    // Three characters.
    {u"会议室"}, {u"會議室"}, {u"服务器"}, {u"伺服器"}, {u"数据库"}, {u"數據庫"}, {u"优先级"}, {u"優先級"},
    {u"供应商"}, {u"供應商"}, {u"里程碑"}, {u"云服务"}, {u"雲服務"},
    // Four characters, some across word boundaries.
    {u"人工智能"}, {u"负载均衡"}, {u"負載均衡"}, {u"机器学习"}, {u"機器學習"}, {u"知识产权"}, {u"知識產權"},
    {u"明天下午"}, {u"确认进度"}, {u"確認進度"}, {u"客户反馈"}, {u"客戶反饋"},
    // English words.
    {u"meeting"}, {u"release"}, {u"deploy"}, {u"invoice"}, {u"budget"}, {u"customer"}, {u"review"},
    {u"deadline"}, {u"contract"}, {u"approval"}, {u"the"}, {u"kubernetes"}, {u"xylograph"},
    // English prefixes (the last word of a query matches as a prefix).
    {u"deplo"}, {u"rele"}, {u"cust"}, {u"inv"}, {u"appr"}, {u"meet"}, {u"sched"}, {u"onb"}, {u"reimb"},
    // Phrases of several words.
    {u"customer feedback"}, {u"next week"}, {u"please check"},
    // Mixed scripts.
    {u"release 上线"}, {u"API 接口"}, {u"PR 合并"}, {u"demo 客户"}, {u"bug 修复"}, {u"deadline 延期"},
    {u"review 代碼"},
    // Nothing matches.
    {u"量子纠缠"}, {u"zebrafish"},
    // Filters: a conversation, a sender, a span of the year (fractions of it), or several.
    {u"会议", u"c0000"},
    {u"meeting", u"c0003"},
    {u"上线", u"c0010", nullptr, 0.5},
    {u"release", nullptr, u"u0001"},
    {u"审批", nullptr, u"u0002", 0.25, 0.75},
    {u"客户", nullptr, nullptr, 0.0, 0.25},
    {u"deploy", nullptr, nullptr, 0.5},
    {u"報銷", nullptr, nullptr, -1, 0.1},
};
// clang-format on
static_assert(std::size(kQueries) == 100, "the benchmark runs exactly 100 queries");

struct Options
{
    qint64 messages = 0;
    int batchSize = 2000;
    int cacheKiB = 16 * 1024;
    quint64 seed = 20250101;
};

struct Timing
{
    double seconds = 0;
    qint64 rows = 0;
    [[nodiscard]] double rate() const { return double(rows) / std::max(seconds, 1e-9); }
};

struct QueryTime
{
    QString text;
    double ms = 0;
    qsizetype hits = 0;
};

struct SearchTimes
{
    QList<double> firstPassMs; // the first pass, on a fresh connection
    QList<QueryTime> queries; // the second pass: the headline numbers
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank: p99 of 100 samples is the 99th smallest.
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank, 1, values.size()) - 1);
}

double roundTo(double v, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

qint64 peakRssKiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss); // kilobytes on Linux
}

SearchQuery toSearchQuery(const BenchQuery &q)
{
    SearchQuery s;
    s.text = QString::fromUtf16(q.text);
    s.limit = 20;
    if (q.conversation)
        s.conversationId = QString::fromUtf16(q.conversation);
    if (q.sender)
        s.senderId = QString::fromUtf16(q.sender);
    const auto at = [](double fraction) {
        return MessageGenerator::kFirstMs + qint64(fraction * double(MessageGenerator::kSpanMs));
    };
    if (q.from >= 0)
        s.fromMs = std::max<qint64>(at(q.from), 1);
    if (q.to >= 0)
        s.toMs = at(q.to);
    return s;
}

template<typename R> Result<R> await(QFuture<Result<R>> future)
{
    future.waitForFinished();
    return future.result();
}

// ours: a space of a profile, written through its store thread.
class OursWriter
{
public:
    Status open(const Profile &profile, const SpaceEntry &space, int cacheKiB, const MessageGenerator &corpus)
    {
        SpaceStore::OpenOptions options;
        options.cacheKiB = cacheKiB;
        QFuture<Status> opened = m_thread.open(profile, space, kPassphrase, options);
        opened.waitForFinished();
        TANDEM_TRY(opened.result());
        // Users and conversations: set-up, not measured (raw does the same).
        auto setUp
            = await(m_thread.write<bool>([&corpus](SpaceStore &s, StoreChange &change) -> Result<bool> {
                  TANDEM_TRY(s.upsertUsers(corpus.users(), change));
                  for (const Conversation &c : corpus.conversations())
                      TANDEM_TRY(s.upsertConversation(c, change));
                  return true;
              }));
        if (!setUp)
            return setUp.error();
        return {};
    }

    Result<int> write(const std::vector<Message> &batch)
    {
        return await(m_thread.write<int>(
            [&batch](SpaceStore &s, StoreChange &change) { return s.insertMessages(batch, change); }));
    }

    Result<StoreStats> stats()
    {
        return await(m_thread.read<StoreStats>([](SpaceStore &s) { return s.stats(); }));
    }

private:
    StoreThread m_thread;
};

// Writes the corpus with both writers, batch by batch, and times each.
Status ingest(const Options &options, OursWriter &ours, RawWriter &raw, MessageGenerator &corpus,
    Timing &oursTime, Timing &rawTime)
{
    Progress progress(QStringLiteral("ingest"), options.messages);
    std::vector<Message> batch;
    QElapsedTimer clock;
    for (qint64 k = 0;; ++k) {
        corpus.nextBatch(options.batchSize, batch);
        if (batch.empty())
            break;
        const bool oursFirst = k % 2 == 0;
        for (int turn = 0; turn < 2; ++turn) {
            const bool isOurs = (turn == 0) == oursFirst;
            clock.start();
            const Result<int> written = isOurs ? ours.write(batch) : raw.write(batch);
            const double seconds = double(clock.nsecsElapsed()) / 1e9;
            if (!written)
                return Error::make(written.error().code,
                    QStringLiteral("The %1 ingest failed: %2")
                        .arg(isOurs ? QStringLiteral("store") : QStringLiteral("raw"),
                            written.error().message));
            Timing &t = isOurs ? oursTime : rawTime;
            t.seconds += seconds;
            t.rows += *written;
        }
        // The store thread posts a change notice per commit; a real app would refresh its views here.
        QCoreApplication::processEvents();
        progress.update(corpus.produced());
    }
    return {};
}

Status search(const Options &options, const Profile &profile, const SpaceEntry &space, SearchTimes &times)
{
    SpaceStore::OpenOptions open;
    open.cacheKiB = options.cacheKiB;
    auto store = profile.openSpace(space, kPassphrase, open);
    if (!store)
        return store.error();
    for (int pass = 0; pass < 2; ++pass) {
        for (const BenchQuery &q : kQueries) {
            const SearchQuery query = toSearchQuery(q);
            QElapsedTimer clock;
            clock.start();
            auto hits = (*store)->search(query);
            const double ms = double(clock.nsecsElapsed()) / 1e6;
            if (!hits)
                return hits.error();
            if (pass == 0)
                times.firstPassMs.append(ms);
            else
                times.queries.append({query.text, ms, hits->size()});
        }
    }
    return {};
}

void printJson(const Options &options, const Timing &ours, const Timing &raw, const StoreStats &stats,
    qint64 rawBytes, const SearchTimes &searches, double generating, qint64 rss, const QString &kept)
{
    QList<double> ms;
    qint64 hits = 0;
    for (const QueryTime &q : searches.queries) {
        ms.append(q.ms);
        hits += q.hits;
    }
    QList<QueryTime> slowest = searches.queries;
    std::sort(
        slowest.begin(), slowest.end(), [](const QueryTime &a, const QueryTime &b) { return a.ms > b.ms; });
    slowest = slowest.mid(0, kSlowestShown);

    JsonWriter json;
    json.beginObject()
        .field(QStringLiteral("messages"), ours.rows)
        .field(QStringLiteral("conversations"), stats.conversations)
        .field(QStringLiteral("ingest_msgs_per_s"), qRound64(ours.rate()))
        .field(QStringLiteral("raw_msgs_per_s"), qRound64(raw.rate()))
        .field(QStringLiteral("ratio"), roundTo(ours.rate() / raw.rate(), 3))
        .field(QStringLiteral("search_p50_ms"), roundTo(percentile(ms, 50), 3))
        .field(QStringLiteral("search_p99_ms"), roundTo(percentile(ms, 99), 3))
        .field(QStringLiteral("db_bytes"), stats.dbBytes)
        .field(QStringLiteral("search_index_bytes"), stats.searchIndexBytes)
        .field(QStringLiteral("peak_rss_kb"), rss)
        .field(QStringLiteral("batch_size"), options.batchSize)
        .field(QStringLiteral("cache_kib"), options.cacheKiB)
        .field(QStringLiteral("seed"), qint64(options.seed))
        .field(QStringLiteral("interleaved"), true)
        .field(QStringLiteral("ingest_seconds"), roundTo(ours.seconds, 3))
        .field(QStringLiteral("raw_seconds"), roundTo(raw.seconds, 3))
        .field(QStringLiteral("generate_seconds_excluded"), roundTo(generating, 3))
        .field(QStringLiteral("raw_db_bytes"), rawBytes)
        .field(QStringLiteral("search_queries"), qint64(ms.size()))
        .field(QStringLiteral("search_mean_hits"),
            roundTo(double(hits) / double(std::max<qsizetype>(ms.size(), 1)), 2))
        .field(QStringLiteral("search_max_ms"), roundTo(percentile(ms, 100), 3))
        .field(QStringLiteral("search_first_pass_p50_ms"), roundTo(percentile(searches.firstPassMs, 50), 3))
        .field(QStringLiteral("search_first_pass_p99_ms"), roundTo(percentile(searches.firstPassMs, 99), 3));
    json.key(QStringLiteral("search_slowest")).beginArray();
    for (const QueryTime &q : slowest)
        json.beginObject(JsonWriter::Layout::Inline)
            .field(QStringLiteral("query"), q.text)
            .field(QStringLiteral("ms"), roundTo(q.ms, 3))
            .field(QStringLiteral("hits"), qint64(q.hits))
            .endObject();
    json.endArray();
    json.key(QStringLiteral("kept"));
    kept.isEmpty() ? json.null() : json.value(kept);
    json.endObject();
    out() << json.text() << Qt::flush;
}

void printText(const Options &options, const Timing &ours, const Timing &raw, const StoreStats &stats,
    const SearchTimes &searches, qint64 rss, const QString &kept)
{
    QList<double> ms;
    for (const QueryTime &q : searches.queries)
        ms.append(q.ms);
    out() << "Ingested " << formatCount(ours.rows) << " messages into " << stats.conversations
          << " conversations, batches of " << options.batchSize << ", " << formatCount(options.cacheKiB)
          << " KiB page cache, the two writers interleaved:\n"
          << "  ours  " << formatCount(qRound64(ours.rate())) << " msgs/s ("
          << QString::number(ours.seconds, 'f', 2) << " s)\n"
          << "  raw   " << formatCount(qRound64(raw.rate())) << " msgs/s ("
          << QString::number(raw.seconds, 'f', 2) << " s)\n"
          << "  ratio " << QString::number(ours.rate() / raw.rate(), 'f', 3) << " (ours / raw)\n"
          << "Search, 100 queries, limit 20: p50 " << QString::number(percentile(ms, 50), 'f', 2)
          << " ms, p99 " << QString::number(percentile(ms, 99), 'f', 2) << " ms\n"
          << "On disk " << formatBytes(stats.dbBytes) << " (search index "
          << formatBytes(stats.searchIndexBytes) << "); peak RSS " << formatCount(rss) << " KiB\n";
    if (!kept.isEmpty())
        out() << "Kept in " << kept << ": ours/ is a profile (space \"Bench\", passphrase \"" << kPassphrase
              << "\"), raw/ the baseline\n";
    out().flush();
}

int benchStore(Context &, const Arguments &args)
{
    const QString help = QStringLiteral("tandemctl bench store --help");
    Options options;
    const auto messages = parseCount(args.value(QStringLiteral("messages")), 1, 100'000'000);
    if (!messages)
        return usageError(
            QStringLiteral("Say how many messages to generate: --messages N (1 to 100,000,000)."), help);
    options.messages = *messages;
    if (args.isSet(QStringLiteral("batch-size"))) {
        const auto n = parseCount(args.value(QStringLiteral("batch-size")), 1, 100000);
        if (!n)
            return usageError(QStringLiteral("--batch-size is a number from 1 to 100000."), help);
        options.batchSize = int(*n);
    }
    if (args.isSet(QStringLiteral("cache-kib"))) {
        const auto n = parseCount(args.value(QStringLiteral("cache-kib")), 64, 4 * 1024 * 1024);
        if (!n)
            return usageError(QStringLiteral("--cache-kib is a number from 64 to 4194304."), help);
        options.cacheKiB = int(*n);
    }
    if (args.isSet(QStringLiteral("seed"))) {
        const auto n = parseCount(args.value(QStringLiteral("seed")), 0, std::numeric_limits<qint64>::max());
        if (!n)
            return usageError(QStringLiteral("--seed is a non-negative number."), help);
        options.seed = quint64(*n);
    }

    // Where the databases go: a temporary folder, removed afterwards, or --keep DIR.
    QTemporaryDir temporary;
    QString root;
    QString kept;
    if (args.isSet(QStringLiteral("keep"))) {
        root = QDir(args.value(QStringLiteral("keep"))).absolutePath();
        if (QDir(root).exists() && !QDir(root).isEmpty())
            return fail(QStringLiteral("%1 is not empty; --keep needs a new or empty folder.").arg(root));
        if (!QDir().mkpath(root + QStringLiteral("/raw")))
            return fail(QStringLiteral("Cannot create %1.").arg(root));
        kept = root;
    } else {
        if (!temporary.isValid())
            return fail(QStringLiteral("Cannot create a temporary folder: %1").arg(temporary.errorString()));
        root = temporary.path();
        QDir().mkpath(root + QStringLiteral("/raw"));
    }

    Profile profile(root + QStringLiteral("/ours"));
    // The key derivation is not what is measured: a cheap one keeps Argon2's 64 MiB out of the peak RSS.
    const KdfParams cheapKdf {1, 8 * 1024 * 1024};
    auto space = profile.createSpace(QStringLiteral("Bench"), SpaceKind::Work, kPassphrase, false, cheapKdf);
    if (!space)
        return fail(space.error());
    auto key = profile.unlockKey(*space, kPassphrase);
    if (!key)
        return fail(key.error());

    MessageGenerator corpus({options.seed, options.messages, kConversations, kUsers});
    Timing oursTime;
    Timing rawTime;
    StoreStats stats;
    qint64 rawBytes = 0;
    {
        OursWriter ours;
        if (auto s = ours.open(profile, *space, options.cacheKiB, corpus); !s)
            return fail(s.error());
        RawWriter raw;
        if (auto s = raw.open(root + QStringLiteral("/raw/space.db"), *key, options.cacheKiB, corpus); !s)
            return fail(QStringLiteral("Cannot set up the raw baseline: %1").arg(s.error().message));
        QElapsedTimer total;
        total.start();
        if (auto s = ingest(options, ours, raw, corpus, oursTime, rawTime); !s)
            return fail(s.error());
        auto measured = ours.stats();
        if (!measured)
            return fail(measured.error());
        stats = *measured;
        rawBytes = raw.bytes();
        // What the loop spent outside both clocks: generating the batches (and the progress line).
        const double generating = double(total.nsecsElapsed()) / 1e9 - oursTime.seconds - rawTime.seconds;
        SearchTimes searches;
        if (auto s = search(options, profile, *space, searches); !s)
            return fail(QStringLiteral("The search failed: %1").arg(s.error().message));
        const qint64 rss = peakRssKiB();
        if (args.isSet(QStringLiteral("json")))
            printJson(options, oursTime, rawTime, stats, rawBytes, searches, generating, rss, kept);
        else
            printText(options, oursTime, rawTime, stats, searches, rss, kept);
    }
    return ExitOk;
}

} // namespace

QList<Command> benchCommands()
{
    QList<Command> commands;
    commands.append(Command {
        QStringLiteral("bench store"),
        QStringLiteral("--messages N [--json] [--keep DIR]"),
        QStringLiteral("Measure the store: ingest against a bare SQLCipher loop, and search."),
        QStringLiteral(
            "Generates N messages from a seed, batch by batch: 500 conversations; Simplified and\n"
            "Traditional Chinese, English and mixed text; mostly 10 to 120 characters, a few up to\n"
            "2,000. Writes each batch twice, on fresh databases with the same page cache: through\n"
            "Tandem's store (createSpace, the store thread, SpaceStore::insertMessages) and through a\n"
            "bare SQLCipher prepared-statement loop with the same schema, key and index. The two\n"
            "writers take turns batch by batch, so the machine's other load weighs on both alike;\n"
            "generating a batch is outside both clocks. Then it runs 100 fixed queries (limit 20) twice\n"
            "and reports the second pass's p50 and p99 (the first pass is reported apart).\n\n"
            "With --json: {\"messages\", \"conversations\", \"ingest_msgs_per_s\", \"raw_msgs_per_s\",\n"
            "\"ratio\" (ours / raw), \"search_p50_ms\", \"search_p99_ms\", \"db_bytes\" (ours: database\n"
            "plus WAL after the ingest), \"search_index_bytes\", \"peak_rss_kb\", \"batch_size\",\n"
            "\"cache_kib\", and more detail}.\n\n"
            "The databases go in a temporary folder that is removed, unless --keep DIR names a new or\n"
            "empty folder: DIR/ours is then a profile (space \"Bench\", passphrase \"bench\") and DIR/raw\n"
            "holds the baseline."),
        {{QStringLiteral("messages"), QStringLiteral("N"), QStringLiteral("How many messages to generate.")},
            {QStringLiteral("json"), QString(), QStringLiteral("Print JSON.")},
            {QStringLiteral("keep"), QStringLiteral("DIR"), QStringLiteral("Keep the databases in DIR.")},
            {QStringLiteral("batch-size"), QStringLiteral("N"),
                QStringLiteral("Messages per transaction (2000).")},
            {QStringLiteral("cache-kib"), QStringLiteral("K"),
                QStringLiteral("Page cache per connection (16384).")},
            {QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("Seed of the corpus (20250101).")}},
        0,
        0,
        benchStore,
    });
    return commands;
}

} // namespace tandemctl
