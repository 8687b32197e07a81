// The tasks of a space: the views (my tasks, assigned by me, due today, overdue, this conversation) on the
// left with their list, the chosen task (or the "New task" form) on the right. Opened from the rail
// (Ctrl+Shift+T) and from a message's menu ("Create task"), which fills the form with the message.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Popup {
    id: tasksView
    property var session: null
    property string conversationId // the open conversation (the view "conversation")
    property string conversationName
    property color accent: Theme.workAccent
    // The list and the task; tests give a ListModel and a stand-in object.
    property var listModel: ownList
    property var controller: ownController
    property string currentView: "mine"
    signal messageChosen(string conversationId, string messageId)

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(1040, (parent ? parent.width : 1040) - 40)
    height: Math.min(720, (parent ? parent.height : 720) - 40)
    padding: 0
    background: Rectangle { color: Theme.background; radius: Theme.radius; border.color: Theme.border }

    TaskListModel { id: ownList; session: tasksView.session; view: tasksView.currentView; conversationId: tasksView.conversationId }
    TaskController { id: ownController; session: tasksView.session }

    function showView(view) {
        currentView = view
    }
    function openTask(taskId) {
        controller.taskId = taskId
    }
    function newTask() {
        controller.taskId = ""
        if (controller.loadMembers)
            controller.loadMembers()
        if (controller.clearError)
            controller.clearError()
        editor.prefill("", "", "")
    }
    // "Create task" on a message: the form filled with its text and linked back to it.
    function createFromMessage(text, conversationId, messageId) {
        open()
        newTask()
        editor.prefill(text, conversationId, messageId)
    }

    readonly property var views: [["mine", qsTr("My tasks")], ["assigned", qsTr("Assigned by me")], ["today", qsTr("Due today")],
                                  ["overdue", qsTr("Overdue")], ["conversation", qsTr("This conversation")]]

    contentItem: RowLayout {
        spacing: 0
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Tasks")

        ColumnLayout {
            Layout.preferredWidth: 400
            Layout.maximumWidth: 400
            Layout.fillHeight: true
            spacing: 0
            RowLayout {
                Layout.fillWidth: true
                Layout.margins: Theme.spacing * 2
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Tasks")
                    font.bold: true
                    font.pixelSize: Theme.baseSize * 1.2
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                TaskChip {
                    objectName: "newTaskButton"
                    text: qsTr("New task")
                    highlighted: true
                    accent: tasksView.accent
                    onClicked: tasksView.newTask()
                }
                ToolButton {
                    text: "✕"
                    onClicked: tasksView.close()
                    Accessible.name: qsTr("Close tasks")
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                }
            }
            Flow {
                Layout.fillWidth: true
                Layout.preferredWidth: 400 - Theme.spacing * 4 // not its implicit width, which follows its width (a polish loop)
                Layout.leftMargin: Theme.spacing * 2
                Layout.rightMargin: Theme.spacing * 2
                spacing: Theme.spacing / 2
                Accessible.role: Accessible.PageTabList
                Accessible.name: qsTr("Task views")
                Repeater {
                    model: tasksView.views
                    delegate: TaskChip {
                        required property var modelData
                        objectName: "taskView_" + modelData[0]
                        accent: tasksView.accent
                        visible: modelData[0] !== "conversation" || tasksView.conversationId.length > 0
                        text: modelData[0] === "conversation" && tasksView.conversationName.length > 0
                              ? qsTr("In %1").arg(tasksView.conversationName) : modelData[1]
                        checkable: true
                        checked: tasksView.currentView === modelData[0]
                        Accessible.role: Accessible.PageTab
                        Accessible.name: text
                        onClicked: tasksView.showView(modelData[0])
                    }
                }
            }
            ListView {
                id: list
                objectName: "taskList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.topMargin: Theme.spacing
                clip: true
                model: tasksView.listModel
                activeFocusOnTab: true
                keyNavigationEnabled: true
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Tasks")
                ScrollBar.vertical: ScrollBar {}
                Keys.onReturnPressed: if (currentItem) tasksView.openTask(currentItem.taskId)
                delegate: TaskRow {
                    width: ListView.view.width
                    accent: tasksView.accent
                    selected: tasksView.controller && tasksView.controller.taskId === taskId
                    onClicked: tasksView.openTask(taskId)
                }
                Label {
                    anchors.centerIn: parent
                    width: parent.width - Theme.spacing * 4
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    visible: list.count === 0
                    text: tasksView.currentView === "overdue" ? qsTr("Nothing overdue.")
                        : tasksView.currentView === "today" ? qsTr("Nothing due today.")
                        : qsTr("No tasks here. Create one with New task, or from a message's menu.")
                    color: Theme.faintText
                }
            }
        }
        Rectangle { Layout.fillHeight: true; Layout.preferredWidth: 1; color: Theme.border }
        TaskEditor {
            id: editor
            objectName: "taskEditor"
            Layout.fillWidth: true
            Layout.fillHeight: true
            controller: tasksView.controller
            accent: tasksView.accent
            transfers: tasksView.session ? tasksView.session.transfers : null
            visible: !!tasksView.controller && (tasksView.controller.exists || tasksView.controller.taskId === "")
            onMessageChosen: (conversationId, messageId) => {
                tasksView.close()
                tasksView.messageChosen(conversationId, messageId)
            }
        }
    }
}
