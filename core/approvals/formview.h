// The request form as the app shows it. Interim: the server's template format is formschema.h
// (docs/approvals.md), and this reader is to be aligned with it. A request form as a template
// describes it (approval_templates.form_schema), read once into plain fields that the form view renders and
// the validator checks. Every assumption about the template format lives here, so that it can be aligned with
// the server's format (docs/approvals.md on the approvals branch) in one place. The format read:
//
//   {"fields": [{"id": "amount", "type": "money", "label": "Amount" | {"en": …, "zh_CN": …, "zh_HK": …},
//                "required": true, "help": …, "min": 1, "max": …, "decimals": 0, "maxLength": 200,
//                "maxFiles": 10, "currencies": ["CNY", "HKD", "USD"],
//                "options": [{"value": "travel", "label": …}],
//                "compute": {"op": "days", "field": "dates"} | {"op": "multiply", "fields": [a, b]}}]}
//
// Types: text, long_text, number, money, date, date_range, single_choice, multi_choice, people,
// attachments, computed. Answers (request form_data) by type: text → string; number → number; money →
// {"minor": integer, "currency": "CNY"}; date → "YYYY-MM-DD"; date_range → {"start": date, "end": date};
// single_choice → string; multi_choice and people → [string]; attachments → [{"name", "size"}].
// The schema comes from a server: it is bounded (size, fields, options) and unknown types are kept as
// Unknown (shown, never validated) rather than refused, so a newer server does not break the form.
#pragma once

#include "util/money.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::approvals {

enum class FieldType {
    Text,
    LongText,
    Number,
    Money,
    Date,
    DateRange,
    SingleChoice,
    MultiChoice,
    People,
    Attachments,
    Computed,
    Unknown,
};

struct FormOption
{
    QString value;
    QString label;
};

struct FieldView
{
    QString id;
    FieldType type = FieldType::Unknown;
    QString typeName; // as written in the schema
    QString label; // in the language asked for, else English, else the id
    QString help;
    bool required = false;
    std::optional<double> min;
    std::optional<double> max;
    int decimals = 2; // numbers only
    int maxLength = 0; // text; 0: the default bound
    int maxFiles = 0; // attachments; 0: the default bound
    QList<FormOption> options;
    QStringList currencies; // money; empty: CNY
    QString computeOp; // days, multiply, sum
    QStringList computeFields;
};

struct FieldError
{
    QString fieldId;
    QString message; // translated, for the person filling the form
};

class FormSchema
{
public:
    static constexpr qsizetype kMaxSchemaBytes = 64 * 1024;
    static constexpr int kMaxFields = 100;
    static constexpr int kMaxOptions = 200;
    static constexpr int kDefaultMaxLength = 2000;
    static constexpr int kLongTextMaxLength = 20000;
    static constexpr int kDefaultMaxFiles = 20;

    // `language`: "en", "zh_CN" or "zh_HK"; labels fall back to English, then to the field id.
    [[nodiscard]] static Result<FormSchema> parse(const QByteArray &json, const QString &language);

    [[nodiscard]] const QList<FieldView> &fields() const { return m_fields; }
    [[nodiscard]] const FieldView *field(const QString &id) const;

    // Every problem with these answers, in field order (at most one per field).
    [[nodiscard]] QList<FieldError> validate(const QJsonObject &answers) const;
    // The value of a computed field from the other answers (null when they are missing): days → the
    // number of days of a date range, both ends counted; multiply → a number times a money amount (a
    // money answer) or a number; sum → the sum of money amounts in one currency.
    [[nodiscard]] QJsonValue compute(const FieldView &field, const QJsonObject &answers) const;
    // The first money answer, for the request's amount_minor and currency.
    [[nodiscard]] std::optional<std::pair<qint64, QString>> primaryAmount(const QJsonObject &answers) const;
    // An answer as a person reads it in the request's detail (money with its symbol, dates by locale,
    // choices by their labels).
    [[nodiscard]] QString displayText(
        const FieldView &field, const QJsonValue &answer, const QLocale &locale) const;

private:
    QList<FieldView> m_fields;
};

// "1,234.5" or "1234.50" typed in `locale` → 123450 minor units; nullopt when it is not an amount
// (letters, more than two decimals, negative, past 10^13 units).
[[nodiscard]] std::optional<qint64> parseMoneyText(const QString &text, const QLocale &locale);
// A money answer for display: "¥1,234.50" (formatMoney), or the bare number for an unknown currency.
[[nodiscard]] QString formatMoneyAnswer(qint64 minor, const QString &currency, const QLocale &locale);

} // namespace tandem::approvals
