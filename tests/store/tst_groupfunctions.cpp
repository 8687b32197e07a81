// tandem_group_sums() and tandem_group_medians() (core/store/groupfunctions.h) inside a real store: the
// groups they give against SQLite's own GROUP BY over the same random rows (keys of every type, NULL keys
// and values), with FILTER, with no rows, and each refusal: a bad key count, rows of another shape, a blob
// key, an overflowing sum. The asan preset checks that a statement stopped by an error leaks nothing.
#include "store/spacekey.h"
#include "store/spacestore.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace tandem;
using namespace tandem::store;
using namespace Qt::StringLiterals;

class TestGroupFunctions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SpaceStore> m_store;

    Database &db() { return m_store->db(); }

    // Each row of a query as one line of text, in the order the query gives them.
    QStringList rows(std::string_view sql)
    {
        auto st = db().prepare(sql);
        if (!st)
            qFatal("%s: %s", sql.data(), qPrintable(st.error().message));
        QStringList out;
        const auto each = st->forEachRow([&](const Statement &r) {
            QStringList fields;
            for (int i = 0; i < sqlite3_column_count(r.handle()); ++i)
                fields << (r.isNull(i) ? QStringLiteral("NULL") : r.text(i));
            out << fields.join(u'|');
        });
        if (!each)
            qFatal("%s: %s", sql.data(), qPrintable(each.error().message));
        return out;
    }

    QString errorOf(std::string_view sql)
    {
        auto st = db().prepare(sql);
        if (!st)
            return st.error().message;
        const auto each = st->forEachRow([](const Statement &) {});
        return each ? QString() : each.error().message;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = SpaceStore::open(
            m_dir.filePath(QStringLiteral("groups.db")), DataKey::generate(), {.create = true});
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        m_store = std::move(*opened);
        // Keys of each type (text, integer, real, NULL) and values with NULLs, in random order.
        QVERIFY(db().exec("CREATE TEMP TABLE v (a, b, x INTEGER, y INTEGER)"));
        auto insert = db().prepare("INSERT INTO temp.v VALUES (?1, ?2, ?3, ?4)");
        QVERIFY(insert);
        QRandomGenerator random(20261125);
        for (int i = 0; i < 5000; ++i) {
            const int kind = random.bounded(4);
            if (kind == 0)
                insert->bind(1, QStringLiteral("t%1").arg(random.bounded(5)));
            else if (kind == 1)
                insert->bind(1, qint64(random.bounded(5)));
            else if (kind == 2)
                insert->bind(1, 0.5 + random.bounded(3));
            else
                insert->bindNull(1);
            if (random.bounded(10) == 0)
                insert->bindNull(2);
            else
                insert->bind(2, QStringLiteral("状态%1").arg(random.bounded(3)));
            if (random.bounded(8) == 0)
                insert->bindNull(3);
            else
                insert->bind(3, qint64(random.bounded(2000001)) - 1000000);
            insert->bind(4, qint64(random.bounded(2)));
            QVERIFY(insert->exec());
        }
    }

    void sumsMatchGroupBy()
    {
        const QStringList want
            = rows("SELECT typeof(a), a, b, COUNT(*), COALESCE(SUM(x), 0), COALESCE(SUM(y), 0) "
                   "FROM temp.v GROUP BY a, b ORDER BY 1, 2, 3");
        const QStringList got
            = rows("SELECT typeof(e.value ->> 0), e.value ->> 0, e.value ->> 1, e.value ->> 2,"
                   " e.value ->> 3, e.value ->> 4"
                   " FROM (SELECT tandem_group_sums(2, a, b, x, y) AS g FROM temp.v),"
                   " json_each(g) e ORDER BY 1, 2, 3");
        QVERIFY(want.size() > 40);
        QCOMPARE(got, want);
    }

    void aKeyAloneCountsRows()
    {
        const QStringList want = rows("SELECT b, COUNT(*) FROM temp.v GROUP BY b ORDER BY 1");
        const QStringList got = rows(
            "SELECT e.value ->> 0, e.value ->> 1 FROM (SELECT tandem_group_sums(1, b) AS g FROM temp.v), "
            "json_each(g) e ORDER BY 1");
        QCOMPARE(got, want);
    }

    void mediansMatchGroupBy()
    {
        const QStringList want
            = rows("SELECT a, b, COUNT(x), tandem_median(x) FROM temp.v WHERE x IS NOT NULL "
                   "GROUP BY a, b ORDER BY typeof(a), 1, 2");
        const QStringList got
            = rows("SELECT e.value ->> 0, e.value ->> 1, e.value ->> 2, e.value ->> 3"
                   " FROM (SELECT tandem_group_medians(2, a, b, x) AS g FROM temp.v), json_each(g) e"
                   " ORDER BY typeof(e.value ->> 0), 1, 2");
        QCOMPARE(got, want);
    }

    void filterLeavesRowsOut()
    {
        const QStringList want
            = rows("SELECT b, COUNT(*), SUM(x) FROM temp.v WHERE y = 1 GROUP BY b ORDER BY 1");
        const QStringList got
            = rows("SELECT e.value ->> 0, e.value ->> 1, e.value ->> 2 FROM"
                   " (SELECT tandem_group_sums(1, b, x) FILTER (WHERE y = 1) AS g FROM temp.v),"
                   " json_each(g) e ORDER BY 1");
        QCOMPARE(got, want);
    }

    void noRowsGiveAnEmptyArray()
    {
        QCOMPARE(rows("SELECT tandem_group_sums(1, a, x) FROM temp.v WHERE 0"), QStringList {u"[]"_s});
        QCOMPARE(rows("SELECT tandem_group_medians(1, a, x) FROM temp.v WHERE 0"), QStringList {u"[]"_s});
        // Rows whose value is NULL are not a median's rows.
        QCOMPARE(
            rows("SELECT tandem_group_medians(1, a, x) FROM temp.v WHERE x IS NULL"), QStringList {u"[]"_s});
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("error");
        QTest::newRow("no key") << u"SELECT tandem_group_sums(0, x) FROM temp.v"_s << u"first argument"_s;
        QTest::newRow("key count as text")
            << u"SELECT tandem_group_sums('1', b) FROM temp.v"_s << u"first argument"_s;
        QTest::newRow("more keys than arguments")
            << u"SELECT tandem_group_sums(3, a, b) FROM temp.v"_s << u"first argument"_s;
        QTest::newRow("median without its value")
            << u"SELECT tandem_group_medians(2, a, b) FROM temp.v"_s << u"first argument"_s;
        QTest::newRow("median with two values")
            << u"SELECT tandem_group_medians(1, a, x, y) FROM temp.v"_s << u"first argument"_s;
        QTest::newRow("key count changes")
            << u"SELECT tandem_group_sums(CASE WHEN rowid < 10 THEN 1 ELSE 2 END, b, x) FROM temp.v"_s
            << u"same number"_s;
        QTest::newRow("blob key") << u"SELECT tandem_group_sums(1, x'00ff', x) FROM temp.v"_s << u"blob"_s;
        QTest::newRow("overflow") << u"SELECT tandem_group_sums(1, b, 9223372036854775807) FROM temp.v"_s
                                  << u"overflow"_s;
    }

    void refusals()
    {
        QFETCH(QString, sql);
        QFETCH(QString, error);
        const QString got = errorOf(sql.toStdString());
        QVERIFY2(got.contains(error), qPrintable(got));
    }
};

QTEST_GUILESS_MAIN(TestGroupFunctions)
#include "tst_groupfunctions.moc"
