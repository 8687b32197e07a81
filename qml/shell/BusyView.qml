// Shown while the app starts, opens a space or starts the demo server: what it is doing, in words.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Rectangle {
    color: Theme.background
    ColumnLayout {
        anchors.centerIn: parent
        spacing: Theme.spacing * 2
        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: true
            Accessible.name: qsTr("Working")
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: App.busyText.length > 0 ? App.busyText : qsTr("Opening Tandem…")
            color: Theme.mutedText
            textFormat: Text.PlainText
        }
    }
}
