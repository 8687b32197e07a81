// The conversation's details: members (external people marked), pinned messages, and files.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Rectangle {
    id: panel
    property var conversation
    property var session
    signal closeRequested()
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Conversation details")

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            Layout.leftMargin: Theme.spacing * 2
            Layout.rightMargin: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: qsTr("Details")
                font.bold: true
                font.pixelSize: Theme.baseSize * 1.1
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            ToolButton {
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                objectName: "closeDetailsButton"
                text: "✕"
                onClicked: panel.closeRequested()
                Accessible.name: qsTr("Close the details")
            }
        }
        TabBar {
            id: tabs
            Accessible.name: qsTr("Details")
            Layout.fillWidth: true
            TabButton { text: qsTr("Members (%1)").arg(panel.conversation ? panel.conversation.memberCount : 0); Accessible.name: text; Accessible.onPressAction: tabs.currentIndex = TabBar.index }
            TabButton { text: qsTr("Pinned"); Accessible.name: text; Accessible.onPressAction: tabs.currentIndex = TabBar.index }
            TabButton { text: qsTr("Files"); Accessible.name: text; Accessible.onPressAction: tabs.currentIndex = TabBar.index }
            TabButton { text: qsTr("Tasks"); Accessible.name: text; Accessible.onPressAction: tabs.currentIndex = TabBar.index }
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            ListView {
                objectName: "membersList"
                clip: true
                activeFocusOnTab: true // one Tab stop: the arrows move through the members
                keyNavigationEnabled: true
                onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
                model: panel.conversation ? panel.conversation.members : null
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Members")
                ScrollBar.vertical: ScrollBar {}
                delegate: ItemDelegate {
                    required property string userId
                    required property string displayName
                    required property string userName
                    required property bool external
                    required property string role
                    width: ListView.view.width
                    focusPolicy: Qt.NoFocus
                    highlighted: ListView.isCurrentItem && ListView.view.activeFocus
                    Accessible.name: displayName + (external ? ", " + qsTr("external") : "") + (role !== "member" ? ", " + role : "")
                    contentItem: RowLayout {
                        spacing: Theme.spacing
                        Avatar { size: 28; name: displayName; userId: userId }
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: true
                            Label { text: displayName; textFormat: Text.PlainText; color: Theme.text; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: "@" + userName; textFormat: Text.PlainText; color: Theme.faintText; font.pixelSize: Theme.baseSize * 0.8 }
                        }
                        Label { visible: external; text: qsTr("External"); color: Theme.externalMark; font.pixelSize: Theme.baseSize * 0.8 }
                        Label { visible: role !== "member"; text: role === "owner" ? qsTr("Owner") : qsTr("Admin"); color: Theme.mutedText; font.pixelSize: Theme.baseSize * 0.8 }
                    }
                }
            }

            ListView {
                id: pinnedList
                objectName: "pinnedList"
                clip: true
                activeFocusOnTab: true
                keyNavigationEnabled: true
                onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
                // Enter goes to the message, as a click does.
                Keys.onReturnPressed: if (currentItem) currentItem.clicked()
                Keys.onEnterPressed: if (currentItem) currentItem.clicked()
                model: panel.conversation ? panel.conversation.pinned : null
                ScrollBar.vertical: ScrollBar {}
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Pinned messages")
                delegate: ItemDelegate {
                    width: ListView.view.width
                    focusPolicy: Qt.NoFocus
                    highlighted: ListView.isCurrentItem && ListView.view.activeFocus
                    Accessible.name: qsTr("%1 at %2: %3").arg(model.senderName).arg(model.timeText).arg(model.body)
                    onClicked: panel.conversation.jumpToMessage(model.messageId)
                    contentItem: ColumnLayout {
                        spacing: 2
                        Label { text: model.senderName + " · " + model.timeText; color: Theme.mutedText; font.pixelSize: Theme.baseSize * 0.8; textFormat: Text.PlainText }
                        Label { Layout.fillWidth: true; text: model.body; textFormat: Text.PlainText; color: Theme.text; wrapMode: Text.Wrap; maximumLineCount: 3; elide: Text.ElideRight }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: pinnedList.count === 0
                    text: qsTr("Nothing pinned yet.")
                    color: Theme.faintText
                }
            }

            ListView {
                id: fileList
                objectName: "fileList"
                clip: true
                activeFocusOnTab: true
                keyNavigationEnabled: true
                onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
                Keys.onReturnPressed: if (currentItem) currentItem.clicked()
                Keys.onEnterPressed: if (currentItem) currentItem.clicked()
                model: panel.conversation ? panel.conversation.files : null
                ScrollBar.vertical: ScrollBar {}
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Files")
                delegate: ItemDelegate {
                    required property string attachmentId
                    required property string messageId
                    required property string name
                    required property var sizeBytes
                    required property string senderName
                    width: ListView.view.width
                    focusPolicy: Qt.NoFocus
                    highlighted: ListView.isCurrentItem && ListView.view.activeFocus
                    Accessible.name: qsTr("%1, %2, from %3").arg(name).arg(TimeText.fileSize(sizeBytes)).arg(senderName)
                    onClicked: panel.conversation.jumpToMessage(messageId)
                    contentItem: ColumnLayout {
                        spacing: 2
                        Label { Layout.fillWidth: true; text: name; textFormat: Text.PlainText; color: Theme.text; elide: Text.ElideMiddle }
                        Label { text: TimeText.fileSize(sizeBytes) + " · " + senderName; textFormat: Text.PlainText; color: Theme.faintText; font.pixelSize: Theme.baseSize * 0.8 }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: fileList.count === 0
                    text: qsTr("No files yet.")
                    color: Theme.faintText
                }
            }
            ConversationTasks {
                session: panel.session
                conversationId: panel.conversation ? panel.conversation.conversationId : ""
                onTaskChosen: taskId => TaskRequests.openTask(taskId)
            }
        }
    }
}
