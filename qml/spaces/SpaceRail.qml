// The narrow rail on the left: one tile per space (Work, Personal…), each in its own colour, with its
// unread badge. Ctrl+1, Ctrl+2… switch too.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Rectangle {
    id: rail
    signal helpRequested()
    color: Theme.rail
    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Spaces")

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacing * 1.5
        spacing: Theme.spacing

        Repeater {
            model: App.spaces
            delegate: SpaceTile {
                required property int index
                required property string name
                required property string kind
                required property int unreadCount
                required property int mentionCount
                required property string syncState
                Layout.alignment: Qt.AlignHCenter
                spaceName: name
                spaceKind: kind
                unread: unreadCount
                mentions: mentionCount
                current: index === App.currentSpaceIndex
                shortcutNumber: index + 1
                onClicked: App.switchSpace(index)
            }
        }
        Item { Layout.fillHeight: true }
        ToolButton {
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            Accessible.onToggleAction: if (enabled) clicked()
            id: languageButton
            Layout.alignment: Qt.AlignHCenter
            text: "A文"
            onClicked: languageMenu.open()
            Accessible.role: Accessible.ButtonMenu
            Accessible.name: qsTr("Language")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Language")
            Menu {
                id: languageMenu
                y: languageButton.height
                Repeater {
                    model: LanguageSettings.choices
                    delegate: MenuItem {
                        Accessible.name: text // not named by its text alone (Qt 6.4)
                        required property var modelData
                        text: modelData.name
                        checkable: true
                        checked: LanguageSettings.language === modelData.code
                        onTriggered: LanguageSettings.language = modelData.code
                    }
                }
            }
        }
        ToolButton {
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            Layout.alignment: Qt.AlignHCenter
            Layout.bottomMargin: Theme.spacing
            objectName: "helpButton"
            text: "?"
            font.bold: true
            onClicked: rail.helpRequested()
            Accessible.name: qsTr("Keyboard shortcuts")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Keyboard shortcuts (F1)")
        }
    }
}
