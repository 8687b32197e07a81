// A small button of the tasks view: filled with the space's accent when on (a chosen view, an assignee,
// the main action), quiet otherwise. Text on the fill is Theme.onAccent (contrast is tested).
import QtQuick
import QtQuick.Controls
import Tandem.Ui

Button {
    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
    id: chip
    property color accent: Theme.workAccent
    property bool filled: checked || highlighted
    font.pixelSize: Theme.baseSize * 0.9
    leftPadding: Theme.spacing * 1.5
    rightPadding: Theme.spacing * 1.5
    topPadding: Theme.spacing * 0.75
    bottomPadding: Theme.spacing * 0.75
    contentItem: Label {
        text: chip.text
        font: chip.font
        color: chip.filled ? Theme.onAccent : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: height / 2
        color: chip.filled ? chip.accent : (chip.hovered ? Theme.hover : Theme.surface)
        border.color: chip.filled ? chip.accent : Theme.border
    }
}
