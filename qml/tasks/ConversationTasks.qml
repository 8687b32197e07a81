// The tasks of one conversation, for its details panel: every task made in it or from one of its
// messages, done ones included. A click opens the task in the tasks view.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

ListView {
    id: conversationTasks
    property var session: null
    property string conversationId
    signal taskChosen(string taskId)
    clip: true
    model: TaskListModel { session: conversationTasks.session; view: "conversation"; conversationId: conversationTasks.conversationId }
    activeFocusOnTab: true
    keyNavigationEnabled: true
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Tasks of this conversation")
    ScrollBar.vertical: ScrollBar {}
    Keys.onReturnPressed: if (currentItem) taskChosen(currentItem.taskId)
    delegate: TaskRow {
        width: ListView.view.width
        onClicked: conversationTasks.taskChosen(taskId)
    }
    Label {
        anchors.centerIn: parent
        visible: conversationTasks.count === 0
        text: qsTr("No tasks yet. Make one from a message's menu.")
        color: Theme.faintText
    }
}
