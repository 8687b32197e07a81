// Money as people read it: an amount in minor units (fen, cents) of CNY or HKD, formatted by a locale
// with the currency's own symbol ("¥1,234.50", "HK$1,234.50"). Integers in, so no amount is ever
// rounded on its way to the screen.
#pragma once

#include <QLocale>
#include <QString>

#include <optional>

namespace tandem {

enum class Currency { CNY, HKD, USD };

// "¥" for CNY, "HK$" for HKD, "US$" for USD: the symbols used in mainland China and Hong Kong whatever
// the UI language (a bare "$" would read as Hong Kong dollars there).
[[nodiscard]] QString currencySymbol(Currency currency);
// The ISO 4217 code ("CNY", "HKD", "USD").
[[nodiscard]] QString currencyCode(Currency currency);
// The currency of an ISO 4217 code this app knows, else nullopt.
[[nodiscard]] std::optional<Currency> currencyFromCode(const QString &code);
// `minorUnits` hundredths of `currency` in `locale`'s digits and grouping, always two decimals.
[[nodiscard]] QString formatMoney(qint64 minorUnits, Currency currency, const QLocale &locale = QLocale());

} // namespace tandem
