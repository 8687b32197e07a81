// The payloads of the approval.* mutations (docs/protocol.md §7.4), parsed and checked against their
// schemas. parseMutationPayload (protocol/clientframes) dispatches here; the state checks are the
// server's flow engine's.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace tandem::approvals {

struct ApprovalMutation
{
    QString kind; // approval.submit, approval.approve, ...
    QString requestId;
    QString templateId; // submit
    QJsonObject form; // submit
    QString title; // submit; empty: the template's name
    QString expectedState; // the state the client saw (defaulted per kind)
    int step = -1; // approve, reject, return, delegate
    QString text; // comment, or the reason of reject/return/withdraw, or the comment of approve/delegate
    QString toUserId; // delegate
    QStringList userIds; // cc
};

struct ApprovalPayloadProblem
{
    QString field; // JSON Pointer
    QString reason;
};

bool isApprovalKind(const QString &kind);
std::variant<ApprovalMutation, ApprovalPayloadProblem> parseApprovalPayload(
    const QString &kind, const QJsonObject &payload);

// The payload a client queues for each action (the inverse of the parser), used by SpaceSync and
// tandemctl so that both send exactly what the server reads.
QJsonObject approvalPayload(const ApprovalMutation &m);

} // namespace tandem::approvals
