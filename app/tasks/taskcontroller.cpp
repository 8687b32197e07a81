#include "taskcontroller.h"

#include "files/filesizetext.h"
#include "spacesession.h"
#include "storereply.h"
#include "taskformat.h"

#include "protocol/fields.h"
#include "store/spacestore.h"
#include "store/storethread.h"
#include "sync/spacesync.h"
#include "tasks/taskqueries.h"
#include "tasks/taskstore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace tandem::app {

using namespace Qt::StringLiterals;

namespace {

const QStringList kStatuses {u"open"_s, u"in_progress"_s, u"done"_s, u"cancelled"_s};
constexpr qsizetype kMaxText = 8192; // description and comment bodies (§11.4)
constexpr qsizetype kMaxItemText = 512; // a checklist item (§11.4)
constexpr qsizetype kMaxCreateFiles = 20; // attachment_ids of a task.create (§11.4)

} // namespace

struct TaskController::Read
{
    std::optional<tasks::TaskDetail> detail;
    QList<tasks::ChecklistItem> items; // with their ids (the projection numbers them only)
    QList<store::User> users;
    QString conversationName;
    QString sourceText;
};

TaskController::TaskController(QObject *parent)
    : QObject(parent)
    , m_files(new AttachmentFiles(this))
{ }

void TaskController::setSession(SpaceSession *session)
{
    if (followSession(this, m_session, session, [this] { attachSession(); }))
        Q_EMIT sessionChanged();
}

void TaskController::attachSession()
{
    m_files->setSession(m_session);
    attach(taskSpaceOf(m_session));
}

void TaskController::attach(const TaskSpace &space, std::function<qint64()> now)
{
    disconnect(m_storeConnection);
    m_space = space;
    m_files->setCache(m_space.files);
    if (now)
        m_now = std::move(now);
    if (m_space.isValid()) {
        m_storeConnection = connect(
            m_space.store, &store::StoreThread::changed, this, [this](const store::StoreChange &change) {
                if (change.tasks || change.users)
                    reload();
            });
    }
    reload();
}

void TaskController::setTaskId(const QString &id)
{
    if (m_taskId == id)
        return;
    m_taskId = id;
    Q_EMIT taskIdChanged();
    clearError();
    reload();
}

qint64 TaskController::now() const
{
    return m_now ? m_now() : QDateTime::currentMSecsSinceEpoch();
}

void TaskController::loadMembers()
{
    reload();
}

void TaskController::reload()
{
    if (!m_space.isValid()) {
        apply({});
        return;
    }
    const quint64 generation = ++m_generation;
    const QString id = m_taskId;
    auto read = m_space.store->read<Read>([id](store::SpaceStore &s) -> Result<Read> {
        Read out;
        auto users = s.users();
        if (!users)
            return users.error();
        out.users = std::move(*users);
        if (id.isEmpty())
            return out;
        auto detail = tasks::taskDetail(s.db(), id);
        if (!detail)
            return detail.error();
        out.detail = std::move(*detail);
        if (!out.detail)
            return out;
        auto state = tasks::loadTask(s.db(), id);
        if (!state)
            return state.error();
        if (*state)
            out.items = (*state)->checklistItems();
        const QString conversation = out.detail->summary.conversationId;
        if (!conversation.isEmpty()) {
            auto c = s.findConversation(conversation);
            if (!c)
                return c.error();
            if (*c)
                out.conversationName = (*c)->name;
        }
        const QString message = out.detail->summary.sourceMessageId;
        if (!message.isEmpty()) {
            auto st = s.db().cached("SELECT body FROM messages WHERE id = ?1");
            if (!st)
                return st.error();
            TANDEM_TRY((*st)->bind(1, message).forEachRow([&](const store::Statement &r) {
                out.sourceText = r.text(0).section(u'\n', 0, 0).left(200);
            }));
        }
        return out;
    });
    models::onReply(this, read, [this, generation](const Result<Read> &r) {
        if (generation != m_generation)
            return; // a newer read is on its way
        if (!r) {
            refuse(tr("The task could not be read: %1").arg(r.error().message));
            return;
        }
        apply(*r);
    });
}

void TaskController::apply(const Read &read)
{
    QHash<QString, QString> names;
    for (const store::User &u : read.users)
        names.insert(u.id, u.displayName.isEmpty() ? u.userName : u.displayName);
    const auto name = [&names](const QString &id) { return names.value(id, id); };
    m_exists = read.detail.has_value();
    m_fields.clear();
    m_assignees.clear();
    m_checklist.clear();
    m_comments.clear();
    m_members.clear();
    QStringList assigned;
    if (read.detail) {
        const tasks::TaskSummary &s = read.detail->summary;
        assigned = s.assignees;
        m_fields = {{u"title"_s, s.title}, {u"description"_s, read.detail->description},
            {u"status"_s, s.status}, {u"priority"_s, s.priority}, {u"dueAt"_s, s.dueAt.value_or(0)},
            {u"createdByName"_s, name(s.createdBy)}, {u"conversationId"_s, s.conversationId},
            {u"conversationName"_s, read.conversationName}, {u"sourceMessageId"_s, s.sourceMessageId},
            {u"sourceText"_s, read.sourceText}};
        for (const QString &id : s.assignees)
            m_assignees << QVariantMap {{u"userId"_s, id}, {u"displayName"_s, name(id)}};
        for (const tasks::ChecklistItem &i : read.items)
            m_checklist << QVariantMap {
                {u"itemId"_s, i.id}, {u"text"_s, i.text}, {u"done"_s, i.done}, {u"position"_s, i.position}};
        const QLocale locale;
        for (const tasks::TaskComment &c : read.detail->comments)
            m_comments << QVariantMap {{u"commentId"_s, c.id}, {u"authorName"_s, name(c.authorId)},
                {u"body"_s, c.body},
                {u"timeText"_s,
                    locale.toString(
                        QDateTime::fromMSecsSinceEpoch(c.createdAt, m_space.zone), QLocale::ShortFormat)}};
    }
    QList<store::AttachmentInfo> files;
    if (read.detail) {
        for (const tasks::TaskFile &f : read.detail->files)
            files.append({f.id, f.name, f.mimeType, f.sizeBytes, f.sha256});
    }
    m_files->setFiles(files);
    for (const store::User &u : read.users)
        m_members << QVariantMap {
            {u"userId"_s, u.id}, {u"displayName"_s, name(u.id)}, {u"assigned"_s, assigned.contains(u.id)}};
    Q_EMIT taskChanged();
}

QString TaskController::statusText() const
{
    return TaskText::status(status());
}

QString TaskController::dueText() const
{
    return dueAt() ? TaskText::due(dueAt(), now(), m_space.zone) : QString();
}

QString TaskController::dueDate() const
{
    return dueAt() ? QDateTime::fromMSecsSinceEpoch(dueAt(), m_space.zone).toString(u"yyyy-MM-dd"_s)
                   : QString();
}

QString TaskController::dueTime() const
{
    return dueAt() ? QDateTime::fromMSecsSinceEpoch(dueAt(), m_space.zone).toString(u"HH:mm"_s) : QString();
}

bool TaskController::overdue() const
{
    return (status() == u"open"_s || status() == u"in_progress"_s) && dueAt() && dueAt() < now();
}

void TaskController::clearError()
{
    if (m_errorText.isEmpty())
        return;
    m_errorText.clear();
    Q_EMIT errorTextChanged();
}

bool TaskController::refuse(const QString &message)
{
    m_errorText = message;
    Q_EMIT errorTextChanged();
    return false;
}

void TaskController::follow(
    const QFuture<Result<sync::QueuedMutation>> &future, std::function<void(const QString &)> done)
{
    models::onReply(this, future, [this, done = std::move(done)](const Result<sync::QueuedMutation> &r) {
        if (!r) {
            refuse(tr("The change could not be saved: %1").arg(r.error().message));
            return;
        }
        if (done)
            done(r->entityId);
        Q_EMIT queued();
    });
}

bool TaskController::create(const QVariantMap &draft)
{
    clearError();
    if (!m_space.isValid())
        return refuse(tr("The space is not open yet."));
    tasks::TaskDraft d;
    d.title = draft.value(u"title"_s).toString().trimmed();
    if (auto ok = checkTaskTitle(d.title); !ok)
        return refuse(ok.error().message);
    d.description = draft.value(u"description"_s).toString();
    if (d.description.size() > kMaxText)
        return refuse(tr("The description is too long (at most %1 characters).").arg(kMaxText));
    d.status = draft.value(u"status"_s, u"open"_s).toString();
    if (!kStatuses.contains(d.status))
        return refuse(tr("Unknown status “%1”.").arg(d.status));
    d.priority = draft.value(u"priority"_s, 0).toInt();
    if (d.priority < 0 || d.priority > 3)
        return refuse(tr("Priority is none, low, medium or high."));
    auto due = parseTaskDue(
        draft.value(u"dueDate"_s).toString(), draft.value(u"dueTime"_s).toString(), m_space.zone);
    if (!due)
        return refuse(due.error().message);
    d.dueAt = *due;
    d.assignees = draft.value(u"assignees"_s).toStringList();
    for (const QString &item : draft.value(u"checklist"_s).toStringList()) {
        if (!item.trimmed().isEmpty())
            d.checklist << item.trimmed().left(kMaxItemText);
    }
    d.conversationId = draft.value(u"conversationId"_s).toString();
    d.sourceMessageId = d.conversationId.isEmpty() ? QString() : draft.value(u"sourceMessageId"_s).toString();
    const auto done = [this](const QString &id) {
        clearDraftFiles();
        setTaskId(id);
        Q_EMIT created(id);
    };
    if (m_draftFiles.isEmpty()) {
        follow(m_space.sync ? m_space.sync->createTask(d) : tasks::queueTaskCreate(*m_space.store, d), done);
        return true;
    }
    if (!m_space.files)
        return refuse(tr("This space has no file cache to attach files from."));
    QStringList paths;
    for (const QVariant &file : std::as_const(m_draftFiles))
        paths << file.toMap().value(u"path"_s).toString();
    // As attachFile(): copying the files into the encrypted cache reads all of them, so a pool thread does
    // it, then waits for the store to queue the task with them.
    const std::shared_ptr<store::FileCache> cache = m_space.files;
    store::StoreThread *store = m_space.store;
    const QPointer<sync::SpaceSync> spaceSync = m_space.sync;
    follow(QtConcurrent::run([cache, store, spaceSync, d, paths]() mutable -> Result<sync::QueuedMutation> {
        auto files = sync::importOutgoingFiles(*cache, paths);
        if (!files)
            return files.error();
        d.files = *files;
        if (spaceSync)
            return spaceSync->createTask(d).result();
        return tasks::queueTaskCreate(*store, d).result();
    }),
        done);
    return true;
}

bool TaskController::addDraftFiles(const QList<QUrl> &fileUrls)
{
    clearError();
    QVariantList files = m_draftFiles;
    for (const QUrl &url : fileUrls) {
        if (!url.isLocalFile())
            return refuse(tr("Only files on this computer can be attached."));
        const QFileInfo info(url.toLocalFile());
        if (!info.isFile() || !info.isReadable())
            return refuse(tr("“%1” is not a file that can be read.").arg(info.fileName()));
        const QString path = info.absoluteFilePath();
        if (std::any_of(files.cbegin(), files.cend(),
                [&](const QVariant &f) { return f.toMap().value(u"path"_s).toString() == path; }))
            continue;
        if (files.size() >= kMaxCreateFiles)
            return refuse(tr("A new task takes at most %n file(s); attach more once it exists.", nullptr,
                int(kMaxCreateFiles)));
        files.append(QVariantMap {
            {u"path"_s, path}, {u"name"_s, info.fileName()}, {u"sizeText"_s, fileSizeText(info.size())}});
    }
    if (files != m_draftFiles) {
        m_draftFiles = files;
        Q_EMIT draftFilesChanged();
    }
    return true;
}

void TaskController::removeDraftFile(int index)
{
    if (index < 0 || index >= m_draftFiles.size())
        return;
    m_draftFiles.removeAt(index);
    Q_EMIT draftFilesChanged();
}

void TaskController::clearDraftFiles()
{
    if (m_draftFiles.isEmpty())
        return;
    m_draftFiles.clear();
    Q_EMIT draftFilesChanged();
}

bool TaskController::update(const QJsonObject &changes)
{
    clearError();
    if (!m_space.isValid() || m_taskId.isEmpty() || !m_exists)
        return refuse(tr("There is no task to change."));
    follow(m_space.sync ? m_space.sync->updateTask(m_taskId, changes)
                        : tasks::queueTaskUpdate(*m_space.store, m_taskId, changes));
    return true;
}

bool TaskController::setTitle(const QString &title)
{
    if (auto ok = checkTaskTitle(title); !ok)
        return refuse(ok.error().message);
    if (title.trimmed() == this->title())
        return true;
    return update({{u"fields"_s, QJsonObject {{u"title"_s, title.trimmed()}}}});
}

bool TaskController::setDescription(const QString &description)
{
    if (description.size() > kMaxText)
        return refuse(tr("The description is too long (at most %1 characters).").arg(kMaxText));
    if (description == this->description())
        return true;
    return update({{u"fields"_s, QJsonObject {{u"description"_s, description}}}});
}

bool TaskController::setStatus(const QString &status)
{
    if (!kStatuses.contains(status))
        return refuse(tr("Unknown status “%1”.").arg(status));
    if (status == this->status())
        return true;
    return update({{u"fields"_s, QJsonObject {{u"status"_s, status}}}});
}

bool TaskController::setPriority(int priority)
{
    if (priority < 0 || priority > 3)
        return refuse(tr("Priority is none, low, medium or high."));
    if (priority == this->priority())
        return true;
    return update({{u"fields"_s, QJsonObject {{u"priority"_s, priority}}}});
}

bool TaskController::setDue(const QString &date, const QString &time)
{
    auto due = parseTaskDue(date, time, m_space.zone);
    if (!due)
        return refuse(due.error().message);
    if (due->value_or(0) == dueAt())
        return true;
    return update(
        {{u"fields"_s, QJsonObject {{u"due_at"_s, *due ? QJsonValue(double(**due)) : QJsonValue()}}}});
}

bool TaskController::setAssigned(const QString &userId, bool assigned)
{
    if (userId.isEmpty())
        return refuse(tr("Choose someone to assign."));
    return update({{u"assignees"_s, QJsonObject {{userId, assigned}}}});
}

bool TaskController::addChecklistItem(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return refuse(tr("Write what the checklist item is."));
    if (t.size() > kMaxItemText)
        return refuse(tr("A checklist item has at most %1 characters.").arg(kMaxItemText));
    qint64 position = 0;
    for (const QVariant &i : std::as_const(m_checklist))
        position = std::max(position, i.toMap().value(u"position"_s).toLongLong() + 1);
    return update({{u"checklist"_s,
        QJsonObject {{protocol::newUuid(), QJsonObject {{u"text"_s, t}, {u"position"_s, position}}}}}});
}

bool TaskController::setChecklistItemDone(const QString &itemId, bool done)
{
    if (itemId.isEmpty())
        return refuse(tr("There is no such checklist item."));
    return update({{u"checklist"_s, QJsonObject {{itemId, QJsonObject {{u"done"_s, done}}}}}});
}

bool TaskController::removeChecklistItem(const QString &itemId)
{
    if (itemId.isEmpty())
        return refuse(tr("There is no such checklist item."));
    return update({{u"checklist"_s, QJsonObject {{itemId, QJsonObject {{u"deleted"_s, true}}}}}});
}

bool TaskController::addComment(const QString &body)
{
    clearError();
    if (body.trimmed().isEmpty())
        return refuse(tr("Write a comment first."));
    if (body.size() > kMaxText)
        return refuse(tr("A comment has at most %1 characters.").arg(kMaxText));
    if (!m_space.isValid() || !m_exists)
        return refuse(tr("There is no task to change."));
    follow(m_space.sync ? m_space.sync->commentOnTask(m_taskId, body)
                        : tasks::queueTaskComment(*m_space.store, m_taskId, body));
    return true;
}

bool TaskController::attachFile(const QUrl &fileUrl)
{
    clearError();
    if (!m_space.isValid() || m_taskId.isEmpty() || !m_exists)
        return refuse(tr("There is no task to change."));
    if (!fileUrl.isLocalFile())
        return refuse(tr("Only files on this computer can be attached."));
    if (!m_space.files)
        return refuse(tr("This space has no file cache to attach files from."));
    // Copying the file into the encrypted cache reads all of it: a pool thread does that, then waits for
    // the store to queue the change.
    const QString path = fileUrl.toLocalFile();
    const QString taskId = m_taskId;
    const std::shared_ptr<store::FileCache> cache = m_space.files;
    store::StoreThread *store = m_space.store;
    const QPointer<sync::SpaceSync> spaceSync = m_space.sync;
    follow(QtConcurrent::run([cache, store, spaceSync, taskId, path]() -> Result<sync::QueuedMutation> {
        const auto file = sync::importOutgoingFile(*cache, path);
        if (!file)
            return file.error();
        if (spaceSync)
            return spaceSync->attachToTask(taskId, {*file}).result();
        return tasks::queueTaskAttach(*store, taskId, {*file}).result();
    }));
    return true;
}

bool TaskController::removeFile(const QString &attachmentId)
{
    if (attachmentId.isEmpty())
        return refuse(tr("There is no such file."));
    return update({{u"attachments"_s, QJsonObject {{attachmentId, false}}}});
}

bool TaskController::deleteTask()
{
    clearError();
    if (!m_space.isValid() || !m_exists)
        return refuse(tr("There is no task to change."));
    follow(
        m_space.sync ? m_space.sync->deleteTask(m_taskId) : tasks::queueTaskDelete(*m_space.store, m_taskId));
    return true;
}

} // namespace tandem::app
