// Approval templates as data (docs/approvals.md §1-§4): the form schema, the flow definition, and the
// checks both sides run on them. Shared by the server (which decides) and clients (which preview a
// form before queueing it); nothing here touches a store or the network.
#pragma once

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <variant>

namespace tandem::approvals {

// What is wrong with a form value, for a client to say it in the person's language (the reason is
// protocol text in English).
enum class ProblemKind {
    Invalid, // not a value of the field's type (or a template problem)
    Required,
    TooLong,
    BelowMinimum,
    AboveMaximum,
    NotWhole,
    Currency, // a currency the field does not take
    EndBeforeStart,
    NotAnOption,
    TooMany,
    NotAUser,
    NotAFile,
    UnknownField,
    Computed, // a computed field was sent
};

// A problem in a template or a form: a JSON Pointer to the culprit and a sentence.
struct FormProblem
{
    QString field;
    QString reason;
    ProblemKind kind = ProblemKind::Invalid;
};

struct FormField
{
    QString id;
    QString type; // text, long_text, number, money, date, date_range, single_choice, multiple_choice,
                  // people, attachments, computed
    QString label;
    bool required = false;
    QJsonObject definition; // the whole field as written, for the type's options
};

struct FlowStepDef
{
    QString name;
    QJsonObject nameI18n; // its translations (util/localizedtext.h)
    QString mode; // single, all, any
    QJsonArray approvers; // [{"user"}|{"role"}|{"manager": N}]
    QJsonObject when; // empty: always
    QJsonObject skipWhen; // empty: never
};

struct Template
{
    QString id;
    QString name;
    QString category;
    QList<FormField> form;
    QList<FlowStepDef> steps;
    QJsonArray cc;
    int slaHours = 0; // 0: none
    QString amountField;
    QJsonObject record; // the template as stored (without holidays)
};

// Parses and checks a template (ids unique, types known, options valid, conditions well-formed).
std::variant<Template, FormProblem> parseTemplate(const QJsonObject &json);

// What a form check needs to know of the world; unset functions accept everything.
struct FormContext
{
    QSet<QDate> holidays;
    std::function<bool(const QString &userId)> isUser; // people fields
    std::function<bool(const QString &attachmentId)> isAttachment; // attachments fields
};

// Checks `form` against the template and fills the computed fields in. Problems point under
// `pointerPrefix` (the server uses "/payload/form").
std::variant<QJsonObject, FormProblem> validateForm(const Template &tpl, const QJsonObject &form,
    const FormContext &context, const QString &pointerPrefix = QStringLiteral("/form"));

// Days from start to end inclusive that are not Saturday, Sunday or a holiday (formula leave_days).
int leaveDays(const QDate &start, const QDate &end, const QSet<QDate> &holidays);

// A condition of a flow step against a form (docs/approvals.md §4). A malformed condition is false;
// parseTemplate refuses those.
bool conditionHolds(const QJsonObject &condition, const QJsonObject &form);
std::optional<QString> checkCondition(const QJsonObject &condition);

QDate parseDate(const QString &s); // YYYY-MM-DD, else invalid

inline const QStringList kCurrencies {QStringLiteral("CNY"), QStringLiteral("HKD"), QStringLiteral("USD")};

} // namespace tandem::approvals
