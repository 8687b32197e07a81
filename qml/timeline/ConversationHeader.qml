// The conversation's name, topic, an "External" mark for customer conversations, the other person's
// presence in a direct conversation, who is typing, and the button for the details panel.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Rectangle {
    id: header
    property var conversation
    property var session
    property color accent
    property bool detailsOpen
    // "Off until 09:00 (your time 10:00)" for the other member of a direct conversation (issue 5).
    readonly property string offDutyText: conversation && conversation.boundary ? conversation.boundary.offDutyText : ""
    readonly property string presenceLine: offDutyText.length > 0 ? offDutyText : status.presenceText
    signal toggleDetails()
    implicitHeight: 56
    color: Theme.background

    ConversationStatus {
        id: status
        model: header.session ? header.session.conversations : null
        conversationId: header.conversation ? header.conversation.conversationId : ""
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing * 2
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            RowLayout {
                spacing: Theme.spacing
                Rectangle {
                    // The presence dot, as on the avatar in the list.
                    objectName: "presenceDot"
                    visible: status.presence.length > 0 || header.offDutyText.length > 0
                    implicitWidth: 10
                    implicitHeight: 10
                    radius: 5
                    color: status.presence === "online" ? Theme.success
                         : status.presence === "away" ? Theme.warning
                         : status.presence === "busy" ? Theme.danger
                         : status.presence === "off_duty" || header.offDutyText.length > 0 ? Theme.faintText
                         : "transparent"
                    border.width: status.presence === "offline" ? 1.5 : 0
                    border.color: Theme.faintText
                    Accessible.ignored: true
                }
                Label {
                    text: header.conversation ? ((header.conversation.kind === "channel" ? "# " : "") + header.conversation.name) : ""
                    textFormat: Text.PlainText
                    font.bold: true
                    font.pixelSize: Theme.baseSize * 1.15
                    color: Theme.text
                    elide: Text.ElideRight
                    Layout.maximumWidth: header.width * 0.6
                    Accessible.role: Accessible.Heading
                }
                Label {
                    visible: header.conversation && header.conversation.external
                    text: qsTr("External: people outside your organisation can read this")
                    color: Theme.externalMark
                    font.pixelSize: Theme.baseSize * 0.85
                }
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: status.typingText.length > 0 ? status.typingText
                      : !header.conversation ? ""
                      : header.conversation.kind === "direct" && header.presenceLine.length > 0
                        ? (header.conversation.topic.length > 0 ? qsTr("%1 · %2").arg(header.presenceLine).arg(header.conversation.topic)
                                                                : header.presenceLine)
                      : header.conversation.topic.length > 0 ? header.conversation.topic
                      : header.conversation.kind !== "direct" ? qsTr("%n members", "", header.conversation.memberCount) : ""
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: status.typingText.length > 0 ? header.accent : Theme.mutedText
                font.pixelSize: Theme.baseSize * 0.85
            }
        }
        ToolButton {
            id: notifyButton
            objectName: "notifyLevelButton"
            visible: !!header.conversation && !!header.session
            text: !header.conversation ? "" : header.conversation.notifyLevel === "muted" ? "🔕"
                  : header.conversation.notifyLevel === "mentions" ? "@" : "🔔"
            onClicked: notifyMenu.open()
            Accessible.role: Accessible.ButtonMenu
            Accessible.name: qsTr("Notifications for this conversation")
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Notifications for this conversation")
            Menu {
                id: notifyMenu
                y: notifyButton.height
                Repeater {
                    model: [{ level: "all", name: qsTr("All messages") },
                            { level: "mentions", name: qsTr("Mentions and direct messages only") },
                            { level: "muted", name: qsTr("Muted (badge only)") }]
                    delegate: MenuItem {
                        required property var modelData
                        text: modelData.name
                        checkable: true
                        checked: !!header.conversation && header.conversation.notifyLevel === modelData.level
                        onTriggered: header.session.conversations.setNotifyLevel(header.session.currentConversationId, modelData.level)
                    }
                }
            }
        }
        ToolButton {
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            Accessible.onToggleAction: if (enabled) clicked()
            objectName: "detailsButton"
            text: qsTr("Details")
            Accessible.name: text
            checkable: true
            checked: header.detailsOpen
            onClicked: header.toggleDetails()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Members, pinned messages and files (Ctrl+I)")
        }
    }
}
