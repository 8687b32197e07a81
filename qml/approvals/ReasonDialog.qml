// Rejecting a request, or returning it to the requester for changes, needs a reason: the requester reads
// it to know what to change.
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
    property bool returning: false // false: reject
    function openFor(id, title, returnIt) {
        requestId = id
        requestTitle = title
        returning = returnIt === true
        reason.clear()
        open()
        reason.forceActiveFocus()
    }
    anchors.centerIn: Overlay.overlay
    modal: true
    title: returning ? qsTr("Return “%1” for changes").arg(requestTitle) : qsTr("Reject “%1”").arg(requestTitle)
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
            placeholderText: dialog.returning ? qsTr("What should change? The requester sees this.")
                                              : qsTr("Why? The requester sees this reason.")
            Accessible.name: qsTr("Reason")
            Accessible.description: placeholderText
        }
        Button {
            Accessible.name: text
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            Layout.alignment: Qt.AlignRight
            text: dialog.returning ? qsTr("Return") : qsTr("Reject")
            enabled: reason.text.trim().length > 0
            onClicked: {
                if (dialog.returning)
                    dialog.actions.returnForChanges(dialog.requestId, reason.text.trim())
                else
                    dialog.actions.reject(dialog.requestId, reason.text.trim())
                dialog.close()
            }
        }
    }
}
