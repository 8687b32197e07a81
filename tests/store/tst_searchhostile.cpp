// Hostile queries: FTS5 operators, SQL, NUL, lone surrogates, and 100 KB pastes of every kind are
// harmless. Each answers quickly, with no error, and with the hits the brute-force scan expects for
// the part of the query that is searched (the first 256 characters and 16 distinct terms).
#include "searchcorpus.h"
#include "storetestsupport.h"

#include "store/spacestore.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace tandem;
using namespace tandem::store;
using namespace tandem::store::test;

namespace {

// How long a hostile query may take. Sanitizers slow everything down, and ASan's allocator never grows
// a block in place, which makes FTS5's phrase parser quadratic in the phrase length: a 100 KB
// ideograph query takes 0.02 s in a release build and 14 s under ASan.
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 kHostileQueryBudgetMs = 60'000;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr qint64 kHostileQueryBudgetMs = 60'000;
#else
constexpr qint64 kHostileQueryBudgetMs = 5'000;
#endif
#else
constexpr qint64 kHostileQueryBudgetMs = 5'000;
#endif

} // namespace

class TestSearchHostile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SpaceStore> m_store;
    SearchCorpus m_corpus;

    Result<QList<SearchHit>> search(const Query &q, int limit, int candidateLimit)
    {
        return m_store->search(searchQuery(q, limit, candidateLimit));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = openCorpusStore(m_dir.path(), m_corpus);
        TANDEM_VERIFY_OK(store);
        m_store = std::move(*store);
    }

    void hostileQueriesAreHarmless_data()
    {
        QTest::addColumn<QString>("text");
        const auto row = [](const char *name, const QString &text) { QTest::newRow(name) << text; };
        row("empty", QString());
        row("white space only", QStringLiteral(" \t\n　 "));
        row("lone double quote", QStringLiteral("\""));
        row("two double quotes", QStringLiteral("\"\""));
        row("unbalanced quote", QStringLiteral("\"会议"));
        row("quoted phrase", QStringLiteral("\"budget review\""));
        row("single quote", QStringLiteral("'"));
        row("AND", QStringLiteral("AND"));
        row("OR", QStringLiteral("OR"));
        row("NOT", QStringLiteral("NOT"));
        row("NEAR", QStringLiteral("NEAR"));
        row("a AND b", QStringLiteral("meeting AND budget"));
        row("a OR b", QStringLiteral("meeting OR 会议"));
        row("NOT a", QStringLiteral("NOT meeting"));
        row("a NOT b", QStringLiteral("meeting NOT budget"));
        row("NEAR group", QStringLiteral("NEAR(meeting budget, 2)"));
        row("star", QStringLiteral("*"));
        row("prefix star", QStringLiteral("meet*"));
        row("leading star", QStringLiteral("*meet"));
        row("caret", QStringLiteral("^meeting"));
        row("column filter", QStringLiteral("body:meeting"));
        row("column set", QStringLiteral("{body id}: 会议"));
        row("minus", QStringLiteral("-meeting"));
        row("plus", QStringLiteral("+meeting"));
        row("parentheses", QStringLiteral("(meeting OR (budget"));
        row("empty parentheses", QStringLiteral("()"));
        row("SQL", QStringLiteral("'); DROP TABLE messages; --"));
        row("backslash", QStringLiteral("\\\\ \\\""));
        row("percent and underscore", QStringLiteral("%_%"));
        row("NUL inside", QStringLiteral("会") + QChar(u'\0') + QStringLiteral("议"));
        row("lone high surrogate", QString(QChar(char16_t(0xD83D))));
        row("lone low surrogate", QString(QChar(char16_t(0xDE00))));
        row("surrogates reversed", QString(QChar(char16_t(0xDE00))) + QChar(char16_t(0xD83D)));
        row("surrogate inside", QStringLiteral("会") + QChar(char16_t(0xD800)) + QStringLiteral("议"));
        row("noncharacter", QString(QChar(char16_t(0xFFFF))) + QStringLiteral("meeting"));
        row("100 KB word", QString(100 * 1024, u'a'));
        row("100 KB ideographs", QStringLiteral("会议室预算报销").repeated(100 * 1024 / 7));
        row("100 KB of terms", QStringLiteral("meeting ").repeated(100 * 1024 / 8));
        row("100 KB of operators", QStringLiteral("\"( NEAR* ^:) OR ").repeated(100 * 1024 / 16));
        QString pasted; // a long text pasted into the search field: thousands of different terms
        for (qsizetype i = 0; pasted.size() < 100 * 1024; ++i)
            pasted += m_corpus.messages().at(i).message.body + u'\n';
        row("100 KB pasted from messages", pasted);
        QRandomGenerator rng(kSeed);
        QString noise;
        while (noise.size() < 100 * 1024)
            noise += QChar(char16_t(rng.bounded(0x20, 0xFFFE)));
        row("100 KB of noise", noise);
    }

    // What of a query is searched: its first 256 UTF-16 units, then its first 16 distinct terms.
    static QString searchedPart(const QString &text)
    {
        QString cut = text.left(256);
        for (QChar &ch : cut)
            if (ch.isSpace())
                ch = u' ';
        QStringList terms;
        for (const QString &term : cut.split(u' ', Qt::SkipEmptyParts)) {
            if (terms.contains(term))
                continue;
            if (terms.size() == 16)
                break;
            terms << term;
        }
        return terms.join(u' ');
    }

    void hostileQueriesAreHarmless()
    {
        QFETCH(QString, text);
        QElapsedTimer clock;
        clock.start();
        auto hits = search(Query::of(text), 20, 2000);
        TANDEM_VERIFY_OK(hits);
        QVERIFY2(clock.elapsed() < kHostileQueryBudgetMs,
            qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
        // The store searches only the first 256 characters and 16 distinct terms (searchtokenizer.h).
        const QSet<QString> expected = m_corpus.expectedIds(Query::of(searchedPart(text)));
        for (const SearchHit &h : *hits)
            QVERIFY2(expected.contains(h.messageId), qPrintable(h.messageId));
        QCOMPARE(hits->size(), std::min<qsizetype>(20, expected.size()));
    }
};

QTEST_GUILESS_MAIN(TestSearchHostile)
#include "tst_searchhostile.moc"
