// One task, to read and change: title, description, status, priority, due date and time, assignees
// (picked from the space's people), checklist (add, tick, remove), files (attach, open, save, remove),
// comments, and the message it was made from (a click opens the conversation there). With no task yet it
// is the "New task" form, whose checklist and files go with the task.create; the draft's message link and
// text come from prefill().
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Pane {
    id: editor
    // A TaskController (in tests an object with the same properties and functions).
    property var controller: null
    property color accent: Theme.workAccent
    // The space's AttachmentTransfers, for the files' progress and picture previews.
    property var transfers: null
    readonly property bool creating: !!controller && !controller.exists
    // The new task's link back: the conversation and message it is made from.
    property string draftConversationId
    property string draftMessageId
    property var draftAssignees: []
    property var draftChecklist: [] // item texts, sent with the new task
    signal messageChosen(string conversationId, string messageId)
    padding: Theme.spacing * 2
    background: Rectangle { color: Theme.background }
    Accessible.role: Accessible.Pane
    Accessible.name: creating ? qsTr("New task") : qsTr("Task: %1").arg(controller ? controller.title : "")

    readonly property var statuses: [["open", qsTr("Open")], ["in_progress", qsTr("In progress")], ["done", qsTr("Done")], ["cancelled", qsTr("Cancelled")]]
    readonly property var priorities: [qsTr("No priority"), qsTr("Low"), qsTr("Medium"), qsTr("High")]

    // The fields hold what is typed; they take the task's values when it loads or changes (not as
    // bindings: prefill() and typing assign them).
    readonly property string shownTitle: controller && !creating ? controller.title : ""
    readonly property string shownDescription: controller && !creating ? controller.description : ""
    readonly property string shownDue: controller && !creating ? controller.dueDate + " " + controller.dueTime : ""
    onShownTitleChanged: if (!creating) titleField.text = shownTitle
    onShownDescriptionChanged: if (!creating) descriptionArea.text = shownDescription
    onShownDueChanged: syncDue()
    onCreatingChanged: if (!creating) { titleField.text = shownTitle; descriptionArea.text = shownDescription; draftChecklist = []; syncDue() }
    Component.onCompleted: if (!creating) { titleField.text = shownTitle; descriptionArea.text = shownDescription; syncDue() }
    function syncDue() {
        if (creating)
            return
        dueDateField.text = controller ? controller.dueDate : ""
        dueTimeField.text = controller ? controller.dueTime : ""
    }
    function indexOfStatus(s) {
        for (let i = 0; i < statuses.length; ++i)
            if (statuses[i][0] === s)
                return i
        return 0
    }
    // A new task from a message: its text as the title (first line) and description (the rest).
    function prefill(text, conversationId, messageId) {
        const lines = (text || "").trim().split("\n")
        titleField.text = lines[0].slice(0, 256)
        descriptionArea.text = lines.slice(1).join("\n").trim()
        draftConversationId = conversationId || ""
        draftMessageId = messageId || ""
        draftAssignees = []
        draftChecklist = []
        if (controller)
            controller.clearDraftFiles()
        dueDateField.text = ""
        dueTimeField.text = ""
        priorityBox.currentIndex = 0
        titleField.forceActiveFocus()
    }
    function submitNew() {
        controller.create({ title: titleField.text, description: descriptionArea.text, priority: priorityBox.currentIndex,
                            status: statuses[statusBox.currentIndex][0], dueDate: dueDateField.text, dueTime: dueTimeField.text,
                            assignees: draftAssignees, checklist: draftChecklist,
                            conversationId: draftConversationId, sourceMessageId: draftMessageId })
    }
    // Files chosen in the dialog (file: URLs): kept with the new task's draft, or attached one by one.
    function attachFiles(urls) {
        if (creating) {
            controller.addDraftFiles(urls)
            return
        }
        for (let i = 0; i < urls.length; ++i)
            controller.attachFile(urls[i])
    }
    function isAssigned(userId) {
        if (creating)
            return draftAssignees.indexOf(userId) >= 0
        return controller.assignees.some(a => a.userId === userId)
    }
    function toggleAssignee(userId, on) {
        if (creating) {
            const next = draftAssignees.filter(id => id !== userId)
            if (on)
                next.push(userId)
            draftAssignees = next
        } else {
            controller.setAssigned(userId, on)
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing

            Label {
                text: editor.creating ? qsTr("New task") : qsTr("Task")
                font.bold: true
                font.pixelSize: Theme.baseSize * 1.2
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            // The link back to the message it was made from.
            ItemDelegate {
                id: sourceLink
                objectName: "taskSourceLink"
                readonly property string conversationId: editor.creating ? editor.draftConversationId : (editor.controller ? editor.controller.conversationId : "")
                readonly property string messageId: editor.creating ? editor.draftMessageId : (editor.controller ? editor.controller.sourceMessageId : "")
                visible: conversationId.length > 0
                Layout.fillWidth: true
                enabled: !editor.creating && messageId.length > 0
                text: messageId.length > 0
                      ? (editor.creating ? qsTr("From a message in this conversation")
                                         : qsTr("From a message in %1: “%2”").arg(editor.controller.conversationName).arg(editor.controller.sourceText))
                      : qsTr("In %1").arg(editor.controller ? editor.controller.conversationName : "")
                Accessible.name: messageId.length > 0 && !editor.creating ? qsTr("Open the message this task was made from") + ": " + text : text
                onClicked: editor.messageChosen(conversationId, messageId)
                contentItem: Label {
                    text: "↩ " + sourceLink.text
                    textFormat: Text.PlainText
                    color: sourceLink.enabled ? Theme.link : Theme.mutedText
                    font.underline: sourceLink.enabled && sourceLink.hovered
                    elide: Text.ElideRight
                }
            }
            Label { text: qsTr("Title"); color: Theme.mutedText; font.pixelSize: Theme.baseSize * 0.85 }
            TextField {
                id: titleField
                objectName: "taskTitle"
                Layout.fillWidth: true
                placeholderText: qsTr("What needs doing")
                maximumLength: 256
                Accessible.name: qsTr("Title")
                onEditingFinished: if (!editor.creating && editor.controller && text !== editor.controller.title) editor.controller.setTitle(text)
                Keys.onReturnPressed: if (editor.creating) editor.submitNew(); else editingFinished()
            }
            Label { text: qsTr("Description"); color: Theme.mutedText; font.pixelSize: Theme.baseSize * 0.85 }
            TextArea {
                id: descriptionArea
                objectName: "taskDescription"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(implicitHeight, Theme.baseSize * 4)
                background: Rectangle { color: Theme.raised; border.color: descriptionArea.activeFocus ? editor.accent : Theme.border; radius: 2 }
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Details, links, what done looks like")
                Accessible.name: qsTr("Description")
                KeyNavigation.priority: KeyNavigation.BeforeItem
                KeyNavigation.tab: statusBox
                onActiveFocusChanged: if (!activeFocus && !editor.creating && editor.controller && text !== editor.controller.description) editor.controller.setDescription(text)
            }
            Flow {
                Layout.fillWidth: true
                Layout.preferredWidth: scroll.availableWidth // not its implicit width (a polish loop)
                spacing: Theme.spacing
                ColumnLayout {
                    spacing: 2
                    Label { text: qsTr("Status"); color: Theme.mutedText; font.pixelSize: Theme.baseSize * 0.85 }
                    ComboBox {
                        id: statusBox
                        objectName: "taskStatus"
                        model: editor.statuses.map(s => s[1])
                        currentIndex: editor.controller && !editor.creating ? editor.indexOfStatus(editor.controller.status) : 0
                        Accessible.name: qsTr("Status")
                        onActivated: index => { if (!editor.creating) editor.controller.setStatus(editor.statuses[index][0]) }
                    }
                }
                ColumnLayout {
                    spacing: 2
                    Label { text: qsTr("Priority"); color: Theme.mutedText; font.pixelSize: Theme.baseSize * 0.85 }
                    ComboBox {
                        id: priorityBox
                        objectName: "taskPriority"
                        model: editor.priorities
                        currentIndex: editor.controller && !editor.creating ? editor.controller.priority : 0
                        Accessible.name: qsTr("Priority")
                        onActivated: index => { if (!editor.creating) editor.controller.setPriority(index) }
                    }
                }
                ColumnLayout {
                    spacing: 2
                    Label { text: qsTr("Due date"); color: Theme.mutedText; font.pixelSize: Theme.baseSize * 0.85 }
                    TextField {
                        id: dueDateField
                        objectName: "taskDueDate"
                        Layout.preferredWidth: Theme.baseSize * 8
                        placeholderText: "2026-12-01"
                        inputMethodHints: Qt.ImhDate
                        color: editor.controller && editor.controller.overdue ? Theme.danger : Theme.text
                        Accessible.name: qsTr("Due date (year-month-day)")
                        onEditingFinished: if (!editor.creating && editor.controller) editor.controller.setDue(text, dueTimeField.text)
                    }
                }
                ColumnLayout {
                    spacing: 2
                    Label { text: qsTr("Due time"); color: Theme.mutedText; font.pixelSize: Theme.baseSize * 0.85 }
                    TextField {
                        id: dueTimeField
                        objectName: "taskDueTime"
                        Layout.preferredWidth: Theme.baseSize * 5
                        placeholderText: "18:00"
                        inputMethodHints: Qt.ImhTime
                        Accessible.name: qsTr("Due time (hours:minutes; 18:00 when empty)")
                        onEditingFinished: if (!editor.creating && editor.controller) editor.controller.setDue(dueDateField.text, text)
                    }
                }
            }
            Label {
                objectName: "taskError"
                visible: !!editor.controller && editor.controller.errorText.length > 0
                Layout.fillWidth: true
                text: editor.controller ? editor.controller.errorText : ""
                color: Theme.danger
                wrapMode: Text.Wrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            Label { text: qsTr("Assignees"); color: Theme.mutedText; font.pixelSize: Theme.baseSize * 0.85 }
            Flow {
                Layout.fillWidth: true
                Layout.preferredWidth: scroll.availableWidth // not its implicit width (a polish loop)
                spacing: Theme.spacing / 2
                Repeater {
                    model: editor.controller ? editor.controller.members : []
                    delegate: TaskChip {
                        required property var modelData
                        checkable: true
                        checked: editor.isAssigned(modelData.userId)
                        text: (checked ? "✓ " : "") + modelData.displayName
                        accent: editor.accent
                        Accessible.role: Accessible.CheckBox
                        Accessible.name: qsTr("Assign %1").arg(modelData.displayName)
                        Accessible.checked: checked
                        onToggled: editor.toggleAssignee(modelData.userId, checked)
                    }
                }
            }

            // The new task's checklist and files, sent with it.
            ColumnLayout {
                visible: editor.creating
                Layout.fillWidth: true
                spacing: Theme.spacing / 2

                Label {
                    text: qsTr("Checklist")
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseSize * 0.85
                    Layout.topMargin: Theme.spacing
                }
                Repeater {
                    model: editor.draftChecklist
                    delegate: RowLayout {
                        required property string modelData
                        required property int index
                        Layout.fillWidth: true
                        Label { Layout.fillWidth: true; text: "☐  " + modelData; textFormat: Text.PlainText; wrapMode: Text.Wrap; color: Theme.text }
                        ToolButton {
                            text: "✕"
                            Accessible.name: qsTr("Remove “%1”").arg(modelData)
                            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                            onClicked: editor.draftChecklist = editor.draftChecklist.filter((_, i) => i !== index)
                        }
                    }
                }
                TextField {
                    objectName: "newDraftChecklistItem"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Add an item and press Enter")
                    maximumLength: 512
                    Accessible.name: qsTr("New checklist item")
                    onAccepted: {
                        if (text.trim().length === 0)
                            return
                        editor.draftChecklist = editor.draftChecklist.concat([text.trim()])
                        text = ""
                    }
                }

                Label {
                    text: qsTr("Files")
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseSize * 0.85
                    Layout.topMargin: Theme.spacing
                }
                Repeater {
                    model: editor.controller ? editor.controller.draftFiles : []
                    delegate: RowLayout {
                        required property var modelData
                        required property int index
                        Layout.fillWidth: true
                        Label {
                            objectName: "draftTaskFile"
                            Layout.fillWidth: true
                            text: modelData.name + "  ·  " + modelData.sizeText
                            textFormat: Text.PlainText
                            elide: Text.ElideMiddle
                            color: Theme.text
                        }
                        ToolButton {
                            text: "✕"
                            Accessible.name: qsTr("Remove the file “%1”").arg(modelData.name)
                            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                            onClicked: editor.controller.removeDraftFile(index)
                        }
                    }
                }
                Button {
                    objectName: "attachDraftTaskFile"
                    text: qsTr("Attach file…")
                    Accessible.name: qsTr("Attach a file to the new task")
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    onClicked: fileDialog.open()
                }
            }

            TaskChip {
                objectName: "createTaskButton"
                visible: editor.creating
                text: qsTr("Create task")
                highlighted: true
                accent: editor.accent
                onClicked: editor.submitNew()
            }

            // Checklist, comments and delete exist once the task does.
            ColumnLayout {
                visible: !editor.creating
                Layout.fillWidth: true
                spacing: Theme.spacing / 2

                Label {
                    text: qsTr("Checklist")
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseSize * 0.85
                    Layout.topMargin: Theme.spacing
                }
                Repeater {
                    model: editor.controller ? editor.controller.checklist : []
                    delegate: RowLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        CheckBox {
                            Layout.fillWidth: true
                            text: modelData.text
                            checked: modelData.done
                            Accessible.name: modelData.text
                            onToggled: editor.controller.setChecklistItemDone(modelData.itemId, checked)
                        }
                        ToolButton {
                            text: "✕"
                            Accessible.name: qsTr("Remove “%1”").arg(modelData.text)
                            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                            onClicked: editor.controller.removeChecklistItem(modelData.itemId)
                        }
                    }
                }
                TextField {
                    objectName: "newChecklistItem"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Add an item and press Enter")
                    maximumLength: 512
                    Accessible.name: qsTr("New checklist item")
                    onAccepted: if (editor.controller.addChecklistItem(text)) text = ""
                }

                Label {
                    text: qsTr("Files")
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseSize * 0.85
                    Layout.topMargin: Theme.spacing
                }
                Repeater {
                    model: editor.controller && editor.controller.files ? editor.controller.files.items : []
                    delegate: RowLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        AttachmentView {
                            objectName: "taskFile"
                            Layout.fillWidth: true
                            Layout.maximumWidth: 420
                            attachment: ({ attachmentId: modelData.id, name: modelData.name, mimeType: modelData.mimeType,
                                           sizeBytes: modelData.sizeBytes, state: modelData.state })
                            transfers: editor.transfers
                            onDownloadRequested: editor.controller.files.download(modelData.id)
                            onOpenRequested: editor.controller.files.open(modelData.id)
                            onSaveRequested: target => editor.controller.files.save(modelData.id, target)
                        }
                        ToolButton {
                            objectName: "removeTaskFile"
                            text: "✕"
                            Accessible.name: qsTr("Remove the file “%1”").arg(modelData.name)
                            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                            onClicked: editor.controller.removeFile(modelData.id)
                        }
                        Item { Layout.fillWidth: true }
                    }
                }
                Label {
                    visible: !!editor.controller && !!editor.controller.files && editor.controller.files.errorText.length > 0
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: editor.controller && editor.controller.files ? editor.controller.files.errorText : ""
                    textFormat: Text.PlainText
                    color: Theme.danger
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
                Button {
                    objectName: "attachTaskFile"
                    text: qsTr("Attach file…")
                    Accessible.name: qsTr("Attach a file to this task")
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    onClicked: fileDialog.open()
                }

                Label {
                    text: qsTr("Comments")
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseSize * 0.85
                    Layout.topMargin: Theme.spacing
                }
                Repeater {
                    model: editor.controller ? editor.controller.comments : []
                    delegate: ColumnLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 0
                        Label { text: modelData.authorName + " · " + modelData.timeText; textFormat: Text.PlainText; color: Theme.mutedText; font.pixelSize: Theme.baseSize * 0.8 }
                        Label { Layout.fillWidth: true; text: modelData.body; textFormat: Text.PlainText; wrapMode: Text.Wrap; color: Theme.text }
                    }
                }
                TextField {
                    objectName: "newComment"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Write a comment and press Enter")
                    Accessible.name: qsTr("New comment")
                    onAccepted: if (editor.controller.addComment(text)) text = ""
                }
                Label {
                    visible: !!editor.controller && editor.controller.createdByName.length > 0
                    text: qsTr("Created by %1").arg(editor.controller ? editor.controller.createdByName : "")
                    textFormat: Text.PlainText
                    color: Theme.faintText
                    font.pixelSize: Theme.baseSize * 0.8
                    Layout.topMargin: Theme.spacing
                }
                Button {
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    text: qsTr("Delete task")
                    flat: true
                    palette.buttonText: Theme.danger
                    onClicked: editor.controller.deleteTask()
                }
            }
        }
    }
    FileDialog {
        id: fileDialog
        objectName: "taskFileDialog"
        fileMode: FileDialog.OpenFiles
        title: qsTr("Attach files to the task")
        onAccepted: editor.attachFiles(selectedFiles)
    }
}
