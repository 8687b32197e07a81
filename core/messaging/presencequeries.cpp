#include "presencequeries.h"

namespace tandem::messaging {

using namespace Qt::StringLiterals;
using store::Statement;

namespace {
constexpr std::string_view kPresenceSql = "SELECT user_id, status, off_until, time_zone, text FROM presence";
constexpr std::string_view kNameSql = "SELECT display_name, user_name FROM users WHERE id = ?1";

QString knownStatus(const QString &status)
{
    static const QStringList known {u"online"_s, u"away"_s, u"busy"_s, u"off_duty"_s, u"offline"_s};
    return known.contains(status) ? status : u"offline"_s;
}
} // namespace

Result<QHash<QString, UserPresence>> presences(store::SpaceStore &store)
{
    auto st = store.db().cached(kPresenceSql);
    if (!st)
        return st.error();
    QHash<QString, UserPresence> out;
    TANDEM_TRY((*st)->forEachRow([&](const Statement &r) {
        UserPresence p;
        p.status = knownStatus(r.text(1));
        p.offUntil = r.isNull(2) ? 0 : r.int64(2);
        p.timeZone = r.text(3);
        p.text = r.text(4);
        out.insert(r.text(0), p);
    }));
    return out;
}

Result<QHash<QString, QString>> displayNames(store::SpaceStore &store, const QStringList &userIds)
{
    auto st = store.db().cached(kNameSql);
    if (!st)
        return st.error();
    QHash<QString, QString> out;
    for (const QString &id : userIds)
        TANDEM_TRY((*st)->bind(1, id).forEachRow([&](const Statement &r) {
            const QString display = r.text(0);
            out.insert(id, display.isEmpty() ? r.text(1) : display);
        }));
    return out;
}

} // namespace tandem::messaging
