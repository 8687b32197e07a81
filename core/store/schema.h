// The space database's schema as a chain of forward migrations. Each runs in its own transaction and
// bumps PRAGMA user_version; their order is checked at compile time.
#pragma once

#include "util/result.h"

#include <array>
#include <string_view>

namespace tandem::store {

class Database;

struct Migration
{
    int version; // user_version after this migration
    std::string_view sql; // statements to run
};

extern const std::array<Migration, 12> kMigrations;
inline constexpr int kSchemaVersion = 12;

// Brings the database to kSchemaVersion (or to `target`, for tests that build old fixtures).
// Refuses a database from a newer Tandem without touching it.
Status migrate(Database &db, int target = kSchemaVersion);

} // namespace tandem::store
