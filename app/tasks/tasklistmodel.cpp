#include "tasklistmodel.h"

#include "spacesession.h"
#include "storereply.h"
#include "taskformat.h"

#include "store/spacestore.h"
#include "store/storethread.h"

#include <QDateTime>

namespace tandem::app {

using namespace Qt::StringLiterals;

TaskListModel::TaskListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    // Due today and overdue move with the clock, not only with the store.
    m_minute.setInterval(60 * 1000);
    connect(&m_minute, &QTimer::timeout, this, [this] {
        if (m_view == u"today"_s || m_view == u"overdue"_s || !m_rows.isEmpty())
            reload();
    });
}

int TaskListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> TaskListModel::roleNames() const
{
    return {{TaskIdRole, "taskId"}, {TitleRole, "title"}, {StatusRole, "status"},
        {StatusTextRole, "statusText"}, {PriorityRole, "priority"}, {PriorityTextRole, "priorityText"},
        {DueAtRole, "dueAt"}, {DueTextRole, "dueText"}, {OverdueRole, "overdue"},
        {AssigneeIdsRole, "assigneeIds"}, {AssigneeNamesRole, "assigneeNames"},
        {ChecklistDoneRole, "checklistDone"}, {ChecklistTotalRole, "checklistTotal"},
        {ConversationIdRole, "conversationId"}, {SourceMessageIdRole, "sourceMessageId"},
        {CreatedByRole, "createdBy"}, {CreatedByNameRole, "createdByName"}};
}

QVariant TaskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const tasks::TaskSummary &t = m_rows.at(index.row());
    const bool open = t.status == u"open"_s || t.status == u"in_progress"_s;
    const auto name = [this](const QString &id) {
        const QString n = m_names.value(id);
        return n.isEmpty() ? id : n;
    };
    switch (role) {
    case TaskIdRole:
        return t.id;
    case TitleRole:
        return t.title;
    case StatusRole:
        return t.status;
    case StatusTextRole:
        return TaskText::status(t.status);
    case PriorityRole:
        return t.priority;
    case PriorityTextRole:
        return TaskText::priority(t.priority);
    case DueAtRole:
        return t.dueAt.value_or(0);
    case DueTextRole:
        return t.dueAt ? TaskText::due(*t.dueAt, now(), m_space.zone) : QString();
    case OverdueRole:
        return open && t.dueAt && *t.dueAt < now();
    case AssigneeIdsRole:
        return t.assignees;
    case AssigneeNamesRole: {
        QStringList names;
        for (const QString &id : t.assignees)
            names << name(id);
        return names.join(u", "_s);
    }
    case ChecklistDoneRole:
        return t.checklistDone;
    case ChecklistTotalRole:
        return t.checklistTotal;
    case ConversationIdRole:
        return t.conversationId;
    case SourceMessageIdRole:
        return t.sourceMessageId;
    case CreatedByRole:
        return t.createdBy;
    case CreatedByNameRole:
        return name(t.createdBy);
    default:
        return {};
    }
}

void TaskListModel::setSession(SpaceSession *session)
{
    if (followSession(this, m_session, session, [this] { attachSession(); }))
        Q_EMIT sessionChanged();
}

void TaskListModel::attachSession()
{
    attach(taskSpaceOf(m_session));
}

void TaskListModel::attach(const TaskSpace &space, std::function<qint64()> now)
{
    disconnect(m_storeConnection);
    m_space = space;
    if (now)
        m_now = std::move(now);
    if (!m_space.isValid()) {
        m_minute.stop();
        setRows({});
        return;
    }
    m_storeConnection = connect(
        m_space.store, &store::StoreThread::changed, this, [this](const store::StoreChange &change) {
            if (change.tasks || change.users)
                reload();
        });
    m_minute.start();
    reload();
}

void TaskListModel::setView(const QString &view)
{
    if (m_view == view)
        return;
    m_view = view;
    Q_EMIT viewChanged();
    reload();
}

void TaskListModel::setConversationId(const QString &id)
{
    if (m_conversationId == id)
        return;
    m_conversationId = id;
    Q_EMIT conversationIdChanged();
    if (m_view == u"conversation"_s)
        reload();
}

qint64 TaskListModel::now() const
{
    return m_now ? m_now() : QDateTime::currentMSecsSinceEpoch();
}

void TaskListModel::reload()
{
    if (!m_space.isValid())
        return;
    if (m_reading) {
        m_again = true;
        return;
    }
    m_reading = true;
    const QString view = m_view;
    const QString self = m_space.selfId;
    const QString conversation = m_conversationId;
    const QTimeZone zone = m_space.zone;
    const qint64 at = now();
    auto read = m_space.store->read<Read>([=](store::SpaceStore &s) -> Result<Read> {
        Result<QList<tasks::TaskSummary>> rows = QList<tasks::TaskSummary>();
        if (view == u"mine"_s)
            rows = tasks::myTasks(s.db(), self);
        else if (view == u"assigned"_s)
            rows = tasks::assignedByMe(s.db(), self);
        else if (view == u"today"_s)
            rows = tasks::dueToday(s.db(), self, zone, at);
        else if (view == u"overdue"_s)
            rows = tasks::overdue(s.db(), self, at);
        else if (view == u"conversation"_s && !conversation.isEmpty())
            rows = tasks::tasksInConversation(s.db(), conversation);
        else if (view == u"all"_s)
            rows = tasks::allTasks(s.db());
        if (!rows)
            return rows.error();
        auto users = s.users();
        if (!users)
            return users.error();
        Read out;
        out.rows = std::move(*rows);
        for (const store::User &u : *users)
            out.names.insert(u.id, u.displayName.isEmpty() ? u.userName : u.displayName);
        return out;
    });
    models::onReply(this, read, [this](const Result<Read> &r) {
        m_reading = false;
        const QString error = r ? QString() : tr("The tasks could not be read: %1").arg(r.error().message);
        if (error != m_errorText) {
            m_errorText = error;
            Q_EMIT errorTextChanged();
        }
        if (r)
            setRows(*r);
        if (m_again) {
            m_again = false;
            reload();
        }
    });
}

void TaskListModel::setRows(Read read)
{
    const int before = int(m_rows.size());
    beginResetModel();
    m_rows = std::move(read.rows);
    m_names = std::move(read.names);
    endResetModel();
    if (before != int(m_rows.size()))
        Q_EMIT countChanged();
    if (!m_loaded && m_space.isValid()) {
        m_loaded = true;
        Q_EMIT loadedChanged();
    }
}

} // namespace tandem::app
