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
    implicitHeight: 18
    implicitWidth: Math.max(18, label.implicitWidth + 10)
    radius: 9
    color: mention ? Theme.danger : (muted ? Theme.faintText : Theme.mutedText)
    Text {
        id: label
        anchors.centerIn: parent
        text: badge.mention && badge.count > 0 ? "@" + (badge.count > 99 ? "99+" : badge.count) : (badge.count > 99 ? "99+" : badge.count)
        color: "#ffffff"
        font.pixelSize: 11
        font.bold: true
    }
}
