#include "boundarysettings.h"

#include "store/database.h"
#include "store/syncstate.h"
#include "util/i18n.h"

#include <QJsonDocument>

namespace tandem::boundary {

namespace {

const char *keyFor(SpaceKind kind)
{
    return kind == SpaceKind::Work ? kWorkHoursKey : kQuietHoursKey;
}

Result<std::optional<WeeklySchedule>> readSchedule(store::Database &db, const char *key)
{
    auto text = store::setting(db, QLatin1String(key));
    if (!text)
        return text.error();
    if (text->isEmpty())
        return std::optional<WeeklySchedule> {};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text->toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(ErrorCode::Corrupt,
            trCore("tandem::boundary", "The saved schedule (%1) cannot be read: %2")
                .arg(QLatin1String(key), parseError.errorString()));
    auto schedule = WeeklySchedule::fromJson(doc.object());
    if (!schedule)
        return Error::make(schedule.error().code,
            trCore("tandem::boundary", "The saved schedule (%1) is no longer valid: %2")
                .arg(QLatin1String(key), schedule.error().message));
    return std::optional<WeeklySchedule>(std::move(*schedule));
}

} // namespace

WeeklySchedule defaultWorkSchedule(const QTimeZone &zone)
{
    const QByteArray id = zone.isValid() ? zone.id() : QByteArrayLiteral("UTC");
    auto made = WeeklySchedule::create(id);
    if (!made)
        made = WeeklySchedule::create(QByteArrayLiteral("UTC"));
    WeeklySchedule schedule = std::move(*made);
    for (int day = Qt::Monday; day <= Qt::Friday; ++day) {
        // Constant, valid and non-overlapping: these cannot fail.
        (void)schedule.addInterval(Qt::DayOfWeek(day), LocalInterval {9 * 60, 12 * 60});
        (void)schedule.addInterval(Qt::DayOfWeek(day), LocalInterval {13 * 60, 18 * 60});
    }
    return schedule;
}

PolicyContext SpaceBoundary::policy(bool focusOnOtherSpace) const
{
    PolicyContext context;
    context.workHours = kind == SpaceKind::Work && workHours ? &*workHours : nullptr;
    context.quietHours = kind == SpaceKind::Personal && quietHours ? &*quietHours : nullptr;
    context.focusOnOtherSpace = focusOnOtherSpace;
    return context;
}

Result<SpaceBoundary> loadSpaceBoundary(store::Database &db, SpaceKind kind, const QTimeZone &systemZone)
{
    SpaceBoundary boundary;
    boundary.kind = kind;
    auto read = readSchedule(db, keyFor(kind));
    if (!read)
        return read.error();
    std::optional<WeeklySchedule> stored = std::move(*read);
    boundary.customised = stored.has_value();
    if (kind == SpaceKind::Work)
        boundary.workHours = stored ? std::move(stored) : std::optional(defaultWorkSchedule(systemZone));
    else
        boundary.quietHours = std::move(stored);
    auto seen = store::setting(db, QLatin1String(kDigestSeenKey));
    if (!seen)
        return seen.error();
    boundary.digestSeenAt = seen->toLongLong();
    return boundary;
}

Status saveSchedule(store::Database &db, SpaceKind kind, const std::optional<WeeklySchedule> &schedule)
{
    const QString value = schedule
        ? QString::fromUtf8(QJsonDocument(schedule->toJson()).toJson(QJsonDocument::Compact))
        : QString();
    return store::setSetting(db, QLatin1String(keyFor(kind)), value);
}

Status saveDigestSeenAt(store::Database &db, qint64 at)
{
    return store::setSetting(db, QLatin1String(kDigestSeenKey), QString::number(at));
}

} // namespace tandem::boundary
