// One row of the conversation list: avatar (with the other person's presence in a direct
// conversation), name (external ones marked), who is typing or the last message or draft, time, and the
// unread/mention badge.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

ItemDelegate {
    id: row
    required property int index
    required property string conversationId
    required property string name
    required property string kind
    required property bool external
    required property int unreadCount
    required property int mentionCount
    required property string lastMessageText
    required property string lastSenderName
    required property var lastMessageAt
    required property string lastMessageAgeText // "3 minutes ago" within the hour, else empty
    required property string draftText
    required property bool muted
    required property string typingText
    required property string presence
    required property string presenceText
    property bool selected
    property color accent
    readonly property int unread: unreadCount
    signal activated()
    function activate() { activated() }

    // Taller with a larger system font, never shorter than the usual row.
    height: Math.max(62, implicitContentHeight + 12)
    topPadding: 0
    bottomPadding: 0
    leftPadding: Theme.spacing * 1.5
    rightPadding: Theme.spacing * 1.5
    highlighted: ListView.isCurrentItem
    onClicked: activated()
    Accessible.role: Accessible.ListItem
    // The list item role drops the button's own press action: a screen reader opens it through this.
    Accessible.onPressAction: activated()
    Accessible.name: {
        var parts = [name]
        if (external) parts.push(qsTr("external"))
        if (presenceText.length > 0) parts.push(presenceText)
        if (typingText.length > 0) parts.push(typingText)
        if (unreadCount > 0) parts.push(qsTr("%n unread", "", unreadCount))
        if (mentionCount > 0) parts.push(qsTr("%n mentions", "", mentionCount))
        if (lastMessageText.length > 0) parts.push(lastSenderName + ": " + lastMessageText)
        if (lastMessageAgeText.length > 0) parts.push(lastMessageAgeText)
        return parts.join(", ")
    }

    background: Rectangle {
        color: row.selected ? Theme.selection : (row.hovered || row.highlighted ? Theme.hover : "transparent")
        Rectangle {
            visible: row.selected
            width: 3
            height: parent.height
            color: row.accent
        }
        border.width: row.visualFocus || (row.highlighted && row.ListView.view.activeFocus) ? 2 : 0
        border.color: Theme.focusRing
    }

    contentItem: RowLayout {
        spacing: Theme.spacing * 1.25

        Avatar {
            size: 36
            name: row.name
            userId: row.conversationId
            radius: row.kind === "direct" ? 18 : 8
            presence: row.presence
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                spacing: 6
                Label {
                    Layout.fillWidth: true
                    text: (row.kind === "channel" ? "# " : "") + row.name
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    font.bold: row.unreadCount > 0
                    color: row.muted ? Theme.mutedText : Theme.text
                }
                Rectangle {
                    visible: row.external
                    radius: 3
                    color: "transparent"
                    border.color: Theme.externalMark
                    implicitWidth: extLabel.implicitWidth + 8
                    implicitHeight: extLabel.implicitHeight + 2
                    Label {
                        id: extLabel
                        anchors.centerIn: parent
                        text: qsTr("External")
                        font.pixelSize: Math.round(Theme.baseSize * 0.72)
                        color: Theme.externalMark
                    }
                }
                Label {
                    text: row.lastMessageAgeText.length > 0 ? row.lastMessageAgeText
                        : row.lastMessageAt > 0 ? TimeText.shortStamp(row.lastMessageAt) : ""
                    font.pixelSize: Theme.baseSize * 0.8
                    color: Theme.faintText
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 6
                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    maximumLineCount: 1
                    font.pixelSize: Theme.baseSize * 0.9
                    color: row.typingText.length > 0 ? row.accent : Theme.mutedText
                    text: row.typingText.length > 0 ? row.typingText
                        : row.draftText.length > 0 ? qsTr("Draft: %1").arg(row.draftText.replace(/\s+/g, " "))
                        : row.lastMessageText.length === 0 ? ""
                        : row.kind === "direct" || row.lastSenderName.length === 0 ? row.lastMessageText
                        : qsTr("%1: %2").arg(row.lastSenderName).arg(row.lastMessageText)
                }
                Badge {
                    count: row.mentionCount > 0 ? row.mentionCount : row.unreadCount
                    mention: row.mentionCount > 0
                    muted: row.muted
                }
            }
        }
    }
}
