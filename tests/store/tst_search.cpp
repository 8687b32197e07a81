// Search: SpaceStore::search finds exactly the messages a brute-force scan finds (searchreference.h),
// over a seeded corpus of Simplified and Traditional Chinese, English and mixed text, for every kind
// of query and filter; ranking, limits and snippets behave. Hostile queries: tst_searchhostile.
#include "searchcorpus.h"
#include "storetestsupport.h"

#include "store/spacestore.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace tandem;
using namespace tandem::store;
using namespace tandem::store::test;

namespace {

constexpr int kUnlimited = 1'000'000; // above the corpus size: limits do not hide a disagreement

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SpaceStore> m_store;
    SearchCorpus m_corpus;

    // ---- the comparison ----

    Result<QList<SearchHit>> search(const Query &q, int limit = kUnlimited, int candidateLimit = kUnlimited)
    {
        return m_store->search(searchQuery(q, limit, candidateLimit));
    }

    // Empty when the store agrees with the brute-force scan, else what differs, with examples.
    QString disagreement(const Query &q)
    {
        auto hits = search(q);
        if (!hits)
            return QStringLiteral("search failed: ") + describe(hits.error());
        QSet<QString> actual;
        for (const SearchHit &h : *hits)
            actual.insert(h.messageId);
        if (actual.size() != hits->size())
            return QStringLiteral("a message was returned twice");
        const QSet<QString> expected = m_corpus.expectedIds(q);
        if (actual == expected)
            return {};
        const auto examples = [this](QSet<QString> ids) {
            QStringList ordered(ids.cbegin(), ids.cend());
            std::sort(ordered.begin(), ordered.end());
            QStringList out;
            for (const QString &id : ordered.mid(0, 3))
                out << id + QStringLiteral(" «") + m_corpus.byId(id).message.body + QStringLiteral("»");
            return out.join(QStringLiteral(", "));
        };
        return QStringLiteral("query «%1»: %2 expected, %3 found; missing %4 (%5); unexpected %6 (%7)")
            .arg(q.text)
            .arg(expected.size())
            .arg(actual.size())
            .arg(QSet<QString>(expected).subtract(actual).size())
            .arg(examples(QSet<QString>(expected).subtract(actual)))
            .arg(QSet<QString>(actual).subtract(expected).size())
            .arg(examples(QSet<QString>(actual).subtract(expected)));
    }

    void addRows(const QString &prefix, const QList<Query> &queries)
    {
        QTest::addColumn<Query>("query");
        for (qsizetype i = 0; i < queries.size(); ++i) {
            QString shown = queries.at(i).text.left(40);
            shown.replace(u'\n', QStringLiteral("\\n")).replace(u'\t', QStringLiteral("\\t"));
            QTest::addRow("%s %lld: %s", qPrintable(prefix), qint64(i), qPrintable(shown)) << queries.at(i);
        }
    }

    // The checks shared by every row cut from the corpus.
    void compareWithReference(const Query &q)
    {
        const QSet<QString> expected = m_corpus.expectedIds(q);
        if (!q.source.isEmpty())
            QVERIFY2(
                expected.contains(q.source), "the reference scan misses the message the query came from");
        const QString difference = disagreement(q);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = openCorpusStore(m_dir.path(), m_corpus);
        TANDEM_VERIFY_OK(store);
        m_store = std::move(*store);
    }

    // ---- the store finds what the brute-force scan finds ----

    void findsChineseSubstrings_data()
    {
        m_corpus.reseed(QTest::currentTestFunction());
        QList<Query> queries;
        for (const Style style : {Style::Simplified, Style::Traditional})
            for (int length = 1; length <= 6; ++length)
                for (int i = 0; i < 8; ++i)
                    queries << m_corpus.cjkSubstring(style, length);
        addRows(QStringLiteral("cjk"), queries);
    }

    void findsChineseSubstrings()
    {
        QFETCH(Query, query);
        compareWithReference(query);
    }

    void findsEnglishWordsAndPrefixes_data()
    {
        m_corpus.reseed(QTest::currentTestFunction());
        QList<Query> queries;
        for (int i = 0; i < 40; ++i) {
            const CorpusMessage &c = m_corpus.randomMessage(Style::English);
            const QString word = m_corpus.randomWord(c).text;
            const bool prefix = i % 2 == 1 && word.size() > 1;
            queries << Query::of(
                prefix ? word.left(m_corpus.rng().bounded(1, int(word.size()))) : word, c.message.id);
        }
        addRows(QStringLiteral("word"), queries);
    }

    void findsEnglishWordsAndPrefixes()
    {
        QFETCH(Query, query);
        compareWithReference(query);
    }

    void findsWordSequencesWithinATerm_data()
    {
        // Words joined by punctuation form one term: all but the last must match whole words.
        QList<Query> queries;
        while (queries.size() < 20) {
            const CorpusMessage &c = m_corpus.randomMessage(Style::English);
            const qsizetype at = m_corpus.rng().bounded(int(c.tokens.size()));
            if (at + 1 >= c.tokens.size() || c.tokens.at(at).cjk || c.tokens.at(at + 1).cjk)
                continue;
            const QString last = c.tokens.at(at + 1).text;
            const QString joiner = QStringList {QStringLiteral("-"), QStringLiteral("."), QStringLiteral("/"),
                QStringLiteral("'")}
                                       .at(m_corpus.rng().bounded(4));
            queries << Query::of(
                c.tokens.at(at).text + joiner + last.left(m_corpus.rng().bounded(1, int(last.size()) + 1)),
                c.message.id);
        }
        addRows(QStringLiteral("sequence"), queries);
    }

    void findsWordSequencesWithinATerm()
    {
        QFETCH(Query, query);
        compareWithReference(query);
    }

    void findsMixedText_data()
    {
        m_corpus.reseed(QTest::currentTestFunction());
        QList<Query> queries;
        for (int i = 0; i < 40; ++i)
            queries << m_corpus.window(Style::Mixed, 2, 10);
        for (int i = 0; i < 20; ++i)
            queries << m_corpus.window(
                i % 2 ? Style::Simplified : Style::Traditional, 3, 8); // with punctuation inside
        addRows(QStringLiteral("mixed"), queries);
    }

    void findsMixedText()
    {
        QFETCH(Query, query);
        compareWithReference(query);
    }

    void requiresEveryTerm_data()
    {
        m_corpus.reseed(QTest::currentTestFunction());
        QList<Query> queries;
        const QStringList spaces = {QStringLiteral(" "), QStringLiteral("  "), QStringLiteral("\t"),
            QStringLiteral("　"), QStringLiteral("\n")};
        for (int i = 0; i < 30; ++i) {
            // Terms from one message (found together at least there) or from several (maybe nowhere).
            const bool sameMessage = i % 3 != 0;
            const Query first = m_corpus.window(std::nullopt, 1, 6);
            const CorpusMessage &source = m_corpus.byId(first.source);
            QString text = first.text;
            const int terms = m_corpus.rng().bounded(2, 4);
            for (int t = 1; t < terms; ++t) {
                const QString next = sameMessage
                    ? source.tokens.at(m_corpus.rng().bounded(int(source.tokens.size()))).text
                    : m_corpus.window(std::nullopt, 1, 6).text;
                text += spaces.at(m_corpus.rng().bounded(int(spaces.size()))) + next;
            }
            queries << Query::of(text, sameMessage ? first.source : QString());
        }
        addRows(QStringLiteral("terms"), queries);
    }

    void requiresEveryTerm()
    {
        QFETCH(Query, query);
        compareWithReference(query);
    }

    void foldsCaseAndWidth_data()
    {
        m_corpus.reseed(QTest::currentTestFunction());
        QList<Query> queries;
        for (int i = 0; i < 30; ++i) {
            Query q = i % 2 ? m_corpus.window(Style::Mixed, 2, 8)
                            : Query::of(m_corpus.randomWord(m_corpus.randomMessage(Style::English)).text);
            switch (i % 3) {
            case 0:
                q.text = q.text.toUpper();
                break;
            case 1:
                q.text = fullWidth(q.text);
                break;
            default:
                q.text = fullWidth(q.text.toUpper());
                break;
            }
            queries << q;
        }
        addRows(QStringLiteral("folded"), queries);
    }

    void foldsCaseAndWidth()
    {
        QFETCH(Query, query);
        compareWithReference(query);
    }

    void findsNothingWhenNothingMatches_data()
    {
        m_corpus.reseed(QTest::currentTestFunction());
        QList<Query> queries;
        for (const QString &text : {QStringLiteral("xylophone"), QStringLiteral("zzqqxx"),
                 QStringLiteral("龘"), QStringLiteral("鬱鬱"), QStringLiteral("会议 xylophone"),
                 QStringLiteral("議会"), QStringLiteral("budget-friday"), QStringLiteral("meetingnotes"),
                 QStringLiteral("밥"), QStringLiteral("𠀀"), QStringLiteral("會议")})
            queries << Query::of(text);
        addRows(QStringLiteral("nothing"), queries);
    }

    void findsNothingWhenNothingMatches()
    {
        QFETCH(Query, query);
        QVERIFY2(
            m_corpus.expectedIds(query).isEmpty(), "the corpus has this after all: choose another query");
        auto hits = search(query);
        TANDEM_VERIFY_OK(hits);
        QCOMPARE(hits->size(), 0);
    }

    void appliesFilters_data()
    {
        m_corpus.reseed(QTest::currentTestFunction());
        QList<Query> queries;
        for (int i = 0; i < 40; ++i) {
            Query q = i % 2
                ? m_corpus.cjkSubstring(
                    i % 4 == 1 ? Style::Simplified : Style::Traditional, m_corpus.rng().bounded(1, 3))
                : Query::of(m_corpus.randomWord(m_corpus.randomMessage(Style::English)).text.left(3));
            q.source.clear(); // filters may exclude it
            const int which = m_corpus.rng().bounded(5);
            if (which == 0 || which == 4)
                q.conversationId = QStringLiteral("c-%1").arg(m_corpus.rng().bounded(kConversations));
            if (which == 1 || which == 4)
                q.senderId = QStringLiteral("u-%1").arg(m_corpus.rng().bounded(kSenders));
            if (which >= 2) {
                const qint64 from = kFirstDay + qint64(m_corpus.rng().bounded(kDays)) * kDayMs;
                q.fromMs = m_corpus.rng().bounded(3) ? from : 0;
                q.toMs = from + qint64(m_corpus.rng().bounded(1, 60)) * kDayMs;
            }
            queries << q;
        }
        addRows(QStringLiteral("filtered"), queries);
    }

    void appliesFilters()
    {
        QFETCH(Query, query);
        compareWithReference(query);
    }

    void appliesDateRangesAroundMonthBoundaries_data()
    {
        QList<Query> queries;
        const QStringList texts
            = {QStringLiteral("的"), QStringLiteral("會"), QStringLiteral("the"), QStringLiteral("e")};
        const auto add = [&](qint64 from, qint64 to) {
            for (const QString &text : texts) {
                Query q = Query::of(text);
                q.fromMs = from;
                q.toMs = to;
                queries << q;
            }
        };
        constexpr qint64 kMinute = 60'000;
        for (int n = 1; n <= 5; ++n) {
            const qint64 b = monthStart(n);
            add(b, b + kDayMs); // the first day of a month
            add(b - kDayMs, b); // the last day of the month before
            add(b - 1, b + 1); // the last millisecond of one month and the first of the next
            add(b - kMinute, b); // ends exactly where the month starts
            add(b, 0); // from the month on, no end
            add(0, b); // up to the month, no start
            add(b, b); // empty
            add(b + kDayMs, b); // reversed
        }
        add(monthStart(-1), monthStart(8)); // the whole corpus and beyond
        add(monthStart(-48), monthStart(12)); // more months than the index narrows by
        addRows(QStringLiteral("months"), queries);
    }

    void appliesDateRangesAroundMonthBoundaries()
    {
        QFETCH(Query, query);
        compareWithReference(query);
    }

    void dateRangeIncludesItsStartAndExcludesItsEnd()
    {
        const CorpusMessage &c = m_corpus.randomMessage(Style::English);
        Query q = Query::of(m_corpus.randomWord(c).text);
        q.fromMs = c.message.createdAt;
        q.toMs = c.message.createdAt + 1;
        QVERIFY(m_corpus.expectedIds(q).contains(c.message.id));
        compareWithReference(q);
        if (QTest::currentTestFailed())
            return;
        q.fromMs = c.message.createdAt - 1;
        q.toMs = c.message.createdAt;
        QVERIFY(!m_corpus.expectedIds(q).contains(c.message.id));
        compareWithReference(q);
    }

    // ---- ranking and limits ----

    void returnsAtMostLimitHits_data()
    {
        QTest::addColumn<int>("limit");
        for (int limit : {1, 5, 20, 100})
            QTest::addRow("limit %d", limit) << limit;
    }

    void returnsAtMostLimitHits()
    {
        QFETCH(int, limit);
        const Query q = Query::of(QStringLiteral("会"));
        const QSet<QString> expected = m_corpus.expectedIds(q);
        QVERIFY(expected.size() > 100);

        auto hits = search(q, limit);

        TANDEM_VERIFY_OK(hits);
        QCOMPARE(hits->size(), limit);
        for (const SearchHit &h : *hits)
            QVERIFY(expected.contains(h.messageId));
    }

    void zeroLimitReturnsNothing()
    {
        auto hits = search(Query::of(QStringLiteral("会")), 0);
        TANDEM_VERIFY_OK(hits);
        QCOMPARE(hits->size(), 0);
    }

    void hitsAreOrderedByRelevanceThenTime()
    {
        auto hits = search(Query::of(QStringLiteral("meeting")));
        TANDEM_VERIFY_OK(hits);
        QVERIFY(hits->size() > 10);
        for (qsizetype i = 1; i < hits->size(); ++i) {
            const SearchHit &a = hits->at(i - 1);
            const SearchHit &b = hits->at(i);
            QVERIFY2(a.score < b.score || (a.score == b.score && a.createdAt >= b.createdAt),
                qPrintable(QStringLiteral("hit %1 out of order").arg(i)));
        }
    }

    void moreRelevantMessageRanksFirst()
    {
        QTemporaryDir dir;
        SpaceStore::OpenOptions o;
        o.create = true;
        auto store = SpaceStore::open(dir.filePath(QStringLiteral("rank.db")), DataKey::generate(), o);
        TANDEM_VERIFY_OK(store);
        // Oldest first, so that ordering by time alone would put the relevant one last.
        TANDEM_VERIFY_OK(storeConversation(**store, QStringLiteral("c"),
            {QStringLiteral("预算 预算 预算"),
                QStringLiteral("周五的会上顺便提一下预算，还有很多别的事情要讨论，比如"
                               "团建、招聘、新办公室的装修和下个季度的计划")}));
        SearchQuery q;
        q.text = QStringLiteral("预算");

        auto hits = (*store)->search(q);

        TANDEM_VERIFY_OK(hits);
        QCOMPARE(hits->size(), 2);
        QCOMPARE(hits->first().messageId, QStringLiteral("c-0"));
    }

    void candidateLimitKeepsTheMostRecentMatches_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("all candidates") << 10;
        QTest::newRow("the best of them") << 3;
    }

    void candidateLimitKeepsTheMostRecentMatches()
    {
        QFETCH(int, limit);
        const Query q = Query::of(QStringLiteral("的"));
        const QSet<QString> expected = m_corpus.expectedIds(q);
        QVERIFY(expected.size() > 50);
        QList<int> arrivals;
        for (const QString &id : expected)
            arrivals << m_corpus.byId(id).arrival;
        std::sort(arrivals.begin(), arrivals.end(), std::greater<>());
        QSet<QString> newest;
        for (int arrival : arrivals.mid(0, 10))
            newest.insert(m_corpus.messages().at(arrival).message.id);

        auto hits = search(q, limit, 10);

        TANDEM_VERIFY_OK(hits);
        QCOMPARE(hits->size(), limit);
        for (const SearchHit &h : *hits)
            QVERIFY2(newest.contains(h.messageId),
                qPrintable(h.messageId + QStringLiteral(" is not among the newest")));
    }

    // ---- snippets ----

    void snippetIsAPlainExcerptOfTheMessage()
    {
        for (const QString &text : {QStringLiteral("预算"), QStringLiteral("meet"), QStringLiteral("會議")}) {
            auto hits = search(Query::of(text));
            TANDEM_VERIFY_OK(hits);
            QVERIFY(!hits->isEmpty());
            for (const SearchHit &h : *hits) {
                QString body = m_corpus.byId(h.messageId).message.body;
                body.replace(u'\n', u' ');
                QString excerpt = h.snippet.text;
                if (excerpt.startsWith(u'…'))
                    excerpt.remove(0, 1);
                if (excerpt.endsWith(u'…'))
                    excerpt.chop(1);
                QVERIFY2(body.contains(excerpt), qPrintable(h.snippet.text));
                QVERIFY(h.snippet.text.size() <= 96 + 2);
            }
        }
    }

    void snippetHighlightsTheChineseQuery_data()
    {
        m_corpus.reseed(QTest::currentTestFunction());
        QList<Query> queries;
        for (const Style style : {Style::Simplified, Style::Traditional})
            for (int length = 1; length <= 4; ++length)
                for (int i = 0; i < 3; ++i)
                    queries << m_corpus.cjkSubstring(style, length);
        queries << Query::of(QStringLiteral("今天吃𠮷野家")) << Query::of(QStringLiteral("𩸽定食"))
                << Query::of(QStringLiteral("㐂事"));
        addRows(QStringLiteral("snippet"), queries);
    }

    void snippetHighlightsTheChineseQuery()
    {
        QFETCH(Query, query);
        auto hits = search(query);
        TANDEM_VERIFY_OK(hits);
        QVERIFY(!hits->isEmpty());
        for (const SearchHit &h : *hits) {
            const Snippet &s = h.snippet;
            QVERIFY2(!s.highlights.isEmpty(),
                qPrintable(h.messageId + QStringLiteral(": nothing highlighted in ") + s.text));
            // The first highlight is the query itself, or back-to-back copies of it ("预算预算").
            const QString first = s.text.mid(s.highlights.first().first, s.highlights.first().second);
            QVERIFY2(first.startsWith(query.text) && first.endsWith(query.text),
                qPrintable(QStringLiteral("«%1» highlighted in «%2»").arg(first, s.text)));
            // Every highlighted character is part of an occurrence of the query (one cut off by the end of
            // the excerpt aside).
            QList<bool> inOccurrence(s.text.size(), false);
            for (qsizetype at = s.text.indexOf(query.text); at >= 0; at = s.text.indexOf(query.text, at + 1))
                for (qsizetype k = at; k < at + query.text.size(); ++k)
                    inOccurrence[k] = true;
            for (const auto &[start, length] : s.highlights) {
                if (start + length == s.text.size() - 1 && s.text.endsWith(u'…'))
                    continue;
                for (int k = start; k < start + length; ++k)
                    QVERIFY2(inOccurrence.at(k),
                        qPrintable(QStringLiteral("«%1» highlighted in «%2»")
                                       .arg(s.text.mid(start, length), s.text)));
            }
        }
    }

    void snippetHighlightsWordsFromTheirStart()
    {
        for (const QString &text :
            {QStringLiteral("meet"), QStringLiteral("MEET"), QStringLiteral("ｍｅｅｔ")}) {
            auto hits = search(Query::of(text));
            TANDEM_VERIFY_OK(hits);
            QVERIFY(!hits->isEmpty());
            for (const SearchHit &h : *hits) {
                QVERIFY(!h.snippet.highlights.isEmpty());
                for (const auto &[start, length] : h.snippet.highlights) {
                    if (start + length == h.snippet.text.size() - 1 && h.snippet.text.endsWith(u'…'))
                        continue; // cut off by the end of the excerpt
                    const QString marked = h.snippet.text.mid(start, length);
                    QVERIFY2(reference::tokenize(marked).value(0).text == u"meet", qPrintable(marked));
                    QVERIFY2(start == 0
                            || !reference::isWordCharacter(
                                reference::fold(h.snippet.text.at(start - 1).unicode())),
                        qPrintable(QStringLiteral("«%1» highlighted in «%2»").arg(marked, h.snippet.text)));
                }
            }
        }
    }

    // ---- hostile queries ----
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
