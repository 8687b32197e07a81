// Money as people read it: an amount in minor units (fen, cents) of CNY or HKD, formatted by a locale
// with the currency's own symbol ("¥1,234.50", "HK$1,234.50"). Integers in, so no amount is ever
// rounded on its way to the screen.
#pragma once

#include <QLocale>
#include <QString>

namespace tandem {

enum class Currency { CNY, HKD };

// "¥" for CNY, "HK$" for HKD: the symbols used in mainland China and Hong Kong whatever the UI language.
[[nodiscard]] QString currencySymbol(Currency currency);
// The ISO 4217 code ("CNY", "HKD").
[[nodiscard]] QString currencyCode(Currency currency);
// `minorUnits` hundredths of `currency` in `locale`'s digits and grouping, always two decimals.
[[nodiscard]] QString formatMoney(qint64 minorUnits, Currency currency, const QLocale &locale = QLocale());

} // namespace tandem
