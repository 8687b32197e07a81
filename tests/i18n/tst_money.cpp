// formatMoney: CNY and HKD amounts in minor units, formatted by locale without rounding.
#include "util/money.h"

#include <QTest>

using namespace Qt::StringLiterals;
using tandem::Currency;
using tandem::formatMoney;

class TestMoney : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cnyInMainlandChinese()
    {
        const QLocale zhCN(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
        QCOMPARE(formatMoney(123450, Currency::CNY, zhCN), u"¥1,234.50"_s);
        QCOMPARE(formatMoney(5, Currency::CNY, zhCN), u"¥0.05"_s);
        QCOMPARE(formatMoney(0, Currency::CNY, zhCN), u"¥0.00"_s);
    }
    void hkdInHongKongChinese()
    {
        const QLocale zhHK(QLocale::Chinese, QLocale::TraditionalHanScript, QLocale::HongKong);
        QCOMPARE(formatMoney(123450, Currency::HKD, zhHK), u"HK$1,234.50"_s);
        QCOMPARE(formatMoney(100000000, Currency::HKD, zhHK), u"HK$1,000,000.00"_s);
    }
    void symbolsDoNotFollowTheLanguage()
    {
        // An English UI still shows a Hong Kong amount as HK$ and a mainland one as ¥.
        const QLocale enGB(QLocale::English, QLocale::UnitedKingdom);
        QCOMPARE(formatMoney(9999, Currency::HKD, enGB), u"HK$99.99"_s);
        QCOMPARE(formatMoney(9999, Currency::CNY, enGB), u"¥99.99"_s);
    }
    void negativeAmountsKeepTheirSign()
    {
        // A leading minus, not the accounting brackets Qt's zh_CN data would give ("(¥1,234.50)").
        const QLocale zhCN(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
        QCOMPARE(formatMoney(-123450, Currency::CNY, zhCN), u"-¥1,234.50"_s);
        const QLocale zhHK(QLocale::Chinese, QLocale::TraditionalHanScript, QLocale::HongKong);
        QCOMPARE(formatMoney(-1, Currency::HKD, zhHK), u"-HK$0.01"_s);
    }
    void largeAmountsAreExact()
    {
        // Past 2^53 a double would round the last fen; the integer path must not.
        const QLocale c(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(formatMoney(900719925474099312LL, Currency::CNY, c), u"¥9,007,199,254,740,993.12"_s);
    }
    void codes()
    {
        QCOMPARE(tandem::currencyCode(Currency::CNY), u"CNY"_s);
        QCOMPARE(tandem::currencyCode(Currency::HKD), u"HKD"_s);
    }
    void usDollarsKeepTheirOwnSymbol()
    {
        // Approval forms take USD too (issue 6); in Hong Kong a bare "$" would be read as HK$.
        const QLocale zhHK(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong);
        QCOMPARE(formatMoney(123450, Currency::USD, zhHK), u"US$1,234.50"_s);
        QCOMPARE(tandem::currencyCode(Currency::USD), u"USD"_s);
        QCOMPARE(tandem::currencyFromCode(u"USD"_s), std::optional(Currency::USD));
        QCOMPARE(tandem::currencyFromCode(u"EUR"_s), std::nullopt);
    }
};

QTEST_APPLESS_MAIN(TestMoney)
#include "tst_money.moc"
