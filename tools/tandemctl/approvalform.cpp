#include "approvalform.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace tandemctl {

using namespace tandem;
using namespace tandem::approvals;
using namespace Qt::StringLiterals;

namespace {

Error invalid(const QString &message)
{
    return Error::make(ErrorCode::Invalid, message);
}

const FormField *fieldNamed(const Template &tpl, const QString &id)
{
    for (const FormField &f : tpl.form)
        if (f.id == id)
            return &f;
    return nullptr;
}

QString fieldIds(const Template &tpl)
{
    QStringList ids;
    for (const FormField &f : tpl.form)
        if (f.type != u"computed"_s)
            ids << f.id;
    return ids.join(u", "_s);
}

QStringList commaList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

// "128.50 CNY", "CNY 128.50", "128" (when the field allows one currency): integer minor units, parsed
// from the text so that no binary fraction creeps in.
Result<QJsonValue> money(const FormField &f, const QString &text)
{
    static const QRegularExpression pattern(
        u"^\\s*(?:([A-Za-z]{3})\\s*)?(\\d{1,15})(?:\\.(\\d{1,2}))?\\s*(?:([A-Za-z]{3}))?\\s*$"_s);
    const auto m = pattern.match(text);
    if (!m.hasMatch() || (!m.captured(1).isEmpty() && !m.captured(4).isEmpty()))
        return invalid(u"%1 is an amount and a currency, e.g. \"128.50 CNY\"."_s.arg(f.id));
    QString currency = (m.captured(1) + m.captured(4)).toUpper();
    QStringList allowed;
    for (const QJsonValue &c : f.definition.value("currencies"_L1).toArray())
        allowed << c.toString();
    if (allowed.isEmpty())
        allowed = kCurrencies;
    if (currency.isEmpty()) {
        if (allowed.size() != 1)
            return invalid(u"%1 needs a currency (%2), e.g. \"128.50 %3\"."_s.arg(
                f.id, allowed.join(u", "_s), allowed.first()));
        currency = allowed.first();
    }
    const qint64 minor = m.captured(2).toLongLong() * 100 + m.captured(3).leftJustified(2, u'0').toLongLong();
    return QJsonValue(QJsonObject {{u"amount_minor"_s, minor}, {u"currency"_s, currency}});
}

Result<QJsonValue> valueFor(const FormField &f, const QString &text, const UserResolver &resolveUser)
{
    if (text.startsWith(u'{') || text.startsWith(u'[')) {
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (doc.isObject())
            return QJsonValue(doc.object());
        if (doc.isArray())
            return QJsonValue(doc.array());
    }
    const QString &t = f.type;
    if (t == u"computed"_s)
        return invalid(u"%1 is computed by the server; leave it out."_s.arg(f.id));
    if (t == u"number"_s) {
        bool ok = false;
        const double n = text.trimmed().toDouble(&ok);
        if (!ok)
            return invalid(u"%1 is a number."_s.arg(f.id));
        return QJsonValue(n);
    }
    if (t == u"money"_s)
        return money(f, text);
    if (t == u"date_range"_s) {
        const QStringList parts = text.contains(u".."_s) ? text.split(u".."_s) : text.split(u'/');
        if (parts.isEmpty() || parts.size() > 2)
            return invalid(u"%1 is a date range, e.g. \"2025-12-01..2025-12-03\"."_s.arg(f.id));
        return QJsonValue(
            QJsonObject {{u"start"_s, parts.first().trimmed()}, {u"end"_s, parts.last().trimmed()}});
    }
    if (t == u"single_choice"_s) {
        for (const QJsonValue &o : f.definition.value("options"_L1).toArray()) {
            const QJsonObject option = o.toObject();
            if (option.value("id"_L1).toString() == text
                || option.value("label"_L1).toString().compare(text, Qt::CaseInsensitive) == 0)
                return QJsonValue(option.value("id"_L1).toString());
        }
        return QJsonValue(text); // validateForm names the options
    }
    if (t == u"multiple_choice"_s || t == u"attachments"_s)
        return QJsonValue(QJsonArray::fromStringList(commaList(text)));
    if (t == u"people"_s) {
        QJsonArray ids;
        for (const QString &who : commaList(text)) {
            auto id = resolveUser(who);
            if (!id)
                return id.error();
            ids.append(*id);
        }
        return QJsonValue(ids);
    }
    return QJsonValue(text); // text, long_text, date
}

} // namespace

Result<QJsonObject> buildForm(
    const Template &tpl, QJsonObject base, const QStringList &fieldArguments, const UserResolver &resolveUser)
{
    for (const QString &argument : fieldArguments) {
        const qsizetype eq = argument.indexOf(u'=');
        if (eq <= 0)
            return invalid(u"--field takes name=value, not \"%1\"."_s.arg(argument));
        const QString name = argument.left(eq).trimmed();
        const FormField *f = fieldNamed(tpl, name);
        if (!f)
            return invalid(
                u"The template %1 has no field \"%2\"; its fields: %3."_s.arg(tpl.id, name, fieldIds(tpl)));
        auto value = valueFor(*f, argument.mid(eq + 1), resolveUser);
        if (!value)
            return value.error();
        base.insert(name, *value);
    }
    return base;
}

QString describeProblem(const Template &tpl, const FormProblem &problem)
{
    const QString id = problem.field.section(u'/', 2, 2);
    if (const FormField *f = fieldNamed(tpl, id))
        return u"%1 (%2): %3"_s.arg(f->label, f->id, problem.reason);
    return problem.field.isEmpty() ? problem.reason : u"%1: %2"_s.arg(problem.field, problem.reason);
}

Result<QJsonObject> readFormFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::NotFound, u"Cannot read %1: %2."_s.arg(path, file.errorString()));
    if (file.size() > 1024 * 1024)
        return invalid(u"%1 is larger than a form can be (1 MiB)."_s.arg(path));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(u"%1 is not a JSON object of field id to value (%2)."_s.arg(
            path, error.error != QJsonParseError::NoError ? error.errorString() : u"not an object"_s));
    return doc.object();
}

} // namespace tandemctl
