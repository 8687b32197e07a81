// "3 minutes ago" for QML: MessageFormat::relativeTimeText against a clock that ticks once a minute, so
// that a binding on RelativeTime.text(ms, RelativeTime.now) refreshes itself without reloading any model.
#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QTimer;

namespace tandem::app::models {

class RelativeTime : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // ms since the epoch, moved on once a minute; bindings read it to be re-evaluated on each tick.
    Q_PROPERTY(double now READ now NOTIFY tick)

public:
    explicit RelativeTime(QObject *parent = nullptr);

    [[nodiscard]] double now() const { return double(m_now); }
    // "just now", "%n minute(s) ago", … (translated, plurals); `nowMs` is `now` passed back by a binding.
    Q_INVOKABLE QString text(double ms, double nowMs) const;

    // Tests: a clock of their own, and a tick on demand.
    void setClock(std::function<qint64()> clock);
    void advance();

Q_SIGNALS:
    void tick();

private:
    std::function<qint64()> m_clock;
    qint64 m_now = 0;
    QTimer *m_timer = nullptr;
};

} // namespace tandem::app::models
