#include "searchtokenizer.h"

#include <sqlite3.h>

#include <QChar>
#include <QSet>
#include <QStringList>

#include <string>
#include <vector>

namespace tandem::store {

namespace {

constexpr int kMaxWordBytes = 64; // longer "words" (hashes, base64) are cut: nobody types them whole
constexpr qsizetype kMaxQueryChars = 256; // UTF-16 units of a query that are searched
constexpr int kMaxQueryTerms = 16; // distinct white-space separated terms

bool isCjk(char32_t c)
{
    return (c >= 0x3040 && c <= 0x30FF) // Hiragana, Katakana
        || (c >= 0x3400 && c <= 0x4DBF) // CJK Extension A
        || (c >= 0x4E00 && c <= 0x9FFF) // CJK Unified Ideographs
        || (c >= 0xF900 && c <= 0xFAFF) // CJK Compatibility Ideographs
        || (c >= 0xAC00 && c <= 0xD7AF) // Hangul syllables
        || (c >= 0xFF66 && c <= 0xFF9F) // half-width Katakana
        || (c >= 0x20000 && c <= 0x3134F) // CJK Extensions B to G
        || c == 0x3005 || c == 0x3007; // 々 〇
}

// One decoded code point with its byte range in the input.
struct CodePoint
{
    char32_t c;
    int start;
    int end;
};

// Decodes UTF-8 leniently: an invalid byte becomes U+FFFD, so bad input can never stop indexing.
void decodeUtf8(const char *s, int n, std::vector<CodePoint> &out)
{
    out.clear();
    int i = 0;
    while (i < n) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        char32_t c = 0xFFFD;
        int len = 1;
        if (b0 < 0x80) {
            c = b0;
        } else if ((b0 & 0xE0) == 0xC0 && i + 1 < n) {
            c = char32_t((b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
            len = 2;
        } else if ((b0 & 0xF0) == 0xE0 && i + 2 < n) {
            c = char32_t((b0 & 0x0F) << 12) | char32_t((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6)
                | (static_cast<unsigned char>(s[i + 2]) & 0x3F);
            len = 3;
        } else if ((b0 & 0xF8) == 0xF0 && i + 3 < n) {
            c = char32_t((b0 & 0x07) << 18) | char32_t((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12)
                | char32_t((static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6)
                | (static_cast<unsigned char>(s[i + 3]) & 0x3F);
            len = 4;
        }
        for (int k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
                c = 0xFFFD;
                len = k;
                break;
            }
        }
        out.push_back({c, i, i + len});
        i += len;
    }
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out.push_back(char(c));
    } else if (c < 0x800) {
        out.push_back(char(0xC0 | (c >> 6)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(char(0xE0 | (c >> 12)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (c >> 18)));
        out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    }
}

using TokenCallback = int (*)(void *, int, const char *, int, int, int);

// Walks the text and reports tokens. In query mode a CJK run of two or more characters is reported as
// its bigrams only, plus its last character when more tokens follow (so the next token lands on the
// right position); a single character is reported as itself.
int tokenizeText(void *ctx, int flags, const char *text, int nText, TokenCallback emit)
{
    if (nText <= 0)
        return SQLITE_OK;
    const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    thread_local std::vector<CodePoint> cps;
    decodeUtf8(text, nText, cps);
    std::string token;
    const size_t n = cps.size();
    size_t i = 0;
    while (i < n) {
        const char32_t c = fold(cps[i].c);
        const CharClass cls = classify(c);
        if (cls == CharClass::Separator) {
            ++i;
            continue;
        }
        if (cls == CharClass::Word) {
            token.clear();
            const int start = cps[i].start;
            int end = start;
            while (i < n) {
                const char32_t w = fold(cps[i].c);
                if (classify(w) != CharClass::Word)
                    break;
                if (int(token.size()) < kMaxWordBytes)
                    appendUtf8(token, w);
                end = cps[i].end;
                ++i;
            }
            if (int rc = emit(ctx, 0, token.data(), int(token.size()), start, end); rc != SQLITE_OK)
                return rc;
            continue;
        }
        // A run of CJK characters.
        size_t runEnd = i;
        while (runEnd < n && classify(fold(cps[runEnd].c)) == CharClass::Cjk)
            ++runEnd;
        const size_t runLen = runEnd - i;
        bool moreFollows = false;
        for (size_t k = runEnd; query && k < n && !moreFollows; ++k)
            moreFollows = classify(fold(cps[k].c)) != CharClass::Separator;
        for (size_t k = i; k < runEnd; ++k) {
            const bool hasNext = k + 1 < runEnd;
            const bool emitUnigram = !query || runLen == 1 || (!hasNext && moreFollows);
            if (emitUnigram) {
                token.clear();
                appendUtf8(token, fold(cps[k].c));
                if (int rc = emit(ctx, 0, token.data(), int(token.size()), cps[k].start, cps[k].end);
                    rc != SQLITE_OK)
                    return rc;
            }
            if (hasNext) {
                token.clear();
                appendUtf8(token, fold(cps[k].c));
                appendUtf8(token, fold(cps[k + 1].c));
                // In documents the bigram shares the unigram's position; in queries it stands alone.
                const int tflags = query ? 0 : FTS5_TOKEN_COLOCATED;
                if (int rc = emit(ctx, tflags, token.data(), int(token.size()), cps[k].start, cps[k + 1].end);
                    rc != SQLITE_OK)
                    return rc;
            }
        }
        i = runEnd;
    }
    return SQLITE_OK;
}

// FTS5 glue: the tokenizer has no per-instance state.
struct Instance
{ };

int xCreate(void *, const char **, int, Fts5Tokenizer **out)
{
    *out = reinterpret_cast<Fts5Tokenizer *>(new Instance);
    return SQLITE_OK;
}

void xDelete(Fts5Tokenizer *t)
{
    delete reinterpret_cast<Instance *>(t);
}

int xTokenize(Fts5Tokenizer *, void *ctx, int flags, const char *text, int nText, TokenCallback emit)
{
    return tokenizeText(ctx, flags, text, nText, emit);
}

// Collects query tokens so buildMatchExpression knows whether a term ends in a word.
struct TokenProbe
{
    int count = 0;
    bool lastIsWord = false;
};

int probeToken(void *ctx, int, const char *token, int n, int, int)
{
    auto *probe = static_cast<TokenProbe *>(ctx);
    ++probe->count;
    probe->lastIsWord = n > 0 && static_cast<unsigned char>(token[0]) < 0x80;
    // A non-ASCII word (é, ß, Cyrillic) is a word too: decide by the class of its first code point.
    if (n > 0 && !probe->lastIsWord) {
        std::vector<CodePoint> cps;
        decodeUtf8(token, n, cps);
        probe->lastIsWord = !cps.empty() && classify(cps.front().c) == CharClass::Word;
    }
    return SQLITE_OK;
}

} // namespace

CharClass classify(char32_t c)
{
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
            return CharClass::Word;
        return CharClass::Separator;
    }
    if (isCjk(c))
        return CharClass::Cjk;
    if (QChar::isLetterOrNumber(c) || QChar::isMark(c))
        return CharClass::Word;
    return CharClass::Separator;
}

char32_t fold(char32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xFF01 && c <= 0xFF5E) // full-width ASCII forms, common in Chinese input
        c -= 0xFEE0;
    else if (c == 0x3000) // ideographic space
        c = ' ';
    return QChar::toLower(c);
}

fts5_api *fts5ApiFor(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

Status registerSearchTokenizer(sqlite3 *db)
{
    fts5_api *api = fts5ApiFor(db);
    if (!api || api->iVersion < 2)
        return Error::make(
            ErrorCode::Database, QStringLiteral("This SQLCipher build has no FTS5 full-text search."));
    static fts5_tokenizer tokenizer {xCreate, xDelete, xTokenize};
    const int rc = api->xCreateTokenizer(api, kSearchTokenizerName, nullptr, &tokenizer, nullptr);
    if (rc != SQLITE_OK)
        return Error::make(ErrorCode::Database, QStringLiteral("Cannot register the search tokenizer."));
    return {};
}

QString buildMatchExpression(QStringView query)
{
    // What a person types is short; what is pasted can be anything. Past these bounds a query is cut,
    // as web search engines do, so that a pasted page cannot cost seconds of index work.
    QString normalized = query.left(kMaxQueryChars).toString();
    for (QChar &ch : normalized)
        if (ch.isSpace()) // tabs, new lines and the ideographic space separate terms too
            ch = u' ';
    QStringList phrases;
    QSet<QString> seen;
    for (const QString &term : normalized.split(u' ', Qt::SkipEmptyParts)) {
        // A repeated term adds nothing to an AND, yet each copy costs FTS5 a lookup and bm25 a pass:
        // a pasted text of one repeated word took minutes.
        if (seen.contains(term))
            continue;
        if (seen.size() == kMaxQueryTerms)
            break;
        seen.insert(term);
        const QByteArray utf8 = term.toUtf8();
        TokenProbe probe;
        tokenizeText(&probe, FTS5_TOKENIZE_QUERY, utf8.constData(), int(utf8.size()), probeToken);
        if (probe.count == 0)
            continue;
        QString quoted = term;
        quoted.replace(u'"', QStringLiteral("\"\""));
        quoted.replace(QChar(u'\0'), u' '); // FTS5 reads its query up to a NUL; both separate tokens alike
        phrases << (u'"' + quoted + u'"' + (probe.lastIsWord ? QStringLiteral("*") : QString()));
    }
    return phrases.join(QStringLiteral(" AND "));
}

} // namespace tandem::store
