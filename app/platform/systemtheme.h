// Whether the desktop prefers a dark theme: the freedesktop portal's color-scheme on Linux when it
// answers (asked asynchronously, and followed when it changes), else the application palette.
#pragma once

#include <QObject>

#include <optional>

class QDBusVariant;

namespace tandem::app {

class SystemTheme : public QObject
{
    Q_OBJECT
public:
    explicit SystemTheme(QObject *parent = nullptr);

    [[nodiscard]] bool dark() const { return m_dark; }

Q_SIGNALS:
    void darkChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private Q_SLOTS:
    // org.freedesktop.portal.Settings.SettingChanged
    void portalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    void askPortal();
    void update();

    std::optional<bool> m_portalDark; // unset: no portal, or "no preference"
    bool m_dark = false;
};

} // namespace tandem::app
