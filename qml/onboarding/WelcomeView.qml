// The first start: try the demo (a local server with a demo company) or connect to a real server.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Rectangle {
    id: root
    color: Theme.sidebar

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - 48, 880)
            x: (parent.width - width) / 2
            spacing: Theme.spacing * 3

            Item { Layout.preferredHeight: 32 }
            Label {
                text: qsTr("Welcome to Tandem")
                font.pixelSize: Theme.baseSize * 2
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.mutedText
                text: qsTr("Work and personal messages, tasks and approvals, kept apart: each space has its own account, its own encrypted store and its own hours.")
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

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing * 3

                Card {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Try the demo")
                    ColumnLayout {
                        width: parent.width
                        spacing: Theme.spacing * 1.5
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            color: Theme.mutedText
                            text: qsTr("Starts a server on this computer with Demo Co, its people and their history, and signs you in as Alice. Nothing leaves your machine.")
                        }
                        Button {
                            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                            Accessible.name: text // not named by its text alone (Qt 6.4)
                            id: demoButton
                            text: qsTr("Start the demo")
                            highlighted: true
                            focus: true
                            onClicked: App.startDemo()
                            Accessible.description: qsTr("Starts a local demo server and signs in as Alice")
                        }
                    }
                }

                Card {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Connect to a server")
                    GridLayout {
                        width: parent.width
                        columns: 2
                        columnSpacing: Theme.spacing
                        rowSpacing: Theme.spacing
                        Label { text: qsTr("Server"); color: Theme.text }
                        TextField {
                            id: serverField
                            Layout.fillWidth: true
                            placeholderText: "wss://chat.example.com"
                            Accessible.name: qsTr("Server address")
                            inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                        }
                        Label { text: qsTr("User name"); color: Theme.text }
                        TextField {
                            id: userField
                            Layout.fillWidth: true
                            Accessible.name: qsTr("User name")
                            inputMethodHints: Qt.ImhNoAutoUppercase
                        }
                        Label { text: qsTr("Password"); color: Theme.text }
                        PasswordField {
                            id: passwordField
                            Layout.fillWidth: true
                            label: qsTr("Password")
                        }
                        Label { text: qsTr("Space"); color: Theme.text }
                        RowLayout {
                            Layout.fillWidth: true
                            // A screen reader's "activate" checks the choice (Qt 6.4 Controls ignore it).
                            RadioButton {
                                id: workKind
                                text: qsTr("Work")
                                checked: true
                                Accessible.onPressAction: if (enabled) checked = true
                            }
                            RadioButton {
                                text: qsTr("Personal")
                                Accessible.onPressAction: if (enabled) checked = true
                            }
                        }
                        Label { text: qsTr("Space name"); color: Theme.text }
                        TextField {
                            id: nameField
                            Layout.fillWidth: true
                            text: workKind.checked ? qsTr("Work") : qsTr("Personal")
                            Accessible.name: qsTr("Space name")
                        }
                        Label { text: qsTr("Passphrase"); color: Theme.text }
                        PasswordField {
                            id: passphraseField
                            Layout.fillWidth: true
                            label: qsTr("Passphrase for this computer's encrypted store")
                        }
                        Label { text: qsTr("Repeat"); color: Theme.text }
                        PasswordField {
                            id: repeatField
                            Layout.fillWidth: true
                            label: qsTr("Repeat the passphrase")
                            onAccepted: connectButton.clicked()
                        }
                        Label {
                            Layout.columnSpan: 2
                            Layout.fillWidth: true
                            visible: repeatField.text.length > 0 && repeatField.text !== passphraseField.text
                            text: qsTr("The two passphrases differ.")
                            color: Theme.danger
                        }
                        Button {
                            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                            Accessible.name: text // not named by its text alone (Qt 6.4)
                            id: connectButton
                            Layout.columnSpan: 2
                            text: qsTr("Connect")
                            enabled: serverField.text.length > 0 && userField.text.length > 0
                                     && passwordField.text.length > 0 && passphraseField.text.length > 0
                                     && repeatField.text === passphraseField.text
                            onClicked: App.connectToServer(serverField.text.trim(), userField.text.trim(),
                                                           passwordField.text, workKind.checked ? "work" : "personal",
                                                           nameField.text.trim(), passphraseField.text)
                        }
                    }
                }
            }
        }
    }
}
