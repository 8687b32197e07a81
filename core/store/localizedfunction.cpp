#include "localizedfunction.h"

#include "util/localizedtext.h"

#include <QJsonDocument>

#include <sqlite3.h>

namespace tandem::store {

namespace {

QByteArray bytesOf(sqlite3_value *v)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(v));
    return text ? QByteArray(text, sqlite3_value_bytes(v)) : QByteArray();
}

void localized(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const QByteArray translations = bytesOf(argv[1]);
    if (translations.size() <= 2) { // NULL, '' or '{}': nothing to pick from
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    const QByteArray out
        = pickTranslation(QString::fromUtf8(bytesOf(argv[0])), QJsonDocument::fromJson(translations).object())
              .toUtf8();
    sqlite3_result_text(ctx, out.constData(), int(out.size()), SQLITE_TRANSIENT);
}

} // namespace

Status registerLocalizedFunction(sqlite3 *db)
{
    const int rc = sqlite3_create_function_v2(
        db, "tandem_localized", 2, SQLITE_UTF8, nullptr, localized, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return Error::make(
            ErrorCode::Database, QStringLiteral("Cannot register the localized text function."));
    return {};
}

} // namespace tandem::store
