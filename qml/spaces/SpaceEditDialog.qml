// "Edit space…": a space's name, accent (one of Theme.accentPalette) and icon (one character or emoji).
// Saved to the profile by SpaceSession.editLook; an invalid value keeps the dialog open with the reason.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Dialog {
    id: dialog
    objectName: "spaceEditDialog"
    property var session: null
    property string chosenAccent
    property string errorText

    function edit(space) {
        session = space
        nameField.text = space ? space.name : ""
        chosenAccent = space ? space.accent : ""
        iconField.text = space ? space.icon : ""
        errorText = ""
        open()
        nameField.forceActiveFocus()
    }
    function save() {
        if (!session)
            return
        errorText = session.editLook(nameField.text, chosenAccent, iconField.text)
        if (errorText.length === 0)
            close()
    }
    // The palette keys' names, for the swatches' accessible names and tool tips.
    function accentName(key) {
        switch (key) {
        case "blue": return qsTr("Blue")
        case "green": return qsTr("Green")
        case "purple": return qsTr("Purple")
        case "teal": return qsTr("Teal")
        case "orange": return qsTr("Orange")
        case "red": return qsTr("Red")
        case "pink": return qsTr("Pink")
        case "slate": return qsTr("Slate")
        }
        return key
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    title: qsTr("Edit space")

    contentItem: ColumnLayout {
        Accessible.role: Accessible.Dialog
        Accessible.name: dialog.title
        spacing: Theme.spacing

        Label { text: qsTr("Name"); color: Theme.text }
        TextField {
            id: nameField
            objectName: "spaceNameField"
            Layout.preferredWidth: 320
            maximumLength: 64
            Accessible.name: qsTr("Space name")
            onAccepted: dialog.save()
        }
        Label { text: qsTr("Colour"); color: Theme.text }
        Flow {
            Layout.preferredWidth: 320
            spacing: Theme.spacing / 2
            RoundButton {
                objectName: "accentDefault"
                checkable: true
                checked: dialog.chosenAccent === ""
                text: "∅"
                implicitWidth: 32 // the size of the swatches beside it
                implicitHeight: 32
                focusPolicy: Qt.StrongFocus
                Accessible.name: qsTr("Colour of the space's kind")
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                ToolTip.visible: hovered
                ToolTip.text: Accessible.name
                onClicked: dialog.chosenAccent = ""
            }
            Repeater {
                model: Theme.accentPalette
                delegate: RoundButton {
                    required property var modelData
                    objectName: "accent_" + modelData.key
                    checkable: true
                    checked: dialog.chosenAccent === modelData.key
                    focusPolicy: Qt.StrongFocus
                    text: checked ? "✓" : ""
                    palette.button: Theme.paletteColor(modelData)
                    palette.buttonText: Theme.onAccent
                    background: Rectangle {
                        implicitWidth: 32
                        implicitHeight: 32
                        radius: 16
                        color: Theme.paletteColor(modelData)
                        border.width: parent.visualFocus ? 3 : 0
                        border.color: Theme.focusRing
                    }
                    Accessible.name: dialog.accentName(modelData.key)
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    ToolTip.visible: hovered
                    ToolTip.text: Accessible.name
                    onClicked: dialog.chosenAccent = modelData.key
                }
            }
        }
        Label { text: qsTr("Icon (one character or emoji; empty for the initial)"); color: Theme.text }
        TextField {
            id: iconField
            objectName: "spaceIconField"
            Layout.preferredWidth: 80
            Accessible.name: qsTr("Space icon")
            onAccepted: dialog.save()
        }
        Label {
            objectName: "spaceEditError"
            visible: dialog.errorText.length > 0
            Layout.preferredWidth: 320
            wrapMode: Text.Wrap
            text: dialog.errorText
            color: Theme.danger
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                objectName: "spaceEditCancel"
                text: qsTr("Cancel")
                Accessible.name: text
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                onClicked: dialog.close()
            }
            Button {
                objectName: "spaceEditSave"
                text: qsTr("Save")
                highlighted: true
                Accessible.name: text
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                onClicked: dialog.save()
            }
        }
    }
}
