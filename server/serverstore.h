// The server's storage, as an interface: everything tandem-server keeps durably goes through these
// calls, so that a PostgreSQL implementation can replace the SQLite one (docs/scaling.md) without
// touching sessions or mutation rules. Calls are plain reads and writes; the rules of the protocol
// (who may do what, which events follow) live above, in Accounts and MutationEngine.
//
// Every write happens inside begin()/commit(): one mutation = one transaction (docs/protocol.md §5.3).
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::server {

struct OrganisationRow
{
    QString id;
    QString name;
};

struct SpaceRow
{
    QString id;
    QString name;
    QString kind; // work, personal
    QString organisationId; // empty for personal spaces
};

struct UserRow
{
    QString id;
    QString userName;
    QString displayName;
    QString organisationId;
    QString managerId;
    QString timeZone;
    QString passwordHash; // Argon2id string, empty: cannot log in
    bool bot = false;
    bool deactivated = false;
    qint64 updatedAt = 0;
};

struct DeviceRow
{
    QString id;
    QString userId;
    QString name;
    QString platform;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0; // 0: never connected
    qint64 revokedAt = 0; // 0: live
};

struct TokenRow
{
    QByteArray hash;
    QString userId;
    QString deviceId;
    qint64 createdAt = 0;
    qint64 expiresAt = 0; // 0: no expiry
    bool revoked = false;
};

struct ConversationRow
{
    QString id;
    QString spaceId;
    QString kind; // direct, group, channel
    QString name;
    QString topic;
    QString createdBy;
    bool external = false;
    qint64 createdAt = 0;
    qint64 lastCseq = 0;
};

struct MemberRow
{
    QString conversationId;
    QString userId;
    QString role; // owner, admin, member
    qint64 joinedAt = 0;
};

// A message as stored: its record (docs/protocol.md §6.2) plus the columns queries need.
struct MessageRow
{
    QString id;
    QString conversationId;
    QString senderId;
    QString threadRootId;
    qint64 cseq = 0;
    qint64 createdAt = 0;
    bool deleted = false;
    QJsonObject record;
};

struct ReceiptRow
{
    QString conversationId;
    QString userId;
    qint64 upToCseq = 0;
    qint64 readAt = 0;
};

struct PinRow
{
    QString conversationId;
    QString messageId;
    QString pinnedBy;
    qint64 pinnedAt = 0;
};

struct SavedRow
{
    QString conversationId;
    QString messageId;
    qint64 savedAt = 0;
};

struct PrefsRow
{
    QString conversationId;
    QString notifyLevel = QStringLiteral("all");
    bool pinned = false;
    bool archived = false;
    qint64 updatedAt = 0;
};

struct StreamHead
{
    QString epoch;
    qint64 head = 0;
};

// One event of one account's stream, already encoded as the JSON object the events frame carries.
struct StreamEvent
{
    qint64 seq = 0;
    QByteArray json;
};

// A recorded mutation outcome (§5.3): identity, what was asked (as a hash of its canonical form), and
// the answer.
struct MutationRecord
{
    QString userId;
    QString mutationId;
    QString spaceId;
    QString kind;
    qint64 createdAt = 0;
    QByteArray requestHash;
    QJsonObject outcome; // {"status": "applied"|"rejected", ...}
    qint64 recordedAt = 0;
};

struct AttachmentRow
{
    QString id;
    QString uploaderId;
    QString spaceId;
    QString name;
    QString mimeType;
    qint64 sizeBytes = 0;
    QString sha256;
    qint64 receivedBytes = 0;
    bool complete = false;
    QString fileName; // server-chosen, under DATA/attachments/
    qint64 updatedAt = 0;
};

// A message kept by the server until its deliver_at (feature scheduled_send, server/boundary/).
struct ScheduledRow
{
    QString messageId;
    QString spaceId;
    QString userId; // the sender
    QString conversationId;
    QString mutationId; // the message.send that scheduled it
    qint64 deliverAt = 0;
    qint64 createdAt = 0;
    QJsonObject payload; // the message.send payload, deliver_at included
};

// A recipient's urgent policy (feature urgent); an account without one has the defaults.
struct UrgentPolicyRow
{
    QString userId;
    QString allow = QStringLiteral("team"); // manager, team, anyone, nobody
    qint64 perDay = 3;
    qint64 updatedAt = 0;
};

// One urgent message to one recipient, with what the recipient did about it.
struct UrgentRow
{
    QString messageId;
    QString conversationId;
    QString spaceId;
    QString senderId;
    QString recipientId;
    qint64 sentAt = 0;
    qint64 seenAt = 0; // 0: not yet
    qint64 ackedAt = 0; // 0: not yet
};

// An administrative change made by `tandem-server admin` that a running server must act on.
struct AdminChange
{
    qint64 id = 0;
    QString kind; // revoke-device, deactivate-user, reset-password, add-to-space, ...
    QString target;
};

// A task (docs/protocol.md §11.4): its record with every field's value and clock, as the merge keeps it.
struct TaskRow
{
    QString id;
    QString spaceId;
    QJsonObject record;
    qint64 updatedAt = 0;
};

struct TaskCommentRow
{
    QString id;
    QString taskId;
    QString authorId;
    QString body;
    qint64 createdAt = 0;
};

// An approval request as stored (docs/approvals.md): its record and the space it lives in.
struct ApprovalRequestRow
{
    QString spaceId;
    QJsonObject record;
};

class ServerStore
{
public:
    virtual ~ServerStore() = default;

    // Transactions. Writes outside a transaction are a programming error.
    virtual Status begin() = 0;
    virtual Status commit() = 0;
    virtual void rollback() = 0;
    // True when the store holds no organisation, space or user yet (for --demo).
    virtual Result<bool> isEmpty() = 0;

    // Organisations, spaces, users.
    virtual Status createOrganisation(const OrganisationRow &row) = 0;
    virtual Result<std::optional<OrganisationRow>> organisation(const QString &id) = 0;
    virtual Status createSpace(const SpaceRow &row) = 0;
    virtual Result<std::optional<SpaceRow>> space(const QString &id) = 0;
    virtual Status addSpaceMember(const QString &spaceId, const QString &userId, qint64 at) = 0;
    virtual Result<bool> isSpaceMember(const QString &spaceId, const QString &userId) = 0;
    virtual Result<QStringList> spaceMembers(const QString &spaceId) = 0;
    virtual Result<QList<SpaceRow>> spacesOfUser(const QString &userId) = 0;
    virtual Status createUser(const UserRow &row) = 0;
    virtual Status updateUser(const UserRow &row) = 0;
    virtual Result<std::optional<UserRow>> user(const QString &id) = 0;
    virtual Result<std::optional<UserRow>> userByName(const QString &userName) = 0;
    virtual Result<QList<UserRow>> users() = 0;

    // Devices and tokens.
    virtual Status createDevice(const DeviceRow &row) = 0;
    virtual Status updateDevice(const DeviceRow &row) = 0;
    virtual Result<std::optional<DeviceRow>> device(const QString &id) = 0;
    virtual Result<QList<DeviceRow>> devicesOfUser(const QString &userId) = 0;
    virtual Status createToken(const TokenRow &row) = 0;
    virtual Result<std::optional<TokenRow>> token(const QByteArray &hash) = 0;
    virtual Status revokeToken(const QByteArray &hash) = 0;
    virtual Status revokeTokensOfDevice(const QString &deviceId) = 0;
    virtual Status revokeTokensOfUser(const QString &userId) = 0;

    // Conversations and members.
    virtual Status createConversation(const ConversationRow &row) = 0;
    virtual Status updateConversation(const ConversationRow &row) = 0;
    virtual Status deleteConversation(const QString &id) = 0;
    virtual Result<std::optional<ConversationRow>> conversation(const QString &id) = 0;
    virtual Result<QList<ConversationRow>> conversationsOfUser(const QString &spaceId, const QString &userId)
        = 0;
    virtual Result<std::optional<QString>> directConversation(
        const QString &spaceId, const QString &a, const QString &b)
        = 0;
    virtual Status putMember(const MemberRow &row) = 0; // insert or replace
    virtual Status removeMember(const QString &conversationId, const QString &userId) = 0;
    virtual Result<std::optional<MemberRow>> member(const QString &conversationId, const QString &userId) = 0;
    virtual Result<QList<MemberRow>> members(const QString &conversationId) = 0; // by joined_at
    virtual Result<bool> shareConversation(const QString &spaceId, const QString &a, const QString &b) = 0;

    // Messages.
    virtual Status insertMessage(const MessageRow &row) = 0;
    virtual Status updateMessage(const MessageRow &row) = 0;
    virtual Result<std::optional<MessageRow>> message(const QString &id) = 0;
    // Newest first when `newestFirst`; `beforeCseq` 0 means no bound; `threadRootId` empty means all.
    virtual Result<QList<MessageRow>> messages(
        const QString &conversationId, const QString &threadRootId, qint64 beforeCseq, int limit)
        = 0;
    virtual Status linkAttachment(const QString &messageId, const QString &attachmentId) = 0;
    virtual Status unlinkAttachments(const QString &messageId) = 0;

    // Receipts, pins, saved items, prefs.
    virtual Result<std::optional<ReceiptRow>> receipt(const QString &conversationId, const QString &userId)
        = 0;
    virtual Status putReceipt(const ReceiptRow &row) = 0;
    virtual Status removeReceipt(const QString &conversationId, const QString &userId) = 0;
    virtual Result<QList<ReceiptRow>> receipts(const QString &conversationId) = 0;
    virtual Result<std::optional<PinRow>> pin(const QString &conversationId, const QString &messageId) = 0;
    virtual Status putPin(const PinRow &row) = 0;
    virtual Status removePin(const QString &conversationId, const QString &messageId) = 0;
    virtual Result<QList<PinRow>> pins(const QString &conversationId) = 0;
    virtual Result<std::optional<SavedRow>> saved(const QString &userId, const QString &messageId) = 0;
    virtual Status putSaved(const QString &userId, const SavedRow &row) = 0;
    virtual Status removeSaved(const QString &userId, const QString &messageId) = 0;
    virtual Result<QList<SavedRow>> savedOfUser(const QString &spaceId, const QString &userId) = 0;
    virtual Result<std::optional<PrefsRow>> prefs(const QString &userId, const QString &conversationId) = 0;
    virtual Status putPrefs(const QString &userId, const PrefsRow &row) = 0;
    virtual Result<QList<PrefsRow>> prefsOfUser(const QString &spaceId, const QString &userId) = 0;

    // Streams (§4.1): one per (space, account), numbered 1, 2, 3, ... without gaps.
    // Creates the stream with a fresh random epoch when it does not exist yet.
    virtual Result<StreamHead> ensureStream(const QString &spaceId, const QString &userId) = 0;
    virtual Result<std::optional<StreamHead>> streamHead(const QString &spaceId, const QString &userId) = 0;
    // Appends one event to the streams of `recipients` (each must have a stream) and returns the new
    // seq of each. `data` is the event's data object, encoded. The mutation id is shown only to the
    // actor's streams.
    virtual Result<QHash<QString, qint64>> appendEvent(const QString &spaceId, const QString &kind, qint64 at,
        const QString &actorId, const QString &mutationId, const QByteArray &data,
        const QStringList &recipients)
        = 0;
    // Events with seq > after, at most `limit`, at most `maxBytes` of encoded events (at least one).
    virtual Result<QList<StreamEvent>> readEvents(
        const QString &spaceId, const QString &userId, qint64 after, int limit, qint64 maxBytes)
        = 0;

    // Mutation outcomes (§5.3).
    virtual Result<std::optional<MutationRecord>> mutation(const QString &userId, const QString &mutationId)
        = 0;
    virtual Status recordMutation(const MutationRecord &row) = 0;

    // Attachments (§8): metadata only; bytes are files the caller manages.
    virtual Result<std::optional<AttachmentRow>> attachment(const QString &id) = 0;
    virtual Status putAttachment(const AttachmentRow &row) = 0;
    // True when `userId` uploaded it, or is a member of the conversation of a message that carries it.
    virtual Result<bool> attachmentVisibleTo(const QString &attachmentId, const QString &userId) = 0;

    // Administrative changes for a running server to pick up.
    virtual Status recordAdminChange(const QString &kind, const QString &target) = 0;
    virtual Result<QList<AdminChange>> adminChangesAfter(qint64 id) = 0;
    virtual Result<qint64> lastAdminChange() = 0;

    // Boundary (issue 5): scheduled messages, urgent policies and urgent messages.
    virtual Status putScheduled(const ScheduledRow &row) = 0;
    virtual Status removeScheduled(const QString &messageId) = 0;
    virtual Result<std::optional<ScheduledRow>> scheduled(const QString &messageId) = 0;
    virtual Result<QList<ScheduledRow>> dueScheduled(qint64 now, int limit) = 0;
    virtual Result<QList<ScheduledRow>> scheduledOfUser(const QString &spaceId, const QString &userId) = 0;
    virtual Result<std::optional<UrgentPolicyRow>> urgentPolicy(const QString &userId) = 0;
    virtual Status putUrgentPolicy(const UrgentPolicyRow &row) = 0;
    virtual Status putUrgent(const UrgentRow &row) = 0;
    virtual Result<std::optional<UrgentRow>> urgent(const QString &messageId, const QString &recipientId) = 0;
    virtual Result<qint64> urgentCountSince(const QString &recipientId, qint64 since) = 0;
    // Tasks (feature tasks): the merged record, and the append-only comments.
    virtual Result<std::optional<TaskRow>> task(const QString &id) = 0;
    virtual Status putTask(const TaskRow &row) = 0; // insert or replace
    virtual Result<QList<TaskRow>> tasksOfSpace(const QString &spaceId) = 0;
    virtual Result<bool> taskCommentExists(const QString &id) = 0;
    virtual Status insertTaskComment(const TaskCommentRow &row) = 0;
    virtual Result<QList<TaskCommentRow>> taskComments(const QString &taskId) = 0; // oldest first
    // Approvals (feature approvals; server/approvals/sqliteapprovals.cpp): templates per organisation,
    // requests as records with the accounts that see them, the append-only trail, roles, holidays.
    virtual Status putApprovalTemplate(const QString &organisationId, const QJsonObject &record) = 0;
    virtual Result<QList<QJsonObject>> approvalTemplates(const QString &organisationId) = 0;
    virtual Status putApprovalRequest(const ApprovalRequestRow &row, const QStringList &viewers) = 0;
    virtual Result<std::optional<ApprovalRequestRow>> approvalRequest(const QString &id) = 0;
    virtual Result<QList<QJsonObject>> approvalRequestsVisibleTo(
        const QString &spaceId, const QString &userId)
        = 0;
    virtual Status appendApprovalAction(const QJsonObject &record) = 0;
    virtual Result<QList<QJsonObject>> approvalActions(const QString &requestId) = 0; // oldest first
    virtual Status setUserRoles(const QString &userId, const QStringList &roles) = 0;
    virtual Result<QStringList> usersWithRole(const QString &organisationId, const QString &role) = 0;
    virtual Status setHolidays(const QString &organisationId, const QStringList &dates) = 0;
    virtual Result<QStringList> holidays(const QString &organisationId) = 0;
};

} // namespace tandem::server
