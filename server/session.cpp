#include "session.h"

#include "jsonbytes.h"
#include "lingeringclose.h"
#include "records.h"
#include "server.h"
#include "snapshots.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QtConcurrent>

namespace tandem::server {

Q_LOGGING_CATEGORY(lcSession, "tandem.server.session")

using namespace Qt::StringLiterals;
namespace code = protocol::code;
namespace frame = protocol::frame;

namespace {

constexpr int kDrainBatch = 64; // frames per turn of the event loop, so one busy client cannot starve others
constexpr qint64 kFrameSlack = 1024; // room for an events frame's envelope
constexpr int kMaxLoginFailures = 5;
constexpr qint64 kSlowDownMs = 1000;

protocol::ErrorFrame fatalError(QLatin1StringView c, const QString &reason, const QString &rid = {})
{
    protocol::ErrorFrame e;
    e.code = c;
    e.reason = reason;
    e.fatal = true;
    e.rid = rid;
    return e;
}

template<class... Ts> struct Overloaded : Ts...
{
    using Ts::operator()...;
};

bool isRequest(const protocol::ClientFrame &f)
{
    return std::holds_alternative<protocol::FetchFrame>(f)
        || std::holds_alternative<protocol::SnapshotFrame>(f)
        || std::holds_alternative<protocol::HistoryFrame>(f)
        || std::holds_alternative<protocol::UploadBeginFrame>(f)
        || std::holds_alternative<protocol::UploadChunkFrame>(f)
        || std::holds_alternative<protocol::DownloadFrame>(f);
}

QJsonArray spaceRecords(const QList<SpaceRow> &spaces)
{
    QJsonArray out;
    for (const SpaceRow &s : spaces) {
        if (out.size() >= 100) // §9.5
            break;
        out.append(records::space(s));
    }
    return out;
}

} // namespace

Session::Session(Server &server, QWebSocket *socket, QTcpSocket *tcp, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_socket(socket)
    , m_tcp(tcp)
{
    socket->setParent(this);
    // QtWebSockets accepts ~2 GiB by default; bound what a peer can make us buffer (§12).
    socket->setMaxAllowedIncomingMessageSize(quint64(m_server.options().limits.maxFrameBytes));
    socket->setMaxAllowedIncomingFrameSize(quint64(m_server.options().limits.maxFrameBytes));
    m_limits = m_server.options().limits; // the server's own bounds apply from the first frame
    m_sessionId = Accounts::randomId("s", 9);
    m_address = socket->peerAddress().toString();
    m_lastReceived = m_lastSent = m_helloDeadlineFrom = protocol::nowMs();
    m_tokensAt = m_lastReceived;
    m_tokens = m_server.options().mutationRate;
    connect(socket, &QWebSocket::textMessageReceived, this, &Session::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &Session::onBinary);
    connect(socket, &QWebSocket::disconnected, this, [this]() {
        m_state = State::Closing;
        Q_EMIT finished(this);
    });
}

Session::~Session() = default;

// ---- sending ----

void Session::sendBytes(const QByteArray &utf8)
{
    if (!m_socket || m_state == State::Closing)
        return;
    m_socket->sendTextMessage(QString::fromUtf8(utf8));
    m_lastSent = protocol::nowMs();
}

void Session::send(const QJsonObject &f)
{
    sendBytes(protocol::encodeFrame(f));
}

void Session::push(const QJsonObject &f)
{
    if (m_state == State::Ready)
        send(f);
}

void Session::sendError(QLatin1StringView c, const QString &reason, const QString &rid,
    const QString &spaceId, const QJsonObject &details, qint64 retryAfterMs)
{
    protocol::ErrorFrame e;
    e.code = c;
    e.reason = reason;
    e.rid = rid;
    e.spaceId = spaceId;
    e.details = details;
    e.retryAfterMs = retryAfterMs;
    e.retryable = c == code::snapshot_expired || c == code::upload_offset || c == code::hash_mismatch
        || c == code::rate_limited || c == code::idle_timeout || c == code::internal_error
        || c == code::server_shutdown;
    send(protocol::makeError(e));
}

void Session::closeSocket(quint16 closeCode, const QString &reason)
{
    if (!m_socket || m_state == State::Closing)
        return;
    m_state = State::Closing;
    m_queue.clear();
    LingeringClose::arm(m_tcp, &m_server); // outlives this session
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(closeCode), reason.left(120));
}

void Session::fail(QLatin1StringView c, const QString &reason, qint64 retryAfterMs, const QString &rid)
{
    if (m_state == State::Closing)
        return;
    protocol::ErrorFrame e;
    e.code = c;
    e.reason = reason;
    e.fatal = true;
    e.retryable = c == code::rate_limited || c == code::idle_timeout || c == code::internal_error
        || c == code::server_shutdown;
    e.retryAfterMs = retryAfterMs;
    e.rid = rid; // the request this answers, when there is one (§2.4)
    send(protocol::makeError(e));
    closeSocket(protocol::closeCodeFor(c), QString(c));
}

void Session::internalError(const Error &error)
{
    qCWarning(lcSession) << m_sessionId << "internal error:" << error.message;
    fail(code::internal_error, u"the server failed; nothing in flight was recorded"_s);
}

// ---- receiving ----

void Session::onBinary(const QByteArray &)
{
    m_lastReceived = protocol::nowMs();
    fail(code::bad_frame, u"binary messages are not used in v1"_s);
}

void Session::onText(const QString &text)
{
    if (m_state == State::Closing)
        return;
    const qint64 now = protocol::nowMs();
    m_lastReceived = now;
    const QByteArray utf8 = text.toUtf8();
    protocol::DecodeResult decoded
        = protocol::decodeFrame(utf8, m_limits.maxFrameBytes, m_limits.maxJsonDepth);
    if (!decoded.ok()) {
        fail(decoded.error->code, decoded.error->reason);
        return;
    }
    protocol::ClientFrame parsed = protocol::parseClientFrame(decoded.frame, m_limits);
    // Frames that are never queued: liveness, acks, errors and malformed input.
    if (const auto *bad = std::get_if<protocol::BadFrame>(&parsed)) {
        protocol::ErrorFrame e = fatalError(code::bad_frame, bad->reason, bad->rid);
        send(protocol::makeError(e));
        closeSocket(protocol::close::Protocol, QString(code::bad_frame));
        return;
    }
    if (const auto *unknown = std::get_if<protocol::UnknownFrame>(&parsed)) {
        sendError(code::unknown_frame_type, u"unknown frame type %1"_s.arg(unknown->type), unknown->rid);
        return;
    }
    if (const auto *ping = std::get_if<protocol::PingFrame>(&parsed)) {
        send({{u"type"_s, u"pong"_s}, {u"rid"_s, ping->rid}, {u"time"_s, double(now)}});
        return;
    }
    if (std::holds_alternative<protocol::PongFrame>(parsed))
        return;
    if (const auto *err = std::get_if<protocol::ErrorInFrame>(&parsed)) {
        if (err->fatal)
            closeSocket(protocol::close::Normal, u"peer error"_s);
        return;
    }
    if (const auto *typing = std::get_if<protocol::TypingFrame>(&parsed)) {
        // Ephemeral (§6.7): never queued, never answered; the server relays it or drops it.
        if (m_state != State::Ready) {
            fail(code::unexpected_frame, u"typing before welcome"_s);
            return;
        }
        m_server.relayTyping(this, *typing);
        return;
    }
    if (const auto *ack = std::get_if<protocol::AckFrame>(&parsed)) {
        if (m_state != State::Ready) {
            fail(code::unexpected_frame, u"ack before welcome"_s);
            return;
        }
        onAck(*ack);
        return;
    }
    // Requests and mutations wait in one queue, processed in order; what is queued counts as in flight.
    if (std::holds_alternative<protocol::MutateFrame>(parsed)) {
        if (m_queuedMutations + 1 > m_limits.maxMutationsInFlight) {
            protocol::ErrorFrame e
                = fatalError(code::too_many_in_flight, u"more than max_mutations_in_flight mutations"_s);
            e.details = {{u"limit"_s, u"max_mutations_in_flight"_s}};
            send(protocol::makeError(e));
            closeSocket(protocol::close::Flow, QString(code::too_many_in_flight));
            return;
        }
        // --mutation-rate: refill the bucket, then spend one token.
        const double rate = m_server.options().mutationRate;
        m_tokens = std::min(rate, m_tokens + double(now - m_tokensAt) * rate / 1000.0);
        m_tokensAt = now;
        if (now < m_slowDownUntil) {
            // Frames sent before the client saw slow_down are forgiven, up to a full in-flight window.
            if (++m_slowDownViolations > m_limits.maxMutationsInFlight) {
                fail(code::rate_limited, u"mutations kept coming during slow_down"_s, kSlowDownMs);
                return;
            }
        } else if (m_tokens < 1.0) {
            m_slowDownUntil = now + kSlowDownMs;
            m_slowDownViolations = 0;
            send({{u"type"_s, u"slow_down"_s}, {u"delay_ms"_s, double(kSlowDownMs)},
                {u"scope"_s, QJsonArray {u"mutations"_s}},
                {u"reason"_s, u"more than %1 mutations per second"_s.arg(m_server.options().mutationRate)}});
        } else {
            m_tokens -= 1.0;
        }
        ++m_queuedMutations;
    } else if (isRequest(parsed)) {
        if (m_queuedRequests + 1 > m_limits.maxRequestsInFlight) {
            protocol::ErrorFrame e
                = fatalError(code::too_many_in_flight, u"more than max_requests_in_flight requests"_s);
            e.details = {{u"limit"_s, u"max_requests_in_flight"_s}};
            send(protocol::makeError(e));
            closeSocket(protocol::close::Flow, QString(code::too_many_in_flight));
            return;
        }
        ++m_queuedRequests;
    }
    m_queue.push_back(std::move(parsed));
    scheduleDrain();
}

void Session::scheduleDrain()
{
    if (m_drainScheduled || m_busy)
        return;
    m_drainScheduled = true;
    QTimer::singleShot(0, this, &Session::drain);
}

void Session::drain()
{
    m_drainScheduled = false;
    for (int n = 0; n < kDrainBatch && !m_queue.empty() && !m_busy && m_state != State::Closing; ++n) {
        protocol::ClientFrame f = std::move(m_queue.front());
        m_queue.pop_front();
        if (std::holds_alternative<protocol::MutateFrame>(f))
            --m_queuedMutations;
        else if (isRequest(f))
            --m_queuedRequests;
        handle(f);
    }
    if (!m_queue.empty() && !m_busy && m_state != State::Closing)
        scheduleDrain();
}

template<typename Answer>
void Session::attachmentRequest(bool ready, const QString &spaceId, const char *type, Answer answer)
{
    if (!ready)
        return fail(code::unexpected_frame, u"%1 before welcome"_s.arg(QLatin1StringView(type)));
    if (!synced(spaceId))
        return;
    auto r = answer();
    r ? send(*r) : internalError(r.error());
}

void Session::handle(const protocol::ClientFrame &f)
{
    const bool ready = m_state == State::Ready;
    const bool open = m_state == State::Open;
    std::visit(Overloaded {
                   [&](const protocol::LoginFrame &x) {
                       open ? onLogin(x)
                            : fail(code::unexpected_frame, u"login is only allowed before hello"_s);
                   },
                   [&](const protocol::HelloFrame &x) {
                       open ? onHello(x) : fail(code::unexpected_frame, u"hello is sent exactly once"_s);
                   },
                   [&](const protocol::FetchFrame &x) {
                       ready ? onFetch(x) : fail(code::unexpected_frame, u"fetch before welcome"_s);
                   },
                   [&](const protocol::SnapshotFrame &x) {
                       ready ? onSnapshot(x) : fail(code::unexpected_frame, u"snapshot before welcome"_s);
                   },
                   [&](const protocol::HistoryFrame &x) {
                       ready ? onHistory(x) : fail(code::unexpected_frame, u"history before welcome"_s);
                   },
                   [&](const protocol::MutateFrame &x) {
                       ready ? onMutate(x) : fail(code::unexpected_frame, u"mutate before welcome"_s);
                   },
                   // Attachment requests: allowed once ready, on a space this connection syncs, and
                   // answered by Attachments (§8).
                   [&](const protocol::UploadBeginFrame &x) {
                       attachmentRequest(ready, x.spaceId, "upload_begin",
                           [&] { return m_server.attachments().begin(m_userId, x, m_limits); });
                   },
                   [&](const protocol::UploadChunkFrame &x) {
                       attachmentRequest(ready, x.spaceId, "upload_chunk",
                           [&] { return m_server.attachments().chunk(m_userId, x, m_limits); });
                   },
                   [&](const protocol::DownloadFrame &x) {
                       attachmentRequest(ready, x.spaceId, "download",
                           [&] { return m_server.attachments().download(m_userId, x, m_limits); });
                   },
                   [&](const protocol::LogoutFrame &) {
                       ready ? onLogout() : fail(code::unexpected_frame, u"logout before welcome"_s);
                   },
                   [&](const auto &) {},
               },
        f);
}

// ---- login and hello ----

void Session::onLogin(const protocol::LoginFrame &f)
{
    const qint64 now = protocol::nowMs();
    if (const qint64 wait = m_server.loginLimiter().retryAfter(f.userName, m_address, now); wait > 0) {
        sendError(code::rate_limited, u"too many failed logins; wait"_s, f.rid, {}, {}, wait);
        return;
    }
    auto user = m_server.store().userByName(f.userName);
    if (!user)
        return internalError(user.error());
    // Unknown users are checked against a dummy hash: the same work, the same answer (§3.2).
    const QString hash
        = *user && !(*user)->passwordHash.isEmpty() ? (*user)->passwordHash : m_server.dummyPasswordHash();
    const QString userId = *user ? (*user)->id : QString();
    const bool known = user->has_value() && !(*user)->passwordHash.isEmpty();
    const QString password = f.password;
    m_busy = true;
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, f, userId, known]() {
        watcher->deleteLater();
        m_busy = false;
        finishLogin(f, known && watcher->result(), userId);
        scheduleDrain();
    });
    watcher->setFuture(
        QtConcurrent::run([hash, password]() { return Accounts::verifyPassword(hash, password); }));
}

void Session::finishLogin(const protocol::LoginFrame &f, bool passwordOk, const QString &userId)
{
    if (m_state == State::Closing)
        return;
    const qint64 now = protocol::nowMs();
    m_helloDeadlineFrom = now;
    if (!passwordOk) {
        m_server.loginLimiter().recordFailure(f.userName, m_address, now);
        if (++m_loginFailures >= kMaxLoginFailures) {
            fail(code::auth_failed, u"wrong user name or password"_s);
            return;
        }
        sendError(code::auth_failed, u"wrong user name or password"_s, f.rid);
        return;
    }
    auto user = m_server.store().user(userId);
    if (!user)
        return internalError(user.error());
    if (!*user || (*user)->deactivated) {
        sendError(code::device_revoked, u"this account is deactivated"_s, f.rid);
        return;
    }
    QSet<StreamKey> touched;
    auto grant = m_server.accounts().grantLogin(**user, f.deviceId, f.deviceName, f.devicePlatform, &touched);
    if (!grant)
        return internalError(grant.error());
    if (grant->deviceRevoked) {
        sendError(code::device_revoked, u"this device was revoked; log in as a new device"_s, f.rid);
        return;
    }
    auto spaces = m_server.store().spacesOfUser(userId);
    if (!spaces)
        return internalError(spaces.error());
    send({{u"type"_s, u"login_result"_s}, {u"rid"_s, f.rid}, {u"token"_s, grant->token},
        {u"user_id"_s, userId}, {u"device_id"_s, grant->deviceId}, {u"spaces"_s, spaceRecords(*spaces)}});
    m_server.notify(touched);
}

void Session::onHello(const protocol::HelloFrame &f)
{
    m_state = State::Authenticating;
    if (!f.versions.contains(protocol::kVersion)) {
        protocol::ErrorFrame e
            = fatalError(code::unsupported_version, u"this server speaks version 1"_s, f.rid);
        e.details = {{u"supported"_s, QJsonArray {protocol::kVersion}}};
        send(protocol::makeError(e));
        closeSocket(protocol::close::Version, QString(code::unsupported_version));
        return;
    }
    ServerStore &st = m_server.store();
    const QByteArray hash = Accounts::tokenHash(f.token);
    auto token = st.token(hash);
    if (!token)
        return internalError(token.error());
    const qint64 now = protocol::nowMs();
    if (!*token || (*token)->deviceId != f.deviceId)
        return fail(code::token_invalid, u"the token is unknown or not this device's"_s, -1, f.rid);
    if ((*token)->expiresAt > 0 && (*token)->expiresAt < now)
        return fail(code::token_expired, u"the token has expired"_s, -1, f.rid);
    auto device = st.device(f.deviceId);
    if (!device)
        return internalError(device.error());
    auto user = st.user((*token)->userId);
    if (!user)
        return internalError(user.error());
    if (!*device || (*device)->revokedAt > 0 || !*user || (*user)->deactivated)
        return fail(code::device_revoked, u"this device has lost access"_s, -1, f.rid);
    if ((*token)->revoked)
        return fail(code::token_revoked, u"the token was revoked; log in again"_s, -1, f.rid);

    m_userId = (*token)->userId;
    m_deviceId = f.deviceId;
    m_acceptsTyping = f.features.contains(u"typing"_s);
    m_tokenHash = hash;
    QJsonArray statuses;
    QStringList synced;
    QStringList resumed;
    for (const protocol::SpaceRequest &request : f.spaces) {
        QJsonObject status {{u"space_id"_s, request.spaceId}};
        auto member = st.isSpaceMember(request.spaceId, m_userId);
        if (!member)
            return internalError(member.error());
        std::optional<StreamHead> head;
        if (*member) {
            auto h = st.ensureStream(request.spaceId, m_userId);
            if (!h)
                return internalError(h.error());
            head = *h;
        }
        if (!head) {
            status.insert(u"status"_s, u"revoked"_s);
            status.insert(u"reason"_s, u"this account may not sync this space"_s);
            statuses.append(status);
            continue;
        }
        const bool resume = request.epoch && *request.epoch == head->epoch && request.cursor <= head->head;
        status.insert(u"status"_s, resume ? u"resume"_s : u"snapshot"_s);
        status.insert(u"epoch"_s, head->epoch);
        status.insert(u"head_seq"_s, double(head->head));
        statuses.append(status);
        SpaceSync sync;
        sync.epoch = head->epoch;
        sync.live = resume;
        sync.sent = sync.acked = resume ? request.cursor : 0;
        m_spaces.insert(request.spaceId, sync);
        synced << request.spaceId;
        if (resume)
            resumed << request.spaceId;
    }
    auto spaces = st.spacesOfUser(m_userId);
    if (!spaces)
        return internalError(spaces.error());
    (*device)->lastSeenAt = now;
    if (auto s = st.begin(); !s)
        return internalError(s.error());
    if (auto s = st.updateDevice(**device); !s) {
        st.rollback();
        return internalError(s.error());
    }
    if (auto s = st.commit(); !s)
        return internalError(s.error());

    m_server.attach(this, synced);
    m_limits = m_server.options().limits;
    const Policy &policy = m_server.options().policy;
    QJsonArray features;
    for (const QString &feature : m_server.features())
        features.append(feature);
    send({{u"type"_s, u"welcome"_s}, {u"rid"_s, f.rid}, {u"version"_s, protocol::kVersion},
        {u"session_id"_s, m_sessionId}, {u"user_id"_s, m_userId}, {u"device_id"_s, m_deviceId},
        {u"server_time"_s, double(now)},
        {u"server"_s,
            QJsonObject {
                {u"name"_s, u"tandem-server"_s}, {u"version"_s, QCoreApplication::applicationVersion()}}},
        {u"limits"_s, m_limits.toJson()},
        {u"policy"_s,
            QJsonObject {{u"edit_window_ms"_s, double(policy.editWindowMs)},
                {u"recall_window_ms"_s, double(policy.recallWindowMs)}}},
        {u"features"_s, features}, {u"spaces"_s, statuses}, {u"account_spaces"_s, spaceRecords(*spaces)}});
    // The socket's limits follow the announced ones from now on.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxFrameBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxFrameBytes));
    m_state = State::Ready;
    for (const QString &space : resumed)
        pump(space);
}

// ---- streams ----

Session::SpaceSync *Session::synced(const QString &spaceId)
{
    auto it = m_spaces.find(spaceId);
    if (it == m_spaces.end()) {
        fail(code::unexpected_frame, u"this connection does not sync %1"_s.arg(spaceId.left(128)));
        return nullptr;
    }
    return &*it;
}

void Session::poke(const QString &spaceId)
{
    auto it = m_spaces.find(spaceId);
    if (it == m_spaces.end() || !it->live || it->pokeScheduled || m_state != State::Ready)
        return;
    it->pokeScheduled = true;
    // Deferred so that a burst of appends goes out in one batch.
    QTimer::singleShot(0, this, [this, spaceId]() {
        auto sync = m_spaces.find(spaceId);
        if (sync == m_spaces.end())
            return;
        sync->pokeScheduled = false;
        pump(spaceId);
    });
}

void Session::pump(const QString &spaceId)
{
    auto it = m_spaces.find(spaceId);
    if (it == m_spaces.end() || !it->live || m_state != State::Ready)
        return;
    SpaceSync &sync = *it;
    auto head = m_server.store().streamHead(spaceId, m_userId);
    if (!head)
        return internalError(head.error());
    if (!*head)
        return;
    if ((*head)->epoch != sync.epoch) {
        // The stream was rebuilt under us (§3.8): stop and ask for a snapshot.
        sync.live = false;
        sendError(code::snapshot_required, u"the stream changed epoch; take a snapshot"_s, {}, spaceId);
        return;
    }
    while (sync.sent < (*head)->head && sync.sent < sync.acked + m_limits.maxUnackedEvents) {
        const qint64 room = std::min<qint64>(
            m_limits.maxEventsPerBatch, sync.acked + m_limits.maxUnackedEvents - sync.sent);
        QByteArray prefix = "{\"type\":\"events\",\"space_id\":";
        appendJsonString(prefix, spaceId);
        prefix += ",\"epoch\":";
        appendJsonString(prefix, sync.epoch);
        prefix += ",\"head_seq\":" + QByteArray::number((*head)->head) + ",\"events\":[";
        auto events = m_server.store().readEvents(
            spaceId, m_userId, sync.sent, int(room), m_limits.maxFrameBytes - prefix.size() - kFrameSlack);
        if (!events)
            return internalError(events.error());
        if (events->isEmpty())
            break;
        QByteArray out = prefix;
        for (qsizetype i = 0; i < events->size(); ++i) {
            if (i > 0)
                out += ',';
            out += (*events)[i].json;
        }
        out += "]}";
        sendBytes(out);
        qCDebug(lcSession) << m_sessionId << "pushed" << events->first().seq << "to" << events->last().seq
                           << "acked" << sync.acked;
        sync.sent = events->last().seq;
    }
}

void Session::onAck(const protocol::AckFrame &f)
{
    SpaceSync *sync = synced(f.spaceId);
    if (!sync)
        return;
    auto head = m_server.store().streamHead(f.spaceId, m_userId);
    if (!head)
        return internalError(head.error());
    if (!*head || f.seq > (*head)->head) {
        sendError(
            code::invalid_request, u"the ack is beyond the head"_s, {}, f.spaceId, {{u"field"_s, u"/seq"_s}});
        return;
    }
    qCDebug(lcSession) << m_sessionId << "ack" << f.seq << "sent" << sync->sent;
    if (f.seq <= sync->acked)
        return;
    sync->acked = f.seq;
    pump(f.spaceId);
}

void Session::onFetch(const protocol::FetchFrame &f)
{
    SpaceSync *sync = synced(f.spaceId);
    if (!sync)
        return;
    auto head = m_server.store().streamHead(f.spaceId, m_userId);
    if (!head)
        return internalError(head.error());
    if (!sync->live || !*head || f.epoch != (*head)->epoch || f.after > (*head)->head) {
        sendError(code::snapshot_required, u"this position cannot be continued; take a snapshot"_s, f.rid,
            f.spaceId);
        return;
    }
    const qint64 limit = std::min(f.limit.value_or(m_limits.maxEventsPerBatch), m_limits.maxEventsPerBatch);
    QByteArray prefix = "{\"type\":\"events\",\"rid\":";
    appendJsonString(prefix, f.rid);
    prefix += ",\"space_id\":";
    appendJsonString(prefix, f.spaceId);
    prefix += ",\"epoch\":";
    appendJsonString(prefix, (*head)->epoch);
    prefix += ",\"head_seq\":" + QByteArray::number((*head)->head) + ",\"events\":[";
    auto events = m_server.store().readEvents(
        f.spaceId, m_userId, f.after, int(limit), m_limits.maxFrameBytes - prefix.size() - kFrameSlack);
    if (!events)
        return internalError(events.error());
    QByteArray out = prefix;
    for (qsizetype i = 0; i < events->size(); ++i) {
        if (i > 0)
            out += ',';
        out += (*events)[i].json;
    }
    const qint64 last = events->isEmpty() ? f.after : events->last().seq;
    out += "],\"has_more\":";
    out += last < (*head)->head ? "true}" : "false}";
    sendBytes(out);
}

void Session::onSnapshot(const protocol::SnapshotFrame &f)
{
    SpaceSync *sync = synced(f.spaceId);
    if (!sync)
        return;
    const qint64 now = protocol::nowMs();
    std::shared_ptr<Snapshot> snapshot;
    QString id;
    qsizetype offset = 0;
    if (!f.pageToken) {
        auto space = m_server.store().space(f.spaceId);
        if (!space)
            return internalError(space.error());
        auto head = m_server.store().streamHead(f.spaceId, m_userId);
        if (!head)
            return internalError(head.error());
        if (!*space || !*head)
            return sendError(code::not_found, u"no such space"_s, f.rid, f.spaceId);
        auto recs = snapshotRecords(m_server.store(), **space, m_userId,
            int(f.messagesPerConversation.value_or(20)),
            m_server.options().presence ? &m_server.presence() : nullptr);
        if (!recs)
            return internalError(recs.error());
        snapshot = std::make_shared<Snapshot>();
        snapshot->userId = m_userId;
        snapshot->spaceId = f.spaceId;
        snapshot->epoch = (*head)->epoch;
        snapshot->atSeq = (*head)->head;
        snapshot->records = std::move(*recs);
        id = m_server.snapshots().put(snapshot, now);
        // Pushing pauses until the last page (§3.8).
        sync->live = false;
    } else {
        const QString token = *f.pageToken;
        const qsizetype dot = token.lastIndexOf(u'.');
        id = token.left(dot);
        bool ok = false;
        offset = token.mid(dot + 1).toLongLong(&ok);
        snapshot = dot > 0 && ok ? m_server.snapshots().get(id, now) : nullptr;
        if (!snapshot || snapshot->userId != m_userId || snapshot->spaceId != f.spaceId || offset < 0
            || offset > snapshot->records.size())
            return sendError(
                code::snapshot_expired, u"the page token expired or is unknown"_s, f.rid, f.spaceId);
        sync->live = false;
    }
    QByteArray prefix = "{\"type\":\"snapshot_page\",\"rid\":";
    appendJsonString(prefix, f.rid);
    prefix += ",\"space_id\":";
    appendJsonString(prefix, f.spaceId);
    prefix += ",\"epoch\":";
    appendJsonString(prefix, snapshot->epoch);
    prefix += ",\"at_seq\":" + QByteArray::number(snapshot->atSeq) + ",\"records\":[";
    QByteArray out = prefix;
    const qint64 budget = m_limits.maxFrameBytes - kFrameSlack;
    qsizetype end = offset;
    while (end < snapshot->records.size() && end - offset < m_limits.maxEventsPerBatch) {
        const QByteArray rec = compactJson(snapshot->records[end]);
        if (end > offset && out.size() + rec.size() + 1 > budget)
            break;
        if (end > offset)
            out += ',';
        out += rec;
        ++end;
    }
    out += ']';
    const bool last = end >= snapshot->records.size();
    if (!last) {
        out += ",\"next_page_token\":";
        appendJsonString(out, id + u'.' + QString::number(end));
    }
    out += '}';
    sendBytes(out);
    if (last) {
        sync->epoch = snapshot->epoch;
        sync->sent = sync->acked = snapshot->atSeq;
        sync->live = true;
        pump(f.spaceId);
    }
}

void Session::onHistory(const protocol::HistoryFrame &f)
{
    if (!synced(f.spaceId))
        return;
    const int limit = int(std::min<qint64>(f.limit.value_or(50), m_limits.maxEventsPerBatch));
    auto page = historyPage(m_server.store(), f.spaceId, m_userId, f.conversationId,
        f.threadRootId.value_or(QString()), f.beforeCseq.value_or(0), limit);
    if (!page)
        return internalError(page.error());
    if (!page->found)
        return sendError(code::not_found, u"the conversation does not exist or is not visible to you"_s,
            f.rid, f.spaceId, {{u"field"_s, u"/conversation_id"_s}});
    auto head = m_server.store().streamHead(f.spaceId, m_userId);
    if (!head)
        return internalError(head.error());
    // Oldest messages go first when the page would not fit a frame: the client asks again for them.
    QList<QByteArray> encoded;
    qint64 bytes = 0;
    bool hasMore = page->hasMore;
    for (auto it = page->messages.crbegin(); it != page->messages.crend(); ++it) {
        QByteArray m = compactJson(*it);
        if (bytes + m.size() + 1 > m_limits.maxFrameBytes - kFrameSlack) {
            hasMore = true;
            break;
        }
        bytes += m.size() + 1;
        encoded.prepend(std::move(m));
    }
    QByteArray out = "{\"type\":\"history_page\",\"rid\":";
    appendJsonString(out, f.rid);
    out += ",\"space_id\":";
    appendJsonString(out, f.spaceId);
    out += ",\"conversation_id\":";
    appendJsonString(out, f.conversationId);
    if (f.threadRootId) {
        out += ",\"thread_root_id\":";
        appendJsonString(out, *f.threadRootId);
    }
    out += ",\"at_seq\":" + QByteArray::number(*head ? (*head)->head : 0) + ",\"messages\":[";
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        if (i > 0)
            out += ',';
        out += encoded[i];
    }
    out += "],\"has_more\":";
    out += hasMore ? "true}" : "false}";
    sendBytes(out);
}

// ---- mutations ----

void Session::onMutate(const protocol::MutateFrame &f)
{
    if (!synced(f.spaceId))
        return;
    MutationRequest request {m_userId, m_deviceId, f.spaceId, f.mutationId, f.kind, f.createdAt, f.payload};
    auto outcome = m_server.engine().process(request, protocol::nowMs());
    if (!outcome)
        return internalError(outcome.error());
    // The mutation's own events go out before its result (§5.4).
    if (outcome->touched.contains({f.spaceId, m_userId}))
        pump(f.spaceId);
    QJsonObject result = outcome->result;
    result.insert(u"rid"_s, f.rid);
    send(result);
    m_server.notify(outcome->touched);
    for (const QString &device : std::as_const(outcome->revokedDevices))
        m_server.closeDevice(device, code::device_revoked, u"this device was revoked"_s);
}

void Session::onLogout()
{
    ServerStore &st = m_server.store();
    if (auto s = st.begin(); !s)
        return internalError(s.error());
    if (auto s = st.revokeToken(m_tokenHash); !s) {
        st.rollback();
        return internalError(s.error());
    }
    if (auto s = st.commit(); !s)
        return internalError(s.error());
    closeSocket(protocol::close::Normal, u"logout"_s);
}

// ---- liveness ----

void Session::tick(qint64 now)
{
    if (m_state == State::Closing || !m_socket)
        return;
    if (m_state != State::Ready && !m_busy && now - m_helloDeadlineFrom > m_limits.idleTimeoutMs) {
        fail(code::idle_timeout, u"no hello in time"_s);
        return;
    }
    if (now - m_lastReceived > m_limits.idleTimeoutMs) {
        fail(code::idle_timeout, u"nothing received for idle_timeout_ms"_s);
        return;
    }
    if (now - m_lastSent >= m_limits.pingIntervalMs)
        send({{u"type"_s, u"ping"_s}, {u"rid"_s, u"s%1"_s.arg(++m_pingCounter)}, {u"time"_s, double(now)}});
}

} // namespace tandem::server
