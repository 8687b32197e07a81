// tandem_localized(text, translations): `text` in the reader's language, where `translations` is the
// JSON of its `_i18n` object (util/localizedtext.h), so that queries that group or sort by a template's
// or a step's name give it in the language the app shows now. Not deterministic: it follows QLocale(),
// which the app's language setting changes.
#pragma once

#include "util/result.h"

struct sqlite3;

namespace tandem::store {

Status registerLocalizedFunction(sqlite3 *db);

} // namespace tandem::store
