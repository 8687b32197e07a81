// The demo's tasks (issue 6), made through the mutation engine like everything else in the demo: for
// Alice and Bob in the work space, one made from Bob's message asking Alice for the slides, one overdue,
// one due today with a checklist, one Alice gave Bob, with a comment, so the tasks views show something.
#pragma once

#include "util/result.h"

#include <QJsonObject>

#include <functional>

namespace tandem::server::tasks {

// `mutate(user, device, kind, payload, at)` applies one mutation in the demo work space at a given time.
using DemoTaskMutate = std::function<Status(
    const QString &user, const QString &device, const QString &kind, const QJsonObject &payload, qint64 at)>;

// `launch` and `aliceBob` are the launch team's group and Alice and Bob's direct conversation.
Status seedDemoTasks(
    qint64 now, const QString &launch, const QString &aliceBob, const DemoTaskMutate &mutate);

} // namespace tandem::server::tasks
