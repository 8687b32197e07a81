// The approval flow engine (docs/approvals.md §4-§5): expands a template's flow into steps for one
// request, and decides every action against a request's current state. Pure functions over values:
// the store, the events and the protocol are the caller's (approvalapply.cpp), so that every flow
// shape and every illegal action is tested without a server (tests/approvals/tst_flowengine).
#pragma once

#include "approvals/approvalpayloads.h"
#include "approvals/approvalrequest.h"
#include "approvals/formschema.h"

#include <QLatin1StringView>

#include <functional>
#include <variant>

namespace tandem::server::approvals {

using tandem::approvals::ApprovalMutation;
using tandem::approvals::Request;
using tandem::approvals::Template;

// The organisation's directory, as the expansion needs it.
struct Directory
{
    std::function<QString(const QString &userId)> managerOf; // empty: none
    std::function<QStringList(const QString &role)> usersWithRole;
    std::function<bool(const QString &userId)> isActive;
};

// A new (or resubmitted) request from a validated form: steps resolved, the first one active (or the
// request approved when no step remains). `base` carries id, requester, title and version.
Request expand(
    const Template &tpl, const QJsonObject &form, Request base, const Directory &directory, qint64 now);

struct Refusal
{
    QLatin1StringView code;
    QString reason;
    QJsonObject details;
};

struct Act
{
    ApprovalMutation mutation;
    QString actorId;
    qint64 now = 0;
    qint64 lastRemindAt = 0; // the actor's last reminder of this request (0: never)
};

inline constexpr qint64 kRemindIntervalMs = 10LL * 60 * 1000;

struct Transition
{
    Request request; // the request after the action (unchanged for comment and remind)
    bool changed = false; // the request record changed (its version grew)
    QString action; // submit, approve, ... as the trail names it
    int step = -1; // the step acted on
    QStringList userIds; // delegate: the new approver; cc: the people added; remind: who was reminded
};

// Decides an action on an existing request (approval.submit here means a resubmission, which the
// caller completes with expand()). The actor is known to see the request.
std::variant<Transition, Refusal> transition(const Request &current, const Act &act);

} // namespace tandem::server::approvals
