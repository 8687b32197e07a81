#include "requestform.h"

#include "approvalactions.h"
#include "files/filesizetext.h"
#include "futurewatch.h"
#include "spacesession.h"

#include "approvals/requestqueries.h"
#include "store/storethread.h"
#include "util/localizedtext.h"

#include <QDate>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace tandem::app {

using namespace Qt::StringLiterals;
using approvals::FormField;
using approvals::ProblemKind;

namespace {

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
    disconnect(m_changedConnection);
    m_store = store;
    // A fresh sign-in opens the form before the space's templates have arrived: load them when they do.
    if (m_store)
        m_changedConnection
            = connect(m_store, &store::StoreThread::changed, this, [this](const store::StoreChange &change) {
                  if (change.approvals && m_templates.isEmpty())
                      loadTemplates();
              });
    loadTemplates();
}

void RequestForm::loadTemplates()
{
    if (!m_store)
        return;
    struct Loaded
    {
        QList<approvals::TemplateInfo> templates;
        QSet<QDate> holidays;
    };
    whenFinished(this, m_store->read<Loaded>([](store::SpaceStore &s) -> Result<Loaded> {
        auto templates = approvals::RequestQueries::templates(s);
        if (!templates)
            return templates.error();
        auto holidays = approvals::RequestQueries::holidays(s);
        if (!holidays)
            return holidays.error();
        return Loaded {*templates, *holidays};
    }),
        [this](const Result<Loaded> &r) {
            if (!r)
                return;
            m_templates.clear();
            m_infos.clear();
            m_holidays = r->holidays;
            for (const approvals::TemplateInfo &t : r->templates) {
                m_templates.append(QVariantMap {{u"id"_s, t.id}, {u"name"_s, t.name}});
                m_infos.insert(t.id, t);
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
    resetAnswers(); // another type is another request
    buildForm();
}

void RequestForm::resetAnswers()
{
    m_answers = {};
    m_inputErrors.clear();
    m_inputs.clear();
    m_files.clear();
    m_touched.clear();
    m_showAll = false;
    m_editingRequestId.clear();
    m_returnNote.clear();
}

void RequestForm::editReturned(const QString &requestId)
{
    if (!m_store)
        return;
    auto read = m_store->read<std::optional<approvals::RequestDetail>>(
        [requestId](store::SpaceStore &s) { return approvals::RequestQueries::detail(s, requestId); });
    whenFinished(this, read, [this](const Result<std::optional<approvals::RequestDetail>> &r) {
        if (!r || !r->has_value())
            return Q_EMIT editFailed(tr("This request is not in this space any more."));
        const approvals::RequestDetail &d = **r;
        if (m_session && d.requesterId != m_session->userId())
            return Q_EMIT editFailed(tr("Only the person who asked can change a request."));
        if (d.state != u"returned")
            return Q_EMIT editFailed(tr("This request is not waiting for changes any more."));
        if (!m_infos.contains(d.templateId))
            return Q_EMIT editFailed(tr("This type of request is not in this space any more."));
        fillFrom(d);
    });
}

// The answers as the inputs show them, typed again in the UI language; the files already sent are kept
// by id. Computed fields are the server's and are worked out again.
void RequestForm::fillFrom(const approvals::RequestDetail &d)
{
    m_templateId = d.templateId;
    resetAnswers();
    m_title = d.title;
    m_editingRequestId = d.id;
    for (const approvals::RequestAction &a : d.actions)
        if (a.action == u"return")
            m_returnNote = a.comment.isEmpty()
                ? tr("%1 returned it for changes.").arg(a.actorName)
                : tr("%1 returned it for changes: %2").arg(a.actorName, a.comment);
    buildForm(false);
    const QLocale locale;
    const QJsonObject form = QJsonDocument::fromJson(d.formData).object();
    for (const FormField &f : m_template ? m_template->form : QList<FormField>()) {
        const QJsonValue v = form.value(f.id);
        if (v.isUndefined() || v.isNull() || f.type == "computed"_L1)
            continue;
        if (f.type == "attachments"_L1) {
            for (const QJsonValue &id : v.toArray()) {
                QVariantMap file {{u"id"_s, id.toString()}, {u"name"_s, tr("A file sent before")}};
                for (const approvals::RequestFile &known : d.files)
                    if (known.id == id.toString())
                        file = {{u"id"_s, known.id}, {u"name"_s, known.name},
                            {u"sizeText"_s, fileSizeText(known.sizeBytes)}};
                m_files[f.id].append(file);
            }
            continue;
        }
        m_answers.insert(f.id, v);
        const QJsonObject o = v.toObject();
        if (f.type == "number"_L1) {
            m_inputs.insert(f.id, locale.toString(v.toDouble(), 'g', QLocale::FloatingPointShortest));
        } else if (f.type == "money"_L1) {
            m_inputs.insert(f.id, locale.toString(o.value("amount_minor"_L1).toDouble() / 100.0, 'f', 2));
            m_inputs.insert(f.id + u"/currency"_s, o.value("currency"_L1).toString());
        } else if (f.type == "date_range"_L1) {
            m_inputs.insert(f.id + u"/start"_s, o.value("start"_L1).toString());
            m_inputs.insert(f.id + u"/end"_s, o.value("end"_L1).toString());
        } else if (v.isString()) {
            m_inputs.insert(f.id, v.toString());
        }
    }
    Q_EMIT formChanged();
    Q_EMIT answersChanged();
}

void RequestForm::buildForm(bool notify)
{
    m_fields.clear();
    m_template.reset();
    m_formError.clear();
    m_templateName.clear();
    if (m_infos.contains(m_templateId)) {
        auto parsed = approvals::templateFromStore(m_infos.value(m_templateId));
        if (const auto *problem = std::get_if<approvals::FormProblem>(&parsed)) {
            // A template this version cannot read: nothing to fill in, and the person is told so.
            m_formError = tr("This form cannot be filled in with this version of Tandem (%1 %2).")
                              .arg(problem->field, problem->reason);
        } else {
            m_template = std::get<approvals::Template>(std::move(parsed));
            m_templateName = m_template->name;
            for (const FormField &f : std::as_const(m_template->form)) {
                const QJsonObject &d = f.definition;
                QVariantList options;
                for (const QJsonValue &o : d.value("options"_L1).toArray())
                    options.append(QVariantMap {{u"value"_s, o.toObject().value("id"_L1).toString()},
                        {u"label"_s, localizedText(o.toObject(), "label"_L1)}});
                QStringList currencies;
                for (const QJsonValue &c : d.value("currencies"_L1).toArray())
                    currencies << c.toString();
                if (currencies.isEmpty())
                    currencies = approvals::kCurrencies;
                const bool longText = f.type == "long_text"_L1;
                m_fields.append(QVariantMap {{u"id"_s, f.id}, {u"type"_s, f.type},
                    {u"label"_s, localizedText(d, "label"_L1)}, {u"help"_s, QString()},
                    {u"required"_s, f.required}, {u"options"_s, options}, {u"currencies"_s, currencies},
                    {u"maxLength"_s, d.value("max_length"_L1).toInt(longText ? 4096 : 256)},
                    {u"maxFiles"_s, d.value("max"_L1).toInt(16)}});
            }
        }
    }
    if (!notify)
        return;
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

const FormField *RequestForm::field(const QString &id) const
{
    if (!m_template)
        return nullptr;
    for (const FormField &f : m_template->form)
        if (f.id == id)
            return &f;
    return nullptr;
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
    setAnswer(fieldId, QJsonObject {{u"amount_minor"_s, double(*minor)}, {u"currency"_s, currency}});
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

bool RequestForm::isChosen(const QString &fieldId, const QString &value) const
{
    const QJsonArray chosen = m_answers.value(fieldId).toArray();
    return std::any_of(
        chosen.begin(), chosen.end(), [&](const QJsonValue &v) { return v.toString() == value; });
}

void RequestForm::addAttachment(const QString &fieldId, const QUrl &file)
{
    const QFileInfo info(file.isLocalFile() ? file.toLocalFile() : file.toString());
    m_files[fieldId].append(QVariantMap {{u"name"_s, info.fileName()},
        {u"sizeText"_s, fileSizeText(info.size())}, {u"path"_s, info.absoluteFilePath()}});
    touch(fieldId);
}

void RequestForm::removeAttachment(const QString &fieldId, int index)
{
    QVariantList &files = m_files[fieldId];
    if (index < 0 || index >= files.size())
        return;
    files.removeAt(index);
    touch(fieldId);
}

QVariantList RequestForm::attachmentsOf(const QString &fieldId) const
{
    return m_files.value(fieldId);
}

QVariantList RequestForm::peopleOf(const QString &fieldId) const
{
    QVariantList out;
    for (const QJsonValue &v : m_answers.value(fieldId).toArray()) {
        const QString id = v.toString();
        out.append(QVariantMap {
            {u"userId"_s, id}, {u"displayName"_s, m_session ? m_session->displayNameOf(id) : id}});
    }
    return out;
}

QString RequestForm::computedText(const QString &fieldId) const
{
    const FormField *f = field(fieldId);
    if (!f || f->type != "computed"_L1)
        return {};
    return approvals::answerText(*f, approvals::computedValue(*f, m_answers, m_holidays), QLocale());
}

QString RequestForm::moneyText(const QString &fieldId) const
{
    const FormField *f = field(fieldId);
    return f ? approvals::answerText(*f, m_answers.value(fieldId), QLocale()) : QString();
}

QString RequestForm::messageFor(const approvals::FormProblem &problem) const
{
    const FormField *f = field(approvals::problemFieldId(problem));
    const QString type = f ? f->type : QString();
    const QJsonObject d = f ? f->definition : QJsonObject();
    const QLocale locale;
    const auto money = [&](const char *key) {
        return approvals::formatMoneyAnswer(qint64(d.value(QLatin1StringView(key)).toDouble()),
            m_answers.value(f ? f->id : QString()).toObject().value("currency"_L1).toString(), locale);
    };
    switch (problem.kind) {
    case ProblemKind::Required:
        if (type == "single_choice"_L1 || type == "multiple_choice"_L1)
            return tr("Choose at least one.");
        if (type == "money"_L1)
            return tr("Type the amount.");
        if (type == "date"_L1 || type == "date_range"_L1)
            return tr("Type the date.");
        if (type == "people"_L1)
            return tr("Choose at least one person.");
        if (type == "attachments"_L1)
            return tr("Attach at least one file.");
        return tr("Fill this in.");
    case ProblemKind::TooLong:
        return tr("At most %n character(s).", nullptr,
            d.value("max_length"_L1).toInt(type == "long_text"_L1 ? 4096 : 256));
    case ProblemKind::BelowMinimum:
        return type == "money"_L1 ? tr("At least %1.").arg(money("min_minor"))
                                  : tr("At least %1.").arg(locale.toString(d.value("min"_L1).toDouble()));
    case ProblemKind::AboveMaximum:
        return type == "money"_L1 ? tr("At most %1.").arg(money("max_minor"))
                                  : tr("At most %1.").arg(locale.toString(d.value("max"_L1).toDouble()));
    case ProblemKind::NotWhole:
        return tr("Type a whole number.");
    case ProblemKind::Currency:
        return tr("Choose another currency.");
    case ProblemKind::EndBeforeStart:
        return tr("The last day is before the first.");
    case ProblemKind::NotAnOption:
        return tr("Choose one of the options.");
    case ProblemKind::TooMany:
        return tr("At most %n, each once.", nullptr,
            type == "multiple_choice"_L1 ? 100 : d.value("max"_L1).toInt(type == "people"_L1 ? 20 : 16));
    case ProblemKind::NotAUser:
        return tr("Choose people of your organisation.");
    case ProblemKind::NotAFile:
        return tr("Attach files you have uploaded.");
    case ProblemKind::UnknownField:
    case ProblemKind::Computed:
        return tr("This form has changed since it was opened; open it again.");
    case ProblemKind::Invalid:
        break;
    }
    if (type == "text"_L1)
        return tr("Use a single line.");
    if (type == "number"_L1)
        return tr("Type a number, such as 12 or 2.5.");
    if (type == "money"_L1)
        return tr("Type an amount such as 1,234.50 (at most two decimals).");
    return tr("This answer cannot be sent; change it.");
}

// The answers as they will go: each newly chosen file stands for the attachment id it will get (a
// placeholder uuid here), so that the field's rules (required, at most `max` files) are checked before
// anything is copied. A file the returned request already has keeps its id.
QJsonObject RequestForm::answersWithFiles() const
{
    QJsonObject out = m_answers;
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        QJsonArray ids;
        for (qsizetype i = 0; i < it.value().size(); ++i) {
            const QString kept = it.value().at(i).toMap().value(u"id"_s).toString();
            ids.append(
                kept.isEmpty() ? u"00000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QLatin1Char('0')) : kept);
        }
        if (!ids.isEmpty())
            out.insert(it.key(), ids);
    }
    return out;
}

QVariantMap RequestForm::errors() const
{
    QVariantMap out;
    if (!m_template)
        return out;
    const auto shown = [this](const QString &id) { return m_showAll || m_touched.contains(id); };
    if (shown(u"title"_s) && m_title.trimmed().isEmpty())
        out.insert(u"title"_s, tr("Give the request a title, such as \"Taxi to the Shenzhen office\"."));
    for (const approvals::FormProblem &p : approvals::formProblems(*m_template, answersWithFiles())) {
        const QString id = approvals::problemFieldId(p);
        if (shown(id) && !out.contains(id))
            out.insert(id, messageFor(p));
    }
    for (auto it = m_inputErrors.cbegin(); it != m_inputErrors.cend(); ++it)
        if (shown(it.key()))
            out.insert(it.key(), it.value());
    return out;
}

bool RequestForm::validate()
{
    m_showAll = true;
    Q_EMIT answersChanged();
    return m_template && errors().isEmpty();
}

void RequestForm::submit(ApprovalActions *actions)
{
    if (!validate() || !actions || m_submitting)
        return;
    // Computed fields are the server's (docs/approvals.md §2): only the answers go. The chosen files
    // become their fields' answers once the space has them in its cache (SpaceSync::submitApproval).
    // A resubmission goes under the returned request's id, with the files it keeps already in the form.
    ApprovalCommand command {
        ApprovalCommand::Kind::Submit, m_editingRequestId, {}, m_templateId, m_title.trimmed(), m_answers};
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        for (const QVariant &file : it.value()) {
            const QVariantMap f = file.toMap();
            if (f.contains(u"id"_s)) {
                QJsonArray kept = command.formData.value(it.key()).toArray();
                kept.append(f.value(u"id"_s).toString());
                command.formData.insert(it.key(), kept);
            } else {
                command.files[it.key()].append(f.value(u"path"_s).toString());
            }
        }
    m_submitting = true;
    Q_EMIT submittingChanged();
    actions->send(command, [this](const Status &s) {
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
    const bool wasEditing = !m_editingRequestId.isEmpty();
    m_title.clear();
    resetAnswers();
    if (wasEditing)
        Q_EMIT formChanged();
    Q_EMIT answersChanged();
}

} // namespace tandem::app
