#include "trayicon.h"

#include <QIcon>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace tandem::app {

using namespace Qt::StringLiterals;

namespace {

// Drawn rather than loaded: the mark is two overlapping rounded squares, and the unread dot sits
// in the top-right corner.
QIcon trayIcon(bool unread)
{
    QIcon icon;
    for (const int size : {16, 22, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal s = size;
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x3b, 0x6e, 0xd8));
        p.drawRoundedRect(QRectF(s * 0.06, s * 0.18, s * 0.62, s * 0.62), s * 0.14, s * 0.14);
        p.setBrush(QColor(0x2a, 0xa1, 0x98));
        p.drawRoundedRect(QRectF(s * 0.32, s * 0.32, s * 0.62, s * 0.62), s * 0.14, s * 0.14);
        if (unread) {
            p.setBrush(QColor(0xe5, 0x39, 0x35));
            p.setPen(QPen(Qt::white, std::max(1.0, s * 0.05)));
            p.drawEllipse(QRectF(s * 0.56, s * 0.02, s * 0.42, s * 0.42));
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_menu(std::make_unique<QMenu>())
    , m_icon(new QSystemTrayIcon(this))
{
    m_menu->addAction(tr("Show Tandem"), this, &TrayIcon::showRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    m_icon->setContextMenu(m_menu.get());
    m_icon->setToolTip(u"Tandem"_s);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showRequested();
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayIcon::showRequested);
    updateIcon();
    m_icon->show();
}

TrayIcon::~TrayIcon()
{
    m_icon->hide();
}

std::unique_ptr<TrayIcon> TrayIcon::createIfAvailable()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return nullptr;
    return std::make_unique<TrayIcon>();
}

void TrayIcon::setUnread(bool unread)
{
    if (m_unread == unread)
        return;
    m_unread = unread;
    updateIcon();
}

void TrayIcon::showMessage(const QString &title, const QString &text)
{
    m_icon->showMessage(title, text, QSystemTrayIcon::Information, 6000);
}

void TrayIcon::updateIcon()
{
    m_icon->setIcon(trayIcon(m_unread));
    m_icon->setToolTip(m_unread ? tr("Tandem: unread messages") : u"Tandem"_s);
}

} // namespace tandem::app
