// The closing side of SpaceConnection: what a close means (reconnect with backoff, stop, ask for a
// login, wipe a revoked space or account), and what a failed store write does to the session.
#include "spaceconnection.h"

#include "accountwipe.h"

#include "protocol/codec.h"
#include "protocol/fields.h"

#include <QLoggingCategory>
#include <QWebSocket>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace tandem::sync {

using namespace Qt::StringLiterals;
namespace code = protocol::code;

void SpaceConnection::onDisconnected()
{
    m_typing.clear();
    m_typingSentAtMs.clear();
    m_tickTimer.stop();
    m_gapTimer.stop();
    m_tailTimer.stop();
    m_ackTimer.stop();
    afterClose();
}

void SpaceConnection::afterClose()
{
    const quint16 remoteCode = m_socket ? quint16(m_socket->closeCode()) : 0;
    const quint16 closeCode = m_localCloseCode != 0 ? m_localCloseCode : remoteCode;
    if (m_phase == Phase::Stopped)
        return;
    if (m_stopRequested) {
        m_phase = Phase::Stopped;
        setStatus(SyncState::Stopped, u"Stopped."_s);
        return;
    }
    qint64 retryAfter = 0;
    if (m_fatalError) {
        const protocol::ErrorInfo e = *m_fatalError;
        retryAfter = e.retryAfterMs.value_or(0);
        if (e.code == code::session_replaced)
            return stopWith(SyncState::Stopped,
                u"Tandem is open elsewhere on this device; this copy stopped syncing."_s, e.code);
        if (e.code == code::unsupported_version)
            return stopWith(SyncState::Stopped,
                u"The server speaks another version of the protocol; update Tandem."_s, e.code);
        if (e.code == code::device_revoked)
            return wipe(true);
        if (e.code == code::space_revoked)
            return wipe(false);
        if (e.code == code::token_invalid || e.code == code::token_expired || e.code == code::token_revoked)
            return needLogin(u"The session ended (%1); log in again."_s.arg(e.code), e.code);
    }
    switch (closeCode) {
    case protocol::close::Policy:
        return needLogin(u"The server ended the session; log in again."_s, code::token_invalid);
    case protocol::close::Version:
        return stopWith(SyncState::Stopped,
            u"The server speaks another version of the protocol; update Tandem."_s,
            code::unsupported_version);
    case protocol::close::Replaced:
        return stopWith(SyncState::Stopped,
            u"Tandem is open elsewhere on this device; this copy stopped syncing."_s, code::session_replaced);
    case protocol::close::TooBig:
    case protocol::close::Protocol:
    case protocol::close::Flow:
    case QWebSocketProtocol::CloseCodeProtocolError:
    case QWebSocketProtocol::CloseCodeWrongDatatype:
        if (++m_protocolCloses >= m_config.maxProtocolCloses)
            return stopWith(SyncState::Stopped,
                u"The connection to %1 keeps failing with protocol errors; stopped."_s.arg(
                    m_account.serverUrl),
                code::bad_frame);
        break;
    default:
        break;
    }
    scheduleReconnect(retryAfter);
}

void SpaceConnection::scheduleReconnect(qint64 atLeastMs)
{
    m_phase = Phase::Backoff;
    const qint64 wait = m_backoff.next(atLeastMs);
    setStatus(SyncState::Offline, u"Reconnecting to %1."_s.arg(m_account.serverUrl));
    m_reconnectTimer.start(int(std::min<qint64>(wait, 24 * 3600 * 1000)));
}

void SpaceConnection::stopWith(SyncState state, const QString &reason, const QString &errorCode)
{
    m_phase = Phase::Stopped;
    m_reconnectTimer.stop();
    m_tickTimer.stop();
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState) {
        m_socket->disconnect(this);
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    }
    setStatus(state, reason, errorCode);
}

void SpaceConnection::needLogin(const QString &reason, const QString &errorCode)
{
    // The token is dead: forget it (the data and outbox stay) and wait for a password.
    m_account.token.clear();
    const store::SyncAccount account = m_account;
    whenDone(m_store->write<bool>([account](store::SpaceStore &s, store::StoreChange &) -> Result<bool> {
        TANDEM_TRY(store::saveSyncAccount(s.db(), account));
        return true;
    }),
        [](bool) {});
    stopWith(SyncState::NeedsLogin, reason, errorCode);
}

void SpaceConnection::wipe(bool wholeAccount)
{
    const QString serverUrl = m_account.serverUrl;
    const QString userId = m_account.userId;
    stopWith(SyncState::Stopped,
        wholeAccount ? u"This device lost access to %1; its spaces were wiped."_s.arg(serverUrl)
                     : u"This account lost access to the space; it was wiped."_s,
        wholeAccount ? QString(code::device_revoked) : QString(code::space_revoked));
    if (m_config.profileDirectory.isEmpty())
        return;
    // Close this space's database, then destroy what belongs to this account on this server.
    const SyncConfig config = m_config;
    // A child watcher rather than QFuture::then(this, …): see whenDone.
    auto *closed = new QFutureWatcher<Status>(this);
    connect(
        closed, &QFutureWatcherBase::finished, this, [this, closed, config, serverUrl, userId, wholeAccount] {
            closed->deleteLater();
            store::Profile profile(config.profileDirectory);
            QStringList wiped;
            if (wholeAccount) {
                auto report
                    = wipeAccountSpaces(profile, config.passphrase, serverUrl, userId, config.localSpaceId);
                if (report)
                    wiped = report->wiped;
            } else if (auto space = profile.findSpace(config.localSpaceId);
                       space && profile.wipeSpace(*space)) {
                wiped << config.localSpaceId;
            }
            Q_EMIT spacesWiped(wiped);
        });
    closed->setFuture(m_store->close());
}

void SpaceConnection::storeFailed(const Error &error)
{
    qCWarning(lcSync) << "store write failed:" << error.message;
    // The in-memory view may be ahead of the store now: start over from what is stored.
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        closeWith(protocol::close::Internal, code::internal_error, u"the local store failed"_s);
}

} // namespace tandem::sync
