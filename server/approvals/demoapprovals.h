// The demo organisation's approvals (issue 6): the four templates, roles, holidays, and a handful of
// requests in different states, made through the mutation engine like everything else in the demo.
#pragma once

#include "serverstore.h"

#include <QJsonObject>

#include <functional>

namespace tandem::server::approvals {

// The demo templates: leave, reimbursement, purchase, general request.
QList<QJsonObject> demoTemplates();

// `mutate(user, kind, payload, at)` applies one mutation in the demo work space at a given time.
using DemoMutate
    = std::function<Status(const QString &user, const QString &kind, const QJsonObject &payload, qint64 at)>;
Status seedDemoApprovals(ServerStore &store, qint64 now, const DemoMutate &mutate);

} // namespace tandem::server::approvals
