// Asked before a message goes to someone who is off duty (issue 5): send it now anyway, or have the
// server deliver it at the start of their hours. Escape (or a click outside) cancels: nothing is sent.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Popup {
    id: prompt
    property string personName
    property string offDutyText // "Off until 09:00 (your time 10:00)"
    property string choiceText // "Schedule for 09:00 their time (10:00 yours)"
    signal sendNow()
    signal scheduleChosen()

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    anchors.centerIn: Overlay.overlay
    width: 460
    padding: Theme.spacing * 2
    background: Rectangle { color: Theme.raised; radius: Theme.radius; border.color: Theme.border }
    onOpened: scheduleButton.forceActiveFocus()

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Accessible.role: Accessible.Dialog
        Accessible.name: title.text
        Label {
            id: title
            Layout.fillWidth: true
            text: prompt.personName.length > 0 ? qsTr("%1 is off duty").arg(prompt.personName) : qsTr("They are off duty")
            font.bold: true
            font.pixelSize: Theme.baseSize * 1.15
            color: Theme.text
            wrapMode: Text.Wrap
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("%1. Scheduled, the server delivers the message then, even if this computer is off.").arg(prompt.offDutyText)
            color: Theme.mutedText
            wrapMode: Text.Wrap
        }
        Button {
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            id: scheduleButton
            objectName: "scheduleButton"
            Layout.fillWidth: true
            text: prompt.choiceText
            highlighted: true
            onClicked: { prompt.close(); prompt.scheduleChosen() }
        }
        Button {
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            objectName: "sendNowButton"
            Layout.fillWidth: true
            text: qsTr("Send now")
            onClicked: { prompt.close(); prompt.sendNow() }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Esc cancels: nothing is sent.")
            color: Theme.faintText
            font.pixelSize: Theme.baseSize * 0.85
        }
    }
}
