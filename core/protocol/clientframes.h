// Frames a client sends (docs/protocol.md §3, §4, §5, §7, §8, §9): parsed into typed structs and
// checked against their schemas in one place, so the server never reads a raw QJsonObject field and
// the conformance suite's hostile inputs meet exactly one validator. Envelope problems are bad_frame
// (fatal); a mutation payload's problems are per-mutation rejections (§5.3 rule 8).
#pragma once

#include "boundaryframes.h"
#include "limits.h"

#include "approvals/approvalpayloads.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>
#include <vector>

namespace tandem::protocol {

struct ClientInfo
{
    QString name;
    QString version;
};

struct LoginFrame
{
    QString rid;
    QString userName;
    QString password;
    QString deviceName;
    QString devicePlatform;
    std::optional<QString> deviceId;
    ClientInfo client;
};

struct SpaceRequest
{
    QString spaceId;
    std::optional<QString> epoch; // present together with cursor
    qint64 cursor = 0;
};

struct HelloFrame
{
    QString rid;
    QList<qint64> versions;
    QString token;
    QString deviceId;
    ClientInfo client;
    std::vector<SpaceRequest> spaces;
    QStringList features;
};

struct FetchFrame
{
    QString rid;
    QString spaceId;
    QString epoch;
    qint64 after = 0;
    std::optional<qint64> limit;
};

struct AckFrame
{
    QString spaceId;
    qint64 seq = 0;
};

struct SnapshotFrame
{
    QString rid;
    QString spaceId;
    std::optional<QString> pageToken;
    std::optional<qint64> messagesPerConversation;
};

struct HistoryFrame
{
    QString rid;
    QString spaceId;
    QString conversationId;
    std::optional<QString> threadRootId;
    std::optional<qint64> beforeCseq;
    std::optional<qint64> limit;
};

// The envelope of a mutation; the payload is parsed separately (parseMutationPayload) because its
// problems are answered with a result, not a fatal error.
struct MutateFrame
{
    QString rid;
    QString spaceId;
    QString mutationId;
    QString kind;
    qint64 createdAt = 0;
    QJsonObject payload;
};

struct UploadBeginFrame
{
    QString rid;
    QString spaceId;
    QString attachmentId;
    QString name;
    QString mimeType;
    qint64 sizeBytes = 0;
    QString sha256;
};

struct UploadChunkFrame
{
    QString rid;
    QString spaceId;
    QString attachmentId;
    qint64 offset = 0;
    QByteArray data; // decoded
};

struct DownloadFrame
{
    QString rid;
    QString spaceId;
    QString attachmentId;
    qint64 offset = 0;
    std::optional<qint64> length;
};

struct PingFrame
{
    QString rid;
};
struct PongFrame
{
    QString rid;
};
struct LogoutFrame
{ };
// A typing notice (§6.7): never queued, never answered.
struct TypingFrame
{
    QString spaceId;
    QString conversationId;
};
struct ErrorInFrame
{
    QString code;
    bool fatal = false;
};

// A frame type this side does not know: answered with unknown_frame_type, not fatal.
struct UnknownFrame
{
    QString type;
    QString rid; // when the frame carried a valid one
};

// A known frame type that breaks its schema: bad_frame, fatal.
struct BadFrame
{
    QString reason;
    QString rid; // when the frame carried a valid one
};

using ClientFrame = std::variant<LoginFrame, HelloFrame, FetchFrame, AckFrame, SnapshotFrame, HistoryFrame,
    MutateFrame, UploadBeginFrame, UploadChunkFrame, DownloadFrame, PingFrame, PongFrame, LogoutFrame,
    ErrorInFrame, UnknownFrame, BadFrame, TypingFrame>;

// Parses a decoded frame (an object with a string `type`, as decodeFrame returns it).
ClientFrame parseClientFrame(const QJsonObject &frame, const Limits &limits);

// ---- Mutation payloads (§7.2) ----

struct DeviceRevoke
{
    QString deviceId;
};
// The chosen presence (§6.6); `online` clears the choice.
struct PresenceSet
{
    QString status; // online, away, busy, off_duty, offline
    std::optional<qint64> offUntil;
    QString timeZone; // empty: none
    QString text; // empty: none

    bool operator==(const PresenceSet &) const = default;
};
struct ConversationCreate
{
    QString conversationId;
    QString kind;
    QStringList memberIds;
    QString name;
    QString topic;
};
struct ConversationUpdate
{
    QString conversationId;
    std::optional<QString> name;
    std::optional<QString> topic;
};
struct ConversationLeave
{
    QString conversationId;
};
struct PrefsSet
{
    QString conversationId;
    std::optional<QString> notifyLevel;
    std::optional<bool> pinned;
    std::optional<bool> archived;
};
struct MemberAdd
{
    QString conversationId;
    QStringList userIds;
};
struct MemberRemove
{
    QString conversationId;
    QString userId;
};
struct MemberSetRole
{
    QString conversationId;
    QString userId;
    QString role;
};
struct MessageSend
{
    QString messageId;
    QString conversationId;
    QString body;
    QString format;
    std::optional<QString> threadRootId;
    std::optional<QString> replyToId;
    QStringList mentions;
    QStringList attachmentIds;
    std::optional<qint64> deliverAt; // feature scheduled_send
    bool urgent = false; // feature urgent
};
struct MessageEdit
{
    QString conversationId;
    QString messageId;
    QString body;
    QString format;
    QStringList mentions;
};
// message.delete, pin.add, pin.remove, saved.add, saved.remove: a reference to one message.
struct MessageRef
{
    QString conversationId;
    QString messageId;
};
struct ReactionChange
{
    QString conversationId;
    QString messageId;
    QString emoji;
};
struct ReceiptMark
{
    QString conversationId;
    qint64 upToCseq = 0;
};

// task.create, task.update, task.delete, task.comment (feature tasks, §11.4): checked against their
// schema; the writes are read from `payload` by tasks::TaskState::fromPayload.
struct TaskMutation
{
    QString kind;
    QString taskId;
    QString hlc; // empty for task.comment
    QJsonObject payload;
};

using MutationPayload = std::variant<DeviceRevoke, PresenceSet, ConversationCreate, ConversationUpdate,
    ConversationLeave, PrefsSet, MemberAdd, MemberRemove, MemberSetRole, MessageSend, MessageEdit, MessageRef,
    ReactionChange, ReceiptMark, MessageCancelSchedule, UrgentAck, UrgentPolicySet, ConversationHandover,
    TaskMutation, approvals::ApprovalMutation>;

// Why a payload cannot be applied whatever the state: a rejection code (invalid_payload, body_too_long,
// unknown_kind, feature_not_supported) with its reason and details.
struct PayloadProblem
{
    QLatin1StringView code;
    QString reason;
    QJsonObject details;
};

// The v1 mutation kinds of §7.1 (presence.set included: it needs feature presence).
bool isV1MutationKind(const QString &kind);

// Checks a payload against its kind's schema and the stateless rules of §7.2. `features` are the
// optional features the server announced (deliver_at, urgent and presence.set need one).
std::variant<MutationPayload, PayloadProblem> parseMutationPayload(
    const QString &kind, const QJsonObject &payload, const Limits &limits, const QStringList &features = {});

// The boundary kinds (boundaryframes.h), or std::nullopt for any other kind (boundaryframes.cpp).
std::optional<std::variant<MutationPayload, PayloadProblem>> parseBoundaryPayload(
    const QString &kind, const QJsonObject &payload, const QStringList &features);

// The task kinds (§11.4); without feature `tasks` they are unknown_kind, as every reserved kind (§7.3).
std::variant<MutationPayload, PayloadProblem> parseTaskPayload(
    const QString &kind, const QJsonObject &payload, const QStringList &features);

} // namespace tandem::protocol
