// One space in the rail: its icon (or initial) on its accent colour, a badge, and a bar when it is in front.
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
    // "Off until 09:00" while a work space is outside its hours; empty otherwise.
    property string offText
    // Focus mode on another space: the badge waits until this space is shown.
    property bool badgeHidden
    // The user's choice (a Theme.accentPalette key; one grapheme); empty: the kind's colour, the initial.
    property string spaceAccent
    property string spaceIcon
    readonly property color accent: Theme.spaceAccent(spaceAccent, spaceKind)
    readonly property string iconText: spaceIcon.length > 0 ? spaceIcon
        : spaceName.length > 0 ? spaceName.charAt(0).toUpperCase() : "?"
    // Right click, the Menu key or Shift+F10: the space's menu ("Edit space…").
    signal editRequested()
    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)

    function openMenu() { tileMenu.popup(tile, 0, tile.height) }
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Menu || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier))) {
            openMenu()
            event.accepted = true
        }
    }
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.RightButton
        onClicked: tile.openMenu()
    }
    Menu {
        id: tileMenu
        objectName: "spaceTileMenu"
        MenuItem {
            objectName: "editSpaceMenuItem"
            text: qsTr("Edit space…")
            Accessible.name: text // not named by its text alone (Qt 6.4)
            Accessible.onPressAction: if (enabled) triggered() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            onTriggered: tile.editRequested()
        }
    }

    implicitWidth: 44
    implicitHeight: 44
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.PageTab
    Accessible.name: unread > 0 && !badgeHidden ? qsTr("%1 space, %n unread", "", unread).arg(spaceName) : qsTr("%1 space").arg(spaceName)
    Accessible.description: offText
    Accessible.checked: current
    ToolTip.visible: hovered
    ToolTip.text: offText.length > 0 ? qsTr("%1 (Ctrl+%2) · %3").arg(spaceName).arg(shortcutNumber).arg(offText)
                                     : qsTr("%1 (Ctrl+%2)").arg(spaceName).arg(shortcutNumber)

    background: Rectangle {
        radius: tile.current ? 12 : 22
        color: tile.accent
        Behavior on radius { NumberAnimation { duration: 120 } }
        border.width: tile.visualFocus ? 3 : 0
        border.color: Theme.focusRing
    }
    contentItem: Text {
        objectName: "spaceTileIcon"
        text: tile.iconText
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
        count: tile.badgeHidden ? 0 : tile.unread
        mention: !tile.badgeHidden && tile.mentions > 0
    }
    // Off hours: a moon on the tile, the time it starts again under it.
    Rectangle {
        visible: tile.offText.length > 0
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: -4
        width: 18
        height: 18
        radius: 9
        color: Theme.rail
        Text { anchors.centerIn: parent; text: "☾"; color: Theme.mutedText; font.pixelSize: 12 }
    }
    Text {
        objectName: "offHoursText"
        visible: tile.offText.length > 0
        anchors.top: parent.bottom
        anchors.topMargin: 2
        anchors.horizontalCenter: parent.horizontalCenter
        width: Theme.railWidth - 4
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: tile.offText
        color: Theme.mutedText
        font.pixelSize: 9
    }
}
