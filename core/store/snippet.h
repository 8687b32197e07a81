// Finds what a search query matched inside a message body and cuts a short plain-text excerpt around
// it, with the matched ranges marked, following the same matching rules as the index.
#pragma once

#include "records.h"

namespace tandem::store {

Snippet makeSnippet(const QString &body, const QString &query, int maxChars = 96);

} // namespace tandem::store
