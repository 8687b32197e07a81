// The task list model and the task controller (app/tasks) over a real encrypted store: the five views
// and the conversation's tasks, following store changes, edits through the outbox and the local echo,
// and invalid input refused before anything is written.
#include "modeltestsupport.h"

#include "taskcontroller.h"
#include "tasklistmodel.h"

#include "store/filecache.h"
#include "tasks/taskactions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>

using namespace tandem;
using namespace tandem::app;
using namespace tandem::app::test;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone kShanghai(QByteArrayLiteral("Asia/Shanghai"));
// Wednesday 2 December 2026, 10:00 in Shanghai: the tests' "now".
const qint64 kNow = QDateTime(QDate(2026, 12, 2), QTime(10, 0), kShanghai).toMSecsSinceEpoch();

qint64 at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), kShanghai).toMSecsSinceEpoch();
}

} // namespace

class TaskModelsTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestSpace> m_space;

    QTemporaryDir m_filesDir;
    std::shared_ptr<store::FileCache> m_files;

    [[nodiscard]] TaskSpace taskSpace() const
    {
        return {m_space->thread(), nullptr, kMe, kShanghai, m_files};
    }

    // Queues a task.create as the app does and waits for the echo; returns its id.
    QString create(tasks::TaskDraft draft)
    {
        auto queued = tasks::queueTaskCreate(*m_space->thread(), draft);
        queued.waitForFinished();
        if (!queued.result())
            qWarning("create failed: %s", qPrintable(queued.result().error().message));
        return queued.result() ? queued.result()->entityId : QString();
    }

    tasks::TaskDraft draft(const QString &title, QStringList assignees, std::optional<qint64> due = {})
    {
        tasks::TaskDraft d;
        d.title = title;
        d.assignees = std::move(assignees);
        d.dueAt = due;
        return d;
    }

    int outboxCount()
    {
        return m_space->read<int>([](store::SpaceStore &s) -> Result<int> {
            auto st = s.db().prepare("SELECT count(*) FROM outbox");
            if (!st)
                return st.error();
            int n = 0;
            TANDEM_TRY(st->forEachRow([&](const store::Statement &r) { n = int(r.int64(0)); }));
            return n;
        });
    }

private Q_SLOTS:
    void init()
    {
        m_space = std::make_unique<TestSpace>();
        QVERIFY(m_space->open());
        QVERIFY(m_filesDir.isValid());
        m_files = std::make_shared<store::FileCache>(m_filesDir.path(), store::DataKey::generate());
        // Task edits are stamped with a clock that names this device (a signed-in space has one).
        QVERIFY(m_space->write([](store::SpaceStore &s, store::StoreChange &) -> Status {
            auto account = store::loadSyncAccount(s.db());
            if (!account)
                return account.error();
            account->deviceId = u"dev-test"_s;
            return store::saveSyncAccount(s.db(), *account);
        }));
        QVERIFY(m_space->addConversation(u"c-eng"_s, u"Engineering"_s, {kMe, kBob}));
    }

    void viewsListTheirTasks()
    {
        const QString today = create(draft(u"Send the slides"_s, {kMe}, at(2, 17)));
        const QString late = create(draft(u"Book the room"_s, {kMe}, at(1, 9)));
        const QString later = create(draft(u"Plan Q1"_s, {kMe}, at(9, 9)));
        const QString forBob = create(draft(u"Review the contract"_s, {kBob}, at(3, 12)));
        tasks::TaskDraft inChat = draft(u"Fix the login bug"_s, {kBob});
        inChat.conversationId = u"c-eng"_s;
        const QString chat = create(inChat);

        const auto ids = [](const TaskListModel &m) {
            QStringList out;
            for (const auto &t : m.rows())
                out << t.id;
            return out;
        };
        const QList<std::pair<QString, QStringList>> expected {{u"mine"_s, {late, today, later}},
            {u"assigned"_s, {forBob, chat}}, {u"today"_s, {today}}, {u"overdue"_s, {late}},
            {u"conversation"_s, {chat}}};
        for (const auto &[view, want] : expected) {
            TaskListModel model;
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setView(view);
            model.setConversationId(u"c-eng"_s);
            model.attach(taskSpace(), [] { return kNow; });
            QTRY_VERIFY(model.loaded());
            QCOMPARE(ids(model), want);
        }
    }

    void rowsSayWhatAPersonReads()
    {
        tasks::TaskDraft d = draft(u"Book the room"_s, {kMe, kBob}, at(1, 9));
        d.priority = 3;
        d.checklist = {u"Ask facilities"_s, u"Send the invite"_s};
        create(d);
        TaskListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.attach(taskSpace(), [] { return kNow; });
        QTRY_COMPARE(model.count(), 1);
        const QModelIndex row = model.index(0);
        QCOMPARE(row.data(TaskListModel::TitleRole).toString(), u"Book the room"_s);
        QCOMPARE(row.data(TaskListModel::StatusTextRole).toString(), u"Open"_s);
        QCOMPARE(row.data(TaskListModel::PriorityTextRole).toString(), u"High"_s);
        QCOMPARE(row.data(TaskListModel::DueTextRole).toString(), u"Yesterday 09:00"_s);
        QCOMPARE(row.data(TaskListModel::OverdueRole).toBool(), true);
        QCOMPARE(row.data(TaskListModel::AssigneeNamesRole).toString(), u"Bob Stone, Me"_s);
        QCOMPARE(row.data(TaskListModel::ChecklistTotalRole).toInt(), 2);
        QCOMPARE(row.data(TaskListModel::ChecklistDoneRole).toInt(), 0);
    }

    void listFollowsStatusChangesInTheStore()
    {
        const QString id = create(draft(u"Send the slides"_s, {kMe}, at(2, 17)));
        TaskListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.attach(taskSpace(), [] { return kNow; });
        QTRY_COMPARE(model.count(), 1);
        TaskController controller;
        controller.attach(taskSpace(), [] { return kNow; });
        controller.setTaskId(id);
        QTRY_VERIFY(controller.exists());
        QVERIFY(controller.setStatus(u"done"_s));
        // Done is not open: it leaves "my tasks" as soon as the echo is in the store.
        QTRY_COMPARE(model.count(), 0);
        QTRY_COMPARE(controller.status(), u"done"_s);
    }

    void controllerRefusesAnEmptyTitleWithoutWriting()
    {
        TaskController controller;
        controller.attach(taskSpace(), [] { return kNow; });
        const int before = outboxCount();
        QVERIFY(!controller.create({{u"title"_s, u"   "_s}}));
        QCOMPARE(controller.errorText(), u"Give the task a title."_s);
        QCOMPARE(outboxCount(), before);
    }

    void controllerRefusesAnUnparseableDueDate()
    {
        TaskController controller;
        controller.attach(taskSpace(), [] { return kNow; });
        const int before = outboxCount();
        QVERIFY(!controller.create({{u"title"_s, u"Send the slides"_s}, {u"dueDate"_s, u"next friday"_s}}));
        QVERIFY2(controller.errorText().contains(u"2026-12-01"_s), qPrintable(controller.errorText()));
        QVERIFY(!controller.create(
            {{u"title"_s, u"Send the slides"_s}, {u"dueDate"_s, u"2026-12-04"_s}, {u"dueTime"_s, u"5pm"_s}}));
        QVERIFY2(controller.errorText().contains(u"17:30"_s), qPrintable(controller.errorText()));
        QVERIFY(!controller.create({{u"title"_s, u"Send the slides"_s}, {u"dueTime"_s, u"17:00"_s}}));
        QCOMPARE(outboxCount(), before);
    }

    void createFromAMessageLinksBack()
    {
        QVERIFY(m_space->addMessages(
            {message(u"m-1"_s, u"c-eng"_s, kBob, u"Can you send the slides by Friday?\nThanks"_s, kNow, 1)}));
        TaskController controller;
        controller.attach(taskSpace(), [] { return kNow; });
        QSignalSpy created(&controller, &TaskController::created);
        QVERIFY(controller.create({{u"title"_s, u"Send the slides"_s}, {u"dueDate"_s, u"2026-12-04"_s},
            {u"dueTime"_s, u"17:00"_s}, {u"assignees"_s, QStringList {kMe}},
            {u"conversationId"_s, u"c-eng"_s}, {u"sourceMessageId"_s, u"m-1"_s},
            {u"checklist"_s, QStringList {u"Draft"_s, u""_s, u"Review"_s}}}));
        QTRY_COMPARE(created.count(), 1);
        QTRY_VERIFY(controller.exists());
        QCOMPARE(controller.taskId(), created.at(0).at(0).toString());
        QCOMPARE(controller.conversationId(), u"c-eng"_s);
        QCOMPARE(controller.conversationName(), u"Engineering"_s);
        QCOMPARE(controller.sourceMessageId(), u"m-1"_s);
        QCOMPARE(controller.sourceText(), u"Can you send the slides by Friday?"_s);
        QCOMPARE(controller.dueDate(), u"2026-12-04"_s);
        QCOMPARE(controller.dueTime(), u"17:00"_s);
        QCOMPARE(controller.checklist().size(), 2); // the blank item is dropped
        QCOMPARE(controller.assignees().size(), 1);
    }

    void checklistAddTickRemoveAndComment()
    {
        const QString id = create(draft(u"Book the room"_s, {kMe}));
        TaskController controller;
        controller.attach(taskSpace(), [] { return kNow; });
        controller.setTaskId(id);
        QTRY_VERIFY(controller.exists());
        QVERIFY(!controller.addChecklistItem(u"  "_s));
        QVERIFY(controller.addChecklistItem(u"Ask facilities"_s));
        QTRY_COMPARE(controller.checklist().size(), 1);
        QVERIFY(controller.addChecklistItem(u"Send the invite"_s));
        QTRY_COMPARE(controller.checklist().size(), 2);
        QCOMPARE(controller.checklist().at(1).toMap().value(u"text"_s).toString(), u"Send the invite"_s);
        const QString first = controller.checklist().at(0).toMap().value(u"itemId"_s).toString();
        QVERIFY(controller.setChecklistItemDone(first, true));
        QTRY_VERIFY(controller.checklist().at(0).toMap().value(u"done"_s).toBool());
        QVERIFY(controller.removeChecklistItem(first));
        QTRY_COMPARE(controller.checklist().size(), 1);
        QCOMPARE(controller.checklist().at(0).toMap().value(u"text"_s).toString(), u"Send the invite"_s);

        QVERIFY(!controller.addComment(u"\n"_s));
        QVERIFY(controller.addComment(u"Room 3 is free"_s));
        QTRY_COMPARE(controller.comments().size(), 1);
        QCOMPARE(controller.comments().at(0).toMap().value(u"authorName"_s).toString(), u"Me"_s);
    }

    void filesAttachListAndRemoveThroughTheController()
    {
        const QString id = create(draft(u"Countersign the contract"_s, {kMe}));
        TaskController controller;
        controller.attach(taskSpace(), [] { return kNow; });
        controller.setTaskId(id);
        QTRY_VERIFY(controller.exists());
        QCOMPARE(controller.files()->items().size(), 0);

        QVERIFY(!controller.attachFile(QUrl(u"https://example.com/contract.pdf"_s)));
        QVERIFY(!controller.errorText().isEmpty());
        // A file that is not there: refused once the pool thread looked, with its name in the message.
        QVERIFY(controller.attachFile(QUrl::fromLocalFile(m_filesDir.filePath(u"missing.pdf"_s))));
        QTRY_VERIFY(controller.errorText().contains(u"missing.pdf"_s));

        const QString path = m_filesDir.filePath(u"contract.pdf"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("%PDF-1.4 signed\n").repeated(100));
        file.close();
        const int before = outboxCount();
        QVERIFY(controller.attachFile(QUrl::fromLocalFile(path)));
        QTRY_COMPARE(controller.files()->items().size(), 1);
        const QVariantMap item = controller.files()->items().first().toMap();
        QCOMPARE(item.value(u"name"_s).toString(), u"contract.pdf"_s);
        QCOMPARE(item.value(u"sizeBytes"_s).toLongLong(), 1600);
        QCOMPARE(item.value(u"state"_s).toString(), u"cached"_s); // copied into the encrypted cache
        QCOMPARE(outboxCount(), before + 1);
        const QString fileId = item.value(u"id"_s).toString();
        // The row the upload starts from: no message, waiting to go up.
        const QString row = m_space->read<QString>([fileId](store::SpaceStore &s) -> Result<QString> {
            auto st = s.db().prepare("SELECT message_id || '|' || state FROM attachments WHERE id = ?1");
            if (!st)
                return st.error();
            QString out;
            TANDEM_TRY(st->bind(1, fileId).forEachRow([&](const store::Statement &r) { out = r.text(0); }));
            return out;
        });
        QCOMPARE(row, u"|uploading"_s);

        QVERIFY(controller.removeFile(fileId));
        QTRY_COMPARE(controller.files()->items().size(), 0);
    }

    void aNewTaskTakesItsChecklistAndFilesWithIt()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        TaskController controller;
        controller.attach(taskSpace(), [] { return kNow; });
        const auto writeFile = [this](const QString &name, const QByteArray &bytes) {
            QFile file(m_filesDir.filePath(name));
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
                qFatal("cannot write %s", qPrintable(name));
            return QUrl::fromLocalFile(file.fileName());
        };
        const QUrl plan = writeFile(u"floor plan.pdf"_s, QByteArray("%PDF-1.4 plan\n").repeated(200));
        const QUrl quote = writeFile(u"quote.xlsx"_s, QByteArray(2048, 'q'));

        // What cannot be sent is refused at once, and the draft stays as it was.
        QVERIFY(!controller.addDraftFiles({QUrl(u"https://example.com/plan.pdf"_s)}));
        QVERIFY(!controller.errorText().isEmpty());
        QVERIFY(!controller.addDraftFiles({plan, QUrl::fromLocalFile(m_filesDir.filePath(u"gone.pdf"_s))}));
        QVERIFY(controller.errorText().contains(u"gone.pdf"_s));
        QCOMPARE(controller.draftFiles().size(), 0);

        QSignalSpy changed(&controller, &TaskController::draftFilesChanged);
        QVERIFY(controller.addDraftFiles({plan, quote, plan})); // a file chosen twice is listed once
        QVERIFY(controller.errorText().isEmpty());
        QCOMPARE(controller.draftFiles().size(), 2);
        QCOMPARE(controller.draftFiles().at(0).toMap().value(u"name"_s).toString(), u"floor plan.pdf"_s);
        // As the file cards write sizes (qml/content/FileSizes.js).
        QCOMPARE(controller.draftFiles().at(1).toMap().value(u"sizeText"_s).toString(), u"2.0 KB"_s);
        controller.removeDraftFile(0);
        QCOMPARE(controller.draftFiles().size(), 1);
        QVERIFY(controller.addDraftFiles({plan}));
        QCOMPARE(changed.count(), 3);

        // As many files as a task.create carries, and no more.
        QList<QUrl> many;
        for (int i = 0; i < 19; ++i)
            many << writeFile(u"page-%1.txt"_s.arg(i), QByteArray::number(i));
        QVERIFY(!controller.addDraftFiles(many));
        QVERIFY(controller.errorText().contains(u"20"_s));
        QCOMPARE(controller.draftFiles().size(), 2);

        QSignalSpy created(&controller, &TaskController::created);
        QVERIFY(controller.create(
            {{u"title"_s, u"Move to the third floor"_s}, {u"assignees"_s, QStringList {kMe}},
                {u"checklist"_s, QStringList {u"Book the movers"_s, u"Label the boxes"_s}}}));
        QTRY_COMPARE(created.count(), 1);
        QCOMPARE(controller.draftFiles().size(), 0);
        QTRY_VERIFY(controller.exists());
        QTRY_COMPARE(controller.files()->items().size(), 2);
        QCOMPARE(controller.checklist().size(), 2);
        QStringList names;
        for (const QVariant &item : controller.files()->items()) {
            names << item.toMap().value(u"name"_s).toString();
            QCOMPARE(item.toMap().value(u"state"_s).toString(), u"cached"_s); // in the encrypted cache
        }
        names.sort();
        QCOMPARE(names, (QStringList {u"floor plan.pdf"_s, u"quote.xlsx"_s}));

        // One task.create carries them: the outbox uploads the files first, then sends it.
        const QString payload = m_space->read<QString>([](store::SpaceStore &s) -> Result<QString> {
            auto st = s.db().prepare("SELECT payload FROM outbox WHERE kind = 'task.create'");
            if (!st)
                return st.error();
            QString out;
            TANDEM_TRY(st->forEachRow([&](const store::Statement &r) { out = r.text(0); }));
            return out;
        });
        const QJsonObject sent = QJsonDocument::fromJson(payload.toUtf8()).object();
        QCOMPARE(sent.value(u"attachment_ids"_s).toArray().size(), 2);
        QCOMPARE(sent.value(u"checklist"_s).toArray().size(), 2);
        QCOMPARE(outboxCount(), 1);
    }

    void aDraftFileThatVanishedStopsTheTaskAndSaysWhich()
    {
        TaskController controller;
        controller.attach(taskSpace(), [] { return kNow; });
        const QString path = m_filesDir.filePath(u"minutes.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("minutes");
        file.close();
        QVERIFY(controller.addDraftFiles({QUrl::fromLocalFile(path)}));
        QVERIFY(QFile::remove(path));
        QVERIFY(controller.create({{u"title"_s, u"Send the minutes"_s}}));
        QTRY_VERIFY(controller.errorText().contains(u"minutes.txt"_s));
        QVERIFY(!controller.exists());
        QCOMPARE(controller.draftFiles().size(), 1); // kept, to remove or choose again
        QCOMPARE(outboxCount(), 0);
    }

    void assigneesAndDueChangeThroughTheController()
    {
        const QString id = create(draft(u"Book the room"_s, {kMe}));
        TaskController controller;
        controller.attach(taskSpace(), [] { return kNow; });
        controller.setTaskId(id);
        QTRY_VERIFY(controller.exists());
        QCOMPARE(controller.members().size(), 3); // everyone of the space can be picked
        QVERIFY(controller.setAssigned(kBob, true));
        QTRY_COMPARE(controller.assignees().size(), 2);
        QVERIFY(controller.setAssigned(kMe, false));
        QTRY_COMPARE(controller.assignees().size(), 1);
        QVERIFY(controller.setDue(u"2026-12-03"_s, u""_s));
        QTRY_COMPARE(controller.dueTime(), u"18:00"_s); // a date alone: the end of the working day
        QVERIFY(!controller.setDue(u"03/12/2026"_s, u""_s));
        QVERIFY(!controller.errorText().isEmpty());
        QVERIFY(controller.setDue(u""_s, u""_s));
        QTRY_COMPARE(controller.dueAt(), 0);
        QVERIFY(!controller.setTitle(u""_s));
        QVERIFY(controller.setTitle(u"Book room 3"_s));
        QTRY_COMPARE(controller.title(), u"Book room 3"_s);
        QVERIFY(controller.deleteTask());
        QTRY_VERIFY(!controller.exists());
    }
};

QTEST_GUILESS_MAIN(TaskModelsTest)
#include "tst_taskmodels.moc"
