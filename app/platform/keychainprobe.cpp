#include "keychainprobe.h"

#include <QtGlobal>

#ifdef TANDEM_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif

namespace tandem::app {

using namespace Qt::StringLiterals;

bool keychainLikelyAvailable()
{
    if (qEnvironmentVariableIntValue("TANDEM_NO_KEYCHAIN") != 0)
        return false;
#if defined(Q_OS_MACOS) || defined(Q_OS_WIN)
    return true;
#elif defined(TANDEM_HAVE_DBUS)
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    for (const QString &service :
        {u"org.freedesktop.secrets"_s, u"org.kde.kwalletd6"_s, u"org.kde.kwalletd5"_s})
        if (bus.interface()->isServiceRegistered(service).value())
            return true;
    return false;
#else
    return false;
#endif
}

} // namespace tandem::app
