// Screenshots of the tasks view (issue 6) in English and Simplified Chinese: the list of my tasks with
// one open in the editor (checklist, files, comments, the link to its message), and the "New task" form
// filled from a message. The PNGs go to <build>/test-artifacts/tasks/; the checks make sure each screen speaks
// the language asked for, that the link opens the message, and that the form hands its fields over.
import QtQuick
import QtQuick.Controls
import QtTest
import Tandem.App
import Tandem.Ui

Item {
    id: root
    width: 1100
    height: 760

    ListModel { id: taskRows }
    // Stands in for a TaskController: the same properties, and the calls it got.
    QtObject {
        id: fakeTask
        property string taskId: "t-1"
        property bool exists: true
        property string title: "Send the Q4 slides to Acme"
        property string description: "Bob asked in Engineering; use the new template."
        property string status: "in_progress"
        property int priority: 3
        property string dueDate: "2026-12-02"
        property string dueTime: "17:00"
        property string dueText: "Today 17:00"
        property bool overdue: false
        property string createdByName: "Bob Stone"
        property string conversationId: "eng"
        property string conversationName: "Engineering"
        property string sourceMessageId: "m-9"
        property string sourceText: "Can you send the slides to Acme by 17:00? 客户在等"
        property var assignees: [{ userId: "u-alice", displayName: "Alice Wang" }]
        property var members: [{ userId: "u-alice", displayName: "Alice Wang" }, { userId: "u-bob", displayName: "Bob Stone" },
                               { userId: "u-carol", displayName: "Carol King" }, { userId: "u-dave", displayName: "王大卫" }]
        property var checklist: [{ itemId: "i1", text: "Update the numbers", done: true }, { itemId: "i2", text: "Ask Carol to review", done: false },
                                 { itemId: "i3", text: "发送给客户", done: false }]
        property var comments: [{ commentId: "c1", authorName: "Bob Stone", body: "Template is in the shared folder.", timeText: "2026-12-02 09:12" }]
        property string errorText: ""
        property var lastCreate: null
        // Stands in for an AttachmentFiles: the task's files, and what was asked of them.
        property QtObject files: QtObject {
            property var items: []
            property string errorText: ""
            property var lastOpened: ""
            function download(id) {}
            function open(id) { lastOpened = id }
            function save(id, target) {}
        }
        property var removed: []
        function attachFile(url) {
            const name = url.toString().split("/").pop()
            files.items = files.items.concat([{ id: "f-" + name, name: name, mimeType: "application/pdf", sizeBytes: 482133, state: "cached" }])
            return true
        }
        function removeFile(id) {
            removed = removed.concat([id])
            files.items = files.items.filter(f => f.id !== id)
            return true
        }
        function setStatus(s) { status = s; return true }
        function setPriority(p) { priority = p; return true }
        function setTitle(t) { title = t; return true }
        function setDescription(d) { return true }
        function setDue(d, t) { return true }
        function setAssigned(u, on) { return true }
        function setChecklistItemDone(i, d) { return true }
        function removeChecklistItem(i) { return true }
        function addChecklistItem(t) { return true }
        function addComment(b) { return true }
        function deleteTask() { return true }
        function clearError() { errorText = "" }
        function loadMembers() {}
        function create(draft) { lastCreate = draft; return true }
        property var draftFiles: []
        function addDraftFiles(urls) {
            draftFiles = draftFiles.concat(urls.map(u => ({ path: u, name: String(u).split("/").pop(), sizeText: "2.0 KB" })))
            return true
        }
        function removeDraftFile(i) { draftFiles = draftFiles.filter((_, j) => j !== i) }
        function clearDraftFiles() { draftFiles = [] }
    }
    Component {
        id: viewComponent
        TasksView { parent: root; listModel: taskRows; controller: fakeTask; conversationId: "eng"; conversationName: "Engineering" }
    }

    TestCase {
        name: "TaskScreens"
        when: windowShown

        function init() {
            fakeTask.exists = true
            fakeTask.taskId = "t-1"
            fakeTask.lastCreate = null
            fakeTask.files.items = [{ id: "f-quote", name: "Acme quote Q4.pdf", mimeType: "application/pdf", sizeBytes: 482133, state: "remote" }]
            fakeTask.removed = []
        }
        function fillRows() {
            const t = (s) => qsTranslate("tandem::app::TaskText", s)
            taskRows.clear()
            const rows = [
                ["t-0", "Book the room for the offsite", "open", 2, "Yesterday 09:00", true, "Alice Wang", 0, 0],
                ["t-1", "Send the Q4 slides to Acme", "in_progress", 3, "Today 17:00", false, "Alice Wang", 1, 3],
                ["t-2", "回复客户的报价问题", "open", 0, "Tomorrow 10:00", false, "Alice Wang, 王大卫", 0, 0],
                ["t-3", "Plan Q1 hiring", "open", 1, "", false, "Alice Wang", 0, 2]]
            for (const r of rows)
                taskRows.append({ taskId: r[0], title: r[1], status: r[2], statusText: t(r[2] === "open" ? "Open" : "In progress"),
                                  priority: r[3], priorityText: ["", t("Low"), t("Medium"), t("High")][r[3]], dueText: r[4],
                                  overdue: r[5], assigneeNames: r[6], checklistDone: r[7], checklistTotal: r[8] })
        }
        function shoot(popup, name) {
            tryCompare(popup, "opened", true)
            wait(80)
            grabImage(root).save(testArtifacts + "/tasks/" + name + ".png")
        }

        function test_task_list_data() {
            return [{ tag: "en", language: "en", mine: "My tasks", high: "High" }, { tag: "zh_CN", language: "zh_CN", mine: "我的任务", high: "高" }]
        }
        function test_task_list(data) {
            LanguageSettings.language = data.language
            fillRows()
            compare(taskRows.get(1).priorityText, data.high)
            const view = createTemporaryObject(viewComponent, root)
            view.open()
            const mine = findChild(view.contentItem, "taskView_mine")
            verify(mine)
            compare(mine.text, data.mine)
            const list = findChild(view.contentItem, "taskList")
            compare(list.count, 4)
            shoot(view, "list_" + data.tag)
            // A row opens its task in the editor.
            list.itemAtIndex(2).clicked()
            compare(fakeTask.taskId, "t-2")
            fakeTask.taskId = "t-1"
            view.close()
        }

        function test_task_detail_link_opens_the_message() {
            LanguageSettings.language = "en"
            fillRows()
            const view = createTemporaryObject(viewComponent, root)
            const chosen = spy.createObject(root, { target: view, signalName: "messageChosen" })
            view.open()
            tryCompare(view, "opened", true)
            const link = findChild(view.contentItem, "taskSourceLink")
            verify(link.visible)
            link.clicked()
            compare(chosen.count, 1)
            compare(chosen.signalArguments[0][0], "eng")
            compare(chosen.signalArguments[0][1], "m-9")
            tryCompare(view, "opened", false)
            chosen.destroy()
        }

        function test_new_task_from_message_data() {
            return [{ tag: "en", language: "en", create: "Create task" }, { tag: "zh_CN", language: "zh_CN", create: "创建任务" }]
        }
        function test_new_task_from_message(data) {
            LanguageSettings.language = data.language
            fillRows()
            const view = createTemporaryObject(viewComponent, root)
            fakeTask.exists = false
            view.createFromMessage("Can you send the slides to Acme by 17:00?\nThey need the Q4 numbers.", "eng", "m-9")
            tryCompare(view, "opened", true)
            const title = findChild(view.contentItem, "taskTitle")
            compare(title.text, "Can you send the slides to Acme by 17:00?")
            findChild(view.contentItem, "taskDueDate").text = "2026-12-04"
            findChild(view.contentItem, "taskDueTime").text = "17:00"
            // A checklist item typed and a file chosen go with the new task.
            const item = findChild(view.contentItem, "newDraftChecklistItem")
            item.text = "Check the Q4 numbers"
            item.accepted()
            compare(item.text, "")
            const editor = findChild(view.contentItem, "taskEditor")
            editor.attachFiles(["file:///home/alice/Q4 numbers.xlsx"])
            compare(fakeTask.draftFiles.length, 1)
            tryVerify(() => findChild(view.contentItem, "draftTaskFile") !== null)
            compare(findChild(view.contentItem, "draftTaskFile").text, "Q4 numbers.xlsx  ·  2.0 KB")
            const create = findChild(view.contentItem, "createTaskButton")
            compare(create.text, data.create)
            shoot(view, "new_" + data.tag)
            create.clicked()
            compare(fakeTask.lastCreate.checklist, ["Check the Q4 numbers"])
            compare(fakeTask.lastCreate.title, "Can you send the slides to Acme by 17:00?")
            compare(fakeTask.lastCreate.description, "They need the Q4 numbers.")
            compare(fakeTask.lastCreate.conversationId, "eng")
            compare(fakeTask.lastCreate.sourceMessageId, "m-9")
            compare(fakeTask.lastCreate.dueDate, "2026-12-04")
            fakeTask.exists = true
            fakeTask.taskId = "t-1"
            fakeTask.clearDraftFiles()
            view.close()
        }

        function test_task_detail_data() {
            return [{ tag: "en", language: "en", checklist: "Checklist" }, { tag: "zh_CN", language: "zh_CN", checklist: "检查清单" }]
        }
        function test_task_detail(data) {
            LanguageSettings.language = data.language
            fillRows()
            const view = createTemporaryObject(viewComponent, root)
            view.open()
            const item = findChild(view.contentItem, "newChecklistItem")
            verify(item && item.visible)
            shoot(view, "detail_" + data.tag)
            view.close()
        }

        function test_task_files_attach_list_and_remove() {
            LanguageSettings.language = "en"
            fillRows()
            const view = createTemporaryObject(viewComponent, root)
            view.open()
            tryCompare(view, "opened", true)
            const attach = findChild(view.contentItem, "attachTaskFile")
            verify(attach && attach.visible)
            compare(attach.Accessible.name, "Attach a file to this task")
            // The file dialog's choice goes to the controller; the list shows what it now holds.
            const editor = findChild(view.contentItem, "taskEditor")
            verify(editor)
            editor.attachFiles(["file:///home/me/signed-contract.pdf"])
            tryVerify(() => findChild(view.contentItem, "taskFile") !== null)
            let names = fakeTask.files.items.map(f => f.name)
            compare(names, ["Acme quote Q4.pdf", "signed-contract.pdf"])
            shoot(view, "detail_files_en")
            const remove = findChild(view.contentItem, "removeTaskFile")
            verify(remove)
            remove.clicked()
            compare(fakeTask.removed.length, 1)
            compare(fakeTask.files.items.length, 1)
            view.close()
        }

        function cleanupTestCase() { LanguageSettings.language = "en" }
    }
    Component { id: spy; SignalSpy {} }
}
