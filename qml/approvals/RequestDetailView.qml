// One request: its answers, its steps with who decided and when, and the audit trail (every action
// with its actor, time and device). Approve and reject when it waits on me.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Rectangle {
    id: pane
    property RequestDetail detail
    property ApprovalActions actions
    // The space's AttachmentTransfers, for the files' progress and picture previews.
    property var transfers: null
    property color accent: Theme.workAccent
    signal closeRequested()
    // Mine, returned for changes: fill the form with it to change and resubmit.
    signal editRequested(string requestId)
    color: Theme.surface
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Request details")

    function stamp(ms) {
        return ms > 0 ? new Date(ms).toLocaleString(Qt.locale(), Locale.ShortFormat) : ""
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true
        ColumnLayout {
            width: scroll.availableWidth - Theme.spacing * 3
            x: Theme.spacing * 1.5
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing * 1.5
                Label {
                    Layout.fillWidth: true
                    text: pane.detail.title
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.baseSize * 1.2
                    font.bold: true
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                ToolButton {
                    text: "✕"
                    onClicked: pane.closeRequested()
                    Accessible.name: qsTr("Close details")
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                }
            }
            Label {
                visible: pane.detail.loaded && !pane.detail.found
                text: qsTr("This request is not in this space any more.")
                color: Theme.mutedText
            }
            RowLayout {
                spacing: Theme.spacing
                StateChip { id: stateChip; requestState: pane.detail.state; text: pane.detail.stateText }
                Label { text: pane.detail.templateName; textFormat: Text.PlainText; color: Theme.mutedText }
                Item { Layout.fillWidth: true }
                Label {
                    text: pane.detail.amountText
                    font.bold: true
                    font.pixelSize: Theme.baseSize * 1.2
                    color: Theme.text
                }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("From %1, submitted %2").arg(pane.detail.requesterName).arg(pane.stamp(pane.detail.submittedAt))
                color: Theme.mutedText
            }
            Label {
                // Queued or sent, not yet answered: the state above changes when the server's event arrives.
                visible: pane.actions.pending.indexOf(pane.detail.requestId) >= 0
                text: qsTr("Your action is on its way to the server…")
                color: Theme.mutedText
                Accessible.name: text
            }
            Flow { // wraps when the panel is narrow
                Layout.fillWidth: true
                visible: pane.detail.isMine && (pane.detail.state === "pending" || pane.detail.state === "returned")
                spacing: Theme.spacing
                Button {
                    objectName: "editAndResubmit"
                    Accessible.name: text
                    Accessible.description: qsTr("Opens the request in the form, to change it and send it again")
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    visible: pane.detail.state === "returned"
                    highlighted: true
                    text: qsTr("Change and resubmit…")
                    enabled: pane.actions.pending.indexOf(pane.detail.requestId) < 0
                    onClicked: pane.editRequested(pane.detail.requestId)
                }
                Button {
                    Accessible.name: text
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    text: qsTr("Withdraw")
                    enabled: pane.actions.pending.indexOf(pane.detail.requestId) < 0
                    onClicked: pane.actions.withdraw(pane.detail.requestId, "")
                }
                Button {
                    // The server allows one reminder per request every 10 minutes, and says so otherwise.
                    Accessible.name: text
                    Accessible.description: qsTr("Reminds the people who still have to decide")
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    visible: pane.detail.state === "pending"
                    text: qsTr("Remind")
                    enabled: pane.actions.pending.indexOf(pane.detail.requestId) < 0
                    onClicked: pane.actions.remind(pane.detail.requestId)
                }
            }
            Flow { // wraps when the panel is narrow
                Layout.fillWidth: true
                visible: pane.detail.waitingOnMe
                spacing: Theme.spacing
                Button {
                    Accessible.name: text
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    text: qsTr("Approve")
                    highlighted: true
                    enabled: pane.actions.pending.indexOf(pane.detail.requestId) < 0
                    onClicked: pane.actions.approve(pane.detail.requestId, "")
                }
                Button {
                    Accessible.name: text
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    text: qsTr("Reject")
                    enabled: pane.actions.pending.indexOf(pane.detail.requestId) < 0
                    onClicked: rejectDialog.openFor(pane.detail.requestId, pane.detail.title)
                }
                Button {
                    Accessible.name: text
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    text: qsTr("Return…")
                    Accessible.description: qsTr("Sends the request back to the requester for changes")
                    enabled: pane.actions.pending.indexOf(pane.detail.requestId) < 0
                    onClicked: rejectDialog.openFor(pane.detail.requestId, pane.detail.title, true)
                }
                Button {
                    Accessible.name: text
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    text: qsTr("Hand over…")
                    enabled: pane.actions.pending.indexOf(pane.detail.requestId) < 0
                    onClicked: delegateDialog.openFor(pane.detail.requestId, pane.detail.title)
                }
            }

            SectionTitle { text: qsTr("Details") }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: Theme.spacing * 2
                rowSpacing: 4
                Repeater {
                    model: pane.detail.answers
                    delegate: Label {
                        required property var modelData
                        required property int index
                        Layout.row: index
                        Layout.column: 0
                        text: modelData.label
                        textFormat: Text.PlainText
                        color: Theme.mutedText
                    }
                }
                Repeater {
                    model: pane.detail.answers
                    delegate: Label {
                        required property var modelData
                        required property int index
                        Layout.row: index
                        Layout.column: 1
                        Layout.fillWidth: true
                        text: modelData.text
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        color: Theme.text
                    }
                }
            }
            // The files the form names: the receipts of a reimbursement, the quotes of a purchase.
            SectionTitle {
                visible: pane.detail.files.items.length > 0
                text: qsTr("Files")
            }
            Repeater {
                model: pane.detail.files.items
                delegate: AttachmentView {
                    required property var modelData
                    objectName: "requestFile"
                    Layout.fillWidth: true
                    Layout.maximumWidth: 420
                    attachment: ({ attachmentId: modelData.id, name: modelData.name, mimeType: modelData.mimeType,
                                   sizeBytes: modelData.sizeBytes, state: modelData.state })
                    transfers: pane.transfers
                    onDownloadRequested: pane.detail.files.download(modelData.id)
                    onOpenRequested: pane.detail.files.open(modelData.id)
                    onSaveRequested: target => pane.detail.files.save(modelData.id, target)
                }
            }
            Label {
                visible: pane.detail.files.errorText.length > 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: pane.detail.files.errorText
                textFormat: Text.PlainText
                color: Theme.danger
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Label {
                visible: pane.detail.cc.length > 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Copied to %1").arg(pane.detail.cc.join(", "))
                color: Theme.mutedText
            }

            SectionTitle { text: qsTr("Steps") }
            Repeater {
                model: pane.detail.steps
                delegate: ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 2
                    RowLayout {
                        Rectangle { width: 10; height: 10; radius: 5; color: stateChip.toneOf(modelData.state) }
                        Label {
                            // "Step 2 · Finance · One approval decides"; the step's name may be absent.
                            text: modelData.name
                                  ? qsTr("Step %1 · %2 · %3").arg(modelData.position + 1).arg(modelData.name)
                                        .arg(modelData.modeText)
                                  : qsTr("Step %1 · %2").arg(modelData.position + 1).arg(modelData.modeText)
                            font.bold: true
                            color: Theme.text
                        }
                        Item { Layout.fillWidth: true }
                        Label { text: modelData.stateText; color: stateChip.toneOf(modelData.state) }
                    }
                    Repeater {
                        model: modelData.approvers
                        delegate: Label {
                            required property var modelData
                            Layout.leftMargin: 18
                            text: modelData.decision.length > 0
                                ? qsTr("%1 — %2, %3").arg(modelData.name).arg(modelData.decisionText).arg(pane.stamp(modelData.decidedAt))
                                : modelData.name
                            textFormat: Text.PlainText
                            color: modelData.decision.length > 0 ? Theme.text : Theme.mutedText
                        }
                    }
                }
            }

            SectionTitle { text: qsTr("History") }
            Repeater {
                model: pane.detail.timeline
                delegate: RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Rectangle { Layout.alignment: Qt.AlignTop; Layout.topMargin: 6; width: 8; height: 8; radius: 4; color: pane.accent }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: qsTr("%1 %2").arg(modelData.actorName).arg(modelData.actionText)
                            textFormat: Text.PlainText
                            color: Theme.text
                        }
                        Label {
                            visible: modelData.comment.length > 0
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: "“" + modelData.comment + "”"
                            textFormat: Text.PlainText
                            color: Theme.text
                            font.italic: true
                        }
                        Label {
                            text: modelData.deviceId.length > 0
                                ? qsTr("%1 · device %2").arg(pane.stamp(modelData.at)).arg(modelData.deviceId)
                                : pane.stamp(modelData.at)
                            textFormat: Text.PlainText
                            color: Theme.faintText
                            font.pixelSize: Theme.baseSize * 0.85
                        }
                    }
                }
            }
            // Anyone who sees the request may comment; the comment joins the history above.
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                TextField {
                    id: commentField
                    objectName: "commentField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Add a comment")
                    Accessible.name: placeholderText
                    onAccepted: commentButton.clicked()
                }
                Button {
                    id: commentButton
                    Accessible.name: text
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    text: qsTr("Comment")
                    enabled: commentField.text.trim().length > 0
                    onClicked: {
                        if (!enabled)
                            return
                        pane.actions.comment(pane.detail.requestId, commentField.text.trim())
                        commentField.clear()
                    }
                }
            }
            Item { Layout.preferredHeight: Theme.spacing * 2 }
        }
    }
    ReasonDialog { id: rejectDialog; objectName: "reasonDialog"; actions: pane.actions }
    DelegateDialog {
        id: delegateDialog
        objectName: "delegateDialog"
        actions: pane.actions
        session: pane.detail ? pane.detail.session : null
    }
}
