#include "taskstore.h"

#include "store/syncstate.h"

#include <QJsonDocument>

namespace tandem::tasks {

using namespace Qt::StringLiterals;
using store::Statement;

namespace {

const QString kClockKey = u"task_hlc"_s;
const QString kOffsetKey = u"clock_offset_ms"_s;

Status run(store::Database &db, std::string_view sql, std::initializer_list<QVariant> values)
{
    auto st = db.cached(sql);
    if (!st)
        return st.error();
    int i = 1;
    for (const QVariant &v : values) {
        if (v.isNull())
            (*st)->bindNull(i);
        else if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int
            || v.typeId() == QMetaType::Bool)
            (*st)->bind(i, v.toLongLong());
        else
            (*st)->bind(i, v.toString());
        ++i;
    }
    return (*st)->exec();
}

Status project(store::Database &db, const TaskState &t, qint64 now)
{
    const QByteArray record = QJsonDocument(t.toRecord()).toJson(QJsonDocument::Compact);
    const auto due = t.dueAt();
    TANDEM_TRY(run(db,
        "INSERT INTO tasks(id, title, description, status, priority, due_at, created_by, created_at, "
        "updated_at, "
        "conversation_id, source_message_id, field_clocks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11, ?12) ON CONFLICT(id) DO UPDATE SET title = excluded.title, description = "
        "excluded.description, status = excluded.status, priority = excluded.priority, due_at = "
        "excluded.due_at, "
        "created_by = excluded.created_by, created_at = excluded.created_at, updated_at = "
        "excluded.updated_at, "
        "conversation_id = excluded.conversation_id, source_message_id = excluded.source_message_id, "
        "field_clocks = excluded.field_clocks",
        {t.id, t.title(), t.description(), t.status(), qint64(t.priority()),
            due ? QVariant(*due) : QVariant(), t.createdBy, t.createdAt, now,
            t.conversationId.isEmpty() ? QVariant() : QVariant(t.conversationId),
            t.sourceMessageId.isEmpty() ? QVariant() : QVariant(t.sourceMessageId),
            QString::fromUtf8(record)}));
    TANDEM_TRY(run(db, "INSERT OR REPLACE INTO task_state(task_id, deleted) VALUES (?1, ?2)",
        {t.id, qint64(t.deleted())}));
    TANDEM_TRY(run(db, "DELETE FROM task_assignees WHERE task_id = ?1", {t.id}));
    for (const QString &u : t.assigneeIds())
        TANDEM_TRY(run(db, "INSERT INTO task_assignees(task_id, user_id) VALUES (?1, ?2)", {t.id, u}));
    TANDEM_TRY(run(db, "DELETE FROM task_checklist WHERE task_id = ?1", {t.id}));
    // The projection numbers items in their merged order; their ids stay in field_clocks.
    qint64 position = 0;
    for (const ChecklistItem &item : t.checklistItems())
        TANDEM_TRY(
            run(db, "INSERT INTO task_checklist(task_id, position, text, done) VALUES (?1, ?2, ?3, ?4)",
                {t.id, position++, item.text, qint64(item.done)}));
    return {};
}

} // namespace

Result<std::optional<TaskState>> loadTask(store::Database &db, const QString &id)
{
    auto st = db.cached("SELECT field_clocks FROM tasks WHERE id = ?1");
    if (!st)
        return st.error();
    QString record;
    TANDEM_TRY((*st)->bind(1, id).forEachRow([&](const Statement &r) { record = r.text(0); }));
    if (record.isEmpty())
        return std::optional<TaskState>();
    auto t = TaskState::fromRecord(QJsonDocument::fromJson(record.toUtf8()).object());
    if (!t)
        return std::optional<TaskState>(); // unreadable: the next record or event rebuilds it
    return t;
}

Result<bool> mergeTask(store::Database &db, const TaskState &incoming, qint64 now)
{
    auto held = loadTask(db, incoming.id);
    if (!held)
        return held.error();
    auto clockState = store::setting(db, kClockKey);
    if (!clockState)
        return clockState.error();
    HlcClock clock = HlcClock::fromState(*clockState);
    auto aligned = serverAlignedNow(db, now);
    if (!aligned)
        return aligned.error();
    for (const QString &c : incoming.clocks())
        if (const auto h = Hlc::parse(c))
            clock.receive(*h, *aligned);
    TANDEM_TRY(store::setSetting(db, kClockKey, clock.toState()));
    TaskState merged = held->value_or(TaskState());
    const bool isNew = !held->has_value();
    if (!merged.merge(incoming) && !isNew)
        return false;
    TANDEM_TRY(project(db, merged, now));
    return true;
}

Status removeTask(store::Database &db, const QString &id)
{
    return run(db, "DELETE FROM tasks WHERE id = ?1", {id});
}

Status putTaskComment(store::Database &db, const QJsonObject &c)
{
    return run(db,
        "INSERT OR REPLACE INTO task_comments(id, task_id, author_id, body, created_at) VALUES (?1, ?2, ?3, "
        "?4, ?5) ",
        {c.value("id"_L1).toString(), c.value("task_id"_L1).toString(), c.value("author_id"_L1).toString(),
            c.value("body"_L1).toString(), qint64(c.value("created_at"_L1).toDouble())});
}

Result<qint64> serverAlignedNow(store::Database &db, qint64 localNow)
{
    auto offset = store::setting(db, kOffsetKey);
    if (!offset)
        return offset.error();
    return localNow + offset->toLongLong();
}

Status rememberClockOffset(store::Database &db, qint64 offsetMs)
{
    return store::setSetting(db, kOffsetKey, QString::number(offsetMs));
}

Result<Hlc> issueTaskClock(store::Database &db, const QString &deviceId, qint64 localNow)
{
    auto state = store::setting(db, kClockKey);
    if (!state)
        return state.error();
    auto now = serverAlignedNow(db, localNow);
    if (!now)
        return now.error();
    HlcClock clock = HlcClock::fromState(*state);
    const Hlc h = clock.issue(*now, deviceId);
    TANDEM_TRY(store::setSetting(db, kClockKey, clock.toState()));
    return h;
}

} // namespace tandem::tasks
