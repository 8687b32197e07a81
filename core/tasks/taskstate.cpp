#include "taskstate.h"

#include "hlc.h"

#include <QJsonArray>

#include <algorithm>

namespace tandem::tasks {

using namespace Qt::StringLiterals;

namespace {

// One field under the rule: the greater timestamp wins; equal timestamps are the same write.
bool mergeField(Clocked &held, const Clocked &incoming)
{
    if (incoming.hlc.isEmpty() || !hlcWins(incoming.hlc, held.hlc))
        return false;
    held = incoming; // a newer clock is a change of state even when the value is the same
    return true;
}

bool mergeMap(QMap<QString, Clocked> &held, const QMap<QString, Clocked> &incoming)
{
    bool changed = false;
    for (auto it = incoming.begin(); it != incoming.end(); ++it)
        changed |= mergeField(held[it.key()], it.value());
    return changed;
}

QJsonObject clockedMap(const QMap<QString, Clocked> &m)
{
    QJsonObject o;
    for (auto it = m.begin(); it != m.end(); ++it)
        if (!it->hlc.isEmpty())
            o.insert(it.key(), QJsonObject {{u"value"_s, it->value}, {u"hlc"_s, it->hlc}});
    return o;
}

std::optional<QMap<QString, Clocked>> readClockedMap(const QJsonObject &o)
{
    QMap<QString, Clocked> m;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonObject c = it->toObject();
        const QString hlc = c.value("hlc"_L1).toString();
        if (!it->isObject() || !Hlc::parse(hlc) || !c.contains("value"_L1))
            return std::nullopt;
        m.insert(it.key(), Clocked {c.value("value"_L1), hlc});
    }
    return m;
}

} // namespace

bool TaskState::merge(const TaskState &other)
{
    bool changed = false;
    if (id.isEmpty())
        id = other.id;
    if (createdBy.isEmpty() && !other.createdBy.isEmpty()) {
        createdBy = other.createdBy;
        createdAt = other.createdAt;
        changed = true;
    }
    if (conversationId.isEmpty() && !other.conversationId.isEmpty()) {
        conversationId = other.conversationId;
        changed = true;
    }
    if (sourceMessageId.isEmpty() && !other.sourceMessageId.isEmpty()) {
        sourceMessageId = other.sourceMessageId;
        changed = true;
    }
    changed |= mergeMap(fields, other.fields);
    changed |= mergeMap(assignees, other.assignees);
    for (auto it = other.checklist.begin(); it != other.checklist.end(); ++it)
        changed |= mergeMap(checklist[it.key()], it.value());
    changed |= mergeMap(attachments, other.attachments);
    for (auto it = other.files.begin(); it != other.files.end(); ++it) {
        if (!files.contains(it.key())) {
            files.insert(it.key(), it.value());
            changed = true;
        }
    }
    return changed;
}

QJsonObject TaskState::toRecord() const
{
    QJsonObject r {{u"id"_s, id}, {u"created_by"_s, createdBy}, {u"created_at"_s, double(createdAt)},
        {u"fields"_s, clockedMap(fields)}, {u"assignees"_s, clockedMap(assignees)}};
    if (!conversationId.isEmpty())
        r.insert(u"conversation_id"_s, conversationId);
    if (!sourceMessageId.isEmpty())
        r.insert(u"source_message_id"_s, sourceMessageId);
    QJsonObject items;
    for (auto it = checklist.begin(); it != checklist.end(); ++it)
        items.insert(it.key(), clockedMap(it.value()));
    r.insert(u"checklist"_s, items);
    r.insert(u"attachments"_s, clockedMap(attachments));
    QJsonArray present;
    for (const QString &fileId : attachmentIds())
        if (files.contains(fileId))
            present.append(files.value(fileId));
    r.insert(u"files"_s, present);
    return r;
}

std::optional<TaskState> TaskState::fromRecord(const QJsonObject &record)
{
    TaskState t;
    t.id = record.value("id"_L1).toString();
    t.createdBy = record.value("created_by"_L1).toString();
    t.createdAt = qint64(record.value("created_at"_L1).toDouble());
    t.conversationId = record.value("conversation_id"_L1).toString();
    t.sourceMessageId = record.value("source_message_id"_L1).toString();
    if (t.id.isEmpty())
        return std::nullopt;
    auto f = readClockedMap(record.value("fields"_L1).toObject());
    auto a = readClockedMap(record.value("assignees"_L1).toObject());
    if (!f || !a)
        return std::nullopt;
    t.fields = *f;
    t.assignees = *a;
    const QJsonObject items = record.value("checklist"_L1).toObject();
    for (auto it = items.begin(); it != items.end(); ++it) {
        auto item = readClockedMap(it->toObject());
        if (!item)
            return std::nullopt;
        t.checklist.insert(it.key(), *item);
    }
    // Both absent in records written before tasks had attachments.
    auto attached = readClockedMap(record.value("attachments"_L1).toObject());
    if (!attached)
        return std::nullopt;
    t.attachments = *attached;
    for (const QJsonValue &file : record.value("files"_L1).toArray()) {
        const QString fileId = file.toObject().value("id"_L1).toString();
        if (!fileId.isEmpty())
            t.files.insert(fileId, file.toObject());
    }
    return t;
}

TaskState TaskState::fromPayload(const QString &kind, const QJsonObject &p, const QString &actor, qint64 now)
{
    TaskState t;
    t.id = p.value("task_id"_L1).toString();
    const QString hlc = p.value("hlc"_L1).toString();
    auto set = [&](QMap<QString, Clocked> &m, const QString &key, const QJsonValue &v) {
        m.insert(key, Clocked {v, hlc});
    };
    if (kind == "task.delete"_L1) {
        set(t.fields, u"deleted"_s, true);
        return t;
    }
    if (kind == "task.create"_L1) {
        t.createdBy = actor;
        // The physical part of the create's timestamp, so the local echo and the server agree on it.
        const auto stamp = Hlc::parse(hlc);
        t.createdAt = stamp ? stamp->physical : now;
        t.conversationId = p.value("conversation_id"_L1).toString();
        t.sourceMessageId = p.value("source_message_id"_L1).toString();
        // Every field is written by the create, defaults included, so the record is complete at once.
        set(t.fields, u"title"_s, p.value("title"_L1));
        set(t.fields, u"description"_s, p.value("description"_L1).toString());
        set(t.fields, u"status"_s, p.value("status"_L1).toString(u"open"_s));
        set(t.fields, u"priority"_s, p.value("priority"_L1).toInteger(0));
        set(t.fields, u"due_at"_s,
            p.contains("due_at"_L1) ? p.value("due_at"_L1) : QJsonValue(QJsonValue::Null));
        set(t.fields, u"deleted"_s, false);
        for (const QJsonValue &u : p.value("assignees"_L1).toArray())
            set(t.assignees, u.toString(), true);
        const QJsonArray items = p.value("checklist"_L1).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonObject item = items.at(i).toObject();
            auto &m = t.checklist[item.value("item_id"_L1).toString()];
            set(m, u"text"_s, item.value("text"_L1));
            set(m, u"done"_s, item.value("done"_L1).toBool(false));
            set(m, u"position"_s, double(item.value("position"_L1).toInteger(i)));
            set(m, u"deleted"_s, false);
        }
        for (const QJsonValue &a : p.value("attachment_ids"_L1).toArray())
            set(t.attachments, a.toString(), true);
        return t;
    }
    // task.update
    const QJsonObject fs = p.value("fields"_L1).toObject();
    for (auto it = fs.begin(); it != fs.end(); ++it)
        set(t.fields, it.key(), it.value());
    const QJsonObject as = p.value("assignees"_L1).toObject();
    for (auto it = as.begin(); it != as.end(); ++it)
        set(t.assignees, it.key(), it.value());
    const QJsonObject cs = p.value("checklist"_L1).toObject();
    for (auto it = cs.begin(); it != cs.end(); ++it) {
        const QJsonObject item = it->toObject();
        auto &m = t.checklist[it.key()];
        for (auto jt = item.begin(); jt != item.end(); ++jt)
            set(m, jt.key(), jt.value());
    }
    const QJsonObject files = p.value("attachments"_L1).toObject();
    for (auto it = files.begin(); it != files.end(); ++it)
        set(t.attachments, it.key(), it.value());
    return t;
}

QString TaskState::title() const
{
    return fields.value(u"title"_s).value.toString();
}
QString TaskState::description() const
{
    return fields.value(u"description"_s).value.toString();
}
QString TaskState::status() const
{
    return fields.value(u"status"_s).value.toString(u"open"_s);
}
int TaskState::priority() const
{
    return int(fields.value(u"priority"_s).value.toInteger(0));
}
std::optional<qint64> TaskState::dueAt() const
{
    const QJsonValue v = fields.value(u"due_at"_s).value;
    if (!v.isDouble())
        return std::nullopt;
    return qint64(v.toDouble());
}
bool TaskState::deleted() const
{
    return fields.value(u"deleted"_s).value.toBool(false);
}

QStringList TaskState::assigneeIds() const
{
    QStringList out;
    for (auto it = assignees.begin(); it != assignees.end(); ++it)
        if (it->value.toBool())
            out << it.key();
    return out; // QMap keeps keys sorted
}

QStringList TaskState::attachmentIds() const
{
    QStringList out;
    for (auto it = attachments.begin(); it != attachments.end(); ++it)
        if (it->value.toBool())
            out << it.key();
    return out;
}

QList<ChecklistItem> TaskState::checklistItems() const
{
    QList<ChecklistItem> out;
    for (auto it = checklist.begin(); it != checklist.end(); ++it) {
        const auto &m = it.value();
        if (m.value(u"deleted"_s).value.toBool(false) || !m.contains(u"text"_s))
            continue;
        out.append(ChecklistItem {it.key(), m.value(u"text"_s).value.toString(),
            m.value(u"done"_s).value.toBool(false), qint64(m.value(u"position"_s).value.toDouble(0))});
    }
    std::stable_sort(out.begin(), out.end(), [](const ChecklistItem &a, const ChecklistItem &b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
    return out;
}

QStringList TaskState::clocks() const
{
    QStringList out;
    for (const Clocked &c : fields)
        out << c.hlc;
    for (const Clocked &c : assignees)
        out << c.hlc;
    for (const auto &item : checklist)
        for (const Clocked &c : item)
            out << c.hlc;
    for (const Clocked &c : attachments)
        out << c.hlc;
    out.removeAll(QString());
    return out;
}

QStringList TaskState::changedSince(const TaskState &before) const
{
    QStringList out;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (before.fields.value(it.key()) != it.value())
            out << it.key();
    if (before.assignees != assignees)
        out << u"assignees"_s;
    if (before.checklist != checklist)
        out << u"checklist"_s;
    if (before.attachments != attachments)
        out << u"attachments"_s;
    return out;
}

} // namespace tandem::tasks
