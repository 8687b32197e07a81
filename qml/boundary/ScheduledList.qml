// The account's scheduled messages in this conversation, above the composer: when each goes, what it
// says, and a button to cancel it. A delivered message leaves the list (the boundary drops it).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

ColumnLayout {
    id: list
    property var items: [] // [{messageId, body, whenText, confirmed, failed}]
    signal cancelRequested(string messageId)
    visible: items.length > 0
    spacing: 2

    Repeater {
        model: list.items
        delegate: RowLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: modelData.failed ? qsTr("Not scheduled") : qsTr("Scheduled for %1").arg(modelData.whenText)
                color: modelData.failed ? Theme.danger : Theme.mutedText
                font.pixelSize: Theme.baseSize * 0.85
            }
            Label {
                Layout.fillWidth: true
                text: modelData.body
                textFormat: Text.PlainText
                elide: Text.ElideRight
                maximumLineCount: 1
                color: Theme.text
                font.pixelSize: Theme.baseSize * 0.85
            }
            ToolButton {
                objectName: "cancelScheduled"
                text: qsTr("Cancel")
                font.pixelSize: Theme.baseSize * 0.85
                Accessible.name: qsTr("Cancel the message scheduled for %1").arg(modelData.whenText)
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                onClicked: list.cancelRequested(modelData.messageId)
            }
        }
    }
}
