// Texts an organisation writes once in several languages (a template's name, a field's label, an
// option, a step): `label` is the text in the organisation's default language, and `label_i18n`
// ({"zh_CN": "…", "zh_HK": "…"}) its translations. The reader sees the one for their language, else the
// default (docs/approvals.md §2.3).
#pragma once

#include <QJsonObject>
#include <QLocale>
#include <QString>

namespace tandem {

// The translation of `fallback` in `translations` that best fits `locale`: its exact name (zh_HK), then
// another region with the same script (Traditional: zh_HK, zh_TW, zh_MO; Simplified: zh_CN, zh_SG), then
// the bare language (zh); `fallback` when none is there or the one found is blank.
[[nodiscard]] QString pickTranslation(
    const QString &fallback, const QJsonObject &translations, const QLocale &locale = QLocale());

// `object[key]` in `locale`'s language, from `object[key + "_i18n"]`.
[[nodiscard]] QString localizedText(
    const QJsonObject &object, QLatin1StringView key, const QLocale &locale = QLocale());

// What is wrong with a `<key>_i18n` value, or an empty string: an object of at most 16 locale names
// (ll or ll_RR) each mapped to a line of at most `maxLength` characters.
[[nodiscard]] QString translationsProblem(const QJsonValue &translations, int maxLength);

} // namespace tandem
