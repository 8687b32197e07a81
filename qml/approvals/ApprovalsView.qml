// Approvals in a work space (issue 6): what waits on me, my team's figures, a new request, and on the
// right the request chosen, with its steps and audit trail. Opened from the space rail.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Rectangle {
    id: view
    property var session: null
    property color accent: Theme.workAccent
    // "waiting", "mine", "team" or "new"
    property string page: "waiting"
    property string selectedRequestId: ""
    // The objects behind the pages; a test gives its own, over its own store.
    property ApprovalDashboard dashboard: ApprovalDashboard { session: view.session; active: view.visible }
    property RequestDetail detail: RequestDetail { session: view.session; requestId: view.selectedRequestId }
    property RequestForm form: RequestForm { session: view.session }
    property MyRequestsModel mine: MyRequestsModel { session: view.session }
    property ApprovalActions actions: ApprovalActions { session: view.session }
    signal closeRequested()

    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Approvals")

    // The last answer to an action that failed: the server never decided, so nothing is shown as done.
    property string actionError: ""
    Connections {
        target: view.actions
        function onFinished(requestId, kind, ok, message) { view.actionError = ok ? "" : message }
        function onRefused(requestId, kind, code, message) { view.actionError = message }
        function onBulkFinished(queued, failed, firstError) {
            view.actionError = failed > 0
                ? qsTr("%1 of %2 approvals were not sent: %3").arg(failed).arg(queued + failed).arg(firstError) : ""
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            RowLayout {
                Layout.fillWidth: true
                Layout.margins: Theme.spacing * 1.5
                spacing: Theme.spacing
                Label {
                    text: qsTr("Approvals")
                    font.pixelSize: Theme.baseSize * 1.4
                    font.bold: true
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Item { Layout.fillWidth: true }
                BusyIndicator { running: view.dashboard.loading; visible: running; implicitHeight: 24; implicitWidth: 24 }
                ToolButton {
                    text: "✕"
                    onClicked: view.closeRequested()
                    Accessible.name: qsTr("Close approvals")
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Back to conversations")
                }
            }
            Row {
                id: tabs
                readonly property var pages: ["waiting", "mine", "team", "new"]
                readonly property int currentIndex: Math.max(0, pages.indexOf(view.page))
                Layout.leftMargin: Theme.spacing
                spacing: Theme.spacing * 2
                Accessible.role: Accessible.PageTabList
                Repeater {
                    model: [
                        { page: "waiting", label: qsTr("Waiting on me (%1)").arg(view.dashboard.waiting.count) },
                        { page: "mine", label: view.mine.returnedCount > 0
                              ? qsTr("My requests (%1 returned)").arg(view.mine.returnedCount) : qsTr("My requests") },
                        { page: "team", label: qsTr("My team") },
                        { page: "new", label: qsTr("New request") }
                    ]
                    delegate: AbstractButton {
                        Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                        id: tab
                        required property var modelData
                        readonly property bool current: view.page === modelData.page
                        implicitWidth: tabLabel.implicitWidth + Theme.spacing
                        implicitHeight: tabLabel.implicitHeight + Theme.spacing * 2
                        onClicked: view.page = modelData.page
                        Accessible.role: Accessible.PageTab
                        Accessible.name: modelData.label
                        Accessible.selected: current
                        Label {
                            id: tabLabel
                            anchors.centerIn: parent
                            text: tab.modelData.label
                            font.bold: tab.current
                            color: tab.current ? view.accent : Theme.mutedText
                        }
                        Rectangle {
                            anchors.bottom: parent.bottom
                            width: parent.width
                            height: 2
                            color: tab.current ? view.accent : "transparent"
                        }
                    }
                }
            }
            Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }
            Label {
                visible: view.actionError.length > 0
                Layout.fillWidth: true
                Layout.margins: Theme.spacing
                text: view.actionError
                wrapMode: Text.Wrap
                color: Theme.danger
                textFormat: Text.PlainText
                Accessible.role: Accessible.AlertMessage
            }
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: tabs.currentIndex
                WaitingList {
                    dashboard: view.dashboard
                    actions: view.actions
                    accent: view.accent
                    selectedRequestId: view.selectedRequestId
                    onRequestChosen: requestId => view.selectedRequestId = requestId
                }
                MyRequestsList {
                    requests: view.mine
                    accent: view.accent
                    selectedRequestId: view.selectedRequestId
                    onRequestChosen: requestId => view.selectedRequestId = requestId
                    onNewRequested: { view.form.clear(); view.page = "new" }
                }
                TeamDashboard {
                    dashboard: view.dashboard
                    accent: view.accent
                }
                RequestFormView {
                    form: view.form
                    actions: view.actions
                    accent: view.accent
                }
            }
        }
        Rectangle {
            visible: view.selectedRequestId.length > 0
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            color: Theme.border
        }
        RequestDetailView {
            visible: view.selectedRequestId.length > 0
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.panelWidth + 80
            detail: view.detail
            actions: view.actions
            transfers: view.session ? view.session.transfers : null
            accent: view.accent
            onCloseRequested: view.selectedRequestId = ""
            onEditRequested: requestId => { view.form.editReturned(requestId); view.page = "new" }
        }
    }
}
