#include "formview.h"

#include "util/i18n.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace tandem::approvals {

using namespace Qt::StringLiterals;

namespace {

FieldType typeOf(const QString &name)
{
    static const QHash<QString, FieldType> types {{u"text"_s, FieldType::Text},
        {u"long_text"_s, FieldType::LongText}, {u"number"_s, FieldType::Number},
        {u"money"_s, FieldType::Money}, {u"date"_s, FieldType::Date}, {u"date_range"_s, FieldType::DateRange},
        {u"single_choice"_s, FieldType::SingleChoice}, {u"multi_choice"_s, FieldType::MultiChoice},
        {u"people"_s, FieldType::People}, {u"attachments"_s, FieldType::Attachments},
        {u"computed"_s, FieldType::Computed}};
    return types.value(name, FieldType::Unknown);
}

QString labelIn(const QJsonValue &v, const QString &language, const QString &fallback)
{
    if (v.isString())
        return v.toString();
    const QJsonObject o = v.toObject();
    for (const QString &key : {language, u"en"_s})
        if (o.value(key).isString() && !o.value(key).toString().isEmpty())
            return o.value(key).toString();
    return fallback;
}

std::optional<double> number(const QJsonValue &v)
{
    return v.isDouble() ? std::optional(v.toDouble()) : std::nullopt;
}

QDate dateOf(const QJsonValue &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

bool isEmptyAnswer(const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return true;
    if (v.isString())
        return v.toString().trimmed().isEmpty();
    if (v.isArray())
        return v.toArray().isEmpty();
    if (v.isObject())
        return v.toObject().isEmpty();
    return false;
}

} // namespace

Result<FormSchema> FormSchema::parse(const QByteArray &json, const QString &language)
{
    const auto invalid = [](const QString &why) {
        return Error::make(
            ErrorCode::Invalid, trCore("tandem::approvals", "This form cannot be shown: %1").arg(why));
    };
    if (json.size() > kMaxSchemaBytes)
        return invalid(trCore("tandem::approvals", "its definition is too large."));
    QJsonParseError pe {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(trCore("tandem::approvals", "its definition is not valid JSON."));
    const QJsonArray fields = doc.object().value(u"fields"_s).toArray();
    if (fields.size() > kMaxFields)
        return invalid(trCore("tandem::approvals", "it has too many fields."));
    FormSchema out;
    QSet<QString> ids;
    for (const QJsonValue &v : fields) {
        const QJsonObject o = v.toObject();
        FieldView f;
        f.id = o.value(u"id"_s).toString();
        if (f.id.isEmpty() || f.id.size() > 64 || ids.contains(f.id))
            return invalid(trCore("tandem::approvals", "a field has no id, or the same id as another."));
        ids.insert(f.id);
        f.typeName = o.value(u"type"_s).toString();
        f.type = typeOf(f.typeName);
        f.label = labelIn(o.value(u"label"_s), language, f.id);
        f.help = labelIn(o.value(u"help"_s), language, {});
        f.required = o.value(u"required"_s).toBool();
        f.min = number(o.value(u"min"_s));
        f.max = number(o.value(u"max"_s));
        f.decimals = std::clamp(o.value(u"decimals"_s).toInt(2), 0, 6);
        f.maxLength = std::clamp(o.value(u"maxLength"_s).toInt(0), 0, kLongTextMaxLength);
        if (f.maxLength == 0)
            f.maxLength = f.type == FieldType::LongText ? kLongTextMaxLength : kDefaultMaxLength;
        f.maxFiles = std::clamp(o.value(u"maxFiles"_s).toInt(kDefaultMaxFiles), 1, 100);
        const QJsonArray options = o.value(u"options"_s).toArray();
        if (options.size() > kMaxOptions)
            return invalid(trCore("tandem::approvals", "a list of choices is too long."));
        for (const QJsonValue &opt : options) {
            const QString value
                = opt.isString() ? opt.toString() : opt.toObject().value(u"value"_s).toString();
            f.options.append(
                {value, labelIn(opt.isString() ? opt : opt.toObject().value(u"label"_s), language, value)});
        }
        for (const QJsonValue &c : o.value(u"currencies"_s).toArray())
            if (currencyFromCode(c.toString()))
                f.currencies.append(c.toString());
        if (f.type == FieldType::Money && f.currencies.isEmpty())
            f.currencies = {u"CNY"_s};
        const QJsonObject compute = o.value(u"compute"_s).toObject();
        f.computeOp = compute.value(u"op"_s).toString();
        if (compute.contains(u"field"_s))
            f.computeFields = {compute.value(u"field"_s).toString()};
        for (const QJsonValue &c : compute.value(u"fields"_s).toArray())
            f.computeFields.append(c.toString());
        out.m_fields.append(f);
    }
    return out;
}

const FieldView *FormSchema::field(const QString &id) const
{
    for (const FieldView &f : m_fields)
        if (f.id == id)
            return &f;
    return nullptr;
}

QList<FieldError> FormSchema::validate(const QJsonObject &answers) const
{
    QList<FieldError> errors;
    const QLocale locale;
    for (const FieldView &f : m_fields) {
        if (f.type == FieldType::Computed || f.type == FieldType::Unknown)
            continue;
        const QJsonValue v = answers.value(f.id);
        const auto fail = [&](const QString &message) { errors.append({f.id, message}); };
        if (isEmptyAnswer(v)) {
            if (f.required)
                fail(trCore("tandem::approvals", "%1 is required.").arg(f.label));
            continue;
        }
        switch (f.type) {
        case FieldType::Text:
        case FieldType::LongText:
            if (!v.isString())
                fail(trCore("tandem::approvals", "%1 must be text.").arg(f.label));
            else if (v.toString().size() > f.maxLength)
                fail(trCore("tandem::approvals", "%1 is too long: at most %2 characters.")
                         .arg(f.label)
                         .arg(f.maxLength));
            break;
        case FieldType::Number: {
            const double x = v.toDouble(std::nan(""));
            const double scale = std::pow(10.0, f.decimals);
            if (!v.isDouble() || !std::isfinite(x))
                fail(trCore("tandem::approvals", "%1 must be a number.").arg(f.label));
            else if (f.min && x < *f.min)
                fail(trCore("tandem::approvals", "%1 must be at least %2.")
                         .arg(f.label, locale.toString(*f.min)));
            else if (f.max && x > *f.max)
                fail(trCore("tandem::approvals", "%1 must be at most %2.")
                         .arg(f.label, locale.toString(*f.max)));
            else if (std::abs(x * scale - std::round(x * scale)) > 1e-6)
                fail(f.decimals == 0 ? trCore("tandem::approvals", "%1 must be a whole number.").arg(f.label)
                                     : trCore("tandem::approvals", "%1 has too many decimals.").arg(f.label));
            break;
        }
        case FieldType::Money: {
            const QJsonObject m = v.toObject();
            const QString currency = m.value(u"currency"_s).toString();
            const QJsonValue minor = m.value(u"minor"_s);
            if (!minor.isDouble() || minor.toDouble() != std::floor(minor.toDouble()) || minor.toDouble() < 0)
                fail(trCore("tandem::approvals", "%1 must be an amount such as 1,234.50.").arg(f.label));
            else if (!f.currencies.contains(currency))
                fail(trCore("tandem::approvals", "%1: choose a currency (%2).")
                         .arg(f.label, f.currencies.join(u", "_s)));
            else if (f.min && minor.toDouble() < *f.min * 100)
                fail(trCore("tandem::approvals", "%1 must be at least %2.")
                         .arg(f.label, formatMoneyAnswer(qint64(*f.min * 100), currency, locale)));
            else if (f.max && minor.toDouble() > *f.max * 100)
                fail(trCore("tandem::approvals", "%1 must be at most %2.")
                         .arg(f.label, formatMoneyAnswer(qint64(*f.max * 100), currency, locale)));
            break;
        }
        case FieldType::Date:
            if (!dateOf(v).isValid())
                fail(trCore("tandem::approvals", "%1 must be a date.").arg(f.label));
            break;
        case FieldType::DateRange: {
            const QDate start = dateOf(v.toObject().value(u"start"_s));
            const QDate end = dateOf(v.toObject().value(u"end"_s));
            if (!start.isValid() || !end.isValid())
                fail(trCore("tandem::approvals", "%1 needs a first and a last day.").arg(f.label));
            else if (end < start)
                fail(trCore("tandem::approvals", "%1 ends before it starts.").arg(f.label));
            break;
        }
        case FieldType::SingleChoice: {
            const QString chosen = v.toString();
            if (std::none_of(f.options.begin(), f.options.end(),
                    [&](const FormOption &o) { return o.value == chosen; }))
                fail(trCore("tandem::approvals", "%1: choose one of the options.").arg(f.label));
            break;
        }
        case FieldType::MultiChoice:
            for (const QJsonValue &c : v.toArray())
                if (std::none_of(f.options.begin(), f.options.end(),
                        [&](const FormOption &o) { return o.value == c.toString(); })) {
                    fail(trCore("tandem::approvals", "%1: choose among the options.").arg(f.label));
                    break;
                }
            break;
        case FieldType::People:
            if (!v.isArray())
                fail(trCore("tandem::approvals", "%1: choose people.").arg(f.label));
            break;
        case FieldType::Attachments:
            if (!v.isArray())
                fail(trCore("tandem::approvals", "%1: attach files.").arg(f.label));
            else if (v.toArray().size() > f.maxFiles)
                fail(trCore("tandem::approvals", "%1: at most %2 files.").arg(f.label).arg(f.maxFiles));
            break;
        case FieldType::Computed:
        case FieldType::Unknown:
            break;
        }
    }
    return errors;
}

QJsonValue FormSchema::compute(const FieldView &f, const QJsonObject &answers) const
{
    if (f.computeOp == u"days" && f.computeFields.size() == 1) {
        const QJsonObject range = answers.value(f.computeFields.front()).toObject();
        const QDate start = dateOf(range.value(u"start"_s));
        const QDate end = dateOf(range.value(u"end"_s));
        if (!start.isValid() || !end.isValid() || end < start)
            return QJsonValue::Null;
        return double(start.daysTo(end) + 1);
    }
    if (f.computeOp == u"multiply" || f.computeOp == u"sum") {
        const bool multiply = f.computeOp == u"multiply";
        double product = multiply ? 1 : 0;
        QString currency;
        for (const QString &id : f.computeFields) {
            const QJsonValue v = answers.value(id);
            double x = 0;
            if (v.isObject()) { // money: in minor units, one currency only
                const QString c = v.toObject().value(u"currency"_s).toString();
                if (!currency.isEmpty() && c != currency)
                    return QJsonValue::Null;
                currency = c;
                x = v.toObject().value(u"minor"_s).toDouble(std::nan(""));
            } else {
                x = v.toDouble(std::nan(""));
            }
            if (!std::isfinite(x))
                return QJsonValue::Null;
            product = multiply ? product * x : product + x;
        }
        if (currency.isEmpty())
            return product;
        return QJsonObject {{u"minor"_s, std::round(product)}, {u"currency"_s, currency}};
    }
    return QJsonValue::Null;
}

std::optional<std::pair<qint64, QString>> FormSchema::primaryAmount(const QJsonObject &answers) const
{
    for (const FieldView &f : m_fields) {
        if (f.type != FieldType::Money)
            continue;
        const QJsonObject m = answers.value(f.id).toObject();
        if (m.value(u"minor"_s).isDouble())
            return std::pair(qint64(m.value(u"minor"_s).toDouble()), m.value(u"currency"_s).toString());
    }
    return std::nullopt;
}

QString FormSchema::displayText(const FieldView &f, const QJsonValue &answer, const QLocale &locale) const
{
    const auto optionLabel = [&f](const QString &value) {
        for (const FormOption &o : f.options)
            if (o.value == value)
                return o.label;
        return value;
    };
    if (answer.isObject() && answer.toObject().contains(u"minor"_s))
        return formatMoneyAnswer(qint64(answer.toObject().value(u"minor"_s).toDouble()),
            answer.toObject().value(u"currency"_s).toString(), locale);
    switch (f.type) {
    case FieldType::Date:
        return locale.toString(dateOf(answer), QLocale::ShortFormat);
    case FieldType::DateRange:
        return trCore("tandem::approvals", "%1 to %2")
            .arg(locale.toString(dateOf(answer.toObject().value(u"start"_s)), QLocale::ShortFormat),
                locale.toString(dateOf(answer.toObject().value(u"end"_s)), QLocale::ShortFormat));
    case FieldType::SingleChoice:
        return optionLabel(answer.toString());
    case FieldType::MultiChoice:
    case FieldType::People: {
        QStringList parts;
        for (const QJsonValue &v : answer.toArray())
            parts << optionLabel(v.toString());
        return parts.join(u", "_s);
    }
    case FieldType::Attachments: {
        QStringList names;
        for (const QJsonValue &v : answer.toArray())
            names << v.toObject().value(u"name"_s).toString();
        return names.join(u", "_s);
    }
    case FieldType::Number:
    case FieldType::Computed:
        return answer.isDouble()
            ? locale.toString(answer.toDouble(), 'f', f.type == FieldType::Number ? f.decimals : 0)
            : QString();
    case FieldType::Text:
    case FieldType::LongText:
    case FieldType::Money:
    case FieldType::Unknown:
        break;
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
