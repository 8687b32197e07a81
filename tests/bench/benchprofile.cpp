// tandem-bench-profile: writes the profile the app benchmark opens (run_app_bench.py), once, and reuses
// it while its marker says it was made with the same parameters.
//
// The profile holds one work space, created by Profile::createSpace with the default KDF (the app pays
// the real unlock cost), with 1,000,000 messages in 500 conversations. Bodies, users and conversations
// come from tandemctl's MessageGenerator (the corpus of `tandemctl bench store`); what the app
// benchmark needs exactly is decided here instead:
//   - the longest conversation (a group) holds exactly --longest messages (100,000), the others share
//     the rest by the same power law the generator uses (exponent 0.9 over popularity rank), each at
//     least one message; the order of messages in time is a seeded shuffle of that multiset;
//   - each message's conversation, sender (a member), per-conversation seq, thread root and reply are
//     recomputed for its conversation here; a leading @mention is re-aimed at a member;
//   - the longest conversation has no thread replies (replies that quote are kept), so its timeline is
//     exactly --longest rows whether the app lists thread replies inline or not;
//   - the profile's own user is alice (u0000), a member of every conversation, recorded as the space's
//     account with no server (a local space: nothing syncs during the benchmark).
//
// Output: one JSON object on stdout. The marker <out>/bench-profile.json is written last, so an
// interrupted run is redone rather than reused.
#include "messagegen.h"

#include "store/profile.h"
#include "store/syncstate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

using namespace tandem;
using namespace tandem::store;

namespace {

constexpr int kMarkerVersion = 1;
constexpr int kBatch = 10000; // messages per insertMessages call
constexpr int kBatchesPerTransaction = 10; // 100,000 messages per commit
const QString kSelfId = QStringLiteral("u0000");

struct Options
{
    qint64 messages = 1000000;
    int conversations = 500;
    qint64 longest = 100000;
    quint64 seed = 20250101;
    QString out;
    QString passphrase;
};

QJsonObject parametersOf(const Options &o)
{
    return QJsonObject {{QStringLiteral("version"), kMarkerVersion}, {QStringLiteral("messages"), o.messages},
        {QStringLiteral("conversations"), o.conversations}, {QStringLiteral("longest_messages"), o.longest},
        {QStringLiteral("seed"), QString::number(o.seed)}};
}

void fail(const QString &message)
{
    std::fprintf(stderr, "tandem-bench-profile: %s\n", qUtf8Printable(message));
    std::exit(1);
}

// How many messages each conversation gets: index 0 of the result is the longest.
std::vector<qint64> countsByRank(const Options &o)
{
    const int n = o.conversations;
    std::vector<double> weight(static_cast<size_t>(n));
    double rest = 0;
    for (int i = 1; i < n; ++i) {
        weight[size_t(i)] = 1.0 / std::pow(double(i + 1), 0.9);
        rest += weight[size_t(i)];
    }
    std::vector<qint64> counts(size_t(n), 1);
    counts[0] = o.longest;
    const qint64 shared = o.messages - o.longest;
    qint64 sum = o.longest;
    for (int i = 1; i < n; ++i) {
        counts[size_t(i)]
            = std::max<qint64>(1, qint64(std::floor(double(shared) * weight[size_t(i)] / rest)));
        sum += counts[size_t(i)];
    }
    // Rounding leaves a few messages over: they go to the second busiest, which stays below the longest.
    counts[1] += o.messages - sum;
    if (counts[1] >= o.longest || counts[1] < 1)
        fail(QStringLiteral("--longest %1 is too small for %2 messages in %3 conversations")
                 .arg(o.longest)
                 .arg(o.messages)
                 .arg(n));
    return counts;
}

class ProfileWriter
{
public:
    ProfileWriter(const Options &options, tandemctl::MessageGenerator &gen)
        : m_options(options)
        , m_gen(gen)
        , m_random(options.seed ^ 0x7a6e64656dULL)
    { }

    // Decides membership, who is longest, and the order in time of the conversations' messages.
    void plan()
    {
        m_conversations = m_gen.conversations();
        for (Conversation &c : m_conversations) {
            // The profile belongs to alice: she is in every conversation (in a direct chat, its first
            // member, one of the five named people, becomes her).
            if (c.kind == QStringLiteral("direct"))
                c.memberIds[0] = kSelfId;
            else if (!c.memberIds.contains(kSelfId))
                c.memberIds.prepend(kSelfId);
            c.memberIds.removeDuplicates();
        }
        const int n = int(m_conversations.size());
        std::vector<int> byRank(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i)
            byRank[size_t(i)] = i;
        std::shuffle(byRank.begin(), byRank.end(), m_random);
        // The longest is a group: many senders, the busiest kind of timeline to draw.
        const auto group = std::find_if(byRank.begin(), byRank.end(), [this](int c) {
            return m_conversations[size_t(c)].kind == QStringLiteral("group")
                && !m_conversations[size_t(c)].external;
        });
        std::iter_swap(byRank.begin(), group);
        m_longest = byRank[0];

        const std::vector<qint64> counts = countsByRank(m_options);
        m_order.reserve(size_t(m_options.messages));
        for (int rank = 0; rank < n; ++rank)
            m_order.insert(m_order.end(), size_t(counts[size_t(rank)]), quint16(byRank[size_t(rank)]));
        std::shuffle(m_order.begin(), m_order.end(), m_random);
        m_seq.assign(size_t(n), 0);
        m_last.assign(size_t(n), QString());
        m_userNames.clear();
        for (const User &u : m_gen.users())
            m_userNames.insert(u.id, u.userName);
    }

    [[nodiscard]] const Conversation &longest() const { return m_conversations[size_t(m_longest)]; }
    [[nodiscard]] const std::vector<Conversation> &conversations() const { return m_conversations; }

    // The next batch: the generator's bodies and times, re-aimed at the planned conversations.
    void nextBatch(std::vector<Message> &batch)
    {
        m_gen.nextBatch(kBatch, batch);
        for (Message &m : batch) {
            const int c = m_order[size_t(m_index++)];
            const Conversation &conversation = m_conversations[size_t(c)];
            const QStringList &members = conversation.memberIds;
            m.conversationId = conversation.id;
            m.senderId = members.at(qsizetype(m_random() % quint64(members.size())));
            m.seq = ++m_seq[size_t(c)];
            m.threadRootId.clear();
            m.replyToId.clear();
            const QString &previous = m_last[size_t(c)];
            const double r = double(m_random() >> 11) * 0x1.0p-53;
            if (!previous.isEmpty() && r < 0.06 && c != m_longest)
                m.threadRootId = previous;
            else if (!previous.isEmpty() && r < 0.09)
                m.replyToId = previous;
            m_last[size_t(c)] = m.id;
            if (!m.mentions.isEmpty() && m.body.startsWith(u'@')) {
                const QString who = members.at(qsizetype(m_random() % quint64(members.size())));
                const qsizetype space = m.body.indexOf(u' ');
                m.body = u'@' + m_userNames.value(who) + m.body.mid(space);
                m.mentions = QStringList {who};
            }
        }
    }

private:
    const Options &m_options;
    tandemctl::MessageGenerator &m_gen;
    std::mt19937_64 m_random;
    std::vector<Conversation> m_conversations;
    std::vector<quint16> m_order; // conversation index of each message, in time order
    std::vector<qint64> m_seq;
    std::vector<QString> m_last; // id of each conversation's last message
    QHash<QString, QString> m_userNames;
    qint64 m_index = 0;
    int m_longest = 0;
};

Status writeProfile(const Options &options, const QString &profileDir, QJsonObject &report)
{
    Profile profile(profileDir);
    // The default KDF parameters: the benchmark measures the real unlock.
    auto space = profile.createSpace(QStringLiteral("Work"), SpaceKind::Work, options.passphrase);
    if (!space)
        return space.error();
    SpaceStore::OpenOptions open;
    open.cacheKiB = 128 * 1024; // for the bulk load only; the app opens it with its own settings
    auto opened = profile.openSpace(*space, options.passphrase, open);
    if (!opened)
        return opened.error();
    SpaceStore &store = **opened;

    tandemctl::MessageGenerator::Options genOptions;
    genOptions.seed = options.seed;
    genOptions.messages = options.messages;
    genOptions.conversations = options.conversations;
    tandemctl::MessageGenerator gen(genOptions);
    ProfileWriter writer(options, gen);
    writer.plan();

    StoreChange change;
    const auto &users = gen.users();
    TANDEM_TRY(store.upsertUsers(users, change));
    for (const Conversation &c : writer.conversations())
        TANDEM_TRY(store.upsertConversation(c, change));
    SyncAccount self;
    self.userId = kSelfId;
    self.userName = users.front().userName;
    TANDEM_TRY(saveSyncAccount(store.db(), self));

    std::vector<Message> batch;
    qint64 written = 0;
    for (int k = 0;; ++k) {
        writer.nextBatch(batch);
        if (batch.empty())
            break;
        if (k % kBatchesPerTransaction == 0) {
            if (store.db().inTransaction())
                TANDEM_TRY(store.db().commit());
            TANDEM_TRY(store.db().begin());
        }
        StoreChange batchChange;
        auto n = store.insertMessages(batch, batchChange);
        if (!n)
            return n.error();
        written += *n;
        if (k % 10 == 9)
            std::fprintf(stderr, "\r  %lld messages", static_cast<long long>(written));
    }
    if (store.db().inTransaction())
        TANDEM_TRY(store.db().commit());
    std::fprintf(stderr, "\n");
    TANDEM_TRY(store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    TANDEM_TRY(store.db().exec("PRAGMA optimize"));
    auto stats = store.stats();
    if (!stats)
        return stats.error();
    report.insert(QStringLiteral("space_id"), space->meta.id);
    report.insert(QStringLiteral("longest_conversation"), writer.longest().id);
    report.insert(QStringLiteral("longest_conversation_name"), writer.longest().name);
    report.insert(QStringLiteral("stored_messages"), stats->messages);
    report.insert(QStringLiteral("stored_conversations"), stats->conversations);
    report.insert(QStringLiteral("users"), stats->users);
    report.insert(QStringLiteral("db_bytes"), stats->dbBytes);
    if (written != options.messages)
        return Error::make(ErrorCode::Invalid,
            QStringLiteral("wrote %1 messages, not %2").arg(written).arg(options.messages));
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes (or reuses) the profile of the app benchmark: one work space, N messages, M conversations."));
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"),
        QStringLiteral(
            "Cache folder: the profile goes to DIR/profile, the marker to DIR/bench-profile.json."),
        QStringLiteral("DIR"));
    const QCommandLineOption passphrase(QStringLiteral("passphrase"),
        QStringLiteral("The space's passphrase (a benchmark's, not a secret)."), QStringLiteral("WORD"));
    const QCommandLineOption messages(
        QStringLiteral("messages"), QStringLiteral("Messages (1000000)."), QStringLiteral("N"));
    const QCommandLineOption conversations(
        QStringLiteral("conversations"), QStringLiteral("Conversations (500)."), QStringLiteral("N"));
    const QCommandLineOption longest(QStringLiteral("longest"),
        QStringLiteral("Messages of the longest conversation (100000)."), QStringLiteral("N"));
    const QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("Generator seed."), QStringLiteral("S"));
    parser.addOptions({out, passphrase, messages, conversations, longest, seed});
    parser.process(app);

    Options o;
    o.out = parser.value(out);
    o.passphrase = parser.value(passphrase);
    if (o.out.isEmpty() || o.passphrase.isEmpty())
        fail(QStringLiteral("--out DIR and --passphrase WORD are required"));
    bool ok = true;
    if (parser.isSet(messages) && ok)
        o.messages = parser.value(messages).toLongLong(&ok);
    if (parser.isSet(conversations) && ok)
        o.conversations = parser.value(conversations).toInt(&ok);
    if (parser.isSet(longest) && ok)
        o.longest = parser.value(longest).toLongLong(&ok);
    if (parser.isSet(seed) && ok)
        o.seed = parser.value(seed).toULongLong(&ok);
    if (!ok || o.conversations < 10 || o.conversations > 60000 || o.longest < 1
        || o.messages < o.longest + o.conversations)
        fail(QStringLiteral(
            "bad numbers: at least 10 conversations (at most 60000), and enough messages for each"));

    const QDir dir(o.out);
    const QString markerPath = dir.filePath(QStringLiteral("bench-profile.json"));
    const QString profileDir = dir.filePath(QStringLiteral("profile"));
    QFile marker(markerPath);
    if (marker.open(QIODevice::ReadOnly)) {
        QJsonObject cached = QJsonDocument::fromJson(marker.readAll()).object();
        if (cached.value(QStringLiteral("parameters")).toObject() == parametersOf(o)
            && QFileInfo::exists(profileDir)) {
            cached.insert(QStringLiteral("reused"), true);
            cached.insert(QStringLiteral("profile"), QFileInfo(profileDir).absoluteFilePath());
            std::printf("%s\n", QJsonDocument(cached).toJson(QJsonDocument::Compact).constData());
            return 0;
        }
        marker.close();
    }
    // No marker, or another size: start from nothing.
    QFile::remove(markerPath);
    if (QFileInfo::exists(profileDir) && !QDir(profileDir).removeRecursively())
        fail(QStringLiteral("cannot remove the old profile in %1").arg(profileDir));
    if (!QDir().mkpath(profileDir))
        fail(QStringLiteral("cannot create %1").arg(profileDir));

    QElapsedTimer clock;
    clock.start();
    QJsonObject report;
    if (const Status s = writeProfile(o, profileDir, report); !s)
        fail(s.error().message);
    report.insert(QStringLiteral("parameters"), parametersOf(o));
    report.insert(QStringLiteral("messages"), o.messages);
    report.insert(QStringLiteral("conversations"), o.conversations);
    report.insert(QStringLiteral("longest_messages"), o.longest);
    report.insert(QStringLiteral("generate_seconds"), std::round(double(clock.elapsed()) / 100.0) / 10.0);
    if (!marker.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || marker.write(QJsonDocument(report).toJson()) < 0 || !marker.flush())
        fail(QStringLiteral("cannot write %1").arg(markerPath));
    marker.close();
    report.insert(QStringLiteral("reused"), false);
    report.insert(QStringLiteral("profile"), QFileInfo(profileDir).absoluteFilePath());
    std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    return 0;
}
