// F1 or Ctrl+/ (or the rail's "?"): every keyboard shortcut, in one list, and the way to About Tandem.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Popup {
    id: overlay
    objectName: "shortcutsOverlay"
    parent: Overlay.overlay
    modal: true
    focus: true
    x: (parent.width - width) / 2
    y: (parent.height - height) / 2
    width: 520
    padding: Theme.spacing * 2.5
    background: Rectangle { color: Theme.raised; radius: Theme.radius * 2; border.color: Theme.border }

    readonly property var shortcuts: [
        ["Ctrl+K", qsTr("Search conversations, people and messages")],
        ["Ctrl+1, Ctrl+2", qsTr("Switch space")],
        ["Alt+↑ / Alt+↓", qsTr("Previous or next conversation")],
        ["Ctrl+Shift+A", qsTr("Next conversation with unread messages")],
        ["Ctrl+L", qsTr("Filter the conversation list")],
        ["Ctrl+J", qsTr("Jump to the first unread message")],
        ["Ctrl+I", qsTr("Show or hide the details")],
        ["Enter", qsTr("Send the message")],
        ["Shift+Enter", qsTr("New line in the message")],
        ["↑ (empty composer)", qsTr("Edit your last message")],
        ["@", qsTr("Mention someone (Tab or Enter completes)")],
        ["T / E / Delete", qsTr("On a selected message: thread, edit, recall")],
        ["Shift+F10", qsTr("Message actions")],
        ["Esc", qsTr("Close the thread, the details, or this list")],
        ["F1, Ctrl+/", qsTr("This list")],
        ["Ctrl+Shift+P", qsTr("Approvals: what waits on me, my team, a new request")]
    ]

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Keyboard shortcuts")
        Label {
            text: qsTr("Keyboard shortcuts")
            font.bold: true
            font.pixelSize: Theme.baseSize * 1.25
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        GridLayout {
            columns: 2
            columnSpacing: Theme.spacing * 2
            rowSpacing: 6
            Repeater {
                model: overlay.shortcuts.length * 2
                delegate: Label {
                    required property int index
                    readonly property var entry: overlay.shortcuts[Math.floor(index / 2)]
                    text: entry[index % 2]
                    font.family: index % 2 === 0 ? Theme.monoFamily : ""
                    font.bold: index % 2 === 0
                    color: index % 2 === 0 ? Theme.text : Theme.mutedText
                    Layout.fillWidth: index % 2 === 1
                    wrapMode: Text.WordWrap
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Button {
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                objectName: "aboutButton"
                text: qsTr("About Tandem")
                Accessible.name: qsTr("About Tandem: version and licences")
                onClicked: {
                    overlay.close()
                    aboutDialog.open()
                }
            }
            Item { Layout.fillWidth: true }
            Button {
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                Accessible.name: text // not named by its text alone (Qt 6.4)
                text: qsTr("Close")
                onClicked: overlay.close()
            }
        }
    }

    AboutDialog { id: aboutDialog }
}
