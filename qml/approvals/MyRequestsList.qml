// "My requests": what I asked for and where each stands. A request returned for changes comes first and
// says so: open it to change it and send it again, or withdraw it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

ColumnLayout {
    id: list
    property MyRequestsModel requests
    property color accent: Theme.workAccent
    property string selectedRequestId: ""
    signal requestChosen(string requestId)
    signal newRequested()
    spacing: 0

    function stamp(ms) {
        return ms > 0 ? new Date(ms).toLocaleString(Qt.locale(), Locale.ShortFormat) : ""
    }

    ColumnLayout {
        visible: list.requests.count === 0
        Layout.fillWidth: true
        Layout.margins: Theme.spacing * 3
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("You have not asked for anything yet. Your requests appear here with where each one stands.")
            wrapMode: Text.Wrap
            color: Theme.mutedText
        }
        Button {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("New request")
            Accessible.name: text
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            onClicked: list.newRequested()
        }
    }
    ListView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        visible: list.requests.count > 0
        clip: true
        model: list.requests
        ScrollBar.vertical: ScrollBar {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("My requests")
        delegate: Rectangle {
            id: row
            required property string requestId
            required property string title
            required property string templateName
            required property string state
            required property string stateText
            required property string amountText
            required property double updatedAt
            required property string waitingOn
            readonly property bool returned: state === "returned"
            readonly property string whereText: returned ? qsTr("Returned to you for changes: open it to change and resubmit")
                : state === "pending" && waitingOn.length > 0 ? qsTr("Waiting on %1").arg(waitingOn)
                : list.stamp(updatedAt)
            width: ListView.view.width
            height: 64
            color: list.selectedRequestId === requestId ? Theme.selection : (mouse.containsMouse ? Theme.hover : "transparent")
            Accessible.role: Accessible.ListItem
            Accessible.name: qsTr("%1, %2: %3").arg(title).arg(stateText).arg(whereText)
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
            Rectangle { // returned requests wait on me: marked like an unread conversation
                visible: row.returned
                width: 3
                height: parent.height
                color: Theme.warning
            }
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing * 1.5
                anchors.rightMargin: Theme.spacing
                spacing: Theme.spacing
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
                        text: qsTr("%1 · %2").arg(row.templateName).arg(row.whereText)
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: row.returned ? Theme.warning : Theme.mutedText
                    }
                }
                Label {
                    text: row.amountText
                    visible: text.length > 0
                    color: Theme.text
                    font.family: Theme.monoFamily
                }
                StateChip { requestState: row.state; text: row.stateText }
            }
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
        }
    }
}
