#include "demoseed.h"

#include "accounts.h"
#include "mutationengine.h"

#include "approvals/demoapprovals.h"
#include "tasks/demotasks.h"

#include "protocol/codec.h"
#include "protocol/fields.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QtEndian>

#include <random>

namespace tandem::server {

using namespace Qt::StringLiterals;

namespace {

struct DemoUser
{
    const char *id;
    const char *name;
    const char *display;
    const char *org;
    const char *timeZone;
};

constexpr DemoUser kUsers[] = {
    {"u_alice", "alice", "Alice Martin", "org_demo", "Europe/London"},
    {"u_bob", "bob", "Bob Okafor", "org_demo", "Europe/London"},
    {"u_chen", "chen", "陈伟 Chen Wei", "org_demo", "Asia/Shanghai"},
    {"u_dana", "dana", "Dana Cohen", "org_demo", "Europe/Berlin"},
    {"u_eve", "eve", "Eve Laurent", "org_demo", "Europe/Paris"},
    {"u_frank", "frank", "Frank Müller", "org_demo", "Europe/Berlin"},
    {"u_grace", "grace", "Grace Liu", "org_demo", "Asia/Singapore"},
    {"u_hui", "hui", "王慧 Wang Hui", "org_demo", "Asia/Shanghai"},
    {"u_kevin", "kevin", "Kevin Zhang 张凯", "org_kunlun", "Asia/Shanghai"},
    {"u_lily", "lily", "Lily Zhao 赵莉", "org_kunlun", "Asia/Shanghai"},
    {"u_mei", "mei", "Mei", "", "Asia/Shanghai"},
    {"u_tom", "tom", "Tom", "", "Europe/London"},
    {"u_oscar", "oscar", "Oscar Reyes", "org_other", "America/New_York"},
    {"u_olivia", "olivia", "Olivia Brown", "org_other", "America/New_York"},
};

// Lines people write; each conversation draws from the ones that fit it.
const char *const kTeamLines[] = {
    "Morning! Standup in 10 minutes.",
    "I pushed the fix for the login timeout, can someone review?",
    "Reviewed, two small comments, otherwise good to go 👍",
    "The staging build is green again.",
    "Can we move the design review to Thursday?",
    "Thursday works for me.",
    "Release notes draft is in the shared folder.",
    "Who owns the migration script?",
    "I do, I'll have it ready by Friday.",
    "Customer demo went well, they liked the offline mode.",
    "早上好，今天的发布计划不变。",
    "测试环境已经更新，大家可以开始验证了。",
    "这个问题我来跟进，下午给大家回复。",
    "收到，谢谢！",
    "周五之前能完成吗？",
    "可以，没问题。",
    "Lunch at 12:30?",
    "Let's ship it at 15:00.",
    "Numbers for Q3 are in the dashboard.",
    "Great work everyone 🎉",
};

const char *const kCustomerLines[] = {
    "Hello from Kunlun Trading! We received the quote, thank you.",
    "您好，报价单已经收到，谢谢。",
    "Could you confirm the delivery date for the second batch?",
    "第二批货预计下周三发出。",
    "Perfect, we will prepare the warehouse.",
    "请问发票抬头需要修改吗？",
    "No change needed, the same as last time.",
    "好的，我们会按原来的信息开具。",
    "Our finance team will pay by the end of the month.",
    "谢谢合作！",
};

const char *const kFamilyLines[] = {
    "Dinner on Sunday?",
    "周日晚上可以，我带饺子 🥟",
    "I'll bring dessert.",
    "Don't forget Grandma's birthday next week!",
    "已经订好蛋糕了。",
    "Photos from the weekend 📷",
    "Safe travels!",
    "到家了，晚安。",
};

quint32 crc32(QByteArrayView data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian(quint32(data.size()), out.data());
    out += QByteArray(type, 4) + data;
    QByteArray crc(4, Qt::Uninitialized);
    qToBigEndian(crc32(QByteArrayView(out).sliced(4)), crc.data());
    return out + crc;
}

// The demo's picture: a whiteboard with three sticky notes and a rising line, computed pixel by pixel
// (the server has no image library), the same bytes every time.
QByteArray whiteboardPng()
{
    constexpr int kWidth = 640, kHeight = 400;
    struct Note
    {
        int x, y, w, h;
        quint8 r, g, b;
    };
    constexpr Note kNotes[] = {{40, 40, 150, 110, 255, 213, 79}, {220, 60, 150, 110, 129, 212, 250},
        {400, 40, 150, 110, 165, 214, 167}};
    QByteArray raw;
    raw.reserve(kHeight * (1 + kWidth * 3));
    for (int y = 0; y < kHeight; ++y) {
        raw.append('\0'); // filter: none
        for (int x = 0; x < kWidth; ++x) {
            quint8 r = 250, g = 250, b = 246; // the board
            if (x < 8 || y < 8 || x >= kWidth - 8 || y >= kHeight - 8)
                r = g = b = 170; // its frame
            for (const Note &n : kNotes)
                if (x >= n.x && x < n.x + n.w && y >= n.y && y < n.y + n.h) {
                    r = n.r;
                    g = n.g;
                    b = n.b;
                    if (y >= n.y + 30 && y < n.y + 36 && x >= n.x + 16 && x < n.x + n.w - 30)
                        r = g = b = 90; // a line of writing
                }
            const int lineY = 360 - (x - 40) * 150 / 560; // the chart's rising line
            if (x >= 40 && x < 600 && std::abs(y - lineY) <= 2)
                r = 220, g = 60, b = 60;
            if ((x >= 38 && x <= 40 && y >= 200 && y <= 362) || (y >= 360 && y <= 362 && x >= 38 && x < 610))
                r = g = b = 60; // axes
            raw.append(char(r));
            raw.append(char(g));
            raw.append(char(b));
        }
    }
    QByteArray ihdr(13, '\0');
    qToBigEndian(quint32(kWidth), ihdr.data());
    qToBigEndian(quint32(kHeight), ihdr.data() + 4);
    ihdr[8] = 8; // bits per sample
    ihdr[9] = 2; // RGB
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr)
        + pngChunk("IDAT", qCompress(raw, 9).mid(4)) + pngChunk("IEND", {});
}

QString fixedUuid(int n)
{
    return u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0'));
}

class Seeder
{
public:
    Seeder(ServerStore &store, QString attachmentsDirectory)
        : m_store(store)
        , m_attachmentsDirectory(std::move(attachmentsDirectory))
        , m_accounts(store)
        , m_engine(store, protocol::Limits(), Policy {0, 0}, {u"approvals"_s, u"tasks"_s})
    { }

    Status run()
    {
        TANDEM_TRY(m_accounts.createOrganisation(u"org_demo"_s, u"Demo Co"_s));
        TANDEM_TRY(m_accounts.createOrganisation(u"org_kunlun"_s, u"Kunlun Trading"_s));
        TANDEM_TRY(m_accounts.createOrganisation(u"org_other"_s, u"Other Ltd"_s));
        TANDEM_TRY(m_accounts.createSpace(u"sp_demo_work"_s, u"Demo Co"_s, u"work"_s, u"org_demo"_s));
        TANDEM_TRY(m_accounts.createSpace(u"sp_demo_personal"_s, u"Personal"_s, u"personal"_s, QString()));
        TANDEM_TRY(m_accounts.createSpace(u"sp_other_work"_s, u"Other Ltd"_s, u"work"_s, u"org_other"_s));
        // One Argon2id hash of "demo" for every demo account: seeding stays fast, and demo accounts
        // are public anyway.
        const QString hash = Accounts::hashPassword(u"demo"_s);
        for (const DemoUser &u : kUsers) {
            UserRow row;
            row.id = QString::fromUtf8(u.id);
            row.userName = QString::fromUtf8(u.name);
            row.displayName = QString::fromUtf8(u.display);
            row.organisationId = QString::fromUtf8(u.org);
            row.timeZone = QString::fromUtf8(u.timeZone);
            row.passwordHash = hash;
            if (row.organisationId == u"org_demo"_s && row.id != u"u_alice"_s)
                row.managerId = u"u_alice"_s;
            TANDEM_TRY(m_accounts.createUser(row, QString()));
        }
        const QStringList demoCo {u"u_alice"_s, u"u_bob"_s, u"u_chen"_s, u"u_dana"_s, u"u_eve"_s,
            u"u_frank"_s, u"u_grace"_s, u"u_hui"_s};
        for (const QString &u : demoCo + QStringList {u"u_kevin"_s, u"u_lily"_s})
            TANDEM_TRY(m_accounts.addToSpace(u"sp_demo_work"_s, u));
        for (const QString &u : {u"u_alice"_s, u"u_bob"_s, u"u_mei"_s, u"u_tom"_s})
            TANDEM_TRY(m_accounts.addToSpace(u"sp_demo_personal"_s, u));
        for (const QString &u : {u"u_oscar"_s, u"u_olivia"_s})
            TANDEM_TRY(m_accounts.addToSpace(u"sp_other_work"_s, u));

        // History starts three weeks ago and moves forward message by message.
        m_now = protocol::nowMs() - 21LL * 24 * 3600 * 1000;
        const QString work = u"sp_demo_work"_s;
        const QString general = fixedUuid(1), launch = fixedUuid(2), kunlun = fixedUuid(3),
                      aliceBob = fixedUuid(4), aliceChen = fixedUuid(5), family = fixedUuid(6),
                      aliceMei = fixedUuid(7), other = fixedUuid(8);
        QStringList generalMembers = demoCo;
        generalMembers.removeAll(u"u_alice"_s);
        TANDEM_TRY(create(work, u"u_alice"_s, general, u"channel"_s, u"general"_s, generalMembers,
            u"Company-wide news and chat"_s));
        TANDEM_TRY(create(work, u"u_alice"_s, launch, u"group"_s, u"Launch team"_s,
            {u"u_bob"_s, u"u_chen"_s, u"u_dana"_s}));
        TANDEM_TRY(create(work, u"u_alice"_s, kunlun, u"group"_s, u"Kunlun Trading × Demo Co"_s,
            {u"u_bob"_s, u"u_kevin"_s, u"u_lily"_s}));
        TANDEM_TRY(create(work, u"u_alice"_s, aliceBob, u"direct"_s, QString(), {u"u_bob"_s}));
        TANDEM_TRY(create(work, u"u_alice"_s, aliceChen, u"direct"_s, QString(), {u"u_chen"_s}));
        TANDEM_TRY(create(
            u"sp_demo_personal"_s, u"u_alice"_s, family, u"group"_s, u"Family"_s, {u"u_mei"_s, u"u_tom"_s}));
        TANDEM_TRY(
            create(u"sp_demo_personal"_s, u"u_alice"_s, aliceMei, u"direct"_s, QString(), {u"u_mei"_s}));
        TANDEM_TRY(
            create(u"sp_other_work"_s, u"u_oscar"_s, other, u"group"_s, u"Other team"_s, {u"u_olivia"_s}));

        std::mt19937 rng(42); // fixed: the demo is the same every time
        struct Plan
        {
            QString space;
            QString conversation;
            QStringList senders;
            const char *const *lines;
            int lineCount;
            int messages;
        };
        const QList<Plan> plans {
            {work, general, demoCo, kTeamLines, int(std::size(kTeamLines)), 120},
            {work, launch, {u"u_alice"_s, u"u_bob"_s, u"u_chen"_s, u"u_dana"_s}, kTeamLines,
                int(std::size(kTeamLines)), 90},
            {work, kunlun, {u"u_alice"_s, u"u_bob"_s, u"u_kevin"_s, u"u_lily"_s}, kCustomerLines,
                int(std::size(kCustomerLines)), 40},
            {work, aliceBob, {u"u_alice"_s, u"u_bob"_s}, kTeamLines, int(std::size(kTeamLines)), 30},
            {work, aliceChen, {u"u_alice"_s, u"u_chen"_s}, kTeamLines, int(std::size(kTeamLines)), 20},
            {u"sp_demo_personal"_s, family, {u"u_alice"_s, u"u_mei"_s, u"u_tom"_s}, kFamilyLines,
                int(std::size(kFamilyLines)), 30},
            {u"sp_demo_personal"_s, aliceMei, {u"u_alice"_s, u"u_mei"_s}, kFamilyLines,
                int(std::size(kFamilyLines)), 15},
            {u"sp_other_work"_s, other, {u"u_oscar"_s, u"u_olivia"_s}, kTeamLines, int(std::size(kTeamLines)),
                25},
        };
        // Interleave the conversations over time, as real traffic would be.
        QList<int> sent(plans.size(), 0);
        QHash<QString, QString> lastMessage;
        const int total = std::accumulate(
            plans.cbegin(), plans.cend(), 0, [](int n, const Plan &p) { return n + p.messages; });
        const qint64 step = (21LL * 24 * 3600 * 1000 - 3600 * 1000) / total;
        for (int i = 0; i < total; ++i) {
            int k = int(rng() % quint32(plans.size()));
            while (sent[k] >= plans[k].messages)
                k = (k + 1) % int(plans.size());
            const Plan &p = plans[k];
            ++sent[k];
            m_now += step / 2 + qint64(rng() % quint32(step));
            const QString sender = p.senders[int(rng() % quint32(p.senders.size()))];
            const QString body = QString::fromUtf8(p.lines[rng() % quint32(p.lineCount)]);
            QJsonObject payload {{u"message_id"_s, protocol::newUuid()},
                {u"conversation_id"_s, p.conversation}, {u"body"_s, body}, {u"format"_s, u"markdown"_s}};
            // Now and then a thread reply to the previous message of the conversation.
            if (lastMessage.contains(p.conversation) && rng() % 12 == 0)
                payload.insert(u"thread_root_id"_s, lastMessage.value(p.conversation));
            else
                lastMessage.insert(p.conversation, payload.value(u"message_id"_s).toString());
            TANDEM_TRY(mutate(p.space, sender, u"message.send"_s, payload));
            if (rng() % 7 == 0) {
                const QString reactor = p.senders[int(rng() % quint32(p.senders.size()))];
                TANDEM_TRY(mutate(p.space, reactor, u"reaction.add"_s,
                    {{u"conversation_id"_s, p.conversation},
                        {u"message_id"_s, payload.value(u"message_id"_s)},
                        {u"emoji"_s, rng() % 2 ? u"👍"_s : u"🎉"_s}}));
            }
        }
        // Everyone has read most of what was said.
        for (const Plan &p : plans)
            for (const QString &member : p.senders)
                TANDEM_TRY(mutate(p.space, member, u"receipt.mark"_s,
                    {{u"conversation_id"_s, p.conversation}, {u"up_to_cseq"_s, p.messages - 2}}));
        // Bob's photo of the whiteboard, the newest message of the launch team.
        if (!m_attachmentsDirectory.isEmpty())
            TANDEM_TRY(sendPicture(work, launch, u"u_bob"_s));
        // Approvals: templates, roles, holidays and requests in every state (two days ago onwards).
        TANDEM_TRY(approvals::seedDemoApprovals(m_store, protocol::nowMs() - 48LL * 3600 * 1000,
            [this](const QString &user, const QString &kind, const QJsonObject &payload, qint64 at) {
                m_now = at;
                return mutate(u"sp_demo_work"_s, user, kind, payload);
            }));
        // Tasks for Alice and Bob: one from a message, one overdue, one due today with a checklist.
        TANDEM_TRY(tasks::seedDemoTasks(protocol::nowMs(), launch, aliceBob,
            [this](const QString &user, const QString &device, const QString &kind,
                const QJsonObject &payload, qint64 at) {
                m_now = at;
                return mutate(u"sp_demo_work"_s, user, kind, payload, device);
            }));
        return {};
    }

private:
    Status create(const QString &space, const QString &creator, const QString &id, const QString &kind,
        const QString &name, const QStringList &members, const QString &topic = {})
    {
        QJsonObject payload {{u"conversation_id"_s, id}, {u"kind"_s, kind},
            {u"member_ids"_s, QJsonArray::fromStringList(members)}};
        if (!name.isEmpty())
            payload.insert(u"name"_s, name);
        if (!topic.isEmpty())
            payload.insert(u"topic"_s, topic);
        m_now += 60 * 1000;
        return mutate(space, creator, u"conversation.create"_s, payload);
    }

    // An uploaded picture (as if the upload had finished) and the message that carries it.
    Status sendPicture(const QString &space, const QString &conversation, const QString &sender)
    {
        const QByteArray bytes = whiteboardPng();
        AttachmentRow row;
        row.id = fixedUuid(100);
        row.uploaderId = sender;
        row.spaceId = space;
        row.name = u"whiteboard.png"_s;
        row.mimeType = u"image/png"_s;
        row.sizeBytes = bytes.size();
        row.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        row.receivedBytes = bytes.size();
        row.complete = true;
        row.fileName = u"demo_whiteboard.bin"_s;
        row.updatedAt = m_now;
        QDir().mkpath(m_attachmentsDirectory);
        QFile file(m_attachmentsDirectory + u'/' + row.fileName);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            return Error::make(ErrorCode::Io, u"cannot write the demo picture: %1"_s.arg(file.errorString()));
        file.close();
        TANDEM_TRY(m_store.begin());
        if (auto s = m_store.putAttachment(row); !s) {
            m_store.rollback();
            return s;
        }
        TANDEM_TRY(m_store.commit());
        m_now += 60 * 1000;
        return mutate(space, sender, u"message.send"_s,
            {{u"message_id"_s, fixedUuid(101)}, {u"conversation_id"_s, conversation},
                {u"body"_s, u"Whiteboard from today's planning 📷"_s}, {u"format"_s, u"markdown"_s},
                {u"attachment_ids"_s, QJsonArray {row.id}}});
    }

    Status mutate(const QString &space, const QString &user, const QString &kind, const QJsonObject &payload,
        const QString &device = {})
    {
        MutationRequest request {user, device, space, protocol::newUuid(), kind, m_now, payload};
        auto outcome = m_engine.process(request, m_now);
        if (!outcome)
            return outcome.error();
        if (outcome->result.value(u"status"_s).toString() != u"applied"_s)
            return Error::make(ErrorCode::Invalid,
                u"demo %1 by %2 was rejected: %3"_s.arg(
                    kind, user, outcome->result.value(u"reason"_s).toString()));
        return {};
    }

    ServerStore &m_store;
    QString m_attachmentsDirectory;
    Accounts m_accounts;
    MutationEngine m_engine;
    qint64 m_now = 0;
};

} // namespace

Status seedDemo(ServerStore &store, const QString &attachmentsDirectory)
{
    auto empty = store.isEmpty();
    if (!empty)
        return empty.error();
    if (!*empty)
        return {};
    return Seeder(store, attachmentsDirectory).run();
}

} // namespace tandem::server
