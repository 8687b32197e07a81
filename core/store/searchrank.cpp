#include "searchrank.h"

#include "searchtokenizer.h"

#include <sqlite3.h>

#include <QVarLengthArray>

namespace tandem::store {

namespace {

constexpr double kK1 = 1.2; // term-frequency saturation, as in bm25()
constexpr double kB = 0.75; // length normalisation, as in bm25()
constexpr int kBodyColumn = 0;

void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int, sqlite3_value **)
{
    int instances = 0;
    if (api->xInstCount(fts, &instances) != SQLITE_OK) {
        sqlite3_result_error(ctx, "tandem_rank: cannot read the match", -1);
        return;
    }
    const int phrases = api->xPhraseCount(fts);
    QVarLengthArray<int, 16> frequency(phrases, 0);
    for (int i = 0; i < instances; ++i) {
        int phrase = 0;
        int column = 0;
        int offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && column == kBodyColumn && phrase >= 0
            && phrase < phrases)
            ++frequency[phrase];
    }
    int length = 0;
    sqlite3_int64 rows = 0;
    sqlite3_int64 totalLength = 0;
    if (api->xColumnSize(fts, kBodyColumn, &length) != SQLITE_OK || api->xRowCount(fts, &rows) != SQLITE_OK
        || api->xColumnTotalSize(fts, kBodyColumn, &totalLength) != SQLITE_OK) {
        sqlite3_result_error(ctx, "tandem_rank: cannot read the index statistics", -1);
        return;
    }
    const double averageLength = rows > 0 && totalLength > 0 ? double(totalLength) / double(rows) : 1.0;
    const double norm = kK1 * (1.0 - kB + kB * double(length) / averageLength);
    double score = 0;
    for (const int f : frequency)
        if (f > 0)
            score += double(f) * (kK1 + 1.0) / (double(f) + norm);
    sqlite3_result_double(ctx, -score);
}

} // namespace

Status registerSearchRank(sqlite3 *db)
{
    fts5_api *api = fts5ApiFor(db);
    if (!api || api->xCreateFunction(api, kSearchRankFunction, nullptr, rank, nullptr) != SQLITE_OK)
        return Error::make(ErrorCode::Database, QStringLiteral("Cannot register the search rank function."));
    return {};
}

} // namespace tandem::store
