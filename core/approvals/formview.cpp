#include "formview.h"

#include "approvals/requestqueries.h"
#include "util/i18n.h"
#include "util/localizedtext.h"
#include "util/money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace tandem::approvals {

using namespace Qt::StringLiterals;

std::variant<Template, FormProblem> templateFromStore(const TemplateInfo &info)
{
    QJsonObject json {{u"id"_s, info.id}, {u"name"_s, info.name}, {u"category"_s, info.category},
        {u"form"_s, QJsonDocument::fromJson(info.formSchema).array()},
        {u"flow"_s, QJsonDocument::fromJson(info.flow).object()}};
    if (info.slaHours > 0)
        json.insert(u"sla_hours"_s, info.slaHours);
    return parseTemplate(json);
}

QList<FormProblem> formProblems(const Template &tpl, const QJsonObject &answers, const FormContext &context)
{
    // validateForm on a template of one field at a time: the same checks, every field reported.
    QList<FormProblem> out;
    for (const FormField &f : tpl.form) {
        if (f.type == "computed"_L1)
            continue;
        Template one = tpl;
        one.form = {f};
        QJsonObject answer;
        if (answers.contains(f.id))
            answer.insert(f.id, answers.value(f.id));
        const auto checked = validateForm(one, answer, context);
        if (const auto *problem = std::get_if<FormProblem>(&checked))
            out << *problem;
    }
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        bool known = false;
        for (const FormField &f : tpl.form)
            known = known || (f.id == it.key() && f.type != "computed"_L1);
        if (!known)
            out << FormProblem {
                u"/form/"_s + it.key(), u"is not a field of this template"_s, ProblemKind::UnknownField};
    }
    return out;
}

QString problemFieldId(const FormProblem &problem, const QString &prefix)
{
    if (!problem.field.startsWith(prefix + u'/'))
        return {};
    return problem.field.mid(prefix.size() + 1).section(u'/', 0, 0);
}

QJsonValue computedValue(const FormField &field, const QJsonObject &answers, const QSet<QDate> &holidays)
{
    const QJsonObject range = answers.value(field.definition.value("from"_L1).toString()).toObject();
    const QDate start = parseDate(range.value("start"_L1).toString());
    const QDate end = parseDate(range.value("end"_L1).toString());
    if (!start.isValid() || !end.isValid() || end < start)
        return QJsonValue::Null;
    return leaveDays(start, end, holidays);
}

QString answerText(const FormField &f, const QJsonValue &answer, const QLocale &locale)
{
    const auto optionLabel = [&f, &locale](const QString &id) {
        for (const QJsonValue &o : f.definition.value("options"_L1).toArray())
            if (o.toObject().value("id"_L1).toString() == id)
                return localizedText(o.toObject(), "label"_L1, locale);
        return id;
    };
    const auto date = [&locale](const QJsonValue &v) {
        return locale.toString(parseDate(v.toString()), QLocale::ShortFormat);
    };
    if (f.type == "money"_L1) {
        const QJsonObject m = answer.toObject();
        if (!m.value("amount_minor"_L1).isDouble())
            return {};
        return formatMoneyAnswer(
            qint64(m.value("amount_minor"_L1).toDouble()), m.value("currency"_L1).toString(), locale);
    }
    if (f.type == "date"_L1)
        return answer.isString() ? date(answer) : QString();
    if (f.type == "date_range"_L1) {
        if (!answer.isObject())
            return {};
        return trCore("tandem::approvals", "%1 to %2")
            .arg(date(answer.toObject().value("start"_L1)), date(answer.toObject().value("end"_L1)));
    }
    if (f.type == "single_choice"_L1)
        return answer.isString() ? optionLabel(answer.toString()) : QString();
    if (f.type == "multiple_choice"_L1 || f.type == "people"_L1) {
        QStringList parts;
        for (const QJsonValue &v : answer.toArray())
            parts << optionLabel(v.toString());
        return parts.join(u", "_s);
    }
    if (f.type == "attachments"_L1) {
        const auto n = answer.toArray().size();
        return n == 0 ? QString() : trCore("tandem::approvals", "%n file(s)", nullptr, int(n));
    }
    if (f.type == "number"_L1 || f.type == "computed"_L1) {
        if (!answer.isDouble())
            return {};
        const double x = answer.toDouble();
        return x == std::floor(x) ? locale.toString(qint64(x)) : locale.toString(x, 'f', 2);
    }
    return answer.isString() ? answer.toString() : QString();
}

std::optional<qint64> parseMoneyText(const QString &text, const QLocale &locale)
{
    QString t = text.trimmed();
    t.remove(locale.groupSeparator());
    t.remove(u' ');
    if (locale.decimalPoint() == u"."_s)
        t.remove(u','); // people type "1,234.50" whatever the locale's own grouping
    else
        t.replace(locale.decimalPoint(), u"."_s);
    static const QRegularExpression amount(u"^(\\d{1,11})(?:\\.(\\d{1,2}))?$"_s);
    const QRegularExpressionMatch m = amount.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 whole = m.captured(1).toLongLong();
    const QString cents = m.captured(2).leftJustified(2, u'0');
    return whole * 100 + cents.toLongLong();
}

QString formatMoneyAnswer(qint64 minor, const QString &currency, const QLocale &locale)
{
    if (const auto c = currencyFromCode(currency))
        return formatMoney(minor, *c, locale);
    return locale.toString(double(minor) / 100, 'f', 2) + (currency.isEmpty() ? QString() : u' ' + currency);
}

} // namespace tandem::approvals
