// SearchModel over a real encrypted store: conversations, people and messages, and only the answer to
// the latest query.
#include "modeltestsupport.h"
#include "searchmodel.h"

#include <QSignalSpy>
#include <QThread>

using namespace tandem;
using namespace tandem::app;
using namespace tandem::app::test;
using namespace Qt::StringLiterals;

class TestSearchModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestSpace> m_space;

    static QStringList kinds(const SearchModel &m)
    {
        QStringList out;
        for (int row = 0; row < m.rowCount(); ++row)
            out << m.data(m.index(row), SearchModel::ResultKindRole).toString();
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_space = std::make_unique<TestSpace>();
        QVERIFY(m_space->open());
        QVERIFY(m_space->addConversation(u"c1"_s, u"Carolina trip"_s, {kMe, kBob}));
        QVERIFY(m_space->addConversation(u"c2"_s, u"Budget"_s, {kMe, kCarol}));
        QVERIFY(m_space->addMessages(
            {message(u"m1"_s, u"c2"_s, kBob, u"ask carol about <the> numbers"_s, minutesAgo(3), 1),
                message(u"m2"_s, u"c2"_s, kBob, u"nothing here"_s, minutesAgo(2), 2)}));
    }
    void cleanup() { m_space.reset(); }

    void findsConversationsPeopleAndMessages()
    {
        SearchModel m(m_space->thread());
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setQuery(u"carol"_s);
        QVERIFY(m.searching());
        QTRY_VERIFY(!m.searching());
        QCOMPARE(kinds(m), (QStringList {u"conversation"_s, u"person"_s, u"message"_s}));
        QCOMPARE(m.data(m.index(0), SearchModel::SnippetHtmlRole).toString(), u"<b>Carol</b>ina trip"_s);
        QCOMPARE(m.data(m.index(1), SearchModel::UserIdRole).toString(), kCarol);
        QCOMPARE(m.data(m.index(2), SearchModel::MessageIdRole).toString(), u"m1"_s);
        QCOMPARE(m.data(m.index(2), SearchModel::TitleRole).toString(), u"Budget"_s);
        const QString snippet = m.data(m.index(2), SearchModel::SnippetHtmlRole).toString();
        QVERIFY2(snippet.contains(u"<b>carol</b>"_s), qPrintable(snippet));
        QVERIFY2(snippet.contains(u"&lt;the&gt;"_s), qPrintable(snippet)); // server text stays text
    }

    void onlyTheLatestQueryIsAnswered()
    {
        SearchModel m(m_space->thread());
        QSignalSpy ready(&m, &SearchModel::resultsReady);
        // Holds the store thread, so that the first query's read is still waiting when the second comes.
        auto hold = m_space->thread()->read<bool>([](store::SpaceStore &) -> Result<bool> {
            QThread::msleep(400);
            return true;
        });
        m.setQuery(u"budget"_s);
        QTest::qWait(SearchModel::kDebounceMs + 60); // its read is queued now
        m.setQuery(u"nothing"_s);
        QTRY_COMPARE(ready.count(), 1);
        QTest::qWait(100);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(kinds(m), QStringList {u"message"_s});
        QCOMPARE(m.data(m.index(0), SearchModel::MessageIdRole).toString(), u"m2"_s);
    }

    void anEmptyQueryClearsTheResults()
    {
        SearchModel m(m_space->thread());
        m.setQuery(u"budget"_s);
        QTRY_VERIFY(m.rowCount() > 0);
        m.setQuery(QString());
        QCOMPARE(m.rowCount(), 0);
        QVERIFY(!m.searching());
    }
};

QTEST_GUILESS_MAIN(TestSearchModel)
#include "tst_searchmodel.moc"
