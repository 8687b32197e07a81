// A person's initials on a colour derived from their id: stable, and never loaded from anywhere. With a
// presence ("online", "away", "busy", "off_duty", "offline"), a dot in the corner shows it.
import QtQuick
import Tandem.App
import Tandem.Ui

Rectangle {
    id: avatar
    property string name
    property string userId
    property int size: 36
    property string presence
    implicitWidth: size
    implicitHeight: size
    radius: size / 2
    color: {
        var palette = Theme.avatarColors
        var h = 0
        var key = userId.length > 0 ? userId : name
        for (var i = 0; i < key.length; ++i)
            h = (h * 31 + key.charCodeAt(i)) % 9973
        return palette[h % palette.length]
    }
    Accessible.ignored: true
    Text {
        anchors.centerIn: parent
        text: {
            var n = avatar.name.trim()
            if (n.length === 0)
                return "?"
            var parts = n.split(/\s+/)
            if (parts.length > 1 && /^[A-Za-z]/.test(parts[0]))
                return (parts[0].charAt(0) + parts[1].charAt(0)).toUpperCase()
            return n.charAt(0).toUpperCase()
        }
        color: "#ffffff"
        font.pixelSize: avatar.size * 0.4
        font.bold: true
    }
    Rectangle {
        id: dot
        visible: avatar.presence.length > 0
        width: Math.max(8, Math.round(avatar.size * 0.32))
        height: width
        radius: width / 2
        x: avatar.width - width + 1
        y: avatar.height - height + 1
        border.width: 2
        border.color: Theme.sidebar
        color: avatar.presence === "online" ? Theme.success
             : avatar.presence === "away" ? Theme.warning
             : avatar.presence === "busy" ? Theme.danger
             : avatar.presence === "off_duty" ? Theme.faintText
             : Theme.sidebar
        Rectangle {
            // Offline: a hollow ring, so that it reads as "not here" rather than as a colour.
            visible: avatar.presence === "offline"
            anchors.centerIn: parent
            width: parent.width - 4
            height: width
            radius: width / 2
            color: "transparent"
            border.width: 1.5
            border.color: Theme.faintText
        }
    }
}
