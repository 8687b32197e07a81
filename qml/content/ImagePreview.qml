// An image attachment, decrypted to a local file: shown at most 360×280, keeping its aspect ratio,
// decoded off the GUI thread at the size shown (never the full picture), not kept in Qt's image cache.
import QtQuick
import QtQuick.Controls
import QtQuick.Window
import Tandem.Ui

Item {
    id: preview
    objectName: "imagePreview"

    property url source
    property string name
    readonly property int maxWidth: 360
    readonly property int maxHeight: 280
    property alias status: image.status

    signal activated()

    readonly property real pixelRatio: Screen.devicePixelRatio > 0 ? Screen.devicePixelRatio : 1
    // The decoded size in device pixels is at most max × ratio; shown in logical pixels.
    readonly property real shownWidth: image.status === Image.Ready ? Math.min(maxWidth, image.implicitWidth / pixelRatio) : maxWidth
    readonly property real shownHeight: image.status === Image.Ready ? Math.min(maxHeight, image.implicitHeight / pixelRatio) : 120

    implicitWidth: shownWidth
    implicitHeight: shownHeight
    Accessible.role: Accessible.Graphic
    Accessible.name: name

    Rectangle {
        anchors.fill: parent
        visible: image.status !== Image.Ready
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        Label {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacing
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideMiddle
            textFormat: Text.PlainText
            text: image.status === Image.Error ? qsTr("Cannot show %1").arg(preview.name) : preview.name
            color: Theme.mutedText
        }
    }

    Image {
        id: image
        objectName: "previewImage"
        anchors.fill: parent
        source: preview.source
        asynchronous: true
        cache: false
        smooth: true
        mipmap: false
        fillMode: Image.PreserveAspectFit
        sourceSize: Qt.size(preview.maxWidth * preview.pixelRatio, preview.maxHeight * preview.pixelRatio)
    }

    HoverHandler {
        cursorShape: Qt.PointingHandCursor
    }
    TapHandler {
        onTapped: preview.activated()
    }
}
