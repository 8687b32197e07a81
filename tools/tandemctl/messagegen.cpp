#include "messagegen.h"

#include "corpuswords.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace tandemctl {

using namespace tandem::store;

namespace {

QString str(const char16_t *s)
{
    return QString::fromUtf16(s);
}

quint64 splitmix(quint64 &x)
{
    quint64 z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

} // namespace

// ---- Random: xoshiro256**, so that a seed gives the same corpus on every platform and compiler ----

MessageGenerator::Random::Random(quint64 seed)
{
    for (quint64 &s : m_s)
        s = splitmix(seed);
}

quint64 MessageGenerator::Random::next()
{
    const auto rotl = [](quint64 x, int k) { return (x << k) | (x >> (64 - k)); };
    const quint64 result = rotl(m_s[1] * 5, 7) * 9;
    const quint64 t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double MessageGenerator::Random::unit()
{
    return double(next() >> 11) * 0x1.0p-53;
}

int MessageGenerator::Random::below(int n)
{
    return int(unit() * n);
}

int MessageGenerator::Random::between(int lo, int hi)
{
    return lo + below(hi - lo + 1);
}

MessageGenerator::Zipf::Zipf(int n, double exponent)
{
    m_cumulative.reserve(size_t(n));
    double total = 0;
    for (int i = 0; i < n; ++i) {
        total += 1.0 / std::pow(double(i + 1), exponent);
        m_cumulative.push_back(total);
    }
    for (double &c : m_cumulative)
        c /= total;
}

int MessageGenerator::Zipf::draw(Random &random) const
{
    const double u = random.unit();
    const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), u);
    return int(std::min<ptrdiff_t>(it - m_cumulative.begin(), ptrdiff_t(m_cumulative.size()) - 1));
}

// ---- The corpus ----

MessageGenerator::MessageGenerator(const Options &options)
    : m_options(options)
    , m_random(options.seed)
{
    for (const corpus::WordPair &w : corpus::chineseWords()) {
        m_simplified << str(w.simplified);
        m_traditional << str(w.traditional);
    }
    for (const char16_t *w : corpus::englishWords())
        m_english << str(w);
    for (const char16_t *w : corpus::techTerms())
        m_techTerms << str(w);
    m_chineseWords = Zipf(int(corpus::chineseWords().size()), 1.0);
    m_englishWords = Zipf(int(corpus::englishWords().size()), 1.0);
    m_techPick = Zipf(int(corpus::techTerms().size()), 0.8);
    for (const char16_t *w : corpus::rareTerms())
        m_rareTerms << str(w);
    makeUsers();
    makeConversations();
    m_seq.assign(m_conversations.size(), 0);
    m_lastMessage.assign(m_conversations.size(), -1);
}

QString MessageGenerator::messageId(qint64 index)
{
    quint64 x = quint64(index) * 0x2545F4914F6CDD1Dull + 0x1234567ull;
    return QStringLiteral("msg_%1").arg(splitmix(x), 16, 16, QLatin1Char('0'));
}

void MessageGenerator::makeUsers()
{
    // The five people of the demo and the docs first, then generated colleagues; the last 40 are
    // customers and partners (external).
    const QList<std::array<const char16_t *, 2>> named
        = {{u"alice", u"Alice Wang 王爱丽"}, {u"bob", u"Bob Li 李博"}, {u"chen", u"陈晨"},
            {u"dana", u"Dana Zhou 周丹"}, {u"eve", u"Eve Lin 林怡"}};
    const int users = std::max(m_options.users, 50);
    QSet<QString> taken;
    for (int i = 0; i < users; ++i) {
        User u;
        u.id = QStringLiteral("u%1").arg(i, 4, 10, QLatin1Char('0'));
        u.external = i >= users - 40;
        if (i < named.size()) {
            u.userName = str(named[i][0]);
            u.displayName = str(named[i][1]);
        } else {
            const int s = m_random.below(int(corpus::surnames().size()));
            const int g = m_random.below(int(corpus::givenNames().size()));
            QString name = str(corpus::givenNames()[g]) + u'.' + str(corpus::surnames()[s]);
            if (u.external)
                name = QStringLiteral("ext.") + name;
            for (int n = 2; taken.contains(name); ++n)
                name = str(corpus::givenNames()[g]) + u'.' + str(corpus::surnames()[s]) + QString::number(n);
            u.userName = name;
            u.displayName = str(corpus::surnameHanzi()[s]) + str(corpus::givenHanzi()[g]);
        }
        taken.insert(u.userName);
        m_users.push_back(u);
    }
}

void MessageGenerator::makeConversations()
{
    const int n = std::max(m_options.conversations, 10);
    const int internalUsers = int(m_users.size()) - 40;
    // 56% direct chats, 36% groups, 4% channels, 4% external customer groups.
    const int directs = n * 56 / 100;
    const int groups = n * 36 / 100;
    const int channels = n * 4 / 100;
    for (int i = 0; i < n; ++i) {
        Conversation c;
        c.id = QStringLiteral("c%1").arg(i, 4, 10, QLatin1Char('0'));
        c.createdAt = kFirstMs - qint64(m_random.between(1, 400)) * 24 * 3600 * 1000;
        std::vector<int> members;
        auto addMember = [&members](int user) {
            if (std::find(members.begin(), members.end(), user) == members.end())
                members.push_back(user);
        };
        if (i < directs) {
            c.kind = QStringLiteral("direct");
            // Everyone in the corpus is a colleague of one of the five named people.
            addMember(m_random.below(5));
            while (members.size() < 2)
                addMember(m_random.below(internalUsers));
        } else if (i < directs + groups) {
            c.kind = QStringLiteral("group");
            c.name = str(corpus::groupNames()[i % int(corpus::groupNames().size())]) + u' '
                + QString::number(i - directs + 1);
            const int size = m_random.between(3, 40);
            while (int(members.size()) < size)
                addMember(m_random.below(internalUsers));
        } else if (i < directs + groups + channels) {
            c.kind = QStringLiteral("channel");
            c.name = str(corpus::channelNames()[i % int(corpus::channelNames().size())]) + u' '
                + QString::number(i - directs - groups + 1);
            c.topic = QStringLiteral("公司级通知 Company-wide news");
            const int size = m_random.between(50, 200);
            while (int(members.size()) < size)
                addMember(m_random.below(internalUsers));
        } else {
            c.kind = QStringLiteral("group");
            c.external = true;
            const int k = i - directs - groups - channels;
            const QString company = str(corpus::companies()[k % int(corpus::companies().size())]);
            c.name = (k % 2 ? QStringLiteral("客戶群 · ") : QStringLiteral("客户群 · ")) + company + u' '
                + QString::number(k + 1);
            c.topic = QStringLiteral("External: customer %1").arg(company);
            const int staff = m_random.between(4, 12);
            while (int(members.size()) < staff)
                addMember(m_random.below(internalUsers));
            const int guests = m_random.between(2, 5);
            for (int g = 0; g < guests; ++g)
                addMember(internalUsers + m_random.below(40));
        }
        for (int m : members)
            c.memberIds << m_users[size_t(m)].id;
        m_members.push_back(std::move(members));
        m_conversations.push_back(std::move(c));
    }
    // Traffic follows a power law over a shuffled order, so busy conversations are of every kind.
    m_byPopularity.resize(size_t(n));
    for (int i = 0; i < n; ++i)
        m_byPopularity[size_t(i)] = i;
    for (int i = n - 1; i > 0; --i)
        std::swap(m_byPopularity[size_t(i)], m_byPopularity[size_t(m_random.below(i + 1))]);
    m_conversationPick = Zipf(n, 0.9);
}

void MessageGenerator::appendChineseSentence(QString &text, Script script, bool mixEnglish)
{
    const QStringList &words = script == Script::Simplified ? m_simplified : m_traditional;
    const int n = m_random.between(3, 9);
    int previous = -1;
    for (int i = 0; i < n; ++i) {
        if (mixEnglish && m_random.chance(0.22)) {
            // English inside Chinese is set off by spaces, as people type it.
            if (!text.isEmpty() && !text.endsWith(u' '))
                text += u' ';
            text += m_techTerms.at(m_techPick.draw(m_random)) + u' ';
        } else if (m_random.chance(0.04)) {
            text += QString::number(m_random.between(1, 12));
            text += m_random.chance(0.5) ? u'点' : u'号';
        } else {
            // A word twice in a row reads as noise; draw again once.
            int w = m_chineseWords.draw(m_random);
            if (w == previous)
                w = m_chineseWords.draw(m_random);
            previous = w;
            text += words.at(w);
        }
        if (i + 1 < n && i % 4 == 3)
            text += u'，';
    }
    if (text.endsWith(u' '))
        text.chop(1);
    text += str(corpus::chinesePunctuation()[m_random.below(int(corpus::chinesePunctuation().size()))]);
}

void MessageGenerator::appendEnglishSentence(QString &text)
{
    if (!text.isEmpty() && !text.endsWith(u'\n'))
        text += u' ';
    const int n = m_random.between(4, 14);
    int previous = -1;
    for (int i = 0; i < n; ++i) {
        if (i > 0)
            text += i % 6 == 5 && m_random.chance(0.3) ? QStringLiteral(", ") : QStringLiteral(" ");
        if (m_random.chance(0.03)) {
            text += QStringLiteral("#%1").arg(m_random.between(100, 9999));
            continue;
        }
        int w = m_englishWords.draw(m_random);
        if (w == previous)
            w = m_englishWords.draw(m_random);
        previous = w;
        QString word = m_english.at(w);
        if (i == 0)
            word[0] = word[0].toUpper();
        text += word;
    }
    const double r = m_random.unit();
    text += r < 0.75 ? u'.' : r < 0.9 ? u'?' : u'!';
}

void MessageGenerator::appendLogBlock(QString &text)
{
    static const char16_t *levels[] = {u"INFO", u"WARN", u"ERROR"};
    static const char16_t *modules[] = {u"sync", u"store", u"gateway", u"auth", u"billing"};
    static const char16_t *events[]
        = {u"request timed out after 30000 ms", u"retrying (attempt 3 of 5)", u"connection reset by peer",
            u"cache miss for key", u"slow query: 812 ms", u"token refreshed", u"checkpoint complete"};
    text += QStringLiteral("\n```\n");
    const int lines = m_random.between(5, 20);
    for (int i = 0; i < lines; ++i)
        text += QStringLiteral("2025-%1-%2 %3:%4:%5 %6 [%7] %8\n")
                    .arg(m_random.between(1, 12), 2, 10, QLatin1Char('0'))
                    .arg(m_random.between(1, 28), 2, 10, QLatin1Char('0'))
                    .arg(m_random.between(0, 23), 2, 10, QLatin1Char('0'))
                    .arg(m_random.between(0, 59), 2, 10, QLatin1Char('0'))
                    .arg(m_random.between(0, 59), 2, 10, QLatin1Char('0'))
                    .arg(str(levels[m_random.below(3)]), str(modules[m_random.below(5)]),
                        str(events[m_random.below(7)]));
    text += QStringLiteral("```");
}

QString MessageGenerator::body(int targetChars, int conversation, Message &message)
{
    QString text;
    text.reserve(targetChars + 64);
    const std::vector<int> &members = m_members[size_t(conversation)];
    if (m_random.chance(0.06)) {
        const int who = members[size_t(m_random.below(int(members.size())))];
        text += u'@' + m_users[size_t(who)].userName + u' ';
        message.mentions << m_users[size_t(who)].id;
    }
    // Customer groups in Hong Kong and Taiwan write more Traditional Chinese.
    const bool external = m_conversations[size_t(conversation)].external;
    const double r = m_random.unit();
    const double simplified = external ? 0.25 : 0.45;
    const double traditional = external ? 0.60 : 0.57;
    const bool isLong = targetChars > 400;
    while (text.size() < targetChars) {
        if (r < simplified)
            appendChineseSentence(text, Script::Simplified, false);
        else if (r < traditional)
            appendChineseSentence(text, Script::Traditional, false);
        else if (r < 0.87)
            appendEnglishSentence(text);
        else
            appendChineseSentence(
                text, m_random.chance(0.7) ? Script::Simplified : Script::Traditional, true);
        if (isLong && m_random.chance(0.15))
            text += QStringLiteral("\n\n");
        if (isLong && m_random.chance(0.03))
            appendLogBlock(text);
    }
    if (m_random.chance(0.002)) {
        text += u' ';
        text += m_rareTerms.at(m_random.below(int(m_rareTerms.size())));
    }
    return text;
}

void MessageGenerator::nextBatch(int count, std::vector<Message> &batch)
{
    batch.clear();
    const qint64 left = m_options.messages - m_produced;
    const qint64 n = std::min<qint64>(count, left);
    if (n <= 0)
        return;
    batch.reserve(size_t(n));
    // Gaps average out so that the corpus spans a year whatever its size.
    const double meanGap = double(kSpanMs) / double(std::max<qint64>(m_options.messages, 1));
    for (qint64 k = 0; k < n; ++k) {
        const qint64 index = m_produced++;
        const int conversation = m_byPopularity[size_t(m_conversationPick.draw(m_random))];
        const std::vector<int> &members = m_members[size_t(conversation)];
        Message m;
        m.id = messageId(index);
        m.conversationId = m_conversations[size_t(conversation)].id;
        m.senderId = m_users[size_t(members[size_t(m_random.below(int(members.size())))])].id;
        m_clock += qint64(m_random.unit() * 2.0 * meanGap);
        m.createdAt = m_clock;
        m.seq = ++m_seq[size_t(conversation)];
        const qint64 previous = m_lastMessage[size_t(conversation)];
        if (previous >= 0 && m_random.chance(0.06))
            m.threadRootId = messageId(previous);
        else if (previous >= 0 && m_random.chance(0.03))
            m.replyToId = messageId(previous);
        m_lastMessage[size_t(conversation)] = index;

        // Mostly 10 to 120 characters; one in seventy is a report or a pasted log of up to ~2,000.
        const double r = m_random.unit();
        const int target = r < 0.55 ? m_random.between(10, 60)
            : r < 0.90              ? m_random.between(60, 120)
            : r < 0.985             ? m_random.between(120, 400)
                                    : m_random.between(400, 1900);
        m.body = body(target, conversation, m);
        batch.push_back(std::move(m));
    }
}

} // namespace tandemctl
