// A seeded corpus of messages in Simplified and Traditional Chinese, English and mixed text, the
// brute-force search over it (searchreference.h), and queries cut from it: what tst_search compares
// SpaceStore::search with (tst_search, tst_searchhostile), and a store that holds it.
#pragma once

#include "searchreference.h"
#include "storetestsupport.h"

#include "store/records.h"
#include "store/spacestore.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace tandem::store::test {

constexpr quint32 kSeed = 7741;
constexpr int kMessages = 4000;
constexpr int kConversations = 6;
constexpr int kSenders = 8;
constexpr qint64 kFirstDay = 1'704'067'200'000; // 2024-01-01
constexpr qint64 kDayMs = 24 * 3600 * 1000;
constexpr int kDays = 180;

enum class Style { Simplified, Traditional, English, Mixed };

inline const QStringList kSimplified = {
    QStringLiteral("明天上午十点开项目周会"),
    QStringLiteral("请大家提前准备季度预算"),
    QStringLiteral("报销单已经提交给财务部"),
    QStringLiteral("客户反馈新版本的搜索太慢"),
    QStringLiteral("服务器部署在上海机房"),
    QStringLiteral("数据库加密方案需要评审"),
    QStringLiteral("下周一之前完成产品设计"),
    QStringLiteral("会议室改到三楼东侧"),
    QStringLiteral("合同审批流程还没走完"),
    QStringLiteral("发票抬头写公司全称"),
    QStringLiteral("测试环境已经准备好了"),
    QStringLiteral("用户说登录页面打不开"),
    QStringLiteral("今天的进度同步一下"),
    QStringLiteral("这个需求优先级很高"),
    QStringLiteral("晚上一起吃饭吗"),
    QStringLiteral("周末去爬山吧"),
    QStringLiteral("记得带上笔记本电脑"),
    QStringLiteral("新同事下周入职"),
    QStringLiteral("年度总结报告请在月底前发给我"),
    QStringLiteral("请假申请已经批准"),
    QStringLiteral("我们讨论一下数据迁移的风险"),
    QStringLiteral("出差申请需要经理签字"),
    QStringLiteral("系统升级期间暂停服务"),
    QStringLiteral("销售数据比去年增长百分之二十"),
    QStringLiteral("安全审计发现三个问题"),
};

inline const QStringList kTraditional = {
    QStringLiteral("明天上午十點開專案週會"),
    QStringLiteral("請大家提前準備季度預算"),
    QStringLiteral("報銷單已經提交給財務部"),
    QStringLiteral("客戶回饋新版本的搜尋太慢"),
    QStringLiteral("伺服器部署在台北機房"),
    QStringLiteral("資料庫加密方案需要評審"),
    QStringLiteral("下週一之前完成產品設計"),
    QStringLiteral("會議室改到三樓東側"),
    QStringLiteral("合約審批流程還沒走完"),
    QStringLiteral("發票抬頭寫公司全名"),
    QStringLiteral("測試環境已經準備好了"),
    QStringLiteral("使用者說登入頁面打不開"),
    QStringLiteral("今天的進度同步一下"),
    QStringLiteral("這個需求優先順序很高"),
    QStringLiteral("晚上一起吃飯嗎"),
    QStringLiteral("週末去爬山吧"),
    QStringLiteral("記得帶上筆記型電腦"),
    QStringLiteral("新同事下週到職"),
    QStringLiteral("年度總結報告請在月底前寄給我"),
    QStringLiteral("請假申請已經核准"),
    QStringLiteral("我們討論一下資料遷移的風險"),
    QStringLiteral("出差申請需要經理簽名"),
    QStringLiteral("系統升級期間暫停服務"),
    QStringLiteral("銷售數據比去年成長百分之二十"),
    QStringLiteral("安全稽核發現三個問題"),
};

inline const QStringList kEnglish = {
    QStringLiteral("The quarterly budget review is on Friday"),
    QStringLiteral("Please deploy the release candidate to staging"),
    QStringLiteral("Customer feedback on search was mostly positive"),
    QStringLiteral("Database encryption keys rotate every month"),
    QStringLiteral("Meeting moved to room 301"),
    QStringLiteral("Can you review my pull request before lunch"),
    QStringLiteral("The deployment failed because of a missing config"),
    QStringLiteral("Invoices must include the full company name"),
    QStringLiteral("Testing the new approval workflow now"),
    QStringLiteral("Our server in Frankfurt is under heavy load"),
    QStringLiteral("Let's schedule a design review next week"),
    QStringLiteral("Don't forget the weekly report"),
    QStringLiteral("Status update: migration is 80% done"),
    QStringLiteral("URGENT: production database is read-only"),
    QStringLiteral("Reviewer comments addressed in v2"),
    QStringLiteral("Happy birthday to Zoë from the whole team"),
    QStringLiteral("Café meeting at 3pm with the Zürich office"),
    QStringLiteral("Tested on iOS 17 and Android 14"),
    QStringLiteral("The meeting-notes are in the shared drive"),
    QStringLiteral("Searching for the contract draft"),
};

// Latin next to CJK without spaces, full-width Latin, kana, hangul, emoji, and ideographs outside the
// Basic Multilingual Plane (𠮷 U+20BB7, 𩸽 U+29E3D) and in Extension A (㐂 U+3402).
inline const QStringList kMixed = {
    QStringLiteral("Q3预算已经更新"),
    QStringLiteral("v2版本的API文档在wiki上"),
    QStringLiteral("PR#1234 修复了登录bug"),
    QStringLiteral("请review一下这个PR"),
    QStringLiteral("明天的standup改到10点"),
    QStringLiteral("客户说iOS 17上crash了"),
    QStringLiteral("會議紀錄放在Google Drive"),
    QStringLiteral("ＡＰＩ文档已更新"),
    QStringLiteral("请用ＵＴＦ－８编码"),
    QStringLiteral("这个bug在v3.2里修复了"),
    QStringLiteral("OKR季度复盘"),
    QStringLiteral("部署到k8s集群"),
    QStringLiteral("よろしくお願いします"),
    QStringLiteral("テストは明日です"),
    QStringLiteral("회의는 내일입니다"),
    QStringLiteral("今天吃𠮷野家"),
    QStringLiteral("𩸽定食很好吃"),
    QStringLiteral("好的👍"),
    QStringLiteral("收到🎉谢谢"),
    QStringLiteral("㐂事临门"),
    QStringLiteral("e-mail已发送"),
    QStringLiteral("email地址是alice@example.com"),
};

struct CorpusMessage
{
    Message message;
    Style style = Style::Mixed;
    int arrival = 0; // insertion order, which is also rowid order
    QList<reference::Token> tokens;
};

// The first millisecond of the n-th month after January 2024, in UTC.
inline qint64 monthStart(int n)
{
    return QDate(2024, 1, 1).addMonths(n).startOfDay(Qt::UTC).toMSecsSinceEpoch();
}

inline QString fullWidth(const QString &s)
{
    QString out;
    for (const QChar ch : s)
        out += (ch.unicode() >= 0x21 && ch.unicode() <= 0x7E) ? QChar(char16_t(ch.unicode() + 0xFEE0)) : ch;
    return out;
}

// A search query with its filters, as a row of a data-driven test.
struct Query
{
    QString text;
    QString conversationId;
    QString senderId;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString source; // the message the query was cut from, which must then be among the hits

    static Query of(const QString &text, const QString &source = {})
    {
        Query q;
        q.text = text;
        q.source = source;
        return q;
    }
};

// The corpus, in arrival order, with the random sequence that built it and cuts queries from it.
class SearchCorpus
{
public:
    void build()
    {
        for (int i = 0; i < kMessages; ++i) {
            const int roll = m_rng.bounded(100);
            const Style style = roll < 30 ? Style::Simplified
                : roll < 55               ? Style::Traditional
                : roll < 80               ? Style::English
                                          : Style::Mixed;
            QString body = fragment(style);
            if (style == Style::Mixed) // at least one of the mixed fragments
                body += separator(style) + kMixed.at(m_rng.bounded(int(kMixed.size())));
            const int pieces = m_rng.bounded(0, 5);
            for (int p = 0; p < pieces; ++p)
                body += separator(style) + fragment(style);
            CorpusMessage c;
            c.style = style;
            c.arrival = i;
            c.message = message(QStringLiteral("m-%1").arg(i, 5, 10, QLatin1Char('0')),
                QStringLiteral("c-%1").arg(m_rng.bounded(kConversations)),
                QStringLiteral("u-%1").arg(m_rng.bounded(kSenders)), body,
                kFirstDay + qint64(m_rng.bounded(kDays * 24 * 60)) * 60'000);
            if (m_rng.bounded(25) == 0) // on the first or last millisecond of a month (UTC)
                c.message.createdAt = monthStart(m_rng.bounded(1, kDays / 30 + 1)) - m_rng.bounded(2);
            if (m_rng.bounded(50) == 0)
                c.message.deletedAt = c.message.createdAt + 1000; // recalled: not searchable
            c.tokens = reference::tokenize(body);
            m_byId.insert(c.message.id, m_messages.size());
            m_messages.append(std::move(c));
        }
    }

    [[nodiscard]] const QList<CorpusMessage> &messages() const { return m_messages; }
    [[nodiscard]] const CorpusMessage &byId(const QString &id) const
    {
        return m_messages.at(m_byId.value(id));
    }
    QRandomGenerator &rng() { return m_rng; }

    // Restarts the random sequence from the seed and `name`. Each data function draws from its own
    // sequence, so that its rows do not depend on which tests ran before: a failing row can be replayed
    // alone.
    void reseed(const char *name)
    {
        quint32 hash = 2166136261u; // FNV-1a of the name
        for (const char *p = name; p && *p; ++p)
            hash = (hash ^ quint32(static_cast<unsigned char>(*p))) * 16777619u;
        m_rng.seed(kSeed ^ hash);
    }

    // The brute-force search: the ids of the messages the query and its filters select.
    QSet<QString> expectedIds(const Query &q) const
    {
        const auto terms = reference::queryTerms(q.text);
        QSet<QString> ids;
        for (const CorpusMessage &c : m_messages) {
            const Message &m = c.message;
            if (m.deletedAt || (!q.conversationId.isEmpty() && m.conversationId != q.conversationId)
                || (!q.senderId.isEmpty() && m.senderId != q.senderId)
                || (q.fromMs > 0 && m.createdAt < q.fromMs) || (q.toMs > 0 && m.createdAt >= q.toMs))
                continue;
            if (reference::matches(c.tokens, terms))
                ids.insert(m.id);
        }
        return ids;
    }

    const CorpusMessage &randomMessage(std::optional<Style> style = std::nullopt)
    {
        for (;;) {
            const CorpusMessage &c = m_messages.at(m_rng.bounded(int(m_messages.size())));
            if (!c.message.deletedAt && (!style || c.style == *style))
                return c;
        }
    }

    // A run of `length` CJK characters that stand side by side in a message of the given style.
    Query cjkSubstring(Style style, int length)
    {
        for (;;) {
            const CorpusMessage &c = randomMessage(style);
            const QList<uint> cps = c.message.body.toUcs4();
            QList<qsizetype> starts;
            for (qsizetype i = 0; i + length <= cps.size(); ++i) {
                bool run = true;
                for (qsizetype k = i; k < i + length && run; ++k)
                    run = reference::isCjk(cps.at(k));
                if (run)
                    starts << i;
            }
            if (starts.isEmpty())
                continue;
            const qsizetype at = starts.at(m_rng.bounded(int(starts.size())));
            QString text;
            for (qsizetype k = at; k < at + length; ++k)
                text += QString::fromUcs4(reinterpret_cast<const char32_t *>(&cps.at(k)), 1);
            return Query::of(text, c.message.id);
        }
    }

    const reference::Token &randomWord(const CorpusMessage &c)
    {
        QList<qsizetype> words;
        for (qsizetype i = 0; i < c.tokens.size(); ++i)
            if (!c.tokens.at(i).cjk)
                words << i;
        return c.tokens.at(words.at(m_rng.bounded(int(words.size()))));
    }

    // A piece of a message with no white space in it: any mix of words, ideographs and punctuation.
    Query window(std::optional<Style> style, int minLength, int maxLength)
    {
        for (;;) {
            const CorpusMessage &c = randomMessage(style);
            const QString &body = c.message.body;
            const int length = m_rng.bounded(minLength, maxLength + 1);
            if (body.size() < length)
                continue;
            const int at = m_rng.bounded(int(body.size()) - length + 1);
            const QString text = body.mid(at, length);
            if (text.front().isLowSurrogate() || text.back().isHighSurrogate())
                continue;
            // A piece may end inside a word (the last word matches by prefix) but not start inside one.
            if (at > 0 && reference::isWordCharacter(reference::fold(body.at(at - 1).unicode()))
                && reference::isWordCharacter(reference::fold(body.at(at).unicode())))
                continue;
            if (std::any_of(text.cbegin(), text.cend(), [](QChar ch) { return ch.isSpace(); }))
                continue;
            if (reference::tokenize(text).isEmpty())
                continue;
            return Query::of(text, c.message.id);
        }
    }

private:
    QString separator(Style style)
    {
        static const QStringList chinese = {QString(), QString(), QStringLiteral("，"), QStringLiteral("。"),
            QStringLiteral("！"), QStringLiteral(" "), QStringLiteral("、"), QStringLiteral("\n")};
        static const QStringList latin = {QStringLiteral(" "), QStringLiteral(". "), QStringLiteral(", "),
            QStringLiteral("! "), QStringLiteral("\n"), QStringLiteral(" - ")};
        const QStringList &from = style == Style::English ? latin
            : style == Style::Mixed && m_rng.bounded(2)   ? latin
                                                          : chinese;
        return from.at(m_rng.bounded(int(from.size())));
    }

    QString fragment(Style style)
    {
        const auto pick
            = [this](const QStringList &list) { return list.at(m_rng.bounded(int(list.size()))); };
        switch (style) {
        case Style::Simplified:
            return pick(kSimplified);
        case Style::Traditional:
            return pick(kTraditional);
        case Style::English: {
            QString s = pick(kEnglish);
            const int variant = m_rng.bounded(20);
            return variant == 0 ? s.toUpper() : variant == 1 ? fullWidth(s) : s;
        }
        case Style::Mixed:
            break;
        }
        const int from = m_rng.bounded(4);
        return from == 0 ? pick(kSimplified)
            : from == 1  ? pick(kTraditional)
            : from == 2  ? pick(kEnglish)
                         : pick(kMixed);
    }

    QList<CorpusMessage> m_messages;
    QHash<QString, qsizetype> m_byId;
    QRandomGenerator m_rng {kSeed};
};

// A fresh store in `dir` holding every message of the corpus (built here), in its conversations.
inline Result<std::unique_ptr<SpaceStore>> openCorpusStore(const QString &dir, SearchCorpus &corpus)
{
    SpaceStore::OpenOptions o;
    o.create = true;
    auto store = SpaceStore::open(dir + QStringLiteral("/space.db"), DataKey::generate(), o);
    if (!store)
        return store.error();
    corpus.build();
    StoreChange change;
    for (int c = 0; c < kConversations; ++c)
        TANDEM_TRY((*store)->upsertConversation(
            conversation(QStringLiteral("c-%1").arg(c), QStringLiteral("Conversation %1").arg(c)), change));
    QList<Message> batch;
    for (const CorpusMessage &c : corpus.messages()) {
        batch.append(c.message);
        if (batch.size() == 250 || c.arrival == kMessages - 1) {
            auto inserted = (*store)->insertMessages(batch, change);
            if (!inserted)
                return inserted.error();
            if (*inserted != int(batch.size()))
                return Error::make(ErrorCode::Invalid, QStringLiteral("a corpus message was not stored"));
            batch.clear();
        }
    }
    return store;
}

// The store's query for a corpus query.
inline SearchQuery searchQuery(const Query &q, int limit, int candidateLimit)
{
    SearchQuery sq;
    sq.text = q.text;
    sq.conversationId = q.conversationId;
    sq.senderId = q.senderId;
    sq.fromMs = q.fromMs;
    sq.toMs = q.toMs;
    sq.limit = limit;
    sq.candidateLimit = candidateLimit;
    return sq;
}

} // namespace tandem::store::test

Q_DECLARE_METATYPE(tandem::store::test::Query)
