// The session side of SpaceConnection: the socket, login, hello and welcome, errors, liveness. Closes,
// reconnecting and wiping are in spaceclose.cpp, events and snapshots in spacestream.cpp, mutations
// in spaceoutbox.cpp.
#include "spaceconnection.h"

#include "tasks/taskstore.h"

#include "storewriter.h"
#include "transport.h"

#include "protocol/codec.h"
#include "protocol/fields.h"

#include <QLoggingCategory>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcSync, "tandem.sync")

namespace tandem::sync {

using namespace Qt::StringLiterals;
namespace code = protocol::code;

SpaceConnection::SpaceConnection(store::StoreThread *store, SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_config(std::move(config))
    , m_backoff(m_config.backoffBaseMs, m_config.backoffCapMs, m_config.backoffSeed)
{
    qRegisterMetaType<tandem::sync::SyncStatus>();
    m_password = m_config.password;
    m_clock.start();
    connect(&m_typing, &TypingTracker::typingChanged, this, &SpaceConnection::typingChanged);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SpaceConnection::loadAndConnect);
    connect(&m_tickTimer, &QTimer::timeout, this, &SpaceConnection::tick);
    m_gapTimer.setSingleShot(true);
    connect(&m_gapTimer, &QTimer::timeout, this, [this] {
        if (m_sequencer.hasGap())
            fetch();
    });
    m_tailTimer.setSingleShot(true);
    connect(&m_tailTimer, &QTimer::timeout, this, [this] {
        // §4.4: the head is above the cursor, everything applied is acked, and nothing came: the events
        // at the end of the stream were not pushed.
        if (m_headSeq > m_sequencer.cursor() && m_cursor.seq == m_sequencer.cursor() && !m_snapshotActive)
            fetch();
    });
    m_ackTimer.setSingleShot(true);
    connect(&m_ackTimer, &QTimer::timeout, this, &SpaceConnection::sendAck);
}

SpaceConnection::~SpaceConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void SpaceConnection::setStatus(SyncState state, const QString &reason, const QString &errorCode)
{
    if (m_status.state == state && m_status.reason == reason)
        return;
    m_status = {state, reason, errorCode};
    Q_EMIT statusChanged(m_status);
}

void SpaceConnection::start()
{
    m_stopRequested = false;
    m_protocolCloses = 0;
    m_backoff.reset();
    loadAndConnect();
}

void SpaceConnection::stop()
{
    m_stopRequested = true;
    m_reconnectTimer.stop();
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState) {
        m_localCloseCode = protocol::close::Normal;
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    } else {
        m_phase = Phase::Stopped;
        setStatus(SyncState::Stopped, u"Stopped."_s);
    }
}

void SpaceConnection::loginWith(const QString &password)
{
    m_password = password;
    if (m_phase == Phase::Stopped || m_phase == Phase::Idle || m_phase == Phase::Backoff)
        start();
}

void SpaceConnection::loadAndConnect()
{
    if (m_stopRequested)
        return;
    m_phase = Phase::Opening;
    setStatus(SyncState::Connecting);
    ++m_generation;
    using Loaded = std::pair<store::SyncAccount, store::SyncCursor>;
    whenDone(m_store->read<Loaded>([](store::SpaceStore &s) -> Result<Loaded> {
        auto account = store::loadSyncAccount(s.db());
        if (!account)
            return account.error();
        auto cursor = store::loadCursor(s.db(), account->serverSpaceId);
        if (!cursor)
            return cursor.error();
        return Loaded {*account, *cursor};
    }),
        [this](Loaded loaded) {
            m_account = loaded.first;
            m_cursor = loaded.second;
            if (!m_account.isConfigured()) {
                stopWith(SyncState::Stopped, u"This space is not connected to a server."_s, QString());
                return;
            }
            if (auto s = checkServerUrl(QUrl(m_account.serverUrl)); !s) {
                stopWith(SyncState::Stopped, s.error().message, QString());
                return;
            }
            if (m_account.token.isEmpty() && m_password.isEmpty()) {
                needLogin(u"Log in to %1 to sync this space."_s.arg(m_account.serverUrl), QString());
                return;
            }
            openSocket();
        });
}

void SpaceConnection::resetConnectionState()
{
    m_limits = protocol::Limits();
    m_ridCounter = 0;
    m_pending.clear();
    m_requestQueue.clear();
    m_requestsInFlight = 0;
    m_lastReceivedMs = m_lastSentMs = m_clock.elapsed();
    m_readySinceMs = -1;
    m_mutationsPausedUntilMs = m_requestsPausedUntilMs = 0;
    m_localCloseCode = 0;
    m_fatalError.reset();
    m_sequencer.reset(m_cursor.seq);
    m_headSeq = m_cursor.seq;
    m_ackedSeq = 0;
    m_fetchInFlight = false;
    m_snapshotActive = false;
    m_snapshotEpoch.clear();
    m_snapshotAtSeq = -1;
    m_backfillRunning = false;
    m_backfillDone = false;
    m_historyQueue.clear();
    m_sentHere.clear();
    m_uploads.clear();
    m_downloading.clear();
    m_mutationsInFlight = 0;
    m_outboxLoaded = false;
    m_wasSettled = false;
    m_gapTimer.stop();
    m_tailTimer.stop();
    m_ackTimer.stop();
}

void SpaceConnection::openSocket()
{
    resetConnectionState();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &SpaceConnection::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &SpaceConnection::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
        [this](const QByteArray &) { protocolFailure(u"a binary message"_s); });
    connect(m_socket, &QWebSocket::disconnected, this, &SpaceConnection::onDisconnected);
    m_tickTimer.start(250);
    sync::openSocket(*m_socket, QUrl(m_account.serverUrl), m_limits.maxFrameBytes);
}

void SpaceConnection::onConnected()
{
    if (!selectedTandem(*m_socket)) {
        closeWith(protocol::close::Protocol, code::bad_frame,
            u"the server did not select the tandem subprotocol"_s);
        return;
    }
    m_lastReceivedMs = m_clock.elapsed();
    if (m_account.token.isEmpty())
        sendLogin();
    else
        sendHello();
}

QString SpaceConnection::nextRid()
{
    return u"r"_s + QString::number(++m_ridCounter);
}

void SpaceConnection::sendRaw(const QByteArray &utf8)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_lastSentMs = m_clock.elapsed();
    m_socket->sendTextMessage(QString::fromUtf8(utf8));
}

void SpaceConnection::sendFrame(const QJsonObject &frame)
{
    sendRaw(protocol::encodeFrame(frame));
}

void SpaceConnection::sendLogin()
{
    m_phase = Phase::LoggingIn;
    QJsonObject device {{u"name"_s, m_config.deviceName}, {u"platform"_s, m_config.devicePlatform}};
    if (!m_account.deviceId.isEmpty())
        device.insert(u"id"_s, m_account.deviceId);
    const QString rid = nextRid();
    m_pending.insert(rid, {RequestKind::Login, m_clock.elapsed(), {}});
    sendFrame({{u"type"_s, u"login"_s}, {u"rid"_s, rid}, {u"user_name"_s, m_account.userName},
        {u"password"_s, m_password}, {u"device"_s, device},
        {u"client"_s,
            QJsonObject {{u"name"_s, m_config.clientName}, {u"version"_s, m_config.clientVersion}}}});
}

void SpaceConnection::sendHello()
{
    m_phase = Phase::Hello;
    QJsonObject space {{u"space_id"_s, m_account.serverSpaceId}};
    if (!m_cursor.epoch.isEmpty()) {
        space.insert(u"epoch"_s, m_cursor.epoch);
        space.insert(u"cursor"_s, double(m_cursor.seq));
    }
    const QString rid = nextRid();
    m_pending.insert(rid, {RequestKind::Hello, m_clock.elapsed(), {}});
    sendFrame({{u"type"_s, u"hello"_s}, {u"rid"_s, rid}, {u"versions"_s, QJsonArray {protocol::kVersion}},
        {u"token"_s, m_account.token}, {u"device_id"_s, m_account.deviceId},
        {u"client"_s, QJsonObject {{u"name"_s, m_config.clientName}, {u"version"_s, m_config.clientVersion}}},
        {u"spaces"_s, QJsonArray {space}}, {u"features"_s, QJsonArray {u"presence"_s, u"typing"_s}}});
}

void SpaceConnection::onText(const QString &text)
{
    m_lastReceivedMs = m_clock.elapsed();
    const protocol::DecodeResult decoded
        = protocol::decodeFrame(text.toUtf8(), m_limits.maxFrameBytes, m_limits.maxJsonDepth);
    if (!decoded.ok()) {
        protocolFailure(decoded.error->reason);
        return;
    }
    dispatch(decoded.frame);
    // Some frames settle the space without a store write (a fetch answered empty, the last result of
    // a no-op): look after every frame, not only after writes.
    checkSettled();
}

void SpaceConnection::protocolFailure(const QString &why)
{
    qCWarning(lcSync) << "malformed frame from the server:" << why;
    closeWith(protocol::close::Protocol, code::bad_frame, why);
}

void SpaceConnection::closeWith(quint16 closeCode, QLatin1StringView errorCode, const QString &reason)
{
    if (!m_socket || m_localCloseCode != 0)
        return;
    m_localCloseCode = closeCode;
    protocol::ErrorFrame e;
    e.code = errorCode;
    e.reason = reason.left(1024);
    e.fatal = true;
    sendFrame(protocol::makeError(e));
    m_socket->close(QWebSocketProtocol::CloseCode(closeCode), QString(errorCode));
}

void SpaceConnection::dispatch(const QJsonObject &frame)
{
    namespace f = protocol::frame;
    const QString type = frame.value("type"_L1).toString();
    const QString rid = frame.value("rid"_L1).toString();
    // An answer frees its request slot whatever it says.
    std::optional<Pending> answered;
    if (type != f::ping && !rid.isEmpty()) {
        if (auto it = m_pending.find(rid); it != m_pending.end()) {
            answered = *it;
            m_pending.erase(it);
            if (answered->kind == RequestKind::Fetch || answered->kind == RequestKind::Snapshot
                || answered->kind == RequestKind::History || answered->kind == RequestKind::Upload
                || answered->kind == RequestKind::Download) {
                --m_requestsInFlight;
                drainRequests();
            }
            if (answered->kind == RequestKind::Mutate)
                --m_mutationsInFlight;
        }
    }
    auto malformed = [this](const Error &e) { protocolFailure(e.message); };
    const bool ready = m_phase == Phase::Ready;

    if (type == f::ping) {
        auto ping = protocol::parsePingPong(frame);
        if (!ping)
            return malformed(ping.error());
        sendFrame({{u"type"_s, u"pong"_s}, {u"rid"_s, ping->rid}, {u"time"_s, double(protocol::nowMs())}});
    } else if (type == f::pong) {
        if (auto pong = protocol::parsePingPong(frame); !pong)
            return malformed(pong.error());
    } else if (type == f::error) {
        auto error = protocol::parseError(frame);
        if (!error)
            return malformed(error.error());
        if (answered && answered->kind == RequestKind::Fetch)
            m_fetchInFlight = false;
        if (answered && answered->kind == RequestKind::History) {
            m_backfillRunning = false;
            // not_found: the conversation is gone or was never visible; nothing more to fetch for it.
            const QString conversation = answered->context;
            whenDone(m_store->write<bool>(
                         [conversation](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
                             TANDEM_TRY(StoreWriter::markHistoryComplete(s.db(), conversation));
                             return true;
                         }),
                [this](bool) { requestNextHistory(); });
        }
        if (answered && !error->fatal && onTransferError(*answered, *error))
            return;
        if (answered && answered->kind == RequestKind::Snapshot && error->code == code::snapshot_expired) {
            m_snapshotActive = false;
            startSnapshot();
            return;
        }
        onError(*error);
    } else if (type == f::login_result && m_phase == Phase::LoggingIn) {
        auto result = protocol::parseLoginResult(frame);
        if (!result)
            return malformed(result.error());
        onLoginResult(*result);
    } else if (type == f::welcome && m_phase == Phase::Hello) {
        auto welcome = protocol::parseWelcome(frame);
        if (!welcome)
            return malformed(welcome.error());
        onWelcome(*welcome);
    } else if (type == f::events && ready) {
        auto events = protocol::parseEvents(frame, m_limits);
        if (!events)
            return malformed(events.error());
        if (answered && answered->kind == RequestKind::Fetch)
            m_fetchInFlight = false;
        onEvents(*events);
    } else if (type == f::snapshot_page && ready && answered && answered->kind == RequestKind::Snapshot) {
        auto page = protocol::parseSnapshotPage(frame, m_limits);
        if (!page)
            return malformed(page.error());
        onSnapshotPage(*page);
    } else if (type == f::history_page && ready && answered && answered->kind == RequestKind::History) {
        auto page = protocol::parseHistoryPage(frame, m_limits);
        if (!page)
            return malformed(page.error());
        onHistoryPage(*page);
    } else if (type == f::upload_state && ready && answered && answered->kind == RequestKind::Upload) {
        auto state = protocol::parseUploadState(frame);
        if (!state)
            return malformed(state.error());
        onUploadState(*state);
    } else if (type == f::download_chunk && ready && answered && answered->kind == RequestKind::Download) {
        auto chunk = protocol::parseDownloadChunk(frame, m_limits);
        if (!chunk)
            return malformed(chunk.error());
        onDownloadChunk(*chunk);
    } else if (type == f::result && ready && answered && answered->kind == RequestKind::Mutate) {
        auto result = protocol::parseResult(frame);
        if (!result)
            return malformed(result.error());
        if (result->mutationId != answered->context)
            return protocolFailure(u"a result for another mutation than its rid's"_s);
        onResult(*result);
    } else if (type == f::slow_down && ready) {
        auto slow = protocol::parseSlowDown(frame);
        if (!slow)
            return malformed(slow.error());
        const qint64 until = m_clock.elapsed() + slow->delayMs;
        // A later slow_down replaces an earlier one (§9.2).
        m_mutationsPausedUntilMs = slow->mutations ? until : 0;
        m_requestsPausedUntilMs = slow->requests ? until : 0;
    } else if (type == f::typing && ready) {
        auto notice = protocol::parseTyping(frame);
        if (!notice)
            return malformed(notice.error());
        // Ours (another device of the account) or another space's: not for this list.
        if (notice->userId != m_account.userId && notice->spaceId == m_account.serverSpaceId)
            m_typing.noticed(notice->conversationId, notice->userId, notice->expiresInMs);
    } else if (type == f::upload_state || type == f::download_chunk) {
        // Attachments are not wired up yet; an answer to a request never made is unexpected.
        protocolFailure(u"an attachment answer to no request"_s);
    } else if (type == f::login_result || type == f::welcome || type == f::events || type == f::snapshot_page
        || type == f::history_page || type == f::result || type == f::slow_down || type == f::typing) {
        protocolFailure(u"a %1 frame that does not fit the session's state"_s.arg(type));
    } else {
        // §13.3 rule 6: an unknown frame type is answered and ignored.
        protocol::ErrorFrame e;
        e.code = code::unknown_frame_type;
        e.reason = u"this client does not know frames of this type"_s;
        e.rid = frame.value("rid"_L1).toString().left(64);
        sendFrame(protocol::makeError(e));
    }
}

void SpaceConnection::sendTyping(const QString &conversationId)
{
    if (m_phase != Phase::Ready || !m_serverFeatures.contains("typing"_L1) || !protocol::isId(conversationId))
        return;
    const qint64 now = m_clock.elapsed();
    const auto last = m_typingSentAtMs.constFind(conversationId);
    if (last != m_typingSentAtMs.constEnd() && now - *last < kTypingIntervalMs)
        return;
    m_typingSentAtMs.insert(conversationId, now);
    sendFrame({{u"type"_s, u"typing"_s}, {u"space_id"_s, m_account.serverSpaceId},
        {u"conversation_id"_s, conversationId}});
}

void SpaceConnection::onLoginResult(const protocol::LoginResult &result)
{
    // The password is used once; the token and device id go into the encrypted store.
    m_password.clear();
    m_account.token = result.token;
    m_account.deviceId = result.deviceId;
    m_account.userId = result.userId;
    const store::SyncAccount account = m_account;
    whenDone(m_store->write<bool>(
                 [account](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
                     TANDEM_TRY(store::saveSyncAccount(s.db(), account));
                     return true;
                 },
                 store::Durability::PowerLoss),
        [this](bool) { sendHello(); });
}

void SpaceConnection::onWelcome(const protocol::Welcome &welcome)
{
    m_limits = welcome.limits;
    m_serverFeatures = welcome.features;
    if (m_socket)
        setFrameLimit(*m_socket, m_limits.maxFrameBytes);
    const protocol::SpaceStatus *space = nullptr;
    for (const protocol::SpaceStatus &s : welcome.spaces)
        if (s.spaceId == m_account.serverSpaceId)
            space = &s;
    if (!space)
        return protocolFailure(u"welcome does not name the space this connection asked for"_s);
    if (welcome.userId != m_account.userId && !m_account.userId.isEmpty())
        return protocolFailure(u"welcome names another account"_s);
    if (space->status == "revoked"_L1) {
        wipe(false);
        return;
    }
    if (space->status == "unavailable"_L1) {
        // The data stays; a later connection tries again (with backoff).
        m_localCloseCode = protocol::close::Normal;
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        return;
    }
    rememberPolicy(welcome);
    // The offset the task clock corrects local time by (docs/protocol.md §11.2).
    whenDone(m_store->write<bool>([offset = welcome.serverTime - protocol::nowMs()](
                                      store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
        TANDEM_TRY(tasks::rememberClockOffset(s.db(), offset));
        return true;
    }),
        [](bool) {});
    m_phase = Phase::Ready;
    m_readySinceMs = m_clock.elapsed();
    m_protocolCloses = 0;
    m_headSeq = space->headSeq;
    setStatus(SyncState::Ready);
    if (space->status == "snapshot"_L1 || space->epoch != m_cursor.epoch)
        startSnapshot();
    else
        startBackfill();
    reloadOutbox();
    resumeTransfers();
    // A resume with nothing to push: the tail check notices a head the server did not push.
    m_tailTimer.start(int(m_config.gapWaitMs));
    checkSettled();
}

void SpaceConnection::rememberPolicy(const protocol::Welcome &welcome)
{
    // The app offers Edit and Delete only inside the server's windows (messaging::messagePolicy reads
    // them; 0: no limit), offline too: kept in the store rather than only on this connection.
    const QList<QPair<QString, qint64>> windows {
        {u"edit_window_ms"_s, welcome.editWindowMs}, {u"recall_window_ms"_s, welcome.recallWindowMs}};
    whenDone(m_store->write<bool>([windows](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
        bool changed = false;
        for (const auto &[key, ms] : windows) {
            const QString value = QString::number(std::max<qint64>(ms, 0));
            auto held = store::setting(s.db(), key);
            if (held && *held == value)
                continue;
            TANDEM_TRY(store::setSetting(s.db(), key, value));
            changed = true;
        }
        return changed;
    }),
        [](bool) {});
}

void SpaceConnection::onError(const protocol::ErrorInfo &error)
{
    qCInfo(lcSync) << "server error" << error.code << (error.fatal ? "(fatal)" : "");
    if (error.fatal) {
        m_fatalError = error; // acted on when the close arrives
        return;
    }
    if (error.code == code::snapshot_required) {
        startSnapshot();
    } else if (error.code == code::space_revoked
        && (error.spaceId.isEmpty() || error.spaceId == m_account.serverSpaceId)) {
        wipe(false);
    } else if (error.code == code::device_revoked) {
        // As an answer to login: this device is gone for good.
        wipe(true);
    } else if (error.code == code::auth_failed || error.code == code::rate_limited) {
        needLogin(
            error.code == code::auth_failed ? u"Wrong user name or password."_s : error.reason, error.code);
    }
}

void SpaceConnection::tick()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const qint64 now = m_clock.elapsed();
    if (now - m_lastReceivedMs > m_limits.idleTimeoutMs) {
        closeWith(protocol::close::Idle, code::idle_timeout, u"nothing received"_s);
        return;
    }
    for (const Pending &p : std::as_const(m_pending)) {
        if (now - p.sentAtMs > 2 * m_limits.idleTimeoutMs) {
            closeWith(protocol::close::Idle, code::idle_timeout, u"a request went unanswered"_s);
            return;
        }
    }
    if (now - m_lastSentMs >= m_limits.pingIntervalMs) {
        const QString rid = nextRid();
        m_pending.insert(rid, {RequestKind::Ping, now, {}});
        sendFrame({{u"type"_s, u"ping"_s}, {u"rid"_s, rid}, {u"time"_s, double(protocol::nowMs())}});
    }
    if (m_readySinceMs >= 0 && now - m_readySinceMs >= m_config.readyResetMs) {
        m_backoff.reset();
        m_readySinceMs = -1;
    }
    if (m_mutationsPausedUntilMs != 0 && now >= m_mutationsPausedUntilMs) {
        m_mutationsPausedUntilMs = 0;
        pumpOutbox();
    }
    if (m_requestsPausedUntilMs != 0 && now >= m_requestsPausedUntilMs) {
        m_requestsPausedUntilMs = 0;
        drainRequests();
    }
}

bool SpaceConnection::isSettled() const
{
    return m_phase == Phase::Ready && !m_snapshotActive && m_pendingWrites == 0 && m_outboxLoaded
        && m_outbox.isEmpty() && m_mutationsInFlight == 0 && m_cursor.seq >= m_headSeq
        && !m_sequencer.hasGap() && !m_fetchInFlight && m_requestQueue.empty() && !m_backfillRunning
        && (!m_config.backfillHistory || m_backfillDone) && m_downloads.isEmpty();
}

void SpaceConnection::checkSettled()
{
    const bool now = isSettled();
    if (now && !m_wasSettled)
        Q_EMIT settled();
    m_wasSettled = now;
}

} // namespace tandem::sync
