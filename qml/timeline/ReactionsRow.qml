// The reactions under a message: each emoji with its count; yours is outlined; a click toggles it.
import QtQuick
import QtQuick.Controls
import Tandem.App
import Tandem.Ui

Flow {
    id: flow
    property var reactions: []
    property color accent
    signal toggled(string emoji)
    spacing: 4

    Repeater {
        model: flow.reactions
        delegate: AbstractButton {
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            id: chip
            required property var modelData
            implicitWidth: chipLabel.implicitWidth + 14
            implicitHeight: 24
            onClicked: flow.toggled(modelData.emoji)
            Accessible.name: qsTr("%1 by %2").arg(modelData.emoji).arg(modelData.names)
            ToolTip.visible: hovered
            ToolTip.text: modelData.names
            background: Rectangle {
                radius: 12
                color: chip.modelData.mine ? Qt.rgba(flow.accent.r, flow.accent.g, flow.accent.b, 0.15) : Theme.surface
                border.color: chip.modelData.mine ? flow.accent : (chip.visualFocus ? Theme.focusRing : Theme.border)
                border.width: chip.visualFocus ? 2 : 1
            }
            contentItem: Label {
                id: chipLabel
                text: chip.modelData.emoji + " " + chip.modelData.count
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                color: Theme.text
                font.pixelSize: Theme.baseSize * 0.85
            }
        }
    }
}
