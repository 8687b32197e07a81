// Realistic approval data for the dashboard's tests, benchmark and screenshots: an organisation with a
// manager chain, five templates (leave, reimbursement, purchase, travel, equipment) and requests that
// went through their steps the way people do (most approved within a day or two, some rejected,
// returned or withdrawn, the recent ones still pending). Deterministic for a seed. The data is kept in
// memory (for brute-force checks) and written to a SpaceStore's approval tables (schema version 3).
#pragma once

#include "store/spacestore.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tandem::approvals::test {

struct GenUser
{
    QString id;
    QString userName;
    QString displayName;
    QString managerId; // empty: top of the organisation
};

struct GenStepDef
{
    QString mode; // single, all, any
    QString approverRole; // manager, finance, directors
};

struct GenTemplate
{
    QString id;
    QString name;
    QString category;
    int slaHours = 0; // 0: no SLA (NULL in the store)
    bool hasAmount = false;
    std::vector<GenStepDef> steps;
    QString formSchema; // JSON: the template's `form` array (docs/approvals.md §2)
};

struct GenApprover
{
    QString userId;
    QString decision; // empty: not decided
    qint64 decidedAt = 0;
};

struct GenStep
{
    int position = 0;
    QString mode;
    QString state; // waiting, active, approved, rejected, skipped
    qint64 startedAt = 0; // 0: NULL
    qint64 decidedAt = 0;
    std::vector<GenApprover> approvers;
};

struct GenRequest
{
    QString id;
    QString templateId;
    QString requesterId;
    QString title;
    QString state;
    int currentStep = 0;
    bool hasAmount = false;
    qint64 amountMinor = 0;
    QString currency;
    qint64 submittedAt = 0; // 0: NULL (drafts)
    qint64 decidedAt = 0;
    QString formData;
    std::vector<GenStep> steps;
};

struct GenOptions
{
    int requests = 10000;
    quint64 seed = 6;
    qint64 nowMs = 1781524800000; // 2026-06-15T12:00:00Z
    int days = 180; // requests are submitted over this many days before now
    bool actions = true; // write the audit trail too
};

struct GenData
{
    QString me; // a manager in the middle of the organisation
    std::vector<GenUser> users;
    std::vector<GenTemplate> templates;
    std::vector<GenRequest> requests;
};

[[nodiscard]] GenData generateApprovals(const GenOptions &options);

// Writes users, templates, requests, steps, approvers, the audit trail and CC rows in one transaction.
[[nodiscard]] Status writeApprovals(store::SpaceStore &store, const GenData &data, bool actions = true);

} // namespace tandem::approvals::test
