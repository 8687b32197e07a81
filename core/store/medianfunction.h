// tandem_median(x): the median of a group's integer values, as an SQL aggregate, so that a dashboard
// figure is one GROUP BY instead of a sorted copy of every value walked to its middle. NULLs are left
// out; an even count gives the mean of the two middle values rounded toward zero; no values give NULL.
#pragma once

#include "util/result.h"

#include <QtGlobal>

#include <vector>

struct sqlite3;

namespace tandem::store {

// The median as defined above, reordering `values` (std::nth_element: linear, no full sort).
qint64 medianOf(std::vector<qint64> &values);

Status registerMedianFunction(sqlite3 *db);

} // namespace tandem::store
