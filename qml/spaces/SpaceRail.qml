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
    signal scheduleRequested()
    signal digestRequested()
    signal approvalsRequested()
    signal tasksRequested()
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
                required property var session
                required property string lookAccent
                required property string lookIcon
                Layout.alignment: Qt.AlignHCenter
                // Room under the tile for "Off until 09:00".
                Layout.bottomMargin: offText.length > 0 ? 26 : 0
                offText: session && session.boundary ? session.boundary.offUntilText : ""
                badgeHidden: App.focusMode && index !== App.currentSpaceIndex
                spaceName: name
                spaceKind: kind
                spaceAccent: lookAccent
                spaceIcon: lookIcon
                onEditRequested: editDialog.edit(session)
                unread: unreadCount
                mentions: mentionCount
                current: index === App.currentSpaceIndex
                shortcutNumber: index + 1
                onClicked: App.switchSpace(index)
            }
        }
        Item { Layout.fillHeight: true }
        SpaceEditDialog { id: editDialog }
        ToolButton {
            objectName: "focusModeButton"
            Layout.alignment: Qt.AlignHCenter
            text: "◎"
            checkable: true
            checked: App.focusMode
            onToggled: App.focusMode = checked
            Accessible.name: qsTr("Focus mode")
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            ToolTip.visible: hovered
            ToolTip.text: App.focusMode ? qsTr("Focus mode is on: only this space shows badges and notifications")
                                        : qsTr("Focus mode: show only this space")
        }
        ToolButton {
            objectName: "digestButton"
            Layout.alignment: Qt.AlignHCenter
            text: "☰"
            enabled: !!App.currentSpace
            onClicked: rail.digestRequested()
            Accessible.name: qsTr("Catch-up digest")
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Catch-up digest: what happened while you were away")
        }
        ToolButton {
            objectName: "tasksButton"
            Layout.alignment: Qt.AlignHCenter
            text: "☑"
            enabled: !!App.currentSpace
            onClicked: rail.tasksRequested()
            Accessible.name: qsTr("Tasks")
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Tasks: mine, assigned by me, due today, overdue (Ctrl+Shift+T)")
        }
        ToolButton {
            objectName: "scheduleButton"
            Layout.alignment: Qt.AlignHCenter
            text: "⏰"
            enabled: !!App.currentSpace
            onClicked: rail.scheduleRequested()
            Accessible.name: qsTr("Schedule and notifications")
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Schedule and notifications of this space")
        }
        ToolButton {
            objectName: "approvalsButton"
            Layout.alignment: Qt.AlignHCenter
            text: "✓"
            font.bold: true
            visible: !!App.currentSpace && App.currentSpace.kind === "work"
            onClicked: rail.approvalsRequested()
            Accessible.name: qsTr("Approvals")
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Approvals (Ctrl+Shift+P)")
        }
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
