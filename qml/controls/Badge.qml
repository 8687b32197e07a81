// An unread counter: red when it holds a mention, grey otherwise; hidden at zero.
import QtQuick
import Tandem.App
import Tandem.Ui

Rectangle {
    id: badge
    property int count
    property bool mention
    property bool muted
    visible: count > 0
    implicitHeight: Math.max(18, label.implicitHeight + 4)
    implicitWidth: Math.max(implicitHeight, label.implicitWidth + 10)
    radius: height / 2
    color: mention ? Theme.danger : (muted ? Theme.faintText : Theme.mutedText)
    Text {
        id: label
        anchors.centerIn: parent
        text: badge.mention && badge.count > 0 ? "@" + (badge.count > 99 ? "99+" : badge.count) : (badge.count > 99 ? "99+" : badge.count)
        color: Theme.onAccent
        font.pixelSize: Math.round(Theme.baseSize * 0.8)
        font.bold: true
    }
}
