// "Schedule send…" from the composer's menu: a date and a time (this computer's zone), checked by the
// conversation's boundary (parseWhen) with its error shown under the fields.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Popup {
    id: dialog
    property var boundary: null
    property string errorText: boundary ? boundary.errorText : ""
    property string initialDate
    property string initialTime: "09:00"
    signal chosen(real deliverAt)

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    anchors.centerIn: Overlay.overlay
    width: 420
    padding: Theme.spacing * 2
    background: Rectangle { color: Theme.raised; radius: Theme.radius; border.color: Theme.border }
    onOpened: {
        if (boundary) boundary.clearError()
        date.text = initialDate.length > 0 ? initialDate : Qt.formatDate(new Date(Date.now() + 86400000), "yyyy-MM-dd")
        time.text = initialTime
        date.forceActiveFocus()
    }
    function accept() {
        if (!boundary)
            return
        const at = boundary.parseWhen(date.text, time.text)
        if (at > 0) { close(); chosen(at) }
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Accessible.role: Accessible.Dialog
        Accessible.name: title.text
        Label {
            id: title
            text: qsTr("Schedule send")
            font.bold: true
            font.pixelSize: Theme.baseSize * 1.15
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        GridLayout {
            columns: 2
            Layout.fillWidth: true
            Label { text: qsTr("Date"); color: Theme.text }
            TextField {
                id: date
                objectName: "scheduleDate"
                Layout.fillWidth: true
                placeholderText: "2026-11-25"
                Accessible.name: qsTr("Date (YYYY-MM-DD)")
                onAccepted: dialog.accept()
            }
            Label { text: qsTr("Time"); color: Theme.text }
            TextField {
                id: time
                objectName: "scheduleTime"
                Layout.fillWidth: true
                placeholderText: "09:00"
                Accessible.name: qsTr("Time (HH:MM, this computer's time)")
                onAccepted: dialog.accept()
            }
        }
        Label {
            objectName: "scheduleError"
            Layout.fillWidth: true
            visible: dialog.errorText.length > 0
            text: dialog.errorText
            color: Theme.danger
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                text: qsTr("Cancel")
                onClicked: dialog.close()
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            }
            Button {
                objectName: "scheduleAccept"
                text: qsTr("Schedule")
                highlighted: true
                onClicked: dialog.accept()
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            }
        }
    }
}
