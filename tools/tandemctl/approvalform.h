// A form for an approval template as typed on the command line: `--field name=value` pairs (and a
// `--form FILE.json` object under them) turned into the JSON values the template's field types take
// (docs/approvals.md §2), before core's validateForm checks them against the template.
#pragma once

#include "approvals/formschema.h"
#include "util/result.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace tandemctl {

// A user id from a user name or id; an error when the space holds no such user.
using UserResolver = std::function<tandem::Result<QString>(const QString &nameOrId)>;

// `base` (from --form) with each "name=value" of `fieldArguments` set on it. Values by type: text as
// typed; number "12.5"; money "128.50 CNY" (major units; the currency may be left out when the field
// allows one); date "2025-12-01"; date_range "2025-12-01..2025-12-03" (or one date); single_choice an
// option id or label; multiple_choice, people and attachments comma-separated (people by user name or
// id). A value starting with { or [ is taken as JSON.
tandem::Result<QJsonObject> buildForm(const tandem::approvals::Template &tpl, QJsonObject base,
    const QStringList &fieldArguments, const UserResolver &resolveUser);

// "Amount (amount): must be at least 0", for a problem validateForm found.
QString describeProblem(
    const tandem::approvals::Template &tpl, const tandem::approvals::FormProblem &problem);

// A --form file: a JSON object of field id to value.
tandem::Result<QJsonObject> readFormFile(const QString &path);

} // namespace tandemctl
