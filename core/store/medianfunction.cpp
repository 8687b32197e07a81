#include "medianfunction.h"

#include <sqlite3.h>

#include <algorithm>
#include <new>

namespace tandem::store {

namespace {

// SQLite hands an aggregate a zeroed block per group; ours holds a pointer to the group's values, made on
// the first row and freed by finalize(), which SQLite also calls when a statement stops mid-group.
using Values = std::vector<qint64>;

Values **slot(sqlite3_context *context, int bytes)
{
    return static_cast<Values **>(sqlite3_aggregate_context(context, bytes));
}

void step(sqlite3_context *context, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return;
    Values **values = slot(context, sizeof(Values *));
    if (!values) {
        sqlite3_result_error_nomem(context);
        return;
    }
    try {
        if (!*values)
            *values = new Values;
        (*values)->push_back(sqlite3_value_int64(argv[0]));
    } catch (const std::bad_alloc &) {
        sqlite3_result_error_nomem(context);
    }
}

void finalize(sqlite3_context *context)
{
    Values **values = slot(context, 0); // 0: do not allocate for a group that had no rows
    if (!values || !*values || (*values)->empty()) {
        sqlite3_result_null(context);
    } else {
        sqlite3_result_int64(context, medianOf(**values));
    }
    if (values) {
        delete *values;
        *values = nullptr;
    }
}

} // namespace

qint64 medianOf(std::vector<qint64> &values)
{
    if (values.empty())
        return 0;
    const auto upper = values.begin() + qsizetype(values.size() / 2);
    std::nth_element(values.begin(), upper, values.end());
    if (values.size() % 2 == 1)
        return *upper;
    // The lower middle is the largest value before the upper one, which nth_element left unordered there.
    const qint64 lower = *std::max_element(values.begin(), upper);
    const qint64 high = *upper;
    if ((lower < 0) != (high < 0))
        return (lower + high) / 2; // opposite signs cannot overflow
    // (lower + high) / 2, truncated toward zero like that division, without overflowing: the halves'
    // remainders share their sign here.
    return lower / 2 + high / 2 + (lower % 2 + high % 2) / 2;
}

Status registerMedianFunction(sqlite3 *db)
{
    const int rc = sqlite3_create_function_v2(db, "tandem_median", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
        nullptr, nullptr, step, finalize, nullptr);
    if (rc != SQLITE_OK)
        return Error::make(ErrorCode::Database, QStringLiteral("Cannot register the median function."));
    return {};
}

} // namespace tandem::store
