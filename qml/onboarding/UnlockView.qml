// The profile's spaces are encrypted: the passphrase opens them (when the OS keychain does not).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Rectangle {
    color: Theme.sidebar
    ColumnLayout {
        anchors.centerIn: parent
        width: 360
        spacing: Theme.spacing * 2
        Label {
            text: qsTr("Unlock Tandem")
            font.pixelSize: Theme.baseSize * 1.6
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            text: qsTr("Your spaces are encrypted on this computer. Enter your passphrase to open them.")
        }
        PasswordField {
            id: passphrase
            Layout.fillWidth: true
            focus: true
            label: qsTr("Passphrase")
            onAccepted: unlockButton.clicked()
        }
        Label {
            visible: App.errorText.length > 0
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
            color: Theme.danger
            text: App.errorText
            Accessible.role: Accessible.AlertMessage
        }
        Button {
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            Accessible.name: text // not named by its text alone (Qt 6.4)
            id: unlockButton
            text: qsTr("Unlock")
            highlighted: true
            enabled: passphrase.text.length > 0
            onClicked: {
                App.unlock(passphrase.text)
                passphrase.clear()
            }
        }
    }
}
