// ServerStore on one SQLite file (DATA/server.db, unencrypted: the server's disk is the server's
// business), WAL with synchronous=NORMAL: a committed transaction survives kill -9.
#pragma once

#include "serverstore.h"

#include "store/database.h"

#include <memory>

namespace tandem::server {

class SqliteStore final : public ServerStore
{
public:
    static Result<std::unique_ptr<SqliteStore>> open(const QString &path);

    Status begin() override;
    Status commit() override;
    void rollback() override;
    Result<bool> isEmpty() override;

    Status createOrganisation(const OrganisationRow &row) override;
    Result<std::optional<OrganisationRow>> organisation(const QString &id) override;
    Status createSpace(const SpaceRow &row) override;
    Result<std::optional<SpaceRow>> space(const QString &id) override;
    Status addSpaceMember(const QString &spaceId, const QString &userId, qint64 at) override;
    Result<bool> isSpaceMember(const QString &spaceId, const QString &userId) override;
    Result<QStringList> spaceMembers(const QString &spaceId) override;
    Result<QList<SpaceRow>> spacesOfUser(const QString &userId) override;
    Status createUser(const UserRow &row) override;
    Status updateUser(const UserRow &row) override;
    Result<std::optional<UserRow>> user(const QString &id) override;
    Result<std::optional<UserRow>> userByName(const QString &userName) override;
    Result<QList<UserRow>> users() override;

    Status createDevice(const DeviceRow &row) override;
    Status updateDevice(const DeviceRow &row) override;
    Result<std::optional<DeviceRow>> device(const QString &id) override;
    Result<QList<DeviceRow>> devicesOfUser(const QString &userId) override;
    Status createToken(const TokenRow &row) override;
    Result<std::optional<TokenRow>> token(const QByteArray &hash) override;
    Status revokeToken(const QByteArray &hash) override;
    Status revokeTokensOfDevice(const QString &deviceId) override;
    Status revokeTokensOfUser(const QString &userId) override;

    Status createConversation(const ConversationRow &row) override;
    Status updateConversation(const ConversationRow &row) override;
    Status deleteConversation(const QString &id) override;
    Result<std::optional<ConversationRow>> conversation(const QString &id) override;
    Result<QList<ConversationRow>> conversationsOfUser(
        const QString &spaceId, const QString &userId) override;
    Result<std::optional<QString>> directConversation(
        const QString &spaceId, const QString &a, const QString &b) override;
    Status putMember(const MemberRow &row) override;
    Status removeMember(const QString &conversationId, const QString &userId) override;
    Result<std::optional<MemberRow>> member(const QString &conversationId, const QString &userId) override;
    Result<QList<MemberRow>> members(const QString &conversationId) override;
    Result<bool> shareConversation(const QString &spaceId, const QString &a, const QString &b) override;

    Status insertMessage(const MessageRow &row) override;
    Status updateMessage(const MessageRow &row) override;
    Result<std::optional<MessageRow>> message(const QString &id) override;
    Result<QList<MessageRow>> messages(
        const QString &conversationId, const QString &threadRootId, qint64 beforeCseq, int limit) override;
    Status linkAttachment(const QString &messageId, const QString &attachmentId) override;
    Status unlinkAttachments(const QString &messageId) override;

    Result<std::optional<ReceiptRow>> receipt(const QString &conversationId, const QString &userId) override;
    Status putReceipt(const ReceiptRow &row) override;
    Status removeReceipt(const QString &conversationId, const QString &userId) override;
    Result<QList<ReceiptRow>> receipts(const QString &conversationId) override;
    Result<std::optional<PinRow>> pin(const QString &conversationId, const QString &messageId) override;
    Status putPin(const PinRow &row) override;
    Status removePin(const QString &conversationId, const QString &messageId) override;
    Result<QList<PinRow>> pins(const QString &conversationId) override;
    Result<std::optional<SavedRow>> saved(const QString &userId, const QString &messageId) override;
    Status putSaved(const QString &userId, const SavedRow &row) override;
    Status removeSaved(const QString &userId, const QString &messageId) override;
    Result<QList<SavedRow>> savedOfUser(const QString &spaceId, const QString &userId) override;
    Result<std::optional<PrefsRow>> prefs(const QString &userId, const QString &conversationId) override;
    Status putPrefs(const QString &userId, const PrefsRow &row) override;
    Result<QList<PrefsRow>> prefsOfUser(const QString &spaceId, const QString &userId) override;

    Result<StreamHead> ensureStream(const QString &spaceId, const QString &userId) override;
    Result<std::optional<StreamHead>> streamHead(const QString &spaceId, const QString &userId) override;
    Result<QHash<QString, qint64>> appendEvent(const QString &spaceId, const QString &kind, qint64 at,
        const QString &actorId, const QString &mutationId, const QByteArray &data,
        const QStringList &recipients) override;
    Result<QList<StreamEvent>> readEvents(
        const QString &spaceId, const QString &userId, qint64 after, int limit, qint64 maxBytes) override;

    Result<std::optional<MutationRecord>> mutation(const QString &userId, const QString &mutationId) override;
    Status recordMutation(const MutationRecord &row) override;

    Result<std::optional<AttachmentRow>> attachment(const QString &id) override;
    Status putAttachment(const AttachmentRow &row) override;
    Result<bool> attachmentVisibleTo(const QString &attachmentId, const QString &userId) override;

    Status recordAdminChange(const QString &kind, const QString &target) override;
    Result<QList<AdminChange>> adminChangesAfter(qint64 id) override;
    Result<qint64> lastAdminChange() override;

    // boundary/boundarystore.cpp
    Status putScheduled(const ScheduledRow &row) override;
    Status removeScheduled(const QString &messageId) override;
    Result<std::optional<ScheduledRow>> scheduled(const QString &messageId) override;
    Result<QList<ScheduledRow>> dueScheduled(qint64 now, int limit) override;
    Result<QList<ScheduledRow>> scheduledOfUser(const QString &spaceId, const QString &userId) override;
    Result<std::optional<UrgentPolicyRow>> urgentPolicy(const QString &userId) override;
    Status putUrgentPolicy(const UrgentPolicyRow &row) override;
    Status putUrgent(const UrgentRow &row) override;
    Result<std::optional<UrgentRow>> urgent(const QString &messageId, const QString &recipientId) override;
    Result<qint64> urgentCountSince(const QString &recipientId, qint64 since) override;
    Result<std::optional<TaskRow>> task(const QString &id) override;
    Status putTask(const TaskRow &row) override;
    Result<QList<TaskRow>> tasksOfSpace(const QString &spaceId) override;
    Result<bool> taskCommentExists(const QString &id) override;
    Status insertTaskComment(const TaskCommentRow &row) override;
    Result<QList<TaskCommentRow>> taskComments(const QString &taskId) override;
    Status putApprovalTemplate(const QString &organisationId, const QJsonObject &record) override;
    Result<QList<QJsonObject>> approvalTemplates(const QString &organisationId) override;
    Status putApprovalRequest(const ApprovalRequestRow &row, const QStringList &viewers) override;
    Result<std::optional<ApprovalRequestRow>> approvalRequest(const QString &id) override;
    Result<QList<QJsonObject>> approvalRequestsVisibleTo(
        const QString &spaceId, const QString &userId) override;
    Status appendApprovalAction(const QJsonObject &record) override;
    Result<QList<QJsonObject>> approvalActions(const QString &requestId) override;
    Status setUserRoles(const QString &userId, const QStringList &roles) override;
    Result<QStringList> usersWithRole(const QString &organisationId, const QString &role) override;
    Status setHolidays(const QString &organisationId, const QStringList &dates) override;
    Result<QStringList> holidays(const QString &organisationId) override;

private:
    explicit SqliteStore(std::unique_ptr<store::Database> db);
    Status migrate();

    std::unique_ptr<store::Database> m_db;
};

} // namespace tandem::server
