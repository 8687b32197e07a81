// A new request, filled in from its template's form (docs/approvals.md §2, parsed and checked by
// core/approvals/formschema.h, the server's own code): the fields to show, the answers as typed, the
// messages of what is missing or wrong (translated from formschema's problem kinds), the computed fields'
// preview, and the submit through ApprovalActions. Money is typed as people write it ("1,234.5") and
// kept as {amount_minor, currency}.
#pragma once

#include "approvals/formview.h"
#include "approvals/requestqueries.h"

#include <QSet>

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace tandem::store {
class StoreThread;
}

namespace tandem::app {

class ApprovalActions;
class SpaceSession;

class RequestForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("spacesession.h")
    Q_PROPERTY(tandem::app::SpaceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    // [{id, name}] of every template, by name
    Q_PROPERTY(QVariantList templates READ templates NOTIFY templatesChanged)
    Q_PROPERTY(QString templateId READ templateId WRITE setTemplateId NOTIFY formChanged)
    Q_PROPERTY(QString templateName READ templateName NOTIFY formChanged)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY answersChanged)
    // [{id, type, label, help, required, options: [{value, label}], currencies, maxLength, maxFiles}]
    Q_PROPERTY(QVariantList fields READ fields NOTIFY formChanged)
    // fieldId → message, for the fields that were touched or after a submit attempt; "title" for the title
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY answersChanged)
    Q_PROPERTY(QString formError READ formError NOTIFY formChanged)
    Q_PROPERTY(bool submitting READ submitting NOTIFY submittingChanged)
    // The returned request being changed for resubmission (editReturned); empty for a new request.
    Q_PROPERTY(QString editingRequestId READ editingRequestId NOTIFY formChanged)
    // While editing: who returned it, and why ("Alice Chen returned it: the receipt is missing").
    Q_PROPERTY(QString returnNote READ returnNote NOTIFY formChanged)

public:
    explicit RequestForm(QObject *parent = nullptr);

    [[nodiscard]] SpaceSession *session() const;
    void setSession(SpaceSession *session);
    void setStore(store::StoreThread *store);
    [[nodiscard]] QVariantList templates() const { return m_templates; }
    [[nodiscard]] QString templateId() const { return m_templateId; }
    void setTemplateId(const QString &id);
    [[nodiscard]] QString templateName() const { return m_templateName; }
    [[nodiscard]] QString title() const { return m_title; }
    void setTitle(const QString &title);
    [[nodiscard]] QVariantList fields() const { return m_fields; }
    [[nodiscard]] QVariantMap errors() const;
    [[nodiscard]] QString formError() const { return m_formError; }
    [[nodiscard]] bool submitting() const { return m_submitting; }
    [[nodiscard]] QJsonObject answers() const { return m_answers; }
    [[nodiscard]] QString editingRequestId() const { return m_editingRequestId; }
    [[nodiscard]] QString returnNote() const { return m_returnNote; }

    // Fills the form with a request of mine that was returned for changes, to be changed and sent again
    // under its own id; its files stay unless removed. editFailed says why when it cannot be edited.
    Q_INVOKABLE void editReturned(const QString &requestId);

    Q_INVOKABLE void setText(const QString &fieldId, const QString &text);
    // Numbers as typed in the UI language; an unreadable number is kept as an error.
    Q_INVOKABLE void setNumber(const QString &fieldId, const QString &text);
    Q_INVOKABLE void setMoney(const QString &fieldId, const QString &text, const QString &currency);
    // "2026-06-01", or a date as the UI language writes it.
    Q_INVOKABLE void setDate(const QString &fieldId, const QString &text);
    Q_INVOKABLE void setDateRange(const QString &fieldId, const QString &start, const QString &end);
    Q_INVOKABLE void setChoice(const QString &fieldId, const QString &value);
    Q_INVOKABLE void toggleChoice(const QString &fieldId, const QString &value, bool on);
    // A multiple choice's option, or a person, is chosen.
    Q_INVOKABLE bool isChosen(const QString &fieldId, const QString &value) const;
    Q_INVOKABLE void addAttachment(const QString &fieldId, const QUrl &file);
    Q_INVOKABLE void removeAttachment(const QString &fieldId, int index);
    // The attachments of a field: [{name, sizeText}], and `path` for a file chosen here or `id` for one
    // the returned request already has.
    Q_INVOKABLE QVariantList attachmentsOf(const QString &fieldId) const;
    // The people chosen in a people field, in order: [{userId, displayName}]. Chosen with toggleChoice.
    Q_INVOKABLE QVariantList peopleOf(const QString &fieldId) const;
    // What was typed or chosen for a field, as typed: `fieldId`, or "fieldId/currency",
    // "fieldId/start", "fieldId/end" (the inputs show it again when they are created anew).
    Q_INVOKABLE QString inputOf(const QString &key) const { return m_inputs.value(key); }
    // A computed field's value as text ("5", "¥3,899.70"), empty when its inputs are missing.
    Q_INVOKABLE QString computedText(const QString &fieldId) const;
    // A money answer as it will be shown ("HK$1,234.50"), empty when there is none.
    Q_INVOKABLE QString moneyText(const QString &fieldId) const;
    // Shows every message; true when the request can be sent.
    Q_INVOKABLE bool validate();
    // Validates, then sends through `actions` (the request's amount goes with its first money field).
    Q_INVOKABLE void submit(tandem::app::ApprovalActions *actions);
    // Empties the form; an edit of a returned request ends (the request stays returned).
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void sessionChanged();
    void templatesChanged();
    void formChanged();
    void answersChanged();
    void submittingChanged();
    void submitted();
    void submitFailed(const QString &message);
    void editFailed(const QString &message);

private:
    [[nodiscard]] QJsonObject answersWithFiles() const;
    void loadTemplates();
    void buildForm(bool notify = true);
    // Forgets every answer, file and message, and the returned request being edited.
    void resetAnswers();
    void fillFrom(const approvals::RequestDetail &request);
    void touch(const QString &fieldId);
    void setAnswer(const QString &fieldId, const QJsonValue &value);
    [[nodiscard]] const approvals::FormField *field(const QString &id) const;
    [[nodiscard]] QString messageFor(const approvals::FormProblem &problem) const;

    QPointer<SpaceSession> m_session;
    store::StoreThread *m_store = nullptr;
    QMetaObject::Connection m_changedConnection;
    QVariantList m_templates;
    QHash<QString, approvals::TemplateInfo> m_infos; // template id → as stored
    QSet<QDate> m_holidays; // for the leave_days preview
    QString m_templateId;
    QString m_templateName;
    QString m_title;
    std::optional<approvals::Template> m_template;
    QHash<QString, QVariantList> m_files; // files by field: name, sizeText, and path (new) or id (kept)
    QString m_editingRequestId;
    QString m_returnNote;
    QVariantList m_fields;
    QString m_formError;
    QJsonObject m_answers;
    QHash<QString, QString> m_inputErrors; // unreadable input, by field
    QHash<QString, QString> m_inputs; // as typed (inputOf)
    QSet<QString> m_touched;
    bool m_showAll = false;
    bool m_submitting = false;
};

} // namespace tandem::app
