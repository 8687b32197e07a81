// Rejecting needs a reason: the requester reads it to know what to change.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Dialog {
    id: dialog
    property ApprovalActions actions
    property string requestId: ""
    property string requestTitle: ""
    function openFor(id, title) {
        requestId = id
        requestTitle = title
        reason.clear()
        open()
    }
    anchors.centerIn: Overlay.overlay
    modal: true
    title: qsTr("Reject “%1”").arg(requestTitle)
    footer: CancelButtons {}
    contentItem: ColumnLayout {
        Accessible.role: Accessible.Dialog
        Accessible.name: dialog.title
        spacing: Theme.spacing
        TextArea {
            id: reason
            Layout.preferredWidth: 380
            Layout.preferredHeight: 100
            wrapMode: TextEdit.Wrap
            placeholderText: qsTr("Why? The requester sees this reason.")
            Accessible.name: qsTr("Reason")
            Accessible.description: placeholderText
        }
        Button {
            Accessible.name: text
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            Layout.alignment: Qt.AlignRight
            text: qsTr("Reject")
            enabled: reason.text.trim().length > 0
            onClicked: {
                dialog.actions.reject(dialog.requestId, reason.text.trim())
                dialog.close()
            }
        }
    }
}
