// An image attachment: a placeholder (its name, and the bytes while it downloads) until the picture is
// in the space's encrypted cache, then the picture from the attachment image provider, decrypted in
// memory and decoded off the GUI thread at the size shown (never the full picture, never written to
// disk). When it cannot be shown, a line says why. A click, or Enter or Space when it has the focus,
// asks to see it larger.
import QtQuick
import QtQuick.Controls
import QtQuick.Window
import Tandem.Ui
import "FileSizes.js" as FileSizes

Item {
    id: preview
    objectName: "imagePreview"

    // image://attachment/<space>/<attachment>; empty until the picture is held.
    property url source
    property string name
    property real sizeBytes: 0
    // As FileCard: "cached", "uploading", "downloading", "failed", "remote"...
    property string fileState
    property real progress: 0
    property real doneBytes: -1
    // Why the picture cannot be shown (set by the owner once status is Image.Error).
    property string errorText
    readonly property int maxWidth: 360
    readonly property int maxHeight: 280
    property alias status: image.status
    readonly property bool busy: fileState === "downloading" || fileState === "uploading"

    signal activated()

    readonly property real pixelRatio: Screen.devicePixelRatio > 0 ? Screen.devicePixelRatio : 1
    // The decoded size in device pixels is at most max × ratio; shown in logical pixels.
    readonly property real shownWidth: image.status === Image.Ready ? Math.min(maxWidth, image.implicitWidth / pixelRatio) : maxWidth
    readonly property real shownHeight: image.status === Image.Ready ? Math.min(maxHeight, image.implicitHeight / pixelRatio) : 160

    implicitWidth: shownWidth
    implicitHeight: shownHeight + (errorLine.visible ? errorLine.implicitHeight + 4 : 0)
    activeFocusOnTab: true
    Accessible.role: Accessible.Graphic
    Accessible.name: name
    Accessible.description: errorLine.visible ? errorLine.text : ""
    Accessible.onPressAction: preview.activated() // a screen reader's "activate": as Enter or a click
    Keys.onReturnPressed: preview.activated()
    Keys.onEnterPressed: preview.activated()
    Keys.onSpacePressed: preview.activated()

    Rectangle {
        objectName: "previewPlaceholder"
        width: preview.shownWidth
        height: preview.shownHeight
        visible: image.status !== Image.Ready
        radius: Theme.radius
        color: Theme.surface
        border.color: preview.activeFocus ? Theme.link : Theme.border
        border.width: preview.activeFocus ? 2 : 1
        Column {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacing
            spacing: Theme.spacing / 2
            Label {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                elide: Text.ElideMiddle
                textFormat: Text.PlainText
                text: preview.name
                color: Theme.mutedText
            }
            BusyIndicator {
                anchors.horizontalCenter: parent.horizontalCenter
                visible: image.status === Image.Loading || (preview.busy && preview.fileState === "downloading")
                running: visible
                implicitWidth: 28
                implicitHeight: 28
            }
            Label {
                objectName: "previewHint"
                width: parent.width
                visible: !preview.busy && preview.source.toString().length === 0
                horizontalAlignment: Text.AlignHCenter
                textFormat: Text.PlainText
                text: preview.fileState === "failed" ? qsTr("Download failed. Click to try again.")
                                                     : qsTr("%1 · click to download").arg(FileSizes.humanSize(preview.sizeBytes))
                color: preview.fileState === "failed" ? Theme.danger : Theme.mutedText
                font.pixelSize: Theme.baseSize * 0.85
            }
            Label {
                objectName: "previewBytes"
                width: parent.width
                visible: preview.busy && image.status !== Image.Ready
                horizontalAlignment: Text.AlignHCenter
                textFormat: Text.PlainText
                text: FileSizes.progressText(preview.doneBytes >= 0 ? preview.doneBytes : preview.progress * preview.sizeBytes, preview.sizeBytes)
                color: Theme.mutedText
                font.pixelSize: Theme.baseSize * 0.85
            }
        }
    }

    Image {
        id: image
        objectName: "previewImage"
        width: preview.shownWidth
        height: preview.shownHeight
        source: preview.source
        asynchronous: true
        cache: false // the provider keeps its own bounded cache of decoded previews
        smooth: true
        mipmap: false
        fillMode: Image.PreserveAspectFit
        sourceSize: Qt.size(preview.maxWidth * preview.pixelRatio, preview.maxHeight * preview.pixelRatio)
    }
    Rectangle {
        // Focus ring over the picture.
        width: preview.shownWidth
        height: preview.shownHeight
        visible: preview.activeFocus && image.status === Image.Ready
        color: "transparent"
        radius: 2
        border.color: Theme.link
        border.width: 2
    }
    ProgressBar {
        objectName: "previewProgress"
        visible: preview.busy
        y: preview.shownHeight - height - 4
        x: 4
        width: preview.shownWidth - 8
        from: 0
        to: 1
        value: preview.progress
        Accessible.name: (preview.fileState === "uploading" ? qsTr("Uploading %1") : qsTr("Downloading %1")).arg(preview.name)
    }
    Label {
        id: errorLine
        objectName: "previewError"
        y: preview.shownHeight + 4
        width: preview.shownWidth
        visible: image.status === Image.Error
        text: preview.errorText.length > 0 ? qsTr("Cannot show %1: %2").arg(preview.name).arg(preview.errorText)
                                           : qsTr("Cannot show %1.").arg(preview.name)
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.danger
        font.pixelSize: Theme.baseSize * 0.85
    }
    HoverHandler {
        cursorShape: Qt.PointingHandCursor
    }
    TapHandler {
        onTapped: {
            preview.forceActiveFocus(Qt.MouseFocusReason)
            preview.activated()
        }
    }
}
