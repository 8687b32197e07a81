// tandem_median() (core/store/medianfunction.h): the C++ median against a sort, including the values whose
// sum overflows, and the SQL aggregate inside a real store: NULLs left out, empty groups, GROUP BY, and a
// statement stopped in the middle of a group (the asan preset checks that nothing leaks then).
#include "store/medianfunction.h"
#include "store/spacekey.h"
#include "store/spacestore.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace tandem;
using namespace tandem::store;

namespace {

// The definition, written the slow way: sort, take the middle, mean of two rounded toward zero (for
// values whose sum fits).
qint64 sortedMedian(std::vector<qint64> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

class TestMedianFunction : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SpaceStore> m_store;

    Database &db() { return m_store->db(); }

    qint64 scalar(std::string_view sql)
    {
        auto v = db().queryInt(sql);
        if (!v)
            qFatal("%s: %s", sql.data(), qPrintable(v.error().message));
        return *v;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = SpaceStore::open(
            m_dir.filePath(QStringLiteral("median.db")), DataKey::generate(), {.create = true});
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        m_store = std::move(*opened);
        QVERIFY(db().exec("CREATE TEMP TABLE v (g INTEGER, x INTEGER)"));
    }

    void matchesASortOnRandomValues()
    {
        QRandomGenerator rng(20261125);
        for (int round = 0; round < 500; ++round) {
            const int n = 1 + int(rng.bounded(40));
            std::vector<qint64> v;
            for (int i = 0; i < n; ++i)
                v.push_back(qint64(rng.bounded(2001)) - 1000); // many ties, both signs
            std::vector<qint64> copy = v;
            QCOMPARE(medianOf(copy), sortedMedian(v));
        }
    }

    void meanOfTheMiddleTwoDoesNotOverflow()
    {
        constexpr qint64 max = std::numeric_limits<qint64>::max();
        constexpr qint64 min = std::numeric_limits<qint64>::min();
        const std::vector<std::pair<std::vector<qint64>, qint64>> cases {{{max, max}, max},
            {{max - 1, max}, max - 1}, {{min, min}, min}, {{min, min + 1}, min + 1}, {{min, max}, 0},
            {{-3, 4}, 0}, {{-3, -4}, -3}, {{3, 4}, 3}, {{-1, 0}, 0}, {{0, 1}, 0}, {{-5, -5, 7}, -5}};
        for (const auto &[values, want] : cases) {
            std::vector<qint64> copy = values;
            QCOMPARE(medianOf(copy), want);
        }
        std::vector<qint64> none;
        QCOMPARE(medianOf(none), 0);
    }

    void aggregatesPerGroupAndSkipsNulls()
    {
        QVERIFY(db().exec("DELETE FROM v; INSERT INTO v VALUES (1, 5), (1, 1), (1, NULL), (1, 3),"
                          " (2, 10), (2, 20), (3, NULL)"));
        QCOMPARE(scalar("SELECT tandem_median(x) FROM v WHERE g = 1"), 3);
        QCOMPARE(scalar("SELECT tandem_median(x) FROM v WHERE g = 2"), 15);
        QCOMPARE(scalar("SELECT tandem_median(x) IS NULL FROM v WHERE g = 3"), 1); // only NULLs
        QCOMPARE(scalar("SELECT tandem_median(x) IS NULL FROM v WHERE g = 4"), 1); // no rows
        QCOMPARE(
            scalar("SELECT group_concat(g || ':' || m, ' ') = '1:3 2:15' FROM"
                   " (SELECT g, tandem_median(x) AS m FROM v GROUP BY g HAVING m IS NOT NULL ORDER BY g)"),
            1);
    }

    void aStatementStoppedMidGroupFreesItsValues()
    {
        QVERIFY(db().exec("DELETE FROM v; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                          " WHERE i < 10000) INSERT INTO v SELECT i % 3, i FROM n"));
        auto st = db().prepare("SELECT g, tandem_median(x) FROM v GROUP BY g ORDER BY g");
        QVERIFY(st);
        // Stop after the first group: the other groups' values were collected and must be freed on reset.
        auto row = st->step();
        QVERIFY(row && *row);
        QCOMPARE(st->int64(0), 0);
        QCOMPARE(st->int64(1), 5001); // 3, 6, ..., 9999
        st->reset();
    }
};

QTEST_GUILESS_MAIN(TestMedianFunction)
#include "tst_medianfunction.moc"
