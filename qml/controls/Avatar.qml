// A person's initials on a colour derived from their id: stable, and never loaded from anywhere.
import QtQuick
import Tandem.App
import Tandem.Ui

Rectangle {
    id: avatar
    property string name
    property string userId
    property int size: 36
    implicitWidth: size
    implicitHeight: size
    radius: size / 2
    color: {
        var palette = ["#e57373", "#f06292", "#ba68c8", "#7986cb", "#4fc3f7", "#4db6ac", "#81c784", "#ffb74d", "#a1887f", "#90a4ae"]
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
}
