// The words of off-duty presence (issue 5, docs/protocol.md §6.10): when a colleague is back, in their
// zone and in ours ("Off until 09:00 (your time 10:00)"; one time only when both read alike), and the
// scheduled-send choice that follows from it ("Schedule for 09:00 their time (10:00 yours)").
#pragma once

#include <QDateTime>
#include <QString>

namespace tandem::app {

struct OffDutyTimes
{
    QString theirs; // "09:00", or "Wed 09:00" when not today in their zone
    QString yours; // the same instant in `now`'s zone
    bool sameTime = false;
};

// `offUntil` ms UTC; `timeZone` theirs (empty or unknown: ours); `now` carries our zone.
[[nodiscard]] OffDutyTimes offDutyTimes(qint64 offUntil, const QString &timeZone, const QDateTime &now);
// "Off until 09:00 (your time 10:00)", "Off until 09:00", or "Off duty" without a time.
[[nodiscard]] QString offDutyText(qint64 offUntil, const QString &timeZone, const QDateTime &now);
// "Schedule for 09:00 their time (10:00 yours)" or "Schedule for 09:00".
[[nodiscard]] QString scheduleChoiceText(qint64 offUntil, const QString &timeZone, const QDateTime &now);

} // namespace tandem::app
