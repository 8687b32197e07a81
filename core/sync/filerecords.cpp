#include "filerecords.h"

#include "protocol/serverframes.h"

#include <QJsonObject>

namespace tandem::sync {

Status upsertFileRecords(store::Database &db, const QJsonArray &files, qsizetype maxFiles)
{
    for (qsizetype i = 0; i < std::min(files.size(), maxFiles); ++i) {
        const QJsonObject a = files.at(i).toObject();
        if (!protocol::attachmentProblem(a, QString()).isEmpty())
            continue;
        auto st
            = db.cached("INSERT INTO attachments(id, message_id, name, mime_type, size_bytes, sha256) "
                        "VALUES (?1, '', ?2, ?3, ?4, ?5) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                        "mime_type = excluded.mime_type, size_bytes = excluded.size_bytes, sha256 = "
                        "excluded.sha256");
        if (!st)
            return st.error();
        TANDEM_TRY((*st)
                       ->bind(1, a.value(QLatin1StringView("id")).toString())
                       .bind(2, a.value(QLatin1StringView("name")).toString())
                       .bind(3, a.value(QLatin1StringView("mime_type")).toString())
                       .bind(4, qint64(a.value(QLatin1StringView("size_bytes")).toDouble()))
                       .bind(5, a.value(QLatin1StringView("sha256")).toString())
                       .exec());
    }
    return {};
}

} // namespace tandem::sync
