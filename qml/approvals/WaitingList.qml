// "Waiting on me", oldest first: approve or reject each in one click, or tick several and approve them
// together after a confirmation that says how many and how much.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

ColumnLayout {
    id: list
    property ApprovalDashboard dashboard
    property ApprovalActions actions
    property color accent: Theme.workAccent
    property string selectedRequestId: ""
    signal requestChosen(string requestId)
    spacing: 0

    RowLayout {
        Layout.fillWidth: true
        Layout.margins: Theme.spacing
        spacing: Theme.spacing
        CheckBox {
            id: allBox
            text: qsTr("Select all")
            enabled: list.dashboard.waiting.count > 0
            checkState: list.dashboard.waiting.selectedCount === 0 ? Qt.Unchecked
                : list.dashboard.waiting.selectedCount === list.dashboard.waiting.count ? Qt.Checked : Qt.PartiallyChecked
            nextCheckState: function() { return checkState === Qt.Checked ? Qt.Unchecked : Qt.Checked }
            onClicked: list.dashboard.waiting.selectAll(checkState === Qt.Checked)
        }
        Item { Layout.fillWidth: true }
        Button {
            Accessible.name: text
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            text: qsTr("Approve selected (%1)").arg(list.dashboard.waiting.selectedCount)
            enabled: list.dashboard.waiting.selectedCount > 0
            highlighted: true
            onClicked: bulkDialog.open()
        }
    }
    Label {
        visible: list.dashboard.waiting.count === 0 && !list.dashboard.loading
        Layout.fillWidth: true
        Layout.margins: Theme.spacing * 3
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("Nothing waits on you. Requests that need your decision appear here, oldest first.")
        wrapMode: Text.Wrap
        color: Theme.mutedText
    }
    ListView {
        id: listView
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: list.dashboard.waiting
        ScrollBar.vertical: ScrollBar {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Requests waiting on me")
        delegate: Rectangle {
            id: row
            required property int index
            required property string requestId
            required property string title
            required property string templateName
            required property string requesterName
            required property string amountText
            required property string waitingText
            required property bool overdue
            required property int step
            required property bool selected
            readonly property bool busy: list.actions.pending.indexOf(requestId) >= 0
            width: ListView.view.width
            height: 64
            color: list.selectedRequestId === requestId ? Theme.selection : (mouse.containsMouse ? Theme.hover : "transparent")
            Accessible.role: Accessible.ListItem
            Accessible.name: qsTr("%1 from %2, waiting %3").arg(title).arg(requesterName).arg(waitingText)
            // A Tab stop of its own: Enter, Space or a screen reader's activate opens the request's detail.
            activeFocusOnTab: true
            Accessible.focusable: true
            Accessible.onPressAction: list.requestChosen(row.requestId)
            Keys.onReturnPressed: list.requestChosen(row.requestId)
            Keys.onEnterPressed: list.requestChosen(row.requestId)
            Keys.onSpacePressed: list.requestChosen(row.requestId)
            MouseArea {
                id: mouse
                anchors.fill: parent
                hoverEnabled: true
                onClicked: list.requestChosen(row.requestId)
            }
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: Theme.spacing
                spacing: Theme.spacing
                CheckBox {
                    checked: row.selected
                    onToggled: list.dashboard.waiting.setSelected(row.index, checked)
                    Accessible.name: qsTr("Select %1").arg(row.title)
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: row.title
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        font.bold: true
                        color: Theme.text
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("%1 · %2 · step %3").arg(row.requesterName).arg(row.templateName).arg(row.step + 1)
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: Theme.mutedText
                    }
                }
                Label {
                    text: row.amountText
                    visible: text.length > 0
                    color: Theme.text
                    font.family: Theme.monoFamily
                }
                Label {
                    Layout.preferredWidth: 72
                    horizontalAlignment: Text.AlignRight
                    text: row.overdue ? qsTr("%1 late").arg(row.waitingText) : row.waitingText
                    color: row.overdue ? Theme.danger : Theme.mutedText
                    ToolTip.visible: row.overdue && hoverArea.containsMouse
                    ToolTip.text: qsTr("Past the time this type of request should take")
                    MouseArea { id: hoverArea; anchors.fill: parent; hoverEnabled: true; acceptedButtons: Qt.NoButton }
                }
                Button {
                    Accessible.name: qsTr("Approve %1").arg(row.title)
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    text: qsTr("Approve")
                    enabled: !row.busy
                    onClicked: list.actions.approve(row.requestId, "")
                }
                Button {
                    Accessible.name: text
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    text: qsTr("Reject")
                    enabled: !row.busy
                    onClicked: rejectDialog.openFor(row.requestId, row.title)
                }
            }
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
        }
    }

    Dialog {
        id: bulkDialog
        objectName: "bulkApproveDialog"
        anchors.centerIn: Overlay.overlay
        modal: true
        title: qsTr("Approve %n request(s)?", "", list.dashboard.waiting.selectedCount)
        footer: CancelButtons {}
        contentItem: ColumnLayout {
            Accessible.role: Accessible.Dialog
            Accessible.name: bulkDialog.title
            spacing: Theme.spacing
            Label {
                Layout.preferredWidth: 360
                wrapMode: Text.Wrap
                text: qsTr("Each request is approved with your name, this device and the time, as if you had approved it on its own. The server decides what happens next.")
                color: Theme.text
            }
            TextField {
                id: bulkComment
                Layout.fillWidth: true
                Accessible.name: placeholderText
                placeholderText: qsTr("Comment for all (optional)")
            }
            Button {
                Accessible.name: text
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                Layout.alignment: Qt.AlignRight
                text: qsTr("Approve %1").arg(list.dashboard.waiting.selectedCount)
                highlighted: true
                onClicked: {
                    list.actions.approveMany(list.dashboard.waiting.selectedIds, bulkComment.text)
                    bulkComment.clear()
                    bulkDialog.close()
                }
            }
        }
    }
    ReasonDialog { id: rejectDialog; actions: list.actions }
}
