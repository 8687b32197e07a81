// A thread beside the conversation: its replies (oldest at the top, like the timeline) and a composer
// that answers in the thread.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Rectangle {
    id: panel
    property var conversation
    property var session
    property color accent
    readonly property var thread: conversation ? conversation.thread : null
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Thread")

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
                text: qsTr("Thread")
                font.bold: true
                font.pixelSize: Theme.baseSize * 1.1
                color: Theme.text
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            ToolButton {
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                objectName: "closeThreadButton"
                text: "✕"
                onClicked: panel.conversation.closeThread()
                Accessible.name: qsTr("Close the thread")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Close (Esc)")
            }
        }
        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }
        Timeline {
            Layout.fillWidth: true
            Layout.fillHeight: true
            conversation: panel.conversation
            session: panel.session
            accent: panel.accent
            threadMode: true
            onEditRequested: messageId => threadComposer.editMessage(messageId)
        }
        Composer {
            id: threadComposer
            Layout.fillWidth: true
            controller: panel.thread ? panel.thread.composer : null
            accent: panel.accent
            placeholder: qsTr("Reply in thread")
        }
    }
    onThreadChanged: if (thread) threadComposer.focusInput()
}
