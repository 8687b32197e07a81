// "Send as urgent" is never the default: this asks first and says what it does.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Popup {
    id: confirm
    signal confirmed()

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    anchors.centerIn: Overlay.overlay
    width: 440
    padding: Theme.spacing * 2
    background: Rectangle { color: Theme.raised; radius: Theme.radius; border.color: Theme.border }
    onOpened: cancelButton.forceActiveFocus()

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Accessible.role: Accessible.Dialog
        Accessible.name: title.text
        Label {
            id: title
            text: qsTr("Send as urgent?")
            font.bold: true
            font.pixelSize: Theme.baseSize * 1.15
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            text: qsTr("An urgent message breaks through the recipient's off hours, quiet hours and focus, and reminds them every few minutes until they acknowledge it. Their own rules decide whether you may, and how many a day; if not, it is not sent and you are told why.")
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                id: cancelButton
                text: qsTr("Cancel")
                onClicked: confirm.close()
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            }
            Button {
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                objectName: "urgentConfirm"
                text: qsTr("Send as urgent")
                highlighted: true
                onClicked: { confirm.close(); confirm.confirmed() }
            }
        }
    }
}
