// Grouping by hashing, as SQL aggregates. SQLite's GROUP BY sorts every row of its input even when the
// groups are few (a dashboard groups 40,000 to 80,000 rows into a few dozen), and that sort was half of
// what such a query cost. These aggregates keep one entry per group in a hash table instead, and return
// the groups as one JSON text, which json_each() turns back into rows:
//
//   SELECT e.value ->> 0 AS template_id, e.value ->> 1 AS n, e.value ->> 2 AS late
//   FROM (SELECT tandem_group_sums(1, template_id, late) AS g FROM team), json_each(g) e
//
// tandem_group_sums(k, key1, ..., keyk, v1, ..., vn): per distinct (key1, ..., keyk), the number of rows
//   and the integer sum of each v (NULL adds nothing): [[key1, ..., keyk, count, sum1, ..., sumn], ...].
// tandem_group_medians(k, key1, ..., keyk, v): per distinct key, the number of non-NULL v and their
//   median (store/medianfunction.h): [[key1, ..., keyk, count, median], ...]. Rows whose v is NULL are
//   left out, so a group made only of them is absent.
//
// Keys are integers, reals, text or NULL (NULL is a group of its own, as in GROUP BY; a real that is a
// whole number comes back as an integer, as JSON has one kind of number); a blob key is an error. k must be
// the same positive number on every row. The groups come in no particular order (the caller sorts); no rows
// give "[]". An integer sum that overflows is an error, as SUM() makes it.
#pragma once

#include "util/result.h"

struct sqlite3;

namespace tandem::store {

Status registerGroupFunctions(sqlite3 *db);

} // namespace tandem::store
