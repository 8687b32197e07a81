#include "systemtheme.h"

#include <QEvent>
#include <QGuiApplication>
#include <QPalette>

#ifdef TANDEM_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

namespace tandem::app {

using namespace Qt::StringLiterals;

namespace {

#ifdef TANDEM_HAVE_DBUS
const QString kPortalService = u"org.freedesktop.portal.Desktop"_s;
const QString kPortalPath = u"/org/freedesktop/portal/desktop"_s;
const QString kSettings = u"org.freedesktop.portal.Settings"_s;
const QString kAppearance = u"org.freedesktop.appearance"_s;
const QString kColorScheme = u"color-scheme"_s;

// 1 prefers dark, 2 prefers light, 0 (or anything else) has no preference.
std::optional<bool> colorSchemeDark(QVariant value)
{
    while (value.metaType() == QMetaType::fromType<QDBusVariant>())
        value = qvariant_cast<QDBusVariant>(value).variant();
    bool ok = false;
    const uint scheme = value.toUInt(&ok);
    if (!ok || (scheme != 1 && scheme != 2))
        return std::nullopt;
    return scheme == 1;
}
#endif

bool paletteDark()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

} // namespace

SystemTheme::SystemTheme(QObject *parent)
    : QObject(parent)
{
    if (qApp)
        qApp->installEventFilter(this);
    askPortal();
    update();
}

bool SystemTheme::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
        update();
    return QObject::eventFilter(watched, event);
}

void SystemTheme::portalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value)
{
#ifdef TANDEM_HAVE_DBUS
    if (group == kAppearance && key == kColorScheme) {
        m_portalDark = colorSchemeDark(value.variant());
        update();
    }
#else
    Q_UNUSED(group)
    Q_UNUSED(key)
    Q_UNUSED(value)
#endif
}

void SystemTheme::askPortal()
{
#ifdef TANDEM_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    bus.connect(kPortalService, kPortalPath, kSettings, u"SettingChanged"_s, this,
        SLOT(portalSettingChanged(QString, QString, QDBusVariant)));
    QDBusMessage read = QDBusMessage::createMethodCall(kPortalService, kPortalPath, kSettings, u"Read"_s);
    read << kAppearance << kColorScheme;
    // Asynchronous: a missing or slow portal never holds up the start.
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(read, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusMessage reply = watcher->reply();
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
            return;
        m_portalDark = colorSchemeDark(reply.arguments().constFirst());
        update();
    });
#endif
}

void SystemTheme::update()
{
    const bool dark = m_portalDark.value_or(paletteDark());
    if (dark == m_dark)
        return;
    m_dark = dark;
    Q_EMIT darkChanged();
}

} // namespace tandem::app
