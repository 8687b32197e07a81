#include "groupfunctions.h"

#include "medianfunction.h"

#include <sqlite3.h>

#include <QJsonArray>
#include <QJsonDocument>

#include <new>
#include <string>
#include <unordered_map>
#include <vector>

namespace tandem::store {

namespace {

struct Group
{
    QJsonArray keys; // the key's values as they came, for the result
    qint64 count = 0;
    std::vector<qint64> numbers; // sums (tandem_group_sums) or the values (tandem_group_medians)
};

// One aggregate's groups, behind the pointer SQLite keeps in the aggregate context.
struct Groups
{
    int keyCount = 0;
    int argCount = 0;
    std::string scratch; // the current row's encoded key, reused so that a row allocates nothing
    std::unordered_map<std::string, Group> byKey;
};

enum class Kind { Sums, Medians };

Groups **slot(sqlite3_context *context, int bytes)
{
    return static_cast<Groups **>(sqlite3_aggregate_context(context, bytes));
}

// Appends a typed, length-prefixed encoding of `value` (so that 1, 1.0 and '1' are different keys, and no
// text can pass for two keys). Returns false for a blob.
bool encodeKey(std::string &out, sqlite3_value *value)
{
    const int type = sqlite3_value_type(value);
    out.push_back(char(type));
    switch (type) {
    case SQLITE_INTEGER: {
        const sqlite3_int64 v = sqlite3_value_int64(value);
        out.append(reinterpret_cast<const char *>(&v), sizeof v);
        return true;
    }
    case SQLITE_FLOAT: {
        const double v = sqlite3_value_double(value);
        out.append(reinterpret_cast<const char *>(&v), sizeof v);
        return true;
    }
    case SQLITE_TEXT: {
        const int n = sqlite3_value_bytes(value);
        out.append(reinterpret_cast<const char *>(&n), sizeof n);
        out.append(reinterpret_cast<const char *>(sqlite3_value_text(value)), size_t(n));
        return true;
    }
    case SQLITE_NULL:
        return true;
    default:
        return false;
    }
}

QJsonValue jsonOf(sqlite3_value *value)
{
    switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER:
        return qint64(sqlite3_value_int64(value));
    case SQLITE_FLOAT:
        return sqlite3_value_double(value);
    case SQLITE_TEXT:
        return QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_value_text(value)), sqlite3_value_bytes(value));
    default:
        return QJsonValue::Null;
    }
}

template<Kind kind> void step(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const char *name = kind == Kind::Sums ? "tandem_group_sums" : "tandem_group_medians";
    const auto fail = [&](const char *why) {
        const std::string message = std::string(name) + ": " + why;
        sqlite3_result_error(context, message.c_str(), -1);
    };
    Groups **groups = slot(context, sizeof(Groups *));
    if (!groups) {
        sqlite3_result_error_nomem(context);
        return;
    }
    try {
        if (!*groups) {
            const sqlite3_int64 k = sqlite3_value_int64(argv[0]);
            const bool shaped = kind == Kind::Sums ? argc - 1 >= k : argc - 1 == k + 1;
            if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER || k < 1 || !shaped)
                return fail(kind == Kind::Sums
                        ? "the first argument must say how many of the arguments after it make the key"
                        : "the first argument must say how many of the arguments after it make the key, and "
                          "one value must follow them");
            *groups = new Groups;
            (*groups)->keyCount = int(k);
            (*groups)->argCount = argc;
        }
        Groups &g = **groups;
        if (argc != g.argCount || sqlite3_value_int64(argv[0]) != g.keyCount)
            return fail("every row must pass the same number of keys and values");
        sqlite3_value **keys = argv + 1;
        sqlite3_value **values = keys + g.keyCount;
        const int valueCount = argc - 1 - g.keyCount;
        if (kind == Kind::Medians && sqlite3_value_type(values[0]) == SQLITE_NULL)
            return;
        g.scratch.clear();
        for (int i = 0; i < g.keyCount; ++i)
            if (!encodeKey(g.scratch, keys[i]))
                return fail("a key cannot be a blob");
        auto it = g.byKey.find(g.scratch);
        if (it == g.byKey.end()) {
            Group fresh;
            for (int i = 0; i < g.keyCount; ++i)
                fresh.keys.append(jsonOf(keys[i]));
            if (kind == Kind::Sums)
                fresh.numbers.assign(size_t(valueCount), 0);
            it = g.byKey.emplace(g.scratch, std::move(fresh)).first;
        }
        Group &group = it->second;
        ++group.count;
        if (kind == Kind::Medians) {
            group.numbers.push_back(sqlite3_value_int64(values[0]));
            return;
        }
        for (int i = 0; i < valueCount; ++i) {
            if (sqlite3_value_type(values[i]) == SQLITE_NULL)
                continue;
            if (__builtin_add_overflow(group.numbers[size_t(i)], qint64(sqlite3_value_int64(values[i])),
                    &group.numbers[size_t(i)]))
                return fail("integer overflow");
        }
    } catch (const std::bad_alloc &) {
        sqlite3_result_error_nomem(context);
    }
}

template<Kind kind> void finalize(sqlite3_context *context)
{
    Groups **groups = slot(context, 0); // 0: no block for an aggregate that saw no rows
    try {
        QJsonArray out;
        if (groups && *groups) {
            for (auto &[key, group] : (*groups)->byKey) {
                QJsonArray row = group.keys;
                row.append(group.count);
                if (kind == Kind::Medians) {
                    row.append(medianOf(group.numbers));
                } else {
                    for (qint64 sum : group.numbers)
                        row.append(sum);
                }
                out.append(row);
            }
        }
        const QByteArray json = QJsonDocument(out).toJson(QJsonDocument::Compact);
        sqlite3_result_text(context, json.constData(), int(json.size()), SQLITE_TRANSIENT);
    } catch (const std::bad_alloc &) {
        sqlite3_result_error_nomem(context);
    }
    if (groups) {
        delete *groups;
        *groups = nullptr;
    }
}

} // namespace

Status registerGroupFunctions(sqlite3 *db)
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    int rc = sqlite3_create_function_v2(db, "tandem_group_sums", -1, flags, nullptr, nullptr,
        step<Kind::Sums>, finalize<Kind::Sums>, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "tandem_group_medians", -1, flags, nullptr, nullptr,
            step<Kind::Medians>, finalize<Kind::Medians>, nullptr);
    if (rc != SQLITE_OK)
        return Error::make(ErrorCode::Database, QStringLiteral("Cannot register the grouping functions."));
    return {};
}

} // namespace tandem::store
