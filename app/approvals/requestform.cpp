#include "requestform.h"

#include "approvalactions.h"
#include "futurewatch.h"
#include "spacesession.h"

#include "approvals/requestqueries.h"
#include "store/storethread.h"

#include <QDate>
#include <QFileInfo>
#include <QJsonArray>

namespace tandem::app {

using namespace Qt::StringLiterals;
using approvals::FieldType;

namespace {

QString typeKey(FieldType type)
{
    switch (type) {
    case FieldType::Text:
        return u"text"_s;
    case FieldType::LongText:
        return u"long_text"_s;
    case FieldType::Number:
        return u"number"_s;
    case FieldType::Money:
        return u"money"_s;
    case FieldType::Date:
        return u"date"_s;
    case FieldType::DateRange:
        return u"date_range"_s;
    case FieldType::SingleChoice:
        return u"single_choice"_s;
    case FieldType::MultiChoice:
        return u"multi_choice"_s;
    case FieldType::People:
        return u"people"_s;
    case FieldType::Attachments:
        return u"attachments"_s;
    case FieldType::Computed:
        return u"computed"_s;
    case FieldType::Unknown:
        break;
    }
    return u"unknown"_s;
}

QString isoDate(const QString &text)
{
    QDate d = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (!d.isValid())
        d = QLocale().toDate(text.trimmed(), QLocale::ShortFormat);
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace

RequestForm::RequestForm(QObject *parent)
    : QObject(parent)
{ }

SpaceSession *RequestForm::session() const
{
    return m_session;
}

void RequestForm::setSession(SpaceSession *session)
{
    if (m_session == session)
        return;
    m_session = session;
    setStore(session ? session->store() : nullptr);
    Q_EMIT sessionChanged();
}

void RequestForm::setStore(store::StoreThread *store)
{
    m_store = store;
    loadTemplates();
}

void RequestForm::loadTemplates()
{
    if (!m_store)
        return;
    whenFinished(this, m_store->read<QList<approvals::TemplateInfo>>(&approvals::RequestQueries::templates),
        [this](const Result<QList<approvals::TemplateInfo>> &r) {
            if (!r)
                return;
            m_templates.clear();
            m_schemas.clear();
            for (const approvals::TemplateInfo &t : *r) {
                m_templates.append(QVariantMap {{u"id"_s, t.id}, {u"name"_s, t.name}});
                m_schemas.insert(t.id, t.formSchema);
            }
            Q_EMIT templatesChanged();
            buildForm();
        });
}

void RequestForm::setTemplateId(const QString &id)
{
    if (m_templateId == id)
        return;
    m_templateId = id;
    m_answers = {};
    m_inputErrors.clear();
    m_inputs.clear();
    m_touched.clear();
    m_showAll = false;
    buildForm();
}

void RequestForm::buildForm()
{
    m_fields.clear();
    m_schema.reset();
    m_formError.clear();
    m_templateName.clear();
    for (const QVariant &t : std::as_const(m_templates))
        if (t.toMap().value(u"id"_s).toString() == m_templateId)
            m_templateName = t.toMap().value(u"name"_s).toString();
    if (m_schemas.contains(m_templateId)) {
        auto schema = approvals::FormSchema::parse(m_schemas.value(m_templateId), QLocale().name());
        if (!schema) {
            m_formError = schema.error().message;
        } else {
            m_schema = std::move(*schema);
            for (const approvals::FieldView &f : m_schema->fields()) {
                QVariantList options;
                for (const approvals::FormOption &o : f.options)
                    options.append(QVariantMap {{u"value"_s, o.value}, {u"label"_s, o.label}});
                m_fields.append(QVariantMap {{u"id"_s, f.id}, {u"type"_s, typeKey(f.type)},
                    {u"label"_s, f.label}, {u"help"_s, f.help}, {u"required"_s, f.required},
                    {u"options"_s, options}, {u"currencies"_s, f.currencies}, {u"maxLength"_s, f.maxLength},
                    {u"maxFiles"_s, f.maxFiles}});
            }
        }
    }
    Q_EMIT formChanged();
    Q_EMIT answersChanged();
}

void RequestForm::setTitle(const QString &title)
{
    if (m_title == title)
        return;
    m_title = title;
    m_touched.insert(u"title"_s);
    Q_EMIT answersChanged();
}

const approvals::FieldView *RequestForm::field(const QString &id) const
{
    return m_schema ? m_schema->field(id) : nullptr;
}

void RequestForm::touch(const QString &fieldId)
{
    m_touched.insert(fieldId);
    Q_EMIT answersChanged();
}

void RequestForm::setAnswer(const QString &fieldId, const QJsonValue &value)
{
    m_inputErrors.remove(fieldId);
    if (value.isNull() || value.isUndefined())
        m_answers.remove(fieldId);
    else
        m_answers.insert(fieldId, value);
    touch(fieldId);
}

void RequestForm::setText(const QString &fieldId, const QString &text)
{
    m_inputs.insert(fieldId, text);
    setAnswer(fieldId, text);
}

void RequestForm::setNumber(const QString &fieldId, const QString &text)
{
    m_inputs.insert(fieldId, text);
    if (text.trimmed().isEmpty())
        return setAnswer(fieldId, QJsonValue::Null);
    bool ok = false;
    double x = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok)
        x = text.trimmed().toDouble(&ok);
    if (!ok) {
        m_answers.remove(fieldId);
        m_inputErrors.insert(fieldId, tr("Type a number, such as 12 or 2.5."));
        return touch(fieldId);
    }
    setAnswer(fieldId, x);
}

void RequestForm::setMoney(const QString &fieldId, const QString &text, const QString &currency)
{
    m_inputs.insert(fieldId, text);
    m_inputs.insert(fieldId + u"/currency"_s, currency);
    if (text.trimmed().isEmpty())
        return setAnswer(fieldId, QJsonValue::Null);
    const auto minor = approvals::parseMoneyText(text, QLocale());
    if (!minor) {
        m_answers.remove(fieldId);
        m_inputErrors.insert(fieldId, tr("Type an amount such as 1,234.50 (at most two decimals)."));
        return touch(fieldId);
    }
    setAnswer(fieldId, QJsonObject {{u"minor"_s, double(*minor)}, {u"currency"_s, currency}});
}

void RequestForm::setDate(const QString &fieldId, const QString &text)
{
    m_inputs.insert(fieldId, text);
    if (text.trimmed().isEmpty())
        return setAnswer(fieldId, QJsonValue::Null);
    const QString iso = isoDate(text);
    if (iso.isEmpty()) {
        m_answers.remove(fieldId);
        m_inputErrors.insert(
            fieldId, tr("Type a date such as %1.").arg(QDate::currentDate().toString(Qt::ISODate)));
        return touch(fieldId);
    }
    setAnswer(fieldId, iso);
}

void RequestForm::setDateRange(const QString &fieldId, const QString &start, const QString &end)
{
    m_inputs.insert(fieldId + u"/start"_s, start);
    m_inputs.insert(fieldId + u"/end"_s, end);
    if (start.trimmed().isEmpty() && end.trimmed().isEmpty())
        return setAnswer(fieldId, QJsonValue::Null);
    const QString s = isoDate(start);
    const QString e = isoDate(end);
    if (s.isEmpty() || e.isEmpty()) {
        m_answers.remove(fieldId);
        m_inputErrors.insert(fieldId,
            tr("Type the first and the last day, such as %1.")
                .arg(QDate::currentDate().toString(Qt::ISODate)));
        return touch(fieldId);
    }
    setAnswer(fieldId, QJsonObject {{u"start"_s, s}, {u"end"_s, e}});
}

void RequestForm::setChoice(const QString &fieldId, const QString &value)
{
    m_inputs.insert(fieldId, value);
    setAnswer(fieldId, value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value));
}

void RequestForm::toggleChoice(const QString &fieldId, const QString &value, bool on)
{
    QJsonArray chosen = m_answers.value(fieldId).toArray();
    for (qsizetype i = chosen.size() - 1; i >= 0; --i)
        if (chosen.at(i).toString() == value)
            chosen.removeAt(i);
    if (on)
        chosen.append(value);
    setAnswer(fieldId, chosen.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(chosen));
}

void RequestForm::addAttachment(const QString &fieldId, const QUrl &file)
{
    const QFileInfo info(file.isLocalFile() ? file.toLocalFile() : file.toString());
    QJsonArray files = m_answers.value(fieldId).toArray();
    files.append(QJsonObject {{u"name"_s, info.fileName()}, {u"size"_s, double(info.size())},
        {u"path"_s, info.absoluteFilePath()}});
    setAnswer(fieldId, files);
}

void RequestForm::removeAttachment(const QString &fieldId, int index)
{
    QJsonArray files = m_answers.value(fieldId).toArray();
    if (index < 0 || index >= files.size())
        return;
    files.removeAt(index);
    setAnswer(fieldId, files.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(files));
}

QVariantList RequestForm::attachmentsOf(const QString &fieldId) const
{
    QVariantList out;
    for (const QJsonValue &v : m_answers.value(fieldId).toArray())
        out.append(QVariantMap {{u"name"_s, v.toObject().value(u"name"_s).toString()},
            {u"sizeText"_s, QLocale().formattedDataSize(qint64(v.toObject().value(u"size"_s).toDouble()))}});
    return out;
}

QString RequestForm::computedText(const QString &fieldId) const
{
    const approvals::FieldView *f = field(fieldId);
    if (!f)
        return {};
    return m_schema->displayText(*f, m_schema->compute(*f, m_answers), QLocale());
}

QString RequestForm::moneyText(const QString &fieldId) const
{
    const QJsonObject m = m_answers.value(fieldId).toObject();
    if (!m.value(u"minor"_s).isDouble())
        return {};
    return approvals::formatMoneyAnswer(
        qint64(m.value(u"minor"_s).toDouble()), m.value(u"currency"_s).toString(), QLocale());
}

QVariantMap RequestForm::errors() const
{
    QVariantMap out;
    if (!m_schema)
        return out;
    const auto shown = [this](const QString &id) { return m_showAll || m_touched.contains(id); };
    if (shown(u"title"_s) && m_title.trimmed().isEmpty())
        out.insert(u"title"_s, tr("Give the request a title, such as \"Taxi to the Shenzhen office\"."));
    for (const approvals::FieldError &e : m_schema->validate(m_answers))
        if (shown(e.fieldId))
            out.insert(e.fieldId, e.message);
    for (auto it = m_inputErrors.cbegin(); it != m_inputErrors.cend(); ++it)
        if (shown(it.key()))
            out.insert(it.key(), it.value());
    return out;
}

bool RequestForm::validate()
{
    m_showAll = true;
    Q_EMIT answersChanged();
    return m_schema && errors().isEmpty();
}

void RequestForm::submit(ApprovalActions *actions)
{
    if (!validate() || !actions || m_submitting)
        return;
    QJsonObject data = m_answers;
    for (const approvals::FieldView &f : m_schema->fields())
        if (f.type == FieldType::Computed)
            data.insert(f.id, m_schema->compute(f, m_answers));
    m_submitting = true;
    Q_EMIT submittingChanged();
    actions->send({ApprovalCommand::Kind::Submit, {}, {}, m_templateId, m_title.trimmed(), data},
        [this](const Status &s) {
            m_submitting = false;
            Q_EMIT submittingChanged();
            if (s) {
                Q_EMIT submitted();
                clear();
            } else {
                Q_EMIT submitFailed(s.error().message);
            }
        });
}

void RequestForm::clear()
{
    m_title.clear();
    m_answers = {};
    m_inputErrors.clear();
    m_inputs.clear();
    m_touched.clear();
    m_showAll = false;
    Q_EMIT answersChanged();
}

} // namespace tandem::app
