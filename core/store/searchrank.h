// The rank function behind search results. FTS5's built-in bm25() computes each phrase's IDF by walking
// the phrase's whole posting list once per query, so a common query ("客户" in 200,000 of a million
// messages) costs time in proportion to every match, not to the rows ranked. tandem_rank() keeps BM25's
// term-frequency saturation and length normalisation and drops the IDF: for a one-term query (most
// queries) the order is exactly bm25's, and for several terms each counts alike. It reads only the
// rows being ranked. Lower is better, as with bm25().
#pragma once

#include "util/result.h"

struct sqlite3;

namespace tandem::store {

inline constexpr const char *kSearchRankFunction = "tandem_rank";

// Registers tandem_rank(fts_table) with FTS5 on one connection. Only column 0 (the body) is scored.
Status registerSearchRank(sqlite3 *db);

} // namespace tandem::store
