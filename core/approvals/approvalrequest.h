// An approval request as the server decides it and the protocol carries it (docs/protocol.md §6.11):
// the expanded steps with their approvers and decisions. The same struct is read back from records,
// so the server's store and every client agree on one shape.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::approvals {

struct Approver
{
    QString userId;
    QString decision; // empty, approved, rejected, delegated
    qint64 decidedAt = 0;
    QString delegatedTo;
};

struct Step
{
    int position = 0;
    QString name;
    QJsonObject nameI18n; // the name's translations (util/localizedtext.h)
    QString mode; // single, all, any
    QString state = QStringLiteral("waiting"); // waiting, active, approved, rejected, skipped
    qint64 startedAt = 0;
    qint64 decidedAt = 0;
    QList<Approver> approvers;

    [[nodiscard]] const Approver *approver(const QString &userId) const;
    // The approver entry that can still act for this user (not decided, not delegated away).
    [[nodiscard]] int undecided(const QString &userId) const;
};

struct Request
{
    QString id;
    QString templateId;
    QString requesterId;
    QString title;
    QJsonObject form;
    // The files the form names, as attachment records (docs/protocol.md §8: id, name, mime_type, size_bytes,
    // sha256), in form order: what a viewer needs to show and download them.
    QJsonArray attachments;
    QString state = QStringLiteral("pending"); // pending, approved, rejected, returned, withdrawn
    qint64 version = 0;
    QList<Step> steps;
    QStringList cc;
    std::optional<qint64> amountMinor;
    QString currency;
    qint64 submittedAt = 0;
    qint64 decidedAt = 0;
    QString decidedBy;
    qint64 updatedAt = 0;

    [[nodiscard]] int activeStep() const; // -1: none
    [[nodiscard]] bool isFinal() const;
    // Requester, every approver, and the CC list once decided (docs/approvals.md §6).
    [[nodiscard]] QStringList viewers() const;
};

QJsonObject toJson(const Request &r);
std::optional<Request> requestFromJson(const QJsonObject &json);

} // namespace tandem::approvals
