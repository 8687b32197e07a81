#include "benchseed.h"

#include "accounts.h"
#include "mutationengine.h"

#include "protocol/codec.h"
#include "protocol/fields.h"

#include <QJsonArray>

#include <array>

namespace tandem::server {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kSpace = u"sp_bench"_s;
const QString kPassword = u"bench"_s;

// Bodies of plausible length and mixed script, so the client's search index does real work.
constexpr std::array kWords {"shipment", "invoice", "合同", "客户", "deadline", "review", "报价", "明天",
    "meeting", "the", "approval", "我们", "update", "发货", "budget", "please", "确认", "draft", "today",
    "库存"};

QString body(quint64 n)
{
    QString out;
    quint64 x = n * 0x9E3779B97F4A7C15ULL + 1;
    const int words = 6 + int(x % 14);
    for (int i = 0; i < words; ++i) {
        x ^= x >> 13;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 29;
        if (i)
            out += u' ';
        out += QString::fromUtf8(kWords[x % kWords.size()]);
    }
    return out;
}

class BenchSeeder
{
public:
    BenchSeeder(ServerStore &store, const BenchSeedOptions &options)
        : m_store(store)
        , m_options(options)
        , m_accounts(store)
        , m_engine(store, protocol::Limits(), Policy())
    { }

    Result<QJsonObject> run()
    {
        TANDEM_TRY(m_accounts.createOrganisation(u"org_bench"_s, u"Bench Co"_s));
        TANDEM_TRY(m_accounts.createSpace(kSpace, u"Bench Co"_s, u"work"_s, u"org_bench"_s));
        for (const auto &[id, name] : {std::pair {u"u_reader"_s, u"reader"_s},
                 std::pair {u"u_bench_a"_s, u"bench_a"_s}, std::pair {u"u_bench_b"_s, u"bench_b"_s}})
            TANDEM_TRY(person(id, name, kPassword));
        QStringList load;
        for (int i = 0; i < m_options.loadUsers; ++i) {
            const QString id = u"u_load%1"_s.arg(i, 5, 10, QLatin1Char('0'));
            TANDEM_TRY(person(id, u"load%1"_s.arg(i, 5, 10, QLatin1Char('0')), QString(), true));
            load << id;
        }

        // The pair's direct conversation, and the channel everybody is in (created with the first 256
        // members, the rest added 256 at a time: the protocol's bounds).
        const QString pair = protocol::newUuid();
        TANDEM_TRY(mutate(u"u_bench_a"_s, u"conversation.create"_s,
            {{u"conversation_id"_s, pair}, {u"kind"_s, u"direct"_s},
                {u"member_ids"_s, QJsonArray {u"u_bench_b"_s}}}));
        const QString channel = protocol::newUuid();
        QStringList everyone = QStringList {u"u_bench_b"_s} + load;
        TANDEM_TRY(mutate(u"u_bench_a"_s, u"conversation.create"_s,
            {{u"conversation_id"_s, channel}, {u"kind"_s, u"channel"_s}, {u"name"_s, u"all-hands"_s},
                {u"member_ids"_s, QJsonArray::fromStringList(everyone.mid(0, 256))}}));
        for (qsizetype at = 256; at < everyone.size(); at += 256)
            TANDEM_TRY(mutate(u"u_bench_a"_s, u"member.add"_s,
                {{u"conversation_id"_s, channel},
                    {u"user_ids"_s, QJsonArray::fromStringList(everyone.mid(at, 256))}}));

        // The reader's history: conversations with a and b, the messages spread over them.
        QStringList history;
        for (int c = 0; c < m_options.historyConversations; ++c) {
            history << protocol::newUuid();
            TANDEM_TRY(mutate(u"u_bench_a"_s, u"conversation.create"_s,
                {{u"conversation_id"_s, history.last()}, {u"kind"_s, u"group"_s},
                    {u"name"_s, u"Project %1"_s.arg(c + 1)},
                    {u"member_ids"_s, QJsonArray {u"u_reader"_s, u"u_bench_b"_s}}}));
        }
        static const std::array senders {u"u_bench_a"_s, u"u_bench_b"_s, u"u_reader"_s};
        for (int m = 0; m < m_options.historyMessages && !history.isEmpty(); ++m)
            TANDEM_TRY(mutate(senders[size_t(m) % senders.size()], u"message.send"_s,
                {{u"message_id"_s, protocol::newUuid()}, {u"conversation_id"_s, history[m % history.size()]},
                    {u"body"_s, body(quint64(m))}, {u"format"_s, u"plain"_s}}));

        // Devices and tokens for the load users, then where each stream stands.
        QJsonArray devices;
        for (const QString &user : load) {
            auto row = m_store.user(user);
            if (!row)
                return row.error();
            QList<Accounts::LoginGrant> grants;
            for (int d = 0; d < m_options.devicesPerUser; ++d) {
                auto grant
                    = m_accounts.grantLogin(**row, std::nullopt, u"bench device %1"_s.arg(d), u"bot"_s);
                if (!grant)
                    return grant.error();
                grants << *grant;
            }
            auto head = m_store.ensureStream(kSpace, user);
            if (!head)
                return head.error();
            for (const Accounts::LoginGrant &g : grants)
                devices.append(QJsonObject {{u"user_id"_s, user}, {u"device_id"_s, g.deviceId},
                    {u"token"_s, g.token}, {u"epoch"_s, head->epoch}, {u"cursor"_s, double(head->head)}});
        }
        return QJsonObject {{u"space_id"_s, kSpace}, {u"channel_id"_s, channel},
            {u"pair_conversation_id"_s, pair}, {u"password"_s, kPassword}, {u"reader"_s, u"reader"_s},
            {u"a"_s, u"bench_a"_s}, {u"b"_s, u"bench_b"_s},
            {u"history_messages"_s, m_options.historyMessages}, {u"load"_s, devices}};
    }

private:
    Status person(const QString &id, const QString &userName, const QString &password, bool bot = false)
    {
        UserRow row;
        row.id = id;
        row.userName = userName;
        row.displayName = userName;
        row.organisationId = u"org_bench"_s;
        row.bot = bot;
        TANDEM_TRY(m_accounts.createUser(row, password));
        return m_accounts.addToSpace(kSpace, id);
    }

    Status mutate(const QString &user, const QString &kind, const QJsonObject &payload)
    {
        m_now = std::max(m_now + 1, protocol::nowMs());
        MutationRequest request {user, QString(), kSpace, protocol::newUuid(), kind, m_now, payload};
        auto outcome = m_engine.process(request, m_now);
        if (!outcome)
            return outcome.error();
        if (outcome->result.value(u"status"_s).toString() != u"applied"_s)
            return Error::make(ErrorCode::Invalid,
                u"bench seed: %1 by %2 was rejected: %3"_s.arg(
                    kind, user, outcome->result.value(u"reason"_s).toString()));
        return {};
    }

    ServerStore &m_store;
    BenchSeedOptions m_options;
    Accounts m_accounts;
    MutationEngine m_engine;
    qint64 m_now = 0;
};

} // namespace

Result<QJsonObject> seedBench(ServerStore &store, const BenchSeedOptions &options)
{
    auto empty = store.isEmpty();
    if (!empty)
        return empty.error();
    if (!*empty)
        return Error::make(ErrorCode::AlreadyExists, u"seed-bench needs an empty data directory"_s);
    return BenchSeeder(store, options).run();
}

} // namespace tandem::server
