// A server notice in the timeline (docs/protocol.md §6.12: "Chen Wei has taken over this conversation
// from Bob Okafor"): a centred line between the messages, not anyone's bubble, with no actions. The
// text comes translated from the model (TimelineModel's systemText). MessageBubble shows it in place of
// its row, so the message list's roving focus moves over it like over any message.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.Ui

Item {
    id: notice
    property string text
    property string timeText
    property bool current
    property bool highlighted
    property bool compact

    implicitHeight: line.implicitHeight + Theme.spacing * (compact ? 1 : 1.5)

    Rectangle {
        anchors.fill: parent
        color: notice.highlighted ? Theme.highlightBackground
             : notice.current ? Theme.hover
             : Qt.rgba(Theme.hover.r, Theme.hover.g, Theme.hover.b, 0)
        Behavior on color { ColorAnimation { duration: 400 } }
    }

    RowLayout {
        id: line
        anchors.centerIn: parent
        width: Math.min(implicitWidth, parent.width - Theme.spacing * 4)
        spacing: Theme.spacing
        Rectangle { Layout.preferredWidth: Theme.spacing * 3; height: 1; color: Theme.border }
        Label {
            objectName: "systemNoticeText"
            Layout.fillWidth: true
            Layout.maximumWidth: notice.width - Theme.spacing * 12
            text: notice.text
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.baseSize * 0.85
            color: Theme.mutedText
            Accessible.ignored: true // the message itself is named by this text
        }
        Label {
            text: notice.timeText
            font.pixelSize: Theme.baseSize * 0.72
            color: Theme.faintText
            Accessible.ignored: true
        }
        Rectangle { Layout.preferredWidth: Theme.spacing * 3; height: 1; color: Theme.border }
    }
}
