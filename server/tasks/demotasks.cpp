#include "demotasks.h"

#include "protocol/fields.h"
#include "tasks/hlc.h"

#include <QDateTime>
#include <QJsonArray>

namespace tandem::server::tasks {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kHour = 3600 * 1000;
const QString kDevice = u"d_demo_seed"_s;

QJsonArray checklist(const QList<std::pair<QString, bool>> &items)
{
    QJsonArray out;
    for (const auto &[text, done] : items)
        out.append(QJsonObject {{u"item_id"_s, protocol::newUuid()}, {u"text"_s, text}, {u"done"_s, done}});
    return out;
}

} // namespace

Status seedDemoTasks(qint64 now, const QString &launch, const QString &aliceBob, const DemoTaskMutate &mutate)
{
    qint64 at = now - 3 * kHour;
    int counter = 0;
    const auto stamp = [&] { return ::tandem::tasks::Hlc {at, counter++, kDevice}.toString(); };
    const auto create = [&](const QString &user, QJsonObject payload) -> Result<QString> {
        at += 60 * 1000;
        const QString id = protocol::newUuid();
        payload.insert(u"task_id"_s, id);
        payload.insert(u"hlc"_s, stamp());
        TANDEM_TRY(mutate(user, kDevice, u"task.create"_s, payload, at));
        return id;
    };
    const auto add = [&](const QString &user, const QJsonObject &payload) -> Status {
        auto r = create(user, payload);
        if (!r)
            return r.error();
        return {};
    };
    // Due today in the demo machine's zone, where the app's "due today" looks; before midnight.
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(now);
    const qint64 endOfToday = QDateTime(local.date().addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
    const qint64 dueToday
        = std::max(now + 30 * 60 * 1000, std::min(now + 3 * kHour, endOfToday - 10 * 60 * 1000));
    const qint64 inTwoDays = QDateTime(local.date().addDays(2), QTime(17, 0)).toMSecsSinceEpoch();

    // Bob asks Alice in their chat; Alice makes a task of it.
    const QString messageId = protocol::newUuid();
    at += 60 * 1000;
    TANDEM_TRY(mutate(u"u_bob"_s, QString(), u"message.send"_s,
        {{u"message_id"_s, messageId}, {u"conversation_id"_s, aliceBob},
            {u"body"_s, u"Alice, could you send the Q4 slides to Kunlun Trading before Friday? 客户在等"_s},
            {u"format"_s, u"markdown"_s}},
        at));
    auto slides = create(u"u_alice"_s,
        {{u"title"_s, u"Send the Q4 slides to Kunlun Trading"_s},
            {u"description"_s, u"Bob asked for them before Friday; use the new template."_s},
            {u"priority"_s, 3}, {u"due_at"_s, double(inTwoDays)}, {u"assignees"_s, QJsonArray {u"u_alice"_s}},
            {u"conversation_id"_s, aliceBob}, {u"source_message_id"_s, messageId}});
    if (!slides)
        return slides.error();
    TANDEM_TRY(mutate(u"u_bob"_s, kDevice, u"task.comment"_s,
        {{u"task_id"_s, *slides}, {u"comment_id"_s, protocol::newUuid()},
            {u"body"_s, u"The template is in the shared folder."_s}},
        at += 60 * 1000));

    // Overdue: Bob gave Alice the contract review yesterday morning.
    TANDEM_TRY(add(u"u_bob"_s,
        {{u"title"_s, u"Review the Kunlun contract draft"_s}, {u"priority"_s, 2},
            {u"due_at"_s, double(now - 26 * kHour)}, {u"assignees"_s, QJsonArray {u"u_alice"_s}},
            {u"conversation_id"_s, launch}}));

    // Due today, with a checklist half done.
    TANDEM_TRY(add(u"u_alice"_s,
        {{u"title"_s, u"Prepare the launch checklist"_s}, {u"status"_s, u"in_progress"_s},
            {u"due_at"_s, double(dueToday)}, {u"assignees"_s, QJsonArray {u"u_alice"_s}},
            {u"conversation_id"_s, launch},
            {u"checklist"_s,
                checklist({{u"Confirm the date with marketing"_s, true}, {u"Book the venue"_s, true},
                    {u"Send the invitations"_s, false}, {u"确认客户名单"_s, false}})}}));

    // Alice gave Bob a task (her "assigned by me" view).
    TANDEM_TRY(add(u"u_alice"_s,
        {{u"title"_s, u"Book the meeting room for Monday"_s}, {u"priority"_s, 1},
            {u"due_at"_s, double(inTwoDays + 24 * kHour)}, {u"assignees"_s, QJsonArray {u"u_bob"_s}}}));
    return {};
}

} // namespace tandem::server::tasks
