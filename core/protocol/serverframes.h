// Reading the frames a server sends (docs/protocol.md §3-§10) into typed values, after checking them
// against the protocol: field types and bounds, the records of §6.2 and the event data of §6.3. A
// client treats anything that fails here as a malformed server frame (close 4000, §9.4). Unknown fields
// are ignored; unknown event kinds and record entities pass unchecked, as §13.3 asks.
#pragma once

#include "limits.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::protocol {

struct SpaceRecord
{
    QString id;
    QString name;
    QString kind; // work or personal (an unknown kind reads as work, §13.3)
    QString organisationId;
};

struct LoginResult
{
    QString rid;
    QString token;
    QString userId;
    QString deviceId;
    std::optional<qint64> expiresAt;
    QList<SpaceRecord> spaces;
};

struct SpaceStatus
{
    QString spaceId;
    QString status; // resume, snapshot, revoked, unavailable
    QString epoch;
    qint64 headSeq = 0;
    QString reason;
};

struct Welcome
{
    QString rid;
    int version = 0;
    QString sessionId;
    QString userId;
    QString deviceId;
    qint64 serverTime = 0;
    Limits limits;
    qint64 editWindowMs = 0;
    qint64 recallWindowMs = 0;
    QStringList features;
    QList<SpaceStatus> spaces;
    QList<SpaceRecord> accountSpaces;
};

struct Event
{
    qint64 seq = 0;
    QString kind;
    qint64 at = 0;
    QString actorId;
    QString mutationId;
    QJsonObject data; // checked for known kinds
};

struct EventsFrame
{
    QString rid; // empty on pushed frames
    QString spaceId;
    QString epoch;
    qint64 headSeq = 0;
    QList<Event> events;
    bool hasMore = false;
};

struct Record
{
    QString entity;
    QJsonObject data; // checked for known entities
};

struct SnapshotPage
{
    QString rid;
    QString spaceId;
    QString epoch;
    qint64 atSeq = 0;
    QList<Record> records;
    QString nextPageToken; // empty on the last page
};

struct HistoryPage
{
    QString rid;
    QString spaceId;
    QString conversationId;
    QString threadRootId;
    qint64 atSeq = 0;
    QList<QJsonObject> messages; // message records, ascending cseq
    bool hasMore = false;
};

// An outcome: applied (seq?, data?) or rejected (code, reason, details?).
struct Outcome
{
    QString status; // applied or rejected
    std::optional<qint64> seq;
    QJsonObject data;
    QString code;
    QString reason;
    QJsonObject details;
};

struct MutationResult
{
    QString rid;
    QString spaceId;
    QString mutationId;
    QString status; // applied, duplicate, rejected
    Outcome outcome; // the effective outcome: for a duplicate, the original one
};

struct UploadState
{
    QString rid;
    QString spaceId;
    QString attachmentId;
    qint64 sizeBytes = 0;
    qint64 receivedBytes = 0;
    bool complete = false;
};

struct DownloadChunk
{
    QString rid;
    QString spaceId;
    QString attachmentId;
    qint64 offset = 0;
    qint64 sizeBytes = 0;
    QString sha256;
    QByteArray data; // decoded
};

struct SlowDown
{
    qint64 delayMs = 0;
    bool mutations = false;
    bool requests = false;
    QString reason;
};

// A typing notice (§6.7): `userId` is typing in the conversation for `expiresInMs` from its arrival.
struct TypingNotice
{
    QString spaceId;
    QString conversationId;
    QString userId;
    qint64 expiresInMs = 0;
};

struct PingPong
{
    QString rid;
    std::optional<qint64> time;
};

struct ErrorInfo
{
    QString code;
    QString reason;
    bool retryable = false;
    bool fatal = false;
    QString rid;
    QString spaceId;
    std::optional<qint64> retryAfterMs;
    QJsonObject details;
};

// Each parser takes a decoded frame (decodeFrame) of its type. Errors are ErrorCode::Invalid with a
// sentence naming the field (a JSON Pointer).
Result<LoginResult> parseLoginResult(const QJsonObject &frame);
Result<Welcome> parseWelcome(const QJsonObject &frame);
Result<EventsFrame> parseEvents(const QJsonObject &frame, const Limits &limits);
Result<SnapshotPage> parseSnapshotPage(const QJsonObject &frame, const Limits &limits);
Result<HistoryPage> parseHistoryPage(const QJsonObject &frame, const Limits &limits);
Result<MutationResult> parseResult(const QJsonObject &frame);
Result<UploadState> parseUploadState(const QJsonObject &frame);
Result<DownloadChunk> parseDownloadChunk(const QJsonObject &frame, const Limits &limits);
Result<SlowDown> parseSlowDown(const QJsonObject &frame);
Result<PingPong> parsePingPong(const QJsonObject &frame);
Result<TypingNotice> parseTyping(const QJsonObject &frame);
Result<ErrorInfo> parseError(const QJsonObject &frame);

// An attachment record (§6.1: id, name, mime_type, size_bytes, sha256) as messages and approval requests
// carry it; empty when it is one.
QString attachmentProblem(const QJsonObject &attachment, const QString &pointer);
// Checks one record of §6.2 (`pointer` locates it in the frame). Empty when valid or when the entity
// is unknown; else a sentence naming the field.
QString recordProblem(const QString &entity, const QJsonObject &data, const QString &pointer);
// Checks the data of one event kind of §6.3. Empty when valid or when the kind is unknown.
QString eventDataProblem(const QString &kind, const QJsonObject &data, const QString &pointer);

} // namespace tandem::protocol
