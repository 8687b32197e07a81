// One space's boundary as QML sees it (`session.boundary`): its schedule (work hours for a work
// space, quiet hours for a personal one) read from and saved to the space's encrypted store through
// the store thread, whether it is off hours right now ("Off until 09:00"), the settings form with its
// validation, and the moment a work period starts after an off period (when the digest is due).
#pragma once

#include "boundary/boundarysettings.h"

#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace tandem::store {
class StoreThread;
}
namespace tandem::sync {
class SpaceSync;
}

namespace tandem::app {

class SpaceBoundaryController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(SpaceBoundary)
    QML_UNCREATABLE("Each space has its boundary: session.boundary.")
    Q_PROPERTY(bool loaded READ loaded NOTIFY scheduleChanged)
    Q_PROPERTY(bool work READ work CONSTANT)
    // The person's own schedule (false: the default work week, or no quiet hours).
    Q_PROPERTY(bool customised READ customised NOTIFY scheduleChanged)
    // Work space outside its hours (nothing sounds, everything waits for the digest).
    Q_PROPERTY(bool offHours READ offHours NOTIFY stateChanged)
    // Personal space inside its quiet hours.
    Q_PROPERTY(bool quiet READ quiet NOTIFY stateChanged)
    // "Off until 09:00", "Off until Mon 09:00"; empty while working (or for a personal space).
    Q_PROPERTY(QString offUntilText READ offUntilText NOTIFY stateChanged)
    // The form: {timeZone, week: [7 strings, Monday first], daysOff, extraDays, enabled}.
    Q_PROPERTY(QVariantMap form READ form NOTIFY scheduleChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // Who may send this account urgent messages (manager, team, anyone, nobody) and how many a day; only
    // with a server (issue 5, docs/protocol.md §6.9).
    Q_PROPERTY(bool canSetUrgentPolicy READ canSetUrgentPolicy NOTIFY urgentPolicyChanged)
    Q_PROPERTY(QString urgentAllow READ urgentAllow NOTIFY urgentPolicyChanged)
    Q_PROPERTY(int urgentPerDay READ urgentPerDay NOTIFY urgentPolicyChanged)

public:
    // `now` is the clock (tests give their own); `systemZone` is the default schedule's zone.
    SpaceBoundaryController(store::StoreThread *store, boundary::SpaceKind kind, QTimeZone systemZone,
        std::function<QDateTime()> now = {}, QObject *parent = nullptr);

    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] bool work() const { return m_boundary.kind == boundary::SpaceKind::Work; }
    [[nodiscard]] bool customised() const { return m_boundary.customised; }
    [[nodiscard]] bool offHours() const { return m_offHours; }
    [[nodiscard]] bool quiet() const { return m_quiet; }
    [[nodiscard]] QString offUntilText() const { return m_offUntilText; }
    [[nodiscard]] QVariantMap form() const;
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] const boundary::SpaceBoundary &boundary() const { return m_boundary; }
    // When the current off period began (invalid while working or before any was seen).
    [[nodiscard]] QDateTime offSince() const { return m_offSince; }
    // When the next work period starts, while off hours (invalid while working, or with none ahead).
    [[nodiscard]] QDateTime offUntil() const { return m_offUntil; }

    [[nodiscard]] bool canSetUrgentPolicy() const { return m_sync != nullptr; }
    [[nodiscard]] QString urgentAllow() const { return m_urgentAllow; }
    [[nodiscard]] int urgentPerDay() const { return m_urgentPerDay; }
    // The space's sync engine (none for a local space), set once by the session.
    void setSync(sync::SpaceSync *sync);
    // Sends the policy when it differs from the one held.
    Q_INVOKABLE void setUrgentPolicy(const QString &allow, int perDay);

    // Reads the schedule from the store; `scheduleChanged` follows.
    void load();
    // Validates the form; on an error sets errorText and returns false, else saves it through the store
    // thread (`saved` follows) and returns true. `enabled` false clears the schedule (a work space goes
    // back to the default week, a personal space has no quiet hours).
    Q_INVOKABLE bool save(const QVariantMap &form);
    // Re-reads the clock: updates offHours, quiet and offUntilText, and emits workPeriodStarted when a
    // work period began since the last look after an off period.
    Q_INVOKABLE void evaluate();
    // Records that the digest up to `to` (ms) was shown.
    void markDigestSeen(qint64 to);

Q_SIGNALS:
    void scheduleChanged();
    void stateChanged();
    void errorTextChanged();
    void saved();
    // A work period began after an off period from `from` (ms since the epoch) to `to`.
    void workPeriodStarted(qint64 from, qint64 to);
    void urgentPolicyChanged();

private:
    void setError(const QString &text);

    store::StoreThread *m_store;
    std::function<QDateTime()> m_now;
    QTimeZone m_systemZone;
    boundary::SpaceBoundary m_boundary;
    bool m_loaded = false;
    bool m_lookedOnce = false; // the first evaluation since load: may catch up on a missed digest
    bool m_offHours = false;
    bool m_quiet = false;
    QString m_offUntilText;
    QString m_errorText;
    QDateTime m_offSince;
    QDateTime m_offUntil;
    QTimer m_tick;
    sync::SpaceSync *m_sync = nullptr;
    QString m_urgentAllow = QStringLiteral("team");
    int m_urgentPerDay = 3;
};

} // namespace tandem::app
