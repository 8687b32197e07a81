// The store queries behind the request form and the request detail (issue 6): templates, one request
// with its steps, approvers, audit trail and CC, and the people of a manager's team. Each runs on the
// store thread (StoreThread::read) over the approval tables of schema version 3.
#pragma once

#include <QDate>
#include <QSet>

#include "store/spacestore.h"

#include <QList>
#include <QString>

#include <optional>

namespace tandem::approvals {

struct TemplateInfo
{
    QString id;
    QString name;
    QString category;
    int slaHours = 0; // 0: none
    QByteArray formSchema; // JSON: the template's `form` array (docs/approvals.md §2; formview.h)
    QByteArray flow; // JSON, as the server sent it
};

struct PersonInfo
{
    QString id;
    QString name; // display name, else user name
};

struct StepApprover
{
    QString userId;
    QString name;
    QString decision; // approved, rejected, delegated; empty: not yet
    qint64 decidedAt = 0;
};

struct RequestStep
{
    int position = 0;
    QString mode; // single, all, any
    QString state; // waiting, active, approved, rejected, skipped
    qint64 startedAt = 0;
    qint64 decidedAt = 0;
    QList<StepApprover> approvers;
    QString name; // as the template names it (schema version 6)
};

struct RequestAction
{
    QString id;
    QString actorId;
    QString actorName;
    QString action; // submit, approve, reject, return, withdraw, delegate, comment, remind
    QString comment;
    QString deviceId;
    qint64 at = 0;
};

// A file the request's form names (an `attachments` field), as the store holds it.
struct RequestFile
{
    QString id;
    QString fieldId;
    QString name;
    QString mimeType;
    qint64 sizeBytes = 0;
    QString sha256;
    QString state; // remote, uploading, downloading, cached, failed

    bool operator==(const RequestFile &) const = default;
};

struct RequestDetail
{
    QString id;
    QString templateId;
    QString templateName;
    QByteArray formSchema;
    int slaHours = 0;
    QString requesterId;
    QString requesterName;
    QString title;
    QByteArray formData;
    QString state;
    int currentStep = 0;
    bool hasAmount = false;
    qint64 amountMinor = 0;
    QString currency;
    qint64 submittedAt = 0;
    qint64 decidedAt = 0;
    qint64 updatedAt = 0;
    QList<RequestStep> steps; // by position
    QList<RequestAction> actions; // oldest first
    QList<PersonInfo> cc;
    QList<RequestFile> files; // in form order; a file the store does not know yet is left out
};

class RequestQueries
{
public:
    // By name.
    [[nodiscard]] static Result<QList<TemplateInfo>> templates(store::SpaceStore &store);
    // Who settled a request or one of its steps, from the records the server sent: the decision in
    // `step` (>= 0) by an approver, else the request's final decision (decided_by). Explains a
    // state_conflict ("Already approved by Chen at 10:42", docs/approvals.md §5). nullopt: nobody yet.
    struct Settled
    {
        QString name; // display name, else user name, else id
        QString decision; // approved, rejected, returned, withdrawn, delegated
        qint64 at = 0;
        QString state; // the request's state
        int currentStep = -1;
    };
    [[nodiscard]] static Result<std::optional<Settled>> settled(
        store::SpaceStore &store, const QString &requestId, int step);
    // The organisation's holidays (approval_holidays), for previewing leave_days.
    [[nodiscard]] static Result<QSet<QDate>> holidays(store::SpaceStore &store);
    [[nodiscard]] static Result<std::optional<RequestDetail>> detail(
        store::SpaceStore &store, const QString &id);
    // Everyone below `me` in the chain of managers, by name (the dashboard's person filter).
    [[nodiscard]] static Result<QList<PersonInfo>> teamPeople(store::SpaceStore &store, const QString &me);
};

} // namespace tandem::approvals
