// One line under the space's name: connected, connecting, offline (with why), or signed out.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

RowLayout {
    id: line
    property var session
    readonly property string syncState: session ? session.syncState : "idle"
    spacing: 6
    Rectangle {
        width: 8
        height: 8
        radius: 4
        color: line.syncState === "ready" ? Theme.success
             : (line.syncState === "connecting" || line.syncState === "idle") ? Theme.warning
             : line.syncState === "local" ? Theme.faintText : Theme.danger
    }
    Label {
        Layout.fillWidth: true
        elide: Text.ElideRight
        textFormat: Text.PlainText
        font.pixelSize: Theme.baseSize * 0.85
        color: Theme.mutedText
        text: {
            if (!line.session) return ""
            if (line.session.syncText && line.session.syncText.length > 0) return line.session.syncText
            switch (line.syncState) {
            case "ready": return qsTr("Connected as %1").arg(line.session.displayName || line.session.userName)
            case "connecting": return qsTr("Connecting…")
            case "offline": return qsTr("Offline: changes are kept and sent when back")
            case "needs_login": return qsTr("Signed out: sign in again")
            case "stopped": return qsTr("Not syncing")
            case "local": return qsTr("On this computer only")
            default: return ""
            }
        }
        ToolTip.visible: hover.hovered && truncated
        ToolTip.text: text
        HoverHandler { id: hover }
    }
}
