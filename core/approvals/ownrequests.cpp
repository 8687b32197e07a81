#include "ownrequests.h"

namespace tandem::approvals {

namespace {

// approval_requests_by_requester finds the rows; the few hundred a person has are then sorted.
constexpr std::string_view kOwnSql
    = "SELECT r.id, r.title, COALESCE(tandem_localized(t.name, t.name_i18n), r.template_id), r.state,"
      " r.amount_minor, r.currency, r.submitted_at, r.updated_at,"
      " (SELECT group_concat(COALESCE(NULLIF(u.display_name, ''), u.user_name, a.user_id), ', ')"
      "  FROM approval_step_approvers a LEFT JOIN users u ON u.id = a.user_id"
      "  WHERE a.request_id = r.id AND a.position = r.current_step AND a.decision IS NULL"
      "  AND r.state = 'pending')"
      " FROM approval_requests r LEFT JOIN approval_templates t ON t.id = r.template_id"
      " WHERE r.requester_id = ?1 ORDER BY r.state = 'returned' DESC, r.updated_at DESC, r.id LIMIT ?2";

} // namespace

Result<QList<OwnRequest>> ownRequests(store::SpaceStore &store, const QString &me, int limit)
{
    auto st = store.db().cached(kOwnSql);
    if (!st)
        return st.error();
    QList<OwnRequest> out;
    TANDEM_TRY((*st)->bind(1, me).bind(2, limit).forEachRow([&](const store::Statement &r) {
        out.append({r.text(0), r.text(1), r.text(2), r.text(3), !r.isNull(4), r.isNull(4) ? 0 : r.int64(4),
            r.text(5), r.isNull(6) ? 0 : r.int64(6), r.int64(7), r.text(8)});
    }));
    return out;
}

} // namespace tandem::approvals
