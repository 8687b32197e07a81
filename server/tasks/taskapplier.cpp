#include "taskapplier.h"

#include "records.h"
#include "resultget.h"

#include "protocol/codes.h"
#include "tasks/hlc.h"

#include <QJsonArray>

namespace tandem::server::tasks {

using namespace Qt::StringLiterals;
namespace code = protocol::code;
using tandem::tasks::Hlc;
using tandem::tasks::TaskState;

namespace {

TaskRejection notFound(const QString &what, const QString &field)
{
    return TaskRejection {code::not_found, u"%1 does not exist or is not visible to you"_s.arg(what),
        QJsonObject {{u"field"_s, field}}};
}

TaskRejection invalid(const QString &field, const QString &why)
{
    return TaskRejection {
        code::invalid_payload, u"%1 %2"_s.arg(field, why), QJsonObject {{u"field"_s, field}}};
}

// The task in this space, as the actor may see it; std::nullopt when it is missing or hidden.
Result<std::optional<TaskState>> visibleTask(
    ServerStore &store, const QString &spaceId, const QString &taskId, const QString &actorId)
{
    TANDEM_GET(row, store.task(taskId));
    if (!row || row->spaceId != spaceId)
        return std::optional<TaskState>();
    auto state = TaskState::fromRecord(row->record);
    if (!state)
        return Error::make(ErrorCode::Corrupt, u"the stored task %1 is not a task record"_s.arg(taskId));
    TANDEM_GET(audience, taskAudience(store, *state));
    if (!audience.contains(actorId))
        return std::optional<TaskState>();
    return std::optional<TaskState>(*state);
}

// Users that a write makes assignees must belong to the space.
Result<std::optional<TaskRejection>> checkAssignees(
    ServerStore &store, const QString &spaceId, const TaskState &writes)
{
    for (auto it = writes.assignees.begin(); it != writes.assignees.end(); ++it) {
        if (!it->value.toBool())
            continue;
        TANDEM_GET(member, store.isSpaceMember(spaceId, it.key()));
        if (!member)
            return std::optional<TaskRejection>(
                notFound(u"the user %1"_s.arg(it.key()), u"/payload/assignees"_s));
    }
    return std::optional<TaskRejection>();
}

// Files that a write attaches (§11.4): one the task has had before, or a complete upload of the actor in
// this space. Their attachment records go into `writes`, so the task's record can name them.
Result<std::optional<TaskRejection>> checkAttachments(ServerStore &store, const QString &spaceId,
    const QString &actorId, TaskState &writes, const TaskState &current, const QString &field)
{
    for (auto it = writes.attachments.begin(); it != writes.attachments.end(); ++it) {
        if (!it->value.toBool())
            continue;
        TANDEM_GET(row, store.attachment(it.key()));
        const bool known = current.attachments.contains(it.key());
        if (!row || row->spaceId != spaceId || !row->complete || (!known && row->uploaderId != actorId))
            return std::optional<TaskRejection>(
                invalid(field, u"names %1, which is not a file you uploaded"_s.arg(it.key())));
        writes.files.insert(row->id,
            QJsonObject {{u"id"_s, row->id}, {u"name"_s, row->name}, {u"mime_type"_s, row->mimeType},
                {u"size_bytes"_s, double(row->sizeBytes)}, {u"sha256"_s, row->sha256}});
    }
    return std::optional<TaskRejection>();
}

Status storeTask(ServerStore &store, SpaceWriter &w, const TaskState &t)
{
    return store.putTask(TaskRow {t.id, w.space().id, t.toRecord(), w.now()});
}

} // namespace

Result<QStringList> taskAudience(ServerStore &store, const TaskState &task)
{
    QStringList out {task.createdBy};
    out += task.assigneeIds();
    if (!task.conversationId.isEmpty()) {
        TANDEM_GET(members, store.members(task.conversationId));
        for (const MemberRow &m : members)
            out << m.userId;
    }
    out.removeAll(QString());
    out.removeDuplicates();
    return out;
}

QJsonObject taskCommentRecord(const TaskCommentRow &row)
{
    return QJsonObject {{u"id"_s, row.id}, {u"task_id"_s, row.taskId}, {u"author_id"_s, row.authorId},
        {u"body"_s, row.body}, {u"created_at"_s, double(row.createdAt)}};
}

Result<TaskResult> applyTaskMutation(ServerStore &store, SpaceWriter &w, const QString &actorId,
    const QString &deviceId, const protocol::TaskMutation &m)
{
    const QString spaceId = w.space().id;
    if (m.kind == u"task.comment"_s) {
        TANDEM_GET(task, visibleTask(store, spaceId, m.taskId, actorId));
        if (!task)
            return TaskResult(notFound(u"the task"_s, u"/payload/task_id"_s));
        const QString commentId = m.payload.value("comment_id"_L1).toString();
        TANDEM_GET(taken, store.taskCommentExists(commentId));
        if (taken)
            return TaskResult(TaskRejection {code::id_conflict, u"this comment_id is taken"_s,
                QJsonObject {{u"field"_s, u"/payload/comment_id"_s}}});
        const TaskCommentRow row {
            commentId, task->id, actorId, m.payload.value("body"_L1).toString(), w.now()};
        TANDEM_TRY(store.insertTaskComment(row));
        TANDEM_GET(audience, taskAudience(store, *task));
        TANDEM_TRY(w.emit(
            QLatin1StringView("task.comment_added"), {{u"comment"_s, taskCommentRecord(row)}}, audience));
        return TaskResult(
            QJsonObject {{u"comment_id"_s, commentId}, {u"created_at"_s, double(row.createdAt)}});
    }

    // §11.2: the timestamp must be this device's, and not too far ahead of the server's clock.
    const std::optional<Hlc> hlc = Hlc::parse(m.hlc);
    if (!hlc || hlc->deviceId != deviceId)
        return TaskResult(invalid(u"/payload/hlc"_s, u"must carry the sending device's id"_s));
    if (tandem::tasks::hlcTooFarAhead(*hlc, w.now()))
        return TaskResult(TaskRejection {code::clock_skew,
            u"the timestamp is %1 ms ahead of the server's clock"_s.arg(hlc->physical - w.now()),
            QJsonObject {{u"field"_s, u"/payload/hlc"_s}, {u"server_time"_s, double(w.now())},
                {u"max"_s, double(tandem::tasks::kHlcMaxSkewMs)}}});

    TaskState writes = TaskState::fromPayload(m.kind, m.payload, actorId, w.now());
    TANDEM_GET(badAssignee, checkAssignees(store, spaceId, writes));
    if (badAssignee)
        return TaskResult(*badAssignee);

    if (m.kind == u"task.create"_s) {
        TANDEM_GET(badFile,
            checkAttachments(store, spaceId, actorId, writes, TaskState(), u"/payload/attachment_ids"_s));
        if (badFile)
            return TaskResult(*badFile);
        TANDEM_GET(existing, store.task(m.taskId));
        if (existing)
            return TaskResult(TaskRejection {code::id_conflict, u"this task_id is taken"_s,
                QJsonObject {{u"field"_s, u"/payload/task_id"_s}}});
        if (!writes.conversationId.isEmpty()) {
            TANDEM_GET(conv, store.conversation(writes.conversationId));
            TANDEM_GET(me, store.member(writes.conversationId, actorId));
            if (!conv || conv->spaceId != spaceId || !me)
                return TaskResult(notFound(u"the conversation"_s, u"/payload/conversation_id"_s));
            if (!writes.sourceMessageId.isEmpty()) {
                TANDEM_GET(msg, store.message(writes.sourceMessageId));
                if (!msg || msg->conversationId != writes.conversationId)
                    return TaskResult(notFound(u"the message"_s, u"/payload/source_message_id"_s));
            }
        }
        TANDEM_TRY(storeTask(store, w, writes));
        TANDEM_GET(audience, taskAudience(store, writes));
        TANDEM_TRY(w.emit(QLatin1StringView("task.created"), {{u"task"_s, writes.toRecord()}}, audience));
        return TaskResult(QJsonObject {{u"task_id"_s, writes.id}});
    }

    // task.update, task.delete: merge field by field; a mutation whose every field loses changes nothing.
    TANDEM_GET(current, visibleTask(store, spaceId, m.taskId, actorId));
    if (!current)
        return TaskResult(notFound(u"the task"_s, u"/payload/task_id"_s));
    TANDEM_GET(
        badFile, checkAttachments(store, spaceId, actorId, writes, *current, u"/payload/attachments"_s));
    if (badFile)
        return TaskResult(*badFile);
    const TaskState before = *current;
    TaskState merged = *current;
    if (!merged.merge(writes))
        return TaskResult(QJsonObject());
    TANDEM_TRY(storeTask(store, w, merged));
    TANDEM_GET(oldAudience, taskAudience(store, before));
    TANDEM_GET(audience, taskAudience(store, merged));
    const bool deletedNow = merged.deleted() && !before.deleted();
    QJsonArray changed;
    for (const QString &f : merged.changedSince(before))
        changed.append(f);
    TANDEM_TRY(w.emit(QLatin1StringView(deletedNow ? "task.deleted" : "task.updated"),
        {{u"task"_s, merged.toRecord()}, {u"changed"_s, changed}}, audience));
    QStringList gone;
    for (const QString &u : std::as_const(oldAudience))
        if (!audience.contains(u))
            gone << u;
    if (!gone.isEmpty())
        TANDEM_TRY(w.emit(QLatin1StringView("task.removed"), {{u"task_id"_s, merged.id}}, gone));
    return TaskResult(QJsonObject());
}

Result<QList<QJsonObject>> taskSnapshotRecords(
    ServerStore &store, const QString &spaceId, const QString &userId)
{
    QList<QJsonObject> out;
    TANDEM_GET(rows, store.tasksOfSpace(spaceId));
    for (const TaskRow &row : rows) {
        auto state = TaskState::fromRecord(row.record);
        if (!state)
            continue;
        TANDEM_GET(audience, taskAudience(store, *state));
        if (!audience.contains(userId))
            continue;
        out << records::entity("task", row.record);
        TANDEM_GET(comments, store.taskComments(row.id));
        for (const TaskCommentRow &c : comments)
            out << records::entity("task_comment", taskCommentRecord(c));
    }
    return out;
}

} // namespace tandem::server::tasks
