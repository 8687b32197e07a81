// A picture shown large over the window: decoded at the window's size (at most 4096 pixels a side by
// the provider), with its name and the actions on it. Esc, a click outside or Close dismisses it; Tab
// moves through its buttons.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import Tandem.Ui

Popup {
    id: viewer
    objectName: "imageViewer"

    property url source
    property string name
    property string errorText

    signal openRequested()
    signal saveRequested()

    parent: Overlay.overlay
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? Math.round((parent.height - height) / 2) : 0
    width: parent ? Math.round(parent.width * 0.9) : 800
    height: parent ? Math.round(parent.height * 0.9) : 600
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    padding: Theme.spacing

    readonly property real pixelRatio: Screen.devicePixelRatio > 0 ? Screen.devicePixelRatio : 1

    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Picture: %1").arg(viewer.name)

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Image {
                id: large
                objectName: "viewerImage"
                // At most the picture's own size: a small picture is not blown up into a blur.
                anchors.centerIn: parent
                width: status === Image.Ready ? Math.min(parent.width, implicitWidth / viewer.pixelRatio) : parent.width
                height: status === Image.Ready ? Math.min(parent.height, implicitHeight / viewer.pixelRatio) : parent.height
                // Loaded only while open; the size asked for is fixed, so resizing does not decode again.
                source: viewer.opened ? viewer.source : ""
                asynchronous: true
                cache: false
                fillMode: Image.PreserveAspectFit
                sourceSize: Qt.size(Math.min(4096, Screen.width * viewer.pixelRatio),
                                    Math.min(4096, Screen.height * viewer.pixelRatio))
                Accessible.role: Accessible.Graphic
                Accessible.name: viewer.name
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: large.status === Image.Loading
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                visible: large.status === Image.Error
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                text: viewer.errorText.length > 0 ? qsTr("Cannot show %1: %2").arg(viewer.name).arg(viewer.errorText)
                                                  : qsTr("Cannot show %1.").arg(viewer.name)
                color: Theme.danger
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: viewer.name
                textFormat: Text.PlainText
                elide: Text.ElideMiddle
                color: Theme.text
            }
            Button {
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                Accessible.name: text // not named by its text alone (Qt 6.4)
                objectName: "viewerOpen"
                text: qsTr("Open")
                onClicked: viewer.openRequested()
            }
            Button {
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                Accessible.name: text // not named by its text alone (Qt 6.4)
                objectName: "viewerSave"
                text: qsTr("Save as…")
                onClicked: viewer.saveRequested()
            }
            Button {
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                Accessible.name: text // not named by its text alone (Qt 6.4)
                id: closeButton
                objectName: "viewerClose"
                text: qsTr("Close")
                focus: true
                onClicked: viewer.close()
            }
        }
    }
    onOpened: closeButton.forceActiveFocus(Qt.PopupFocusReason)
}
