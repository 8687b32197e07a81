// About Tandem: the name, the version (the CMake project version), the Qt it runs on, and the libraries
// it uses with their licences (AboutInfo reads them from packaging/licenses.json). Esc closes it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Popup {
    id: about
    objectName: "aboutDialog"
    parent: Overlay.overlay
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    x: (parent.width - width) / 2
    y: Math.max(Theme.spacing, (parent.height - height) / 2)
    width: Math.min(560, parent.width - Theme.spacing * 4)
    height: Math.min(implicitHeight, parent.height - Theme.spacing * 4)
    padding: Theme.spacing * 2.5
    background: Rectangle { color: Theme.raised; radius: Theme.radius * 2; border.color: Theme.border }

    onOpened: closeButton.forceActiveFocus()

    // A child rather than contentItem: ids inside a deferred contentItem would defeat its deferral.
    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("About Tandem")

        Label {
            objectName: "aboutTitle"
            text: qsTr("%1 %2").arg(AboutInfo.name).arg(AboutInfo.version)
            font.bold: true
            font.pixelSize: Theme.baseSize * 1.4
            color: Theme.text
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            text: qsTr("Work and personal messaging, tasks and approvals, kept apart.")
            color: Theme.mutedText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "aboutQtVersion"
            text: AboutInfo.qtVersion === AboutInfo.qtBuildVersion
                  ? qsTr("Qt %1").arg(AboutInfo.qtVersion)
                  : qsTr("Qt %1 (built with %2)").arg(AboutInfo.qtVersion).arg(AboutInfo.qtBuildVersion)
            color: Theme.mutedText
        }
        Label {
            text: qsTr("Libraries and their licences")
            font.bold: true
            color: Theme.text
            topPadding: Theme.spacing
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        ListView {
            id: libraries
            objectName: "aboutLibraries"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: contentHeight
            Layout.minimumHeight: Math.min(contentHeight, 120)
            clip: true
            spacing: Theme.spacing
            model: AboutInfo.libraries
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Libraries and their licences")
            ScrollBar.vertical: ScrollBar { }
            // Enter on a library opens its licence page, as a click on its address does.
            Keys.onReturnPressed: if (currentIndex >= 0) Qt.openUrlExternally(AboutInfo.libraries[currentIndex].url)

            // An Item around the layout, so that the focus ring drawn in it is not laid out as a row.
            delegate: Item {
                id: library
                required property var modelData
                required property int index
                width: ListView.view.width
                implicitHeight: libraryColumn.implicitHeight
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1: %2").arg(modelData.name).arg(modelData.license)

                ColumnLayout {
                    id: libraryColumn
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: 0

                    Label {
                        Layout.fillWidth: true
                        textFormat: Text.PlainText
                        text: modelData.name
                        font.bold: true
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        textFormat: Text.PlainText
                        text: qsTr("%1 (%2). %3").arg(modelData.license).arg(modelData.spdx).arg(modelData.usedFor)
                        color: Theme.mutedText
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        Layout.fillWidth: true
                        textFormat: Text.PlainText
                        text: qsTr("© %1").arg(modelData.copyright)
                        color: Theme.faintText
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        Layout.fillWidth: true
                        textFormat: Text.PlainText
                        text: modelData.url
                        color: Theme.link
                        font.underline: linkArea.containsMouse
                        elide: Text.ElideMiddle
                        MouseArea {
                            id: linkArea
                            anchors.fill: parent
                            hoverEnabled: true
                            cursorShape: Qt.PointingHandCursor
                            onClicked: Qt.openUrlExternally(library.modelData.url)
                        }
                    }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            Button {
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                id: closeButton
                objectName: "aboutCloseButton"
                text: qsTr("Close")
                Accessible.name: qsTr("Close the About window")
                onClicked: about.close()
            }
        }
    }
}
