// What the app needs of a form beyond core/approvals/formschema.h (the one parser and validator of
// docs/approvals.md §2, shared with the server): the template as the client store holds it turned back
// into a template, every problem of a form at once (one per field, for the person filling it), the
// computed fields' preview, answers as text for the detail view, and money as people type it. Labels
// are shown in the reader's language when the template has it (`label_i18n`, util/localizedtext.h).
#pragma once

#include "approvals/formschema.h"

#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QString>

#include <optional>

namespace tandem::approvals {

struct TemplateInfo;

// A template from its approval_templates row (form_schema holds the `form` array, flow the `flow`).
[[nodiscard]] std::variant<Template, FormProblem> templateFromStore(const TemplateInfo &info);

// Every problem of `answers`, at most one per field, in form order (validateForm stops at the first).
// Computed fields are skipped: the client never sends them.
[[nodiscard]] QList<FormProblem> formProblems(
    const Template &tpl, const QJsonObject &answers, const FormContext &context = {});

// The field id a problem's pointer names ("/form/amount/currency" → "amount").
[[nodiscard]] QString problemFieldId(
    const FormProblem &problem, const QString &prefix = QStringLiteral("/form"));

// A computed field's preview from the answers (leave_days with the organisation's holidays); null when
// its inputs are missing.
[[nodiscard]] QJsonValue computedValue(
    const FormField &field, const QJsonObject &answers, const QSet<QDate> &holidays);

// An answer as a person reads it (money with its symbol, dates by locale, options by their labels).
[[nodiscard]] QString answerText(const FormField &field, const QJsonValue &answer, const QLocale &locale);

// "1,234.5" or "1234.50" typed in `locale` → 123450 minor units; nullopt when it is not an amount
// (letters, more than two decimals, negative, past 10^13 units).
[[nodiscard]] std::optional<qint64> parseMoneyText(const QString &text, const QLocale &locale);
// A money answer for display: "¥1,234.50" (formatMoney), or the bare number for an unknown currency.
[[nodiscard]] QString formatMoneyAnswer(qint64 minor, const QString &currency, const QLocale &locale);

} // namespace tandem::approvals
