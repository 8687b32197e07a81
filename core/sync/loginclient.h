// One login on its own connection (docs/protocol.md §3.2): exchanges a user name and password for a
// token, then closes. Used to set a space up (which server space, which device) before it syncs.
#pragma once

#include "protocol/serverframes.h"

#include <QObject>
#include <QUrl>

class QWebSocket;

namespace tandem::sync {

struct LoginRequest
{
    QUrl server;
    QString userName;
    QString password;
    QString deviceId; // the device this client already has, if any
    QString deviceName = QStringLiteral("Tandem desktop");
    QString devicePlatform = QStringLiteral("linux");
    QString clientName = QStringLiteral("tandem-desktop");
    QString clientVersion = QStringLiteral("0.1.0");
    qint64 timeoutMs = 15000;
};

// Why a login failed, in a form a caller can act on: the protocol's error code when there was one
// (auth_failed, device_revoked, rate_limited, …), and a sentence.
struct LoginFailure
{
    QString code;
    QString message;
};

class LoginClient : public QObject
{
    Q_OBJECT
public:
    explicit LoginClient(QObject *parent = nullptr);
    ~LoginClient() override;
    void start(const LoginRequest &request);

Q_SIGNALS:
    void succeeded(const tandem::protocol::LoginResult &result);
    void failed(const tandem::sync::LoginFailure &failure);

private:
    void finish(std::optional<protocol::LoginResult> result, const LoginFailure &failure);
    void onText(const QString &text);

    QWebSocket *m_socket = nullptr;
    LoginRequest m_request;
    bool m_done = false;
};

} // namespace tandem::sync
