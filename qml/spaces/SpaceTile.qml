// One space in the rail: its initial on its accent colour, a badge, and a bar when it is in front.
import QtQuick
import QtQuick.Controls
import Tandem.App
import Tandem.Ui

AbstractButton {
    id: tile
    property string spaceName
    property string spaceKind
    property int unread
    property int mentions
    property bool current
    property int shortcutNumber
    readonly property color accent: Theme.accentFor(spaceKind)

    implicitWidth: 44
    implicitHeight: 44
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.PageTab
    Accessible.name: unread > 0 ? qsTr("%1 space, %n unread", "", unread).arg(spaceName) : qsTr("%1 space").arg(spaceName)
    Accessible.checked: current
    ToolTip.visible: hovered
    ToolTip.text: qsTr("%1 (Ctrl+%2)").arg(spaceName).arg(shortcutNumber)

    background: Rectangle {
        radius: tile.current ? 12 : 22
        color: tile.accent
        Behavior on radius { NumberAnimation { duration: 120 } }
        border.width: tile.visualFocus ? 3 : 0
        border.color: Theme.focusRing
    }
    contentItem: Text {
        text: tile.spaceName.length > 0 ? tile.spaceName.charAt(0).toUpperCase() : "?"
        color: Theme.onAccent
        font.bold: true
        font.pixelSize: Math.round(Theme.baseSize * 1.3)
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    Rectangle {
        visible: tile.current
        x: -10
        anchors.verticalCenter: parent.verticalCenter
        width: 4
        height: 28
        radius: 2
        color: Theme.text
    }
    Badge {
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: -4
        count: tile.unread
        mention: tile.mentions > 0
    }
}
