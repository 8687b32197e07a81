// Tests of features other than the boundary run at any hour; a work space outside its hours changes what
// they see (no tray total, off-duty presence). This makes a space's schedule cover the whole week.
#pragma once

#include "spaceboundary.h"
#include "spacesession.h"

#include <QSignalSpy>
#include <QTest>

namespace tandem::testing {

// Saves a schedule that works around the clock for `space` and re-reads the clock; false on failure.
[[nodiscard]] inline bool workAroundTheClock(app::SpaceSession *space, int timeoutMs = 20000)
{
    app::SpaceBoundaryController *boundary = space ? space->boundary() : nullptr;
    if (!boundary)
        return false;
    if (!QTest::qWaitFor([&] { return boundary->loaded(); }, timeoutMs))
        return false;
    QSignalSpy saved(boundary, &app::SpaceBoundaryController::saved);
    const QVariantMap form {{QStringLiteral("timeZone"), QStringLiteral("UTC")},
        {QStringLiteral("week"), QVariantList(7, QStringLiteral("00:00-24:00"))},
        {QStringLiteral("daysOff"), QString()}, {QStringLiteral("extraDays"), QString()},
        {QStringLiteral("enabled"), true}};
    if (!boundary->save(form) || !saved.wait(timeoutMs))
        return false;
    boundary->evaluate();
    return !boundary->offHours();
}

} // namespace tandem::testing
