// The full-text tokenizer behind message search. Chinese (and Japanese and Korean) text has no spaces,
// so each ideograph is a token of its own, with the bigram it starts colocated at the same position:
// any substring becomes a phrase of bigrams, which is fast and exact. Latin text is split into folded
// words, matched by prefix. The same rules tokenize documents and queries (see docs/store.md).
#pragma once

#include "util/result.h"

#include <QString>
#include <QStringView>

struct sqlite3;
struct fts5_api;

namespace tandem::store {

inline constexpr const char *kSearchTokenizerName = "tandem";

enum class CharClass { Separator, Word, Cjk };

// Class of a code point after folding.
CharClass classify(char32_t c);
// Case and width folding: full-width Latin to ASCII, then lower case.
char32_t fold(char32_t c);

// The FTS5 extension API of a connection (to register tokenizers and functions), or null.
fts5_api *fts5ApiFor(sqlite3 *db);

// Registers the tokenizer with FTS5 on one connection (it must be done on every connection that
// reads or writes the index).
Status registerSearchTokenizer(sqlite3 *db);

// Turns what a user typed into an FTS5 MATCH expression: terms separated by white space must all match;
// each term matches as a phrase, its last word by prefix. Empty when the query has nothing to search.
// Only the first 256 characters and 16 distinct terms are searched.
QString buildMatchExpression(QStringView query);

} // namespace tandem::store
