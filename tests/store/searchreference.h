// The search rules of docs/store.md written out a second time, as a plain scan with no index and none
// of core's code, so that tst_search can compare SpaceStore::search with it message by message.
//
//  - Text is folded: full-width ASCII forms become ASCII, then every character is lower-cased.
//  - A run of letters and digits (Latin, with accents and combining marks) is one word token.
//  - Each CJK character (Han with extensions A to G and the compatibility block, hiragana, katakana,
//    half-width katakana, hangul syllables) is a token of its own.
//  - Everything else separates tokens.
//  - A query is split into terms at white space; a term without tokens is ignored, and a query with
//    no term left matches nothing. Every term must match.
//  - A term matches where its tokens stand one after the other in the message: its last token by
//    prefix if it is a word, every other token exactly. CJK characters the term has side by side
//    must also be side by side in the message (the index stores the bigrams of each CJK run, so "会议"
//    is the substring 会议, not 会 and 议 with punctuation between them); CJK characters the term
//    separates by punctuation may be next to each other in the message or separated too.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace tandem::store::reference {

struct Token
{
    QString text;
    bool cjk = false;
    bool joined = false; // a CJK character directly after another one, with nothing between them
};

inline bool isCjk(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) // CJK Unified Ideographs
        || (c >= 0x3400 && c <= 0x4DBF) // Extension A
        || (c >= 0x20000 && c <= 0x3134F) // Extensions B to G
        || (c >= 0xF900 && c <= 0xFAFF) // Compatibility Ideographs
        || (c >= 0x3040 && c <= 0x309F) // Hiragana
        || (c >= 0x30A0 && c <= 0x30FF) // Katakana
        || (c >= 0xFF66 && c <= 0xFF9F) // half-width Katakana
        || (c >= 0xAC00 && c <= 0xD7A3); // Hangul syllables
}

inline char32_t fold(char32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E) // ！ to ～: the full-width forms of ! to ~
        c = c - 0xFF01 + 0x21;
    return QChar::toLower(c);
}

inline bool isWordCharacter(char32_t c)
{
    return !isCjk(c) && (QChar::isLetterOrNumber(c) || QChar::isMark(c));
}

inline QList<Token> tokenize(QStringView text)
{
    QList<Token> tokens;
    QString word;
    bool afterCjk = false;
    const auto endWord = [&] {
        if (!word.isEmpty())
            tokens.append({word, false, false});
        word.clear();
    };
    for (const char32_t raw : text.toUcs4()) {
        const char32_t c = fold(raw);
        if (isCjk(c)) {
            endWord();
            tokens.append({QString::fromUcs4(&c, 1), true, afterCjk});
            afterCjk = true;
            continue;
        }
        afterCjk = false;
        if (isWordCharacter(c))
            word += QString::fromUcs4(&c, 1);
        else
            endWord();
    }
    endWord();
    return tokens;
}

// The query's terms, each as its tokens; terms without tokens are left out.
inline QList<QList<Token>> queryTerms(const QString &query)
{
    QString spaced = query;
    for (QChar &ch : spaced)
        if (ch.isSpace())
            ch = u' ';
    QList<QList<Token>> terms;
    for (const QString &term : spaced.split(u' ', Qt::SkipEmptyParts)) {
        QList<Token> tokens = tokenize(term);
        if (!tokens.isEmpty())
            terms.append(tokens);
    }
    return terms;
}

inline bool termMatchesAt(const QList<Token> &message, qsizetype at, const QList<Token> &term)
{
    for (qsizetype j = 0; j < term.size(); ++j) {
        const Token &q = term.at(j);
        const Token &m = message.at(at + j);
        if (q.cjk != m.cjk)
            return false;
        const bool prefix = !q.cjk && j == term.size() - 1;
        if (prefix ? !m.text.startsWith(q.text) : m.text != q.text)
            return false;
        if (q.joined && !m.joined)
            return false;
    }
    return true;
}

inline bool termMatches(const QList<Token> &message, const QList<Token> &term)
{
    for (qsizetype at = 0; at + term.size() <= message.size(); ++at)
        if (termMatchesAt(message, at, term))
            return true;
    return false;
}

inline bool matches(const QList<Token> &message, const QList<QList<Token>> &terms)
{
    if (terms.isEmpty())
        return false;
    for (const QList<Token> &term : terms)
        if (!termMatches(message, term))
            return false;
    return true;
}

} // namespace tandem::store::reference
