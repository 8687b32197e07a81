// A synthetic chat corpus for the store benchmark, made batch by batch from a seed so that any number
// of messages costs the same memory and the same seed always gives the same rows.
//
// It aims at what a Chinese company's messenger holds: 500 conversations (direct chats, groups,
// channels and external customer groups) whose traffic follows a power law; messages mostly 10 to 120
// characters with a few long ones (reports, pasted logs) up to about 2,000; Simplified Chinese,
// Traditional Chinese, English and mixed text drawn from word lists with Zipf frequencies, so that
// searches return the spread of result counts real ones do; mentions, threads and replies; a year of
// timestamps whatever the count.
#pragma once

#include "store/records.h"

#include <QStringList>

#include <array>
#include <vector>

namespace tandemctl {

class MessageGenerator
{
public:
    struct Options
    {
        quint64 seed = 20250101;
        qint64 messages = 100000;
        int conversations = 500;
        int users = 300;
    };

    // The corpus spans one year from 2025-01-01T00:00:00Z.
    static constexpr qint64 kFirstMs = 1735689600000;
    static constexpr qint64 kSpanMs = 365LL * 24 * 3600 * 1000;

    explicit MessageGenerator(const Options &options);

    [[nodiscard]] const std::vector<tandem::store::User> &users() const { return m_users; }
    [[nodiscard]] const std::vector<tandem::store::Conversation> &conversations() const
    {
        return m_conversations;
    }

    // Replaces `batch` with the next messages, at most `count`; leaves it empty when all are made.
    void nextBatch(int count, std::vector<tandem::store::Message> &batch);
    [[nodiscard]] qint64 produced() const { return m_produced; }

    // A message's id from its index: server-like (20 characters), and stable without a table.
    static QString messageId(qint64 index);

private:
    class Random
    {
    public:
        explicit Random(quint64 seed);
        quint64 next();
        double unit(); // [0, 1)
        int below(int n);
        int between(int lo, int hi); // inclusive
        bool chance(double p) { return unit() < p; }

    private:
        std::array<quint64, 4> m_s;
    };

    // Draws indices 0..n-1 with probability proportional to 1 / (i + 1)^exponent.
    class Zipf
    {
    public:
        Zipf() = default;
        Zipf(int n, double exponent);
        int draw(Random &random) const;

    private:
        std::vector<double> m_cumulative;
    };

    enum class Script { Simplified, Traditional };

    void makeUsers();
    void makeConversations();
    [[nodiscard]] QString body(int targetChars, int conversation, tandem::store::Message &message);
    void appendChineseSentence(QString &text, Script script, bool mixEnglish);
    void appendEnglishSentence(QString &text);
    void appendLogBlock(QString &text);

    Options m_options;
    Random m_random;
    std::vector<tandem::store::User> m_users;
    std::vector<tandem::store::Conversation> m_conversations;
    std::vector<std::vector<int>> m_members; // user indices per conversation
    Zipf m_conversationPick;
    std::vector<int> m_byPopularity; // popularity rank -> conversation index
    QStringList m_simplified;
    QStringList m_traditional;
    QStringList m_english;
    QStringList m_techTerms;
    QStringList m_rareTerms;
    Zipf m_chineseWords;
    Zipf m_englishWords;
    Zipf m_techPick;
    std::vector<qint64> m_seq; // last sequence number per conversation
    std::vector<qint64> m_lastMessage; // index of the last message per conversation, -1 for none
    qint64 m_produced = 0;
    qint64 m_clock = kFirstMs;
};

} // namespace tandemctl
