#include "money.h"

namespace tandem {

using namespace Qt::StringLiterals;

QString currencySymbol(Currency currency)
{
    switch (currency) {
    case Currency::HKD:
        return u"HK$"_s;
    case Currency::USD:
        return u"US$"_s;
    case Currency::CNY:
        break;
    }
    return u"¥"_s;
}

QString currencyCode(Currency currency)
{
    switch (currency) {
    case Currency::HKD:
        return u"HKD"_s;
    case Currency::USD:
        return u"USD"_s;
    case Currency::CNY:
        break;
    }
    return u"CNY"_s;
}

std::optional<Currency> currencyFromCode(const QString &code)
{
    for (Currency c : {Currency::CNY, Currency::HKD, Currency::USD})
        if (currencyCode(c) == code)
            return c;
    return std::nullopt;
}

QString formatMoney(qint64 minorUnits, Currency currency, const QLocale &locale)
{
    // The whole part goes through QLocale as an integer (grouping, sign, digits); the two decimals are
    // appended with the locale's decimal point, so amounts past 2^53 fen stay exact.
    const bool negative = minorUnits < 0;
    const quint64 magnitude = negative ? 0 - quint64(minorUnits) : quint64(minorUnits);
    const QString whole = locale.toString(qulonglong(magnitude / 100));
    const QString cents = u"%1"_s.arg(uint(magnitude % 100), 2, 10, QChar(u'0'));
    // toCurrencyString places the symbol as the locale does; 1 stands in for the digits. Its negative
    // form is not used: Qt's data writes some locales' negatives in accounting brackets ("(¥1.00)" in
    // zh_CN), which reads as a note, not a refund; a leading minus sign is what both regions expect.
    QString text = locale.toCurrencyString(1.0, currencySymbol(currency), 0);
    const QString one = locale.toString(1);
    const QString digits = whole + locale.decimalPoint() + cents;
    const qsizetype at = text.indexOf(one);
    if (at < 0) // no locale writes it otherwise, but never lose the amount
        text = currencySymbol(currency) + digits;
    else
        text.replace(at, one.size(), digits);
    return negative ? locale.negativeSign() + text : text;
}

} // namespace tandem
