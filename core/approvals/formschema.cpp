#include "formschema.h"

#include "protocol/fields.h"
#include "util/localizedtext.h"

#include <QRegularExpression>

#include <cmath>

namespace tandem::approvals {

using namespace Qt::StringLiterals;

namespace {

const QStringList kTypes {u"text"_s, u"long_text"_s, u"number"_s, u"money"_s, u"date"_s, u"date_range"_s,
    u"single_choice"_s, u"multiple_choice"_s, u"people"_s, u"attachments"_s, u"computed"_s};
const QStringList kCategories {u"leave"_s, u"reimbursement"_s, u"purchase"_s, u"general"_s, u"custom"_s};
const QStringList kModes {u"single"_s, u"all"_s, u"any"_s};
const QStringList kOps {u"gt"_s, u"gte"_s, u"lt"_s, u"lte"_s, u"eq"_s, u"ne"_s, u"in"_s, u"contains"_s};

bool isFieldId(const QString &s)
{
    static const QRegularExpression re(u"^[a-z][a-z0-9_]{0,63}$"_s);
    return re.match(s).hasMatch();
}

QStringList optionIds(const QJsonObject &field)
{
    QStringList out;
    for (const QJsonValue &o : field.value("options"_L1).toArray())
        out << o.toObject().value("id"_L1).toString();
    return out;
}

// A form value as a number for comparisons: number, computed, money (minor units).
std::optional<double> numeric(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isObject() && v.toObject().value("amount_minor"_L1).isDouble())
        return v.toObject().value("amount_minor"_L1).toDouble();
    return std::nullopt;
}

} // namespace

QDate parseDate(const QString &s)
{
    static const QRegularExpression re(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    if (!re.match(s).hasMatch())
        return {};
    return QDate::fromString(s, Qt::ISODate);
}

int leaveDays(const QDate &start, const QDate &end, const QSet<QDate> &holidays)
{
    if (!start.isValid() || !end.isValid() || end < start)
        return 0;
    int days = 0;
    for (QDate d = start; d <= end; d = d.addDays(1))
        if (d.dayOfWeek() < 6 && !holidays.contains(d))
            ++days;
    return days;
}

std::optional<QString> checkCondition(const QJsonObject &c)
{
    for (const char *group : {"all", "any"}) {
        if (c.contains(QLatin1StringView(group))) {
            const QJsonArray list = c.value(QLatin1StringView(group)).toArray();
            if (list.isEmpty() || list.size() > 20)
                return u"\"%1\" takes 1 to 20 conditions"_s.arg(QLatin1StringView(group));
            for (const QJsonValue &v : list)
                if (auto p = checkCondition(v.toObject()))
                    return p;
            return std::nullopt;
        }
    }
    if (!isFieldId(c.value("field"_L1).toString()))
        return u"a condition needs a field"_s;
    if (!kOps.contains(c.value("op"_L1).toString()))
        return u"a condition's op is one of gt, gte, lt, lte, eq, ne, in, contains"_s;
    if (!c.contains("value"_L1))
        return u"a condition needs a value"_s;
    if (c.contains("currency"_L1) && !kCurrencies.contains(c.value("currency"_L1).toString()))
        return u"a condition's currency is CNY, HKD or USD"_s;
    return std::nullopt;
}

bool conditionHolds(const QJsonObject &c, const QJsonObject &form)
{
    if (c.contains("all"_L1)) {
        for (const QJsonValue &v : c.value("all"_L1).toArray())
            if (!conditionHolds(v.toObject(), form))
                return false;
        return true;
    }
    if (c.contains("any"_L1)) {
        for (const QJsonValue &v : c.value("any"_L1).toArray())
            if (conditionHolds(v.toObject(), form))
                return true;
        return false;
    }
    const QString field = c.value("field"_L1).toString();
    if (!form.contains(field))
        return false;
    const QJsonValue value = form.value(field);
    const QJsonValue want = c.value("value"_L1);
    const QString op = c.value("op"_L1).toString();
    // No exchange rates: an amount in another currency than the condition's adds the check.
    if (value.isObject() && c.contains("currency"_L1)
        && value.toObject().value("currency"_L1).toString() != c.value("currency"_L1).toString())
        return true;
    if (op == "eq"_L1 || op == "ne"_L1) {
        const auto a = numeric(value);
        const bool equal = a && want.isDouble() ? *a == want.toDouble() : value == want;
        return op == "eq"_L1 ? equal : !equal;
    }
    if (op == "in"_L1)
        return want.toArray().contains(value);
    if (op == "contains"_L1)
        return value.toArray().contains(want);
    const auto a = numeric(value);
    if (!a || !want.isDouble())
        return false;
    const double b = want.toDouble();
    if (op == "gt"_L1)
        return *a > b;
    if (op == "gte"_L1)
        return *a >= b;
    if (op == "lt"_L1)
        return *a < b;
    return *a <= b;
}

std::variant<Template, FormProblem> parseTemplate(const QJsonObject &json)
{
    Template t;
    t.record = json;
    t.id = json.value("id"_L1).toString();
    t.name = json.value("name"_L1).toString();
    t.category = json.value("category"_L1).toString();
    if (!protocol::isId(t.id))
        return FormProblem {u"/id"_s, u"a template needs an id"_s};
    if (t.name.trimmed().isEmpty() || !protocol::isLine(t.name, 128))
        return FormProblem {u"/name"_s, u"a template needs a name of at most 128 characters"_s};
    if (json.contains("name_i18n"_L1))
        if (const QString p = translationsProblem(json.value("name_i18n"_L1), 128); !p.isEmpty())
            return FormProblem {u"/name_i18n"_s, p};
    if (!kCategories.contains(t.category))
        return FormProblem {
            u"/category"_s, u"category is leave, reimbursement, purchase, general or custom"_s};
    if (json.contains("sla_hours"_L1)) {
        t.slaHours = json.value("sla_hours"_L1).toInt(-1);
        if (t.slaHours < 1 || t.slaHours > 8760)
            return FormProblem {u"/sla_hours"_s, u"sla_hours is 1 to 8760"_s};
    }
    const QJsonArray form = json.value("form"_L1).toArray();
    if (form.isEmpty() || form.size() > 50)
        return FormProblem {u"/form"_s, u"a form has 1 to 50 fields"_s};
    QSet<QString> ids;
    for (qsizetype i = 0; i < form.size(); ++i) {
        const QJsonObject f = form.at(i).toObject();
        const QString at = u"/form/%1"_s.arg(i);
        FormField field {f.value("id"_L1).toString(), f.value("type"_L1).toString(),
            f.value("label"_L1).toString(), f.value("required"_L1).toBool(), f};
        if (!isFieldId(field.id) || ids.contains(field.id))
            return FormProblem {at + u"/id"_s, u"field ids are unique, lower case, at most 64 characters"_s};
        ids.insert(field.id);
        if (!kTypes.contains(field.type))
            return FormProblem {at + u"/type"_s, u"unknown field type \"%1\""_s.arg(field.type)};
        if (!protocol::isLine(field.label, 128))
            return FormProblem {at + u"/label"_s, u"a label is a line of at most 128 characters"_s};
        if (f.contains("label_i18n"_L1))
            if (const QString p = translationsProblem(f.value("label_i18n"_L1), 128); !p.isEmpty())
                return FormProblem {at + u"/label_i18n"_s, p};
        if (field.type == "single_choice"_L1 || field.type == "multiple_choice"_L1) {
            QStringList options = optionIds(f);
            if (options.isEmpty() || options.size() > 100 || options.removeDuplicates() > 0
                || options.contains(QString()))
                return FormProblem {at + u"/options"_s, u"a choice needs 1 to 100 options with unique ids"_s};
            const QJsonArray list = f.value("options"_L1).toArray();
            for (qsizetype k = 0; k < list.size(); ++k)
                if (list.at(k).toObject().contains("label_i18n"_L1))
                    if (const QString p
                        = translationsProblem(list.at(k).toObject().value("label_i18n"_L1), 128);
                        !p.isEmpty())
                        return FormProblem {at + u"/options/%1/label_i18n"_s.arg(k), p};
        }
        if (field.type == "money"_L1)
            for (const QJsonValue &c : f.value("currencies"_L1).toArray())
                if (!kCurrencies.contains(c.toString()))
                    return FormProblem {at + u"/currencies"_s, u"currencies are CNY, HKD and USD"_s};
        if (field.type == "computed"_L1) {
            if (f.value("formula"_L1).toString() != "leave_days"_L1)
                return FormProblem {at + u"/formula"_s, u"the only formula is leave_days"_s};
            bool found = false;
            for (const FormField &other : std::as_const(t.form))
                found = found || (other.id == f.value("from"_L1).toString() && other.type == "date_range"_L1);
            if (!found)
                return FormProblem {at + u"/from"_s, u"leave_days needs an earlier date_range field"_s};
        }
        t.form << field;
    }
    t.amountField = json.value("amount_field"_L1).toString();
    if (!t.amountField.isEmpty()) {
        bool found = false;
        for (const FormField &f : std::as_const(t.form))
            found = found || (f.id == t.amountField && f.type == "money"_L1);
        if (!found)
            return FormProblem {u"/amount_field"_s, u"amount_field names a money field"_s};
    }
    const QJsonObject flow = json.value("flow"_L1).toObject();
    const QJsonArray steps = flow.value("steps"_L1).toArray();
    if (steps.size() > 20)
        return FormProblem {u"/flow/steps"_s, u"a flow has at most 20 steps"_s};
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QJsonObject s = steps.at(i).toObject();
        const QString at = u"/flow/steps/%1"_s.arg(i);
        FlowStepDef step {s.value("name"_L1).toString(), s.value("name_i18n"_L1).toObject(),
            s.value("mode"_L1).toString(u"single"_s), s.value("approvers"_L1).toArray(),
            s.value("when"_L1).toObject(), s.value("skip_when"_L1).toObject()};
        if (!protocol::isLine(step.name, 128))
            return FormProblem {at + u"/name"_s, u"a step name is a line of at most 128 characters"_s};
        if (s.contains("name_i18n"_L1))
            if (const QString p = translationsProblem(s.value("name_i18n"_L1), 128); !p.isEmpty())
                return FormProblem {at + u"/name_i18n"_s, p};
        if (!kModes.contains(step.mode))
            return FormProblem {at + u"/mode"_s, u"mode is single, all or any"_s};
        if (step.approvers.isEmpty() || step.approvers.size() > 20)
            return FormProblem {at + u"/approvers"_s, u"a step has 1 to 20 approver specs"_s};
        for (const QJsonValue &a : std::as_const(step.approvers)) {
            const QJsonObject spec = a.toObject();
            const bool ok
                = (spec.value("user"_L1).isString() && protocol::isId(spec.value("user"_L1).toString()))
                || (spec.value("role"_L1).isString() && !spec.value("role"_L1).toString().isEmpty())
                || (spec.value("manager"_L1).isDouble() && spec.value("manager"_L1).toInt() >= 1
                    && spec.value("manager"_L1).toInt() <= 10);
            if (!ok || spec.size() != 1)
                return FormProblem {
                    at + u"/approvers"_s, u"an approver is {user}, {role} or {manager: 1-10}"_s};
        }
        for (const auto &[name, cond] :
            {std::pair {"when", step.when}, std::pair {"skip_when", step.skipWhen}})
            if (!cond.isEmpty())
                if (auto p = checkCondition(cond))
                    return FormProblem {at + u"/"_s + QLatin1StringView(name), *p};
        t.steps << step;
    }
    t.cc = flow.value("cc"_L1).toArray();
    return t;
}

std::variant<QJsonObject, FormProblem> validateForm(
    const Template &tpl, const QJsonObject &form, const FormContext &ctx, const QString &prefix)
{
    QJsonObject out;
    QSet<QString> known;
    for (const FormField &f : tpl.form)
        known.insert(f.id);
    for (auto it = form.begin(); it != form.end(); ++it)
        if (!known.contains(it.key()))
            return FormProblem {
                prefix + u"/"_s + it.key(), u"is not a field of this template"_s, ProblemKind::UnknownField};
    for (const FormField &f : tpl.form) {
        const QString at = prefix + u"/"_s + f.id;
        const QJsonObject &d = f.definition;
        if (f.type == "computed"_L1) {
            if (form.contains(f.id))
                return FormProblem {at, u"is computed by the server"_s, ProblemKind::Computed};
            const QJsonObject range = out.value(d.value("from"_L1).toString()).toObject();
            if (!range.isEmpty())
                out.insert(f.id,
                    leaveDays(parseDate(range.value("start"_L1).toString()),
                        parseDate(range.value("end"_L1).toString()), ctx.holidays));
            continue;
        }
        if (!form.contains(f.id) || form.value(f.id).isNull()) {
            if (f.required)
                return FormProblem {at, u"is required"_s, ProblemKind::Required};
            continue;
        }
        const QJsonValue v = form.value(f.id);
        if (f.type == "text"_L1 || f.type == "long_text"_L1) {
            const bool longText = f.type == "long_text"_L1;
            const int max = d.value("max_length"_L1).toInt(longText ? 4096 : 256);
            const QString s = v.toString();
            if (!v.isString() || (longText ? !protocol::isText(s, max) : !protocol::isLine(s, max)))
                return FormProblem {at,
                    u"must be %1 of at most %2 characters"_s.arg(longText ? u"text"_s : u"a line"_s).arg(max),
                    ProblemKind::TooLong};
            if (f.required && s.trimmed().isEmpty())
                return FormProblem {at, u"is required"_s, ProblemKind::Required};
        } else if (f.type == "number"_L1) {
            const double n = v.toDouble();
            if (!v.isDouble() || !std::isfinite(n))
                return FormProblem {at, u"must be a number"_s};
            if (d.contains("min"_L1) && n < d.value("min"_L1).toDouble())
                return FormProblem {at, u"must be at least %1"_s.arg(d.value("min"_L1).toDouble()),
                    ProblemKind::BelowMinimum};
            if (d.contains("max"_L1) && n > d.value("max"_L1).toDouble())
                return FormProblem {
                    at, u"must be at most %1"_s.arg(d.value("max"_L1).toDouble()), ProblemKind::AboveMaximum};
            if (d.value("integer"_L1).toBool() && std::floor(n) != n)
                return FormProblem {at, u"must be a whole number"_s, ProblemKind::NotWhole};
        } else if (f.type == "money"_L1) {
            const QJsonObject m = v.toObject();
            const QJsonValue amount = m.value("amount_minor"_L1);
            const double a = amount.toDouble(-1);
            if (!v.isObject() || m.size() != 2 || !amount.isDouble() || a < 0 || std::floor(a) != a
                || a > double(protocol::kMaxSafeInteger))
                return FormProblem {at, u"must be {amount_minor, currency} with whole minor units"_s};
            QStringList allowed;
            for (const QJsonValue &c : d.value("currencies"_L1).toArray())
                allowed << c.toString();
            if (allowed.isEmpty())
                allowed = kCurrencies;
            if (!allowed.contains(m.value("currency"_L1).toString()))
                return FormProblem {at + u"/currency"_s, u"must be one of %1"_s.arg(allowed.join(u", "_s)),
                    ProblemKind::Currency};
            if (d.contains("min_minor"_L1) && a < d.value("min_minor"_L1).toDouble())
                return FormProblem {at, u"is below the minimum"_s, ProblemKind::BelowMinimum};
            if (d.contains("max_minor"_L1) && a > d.value("max_minor"_L1).toDouble())
                return FormProblem {at, u"is above the maximum"_s, ProblemKind::AboveMaximum};
            if (f.required && a == 0)
                return FormProblem {at, u"is required"_s, ProblemKind::Required};
        } else if (f.type == "date"_L1) {
            if (!parseDate(v.toString()).isValid())
                return FormProblem {at, u"must be a date YYYY-MM-DD"_s};
        } else if (f.type == "date_range"_L1) {
            const QJsonObject r = v.toObject();
            const QDate start = parseDate(r.value("start"_L1).toString());
            const QDate end = parseDate(r.value("end"_L1).toString());
            if (!v.isObject() || r.size() != 2 || !start.isValid() || !end.isValid())
                return FormProblem {at, u"must be {start, end} dates YYYY-MM-DD"_s};
            if (end < start)
                return FormProblem {
                    at + u"/end"_s, u"must not be before start"_s, ProblemKind::EndBeforeStart};
        } else if (f.type == "single_choice"_L1) {
            if (!optionIds(d).contains(v.toString()) || !v.isString())
                return FormProblem {at, u"must be one of the options"_s, ProblemKind::NotAnOption};
        } else {
            // multiple_choice, people, attachments: arrays of unique strings.
            const QJsonArray list = v.toArray();
            QStringList items;
            for (const QJsonValue &x : list)
                items << x.toString();
            const int max = f.type == "multiple_choice"_L1 ? 100
                : f.type == "people"_L1                    ? d.value("max"_L1).toInt(20)
                                                           : d.value("max"_L1).toInt(16);
            if (!v.isArray() || items.size() > max || QStringList(items).removeDuplicates() > 0)
                return FormProblem {
                    at, u"must be a list of at most %1 different items"_s.arg(max), ProblemKind::TooMany};
            if (f.required && items.isEmpty())
                return FormProblem {at, u"is required"_s, ProblemKind::Required};
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString item = items.at(i);
                const QString itemAt = at + u"/%1"_s.arg(i);
                if (f.type == "multiple_choice"_L1 && !optionIds(d).contains(item))
                    return FormProblem {itemAt, u"must be one of the options"_s, ProblemKind::NotAnOption};
                if (f.type == "people"_L1 && (!protocol::isId(item) || (ctx.isUser && !ctx.isUser(item))))
                    return FormProblem {
                        itemAt, u"is not a user of the organisation"_s, ProblemKind::NotAUser};
                if (f.type == "attachments"_L1
                    && (!protocol::isUuid(item) || (ctx.isAttachment && !ctx.isAttachment(item))))
                    return FormProblem {itemAt, u"is not a file you uploaded"_s, ProblemKind::NotAFile};
            }
        }
        out.insert(f.id, v);
    }
    return out;
}

} // namespace tandem::approvals
