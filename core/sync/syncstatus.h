// Where a space's sync stands, for the app's status line and for tools that wait on it.
#pragma once

#include <QMetaType>
#include <QString>

namespace tandem::sync {

enum class SyncState {
    Idle, // not started
    Connecting, // opening the connection, logging in, saying hello
    Ready, // welcome received: events flow, mutations are sent
    Offline, // waiting to reconnect (backoff)
    NeedsLogin, // the token is missing or no longer valid: the user must log in
    Stopped, // will not reconnect by itself; `reason` says why
};

struct SyncStatus
{
    SyncState state = SyncState::Idle;
    QString reason; // a sentence for people; empty when there is nothing to say
    QString code; // the protocol code behind it, when there is one (session_replaced, device_revoked, …)
};

} // namespace tandem::sync

Q_DECLARE_METATYPE(tandem::sync::SyncStatus)
