import QtQuick
import QtQuick.Controls
import Tandem.App

ApplicationWindow {
    id: window
    width: 1280
    height: 800
    visible: true
    title: qsTr("Tandem")
    color: Theme.background

    Label {
        anchors.centerIn: parent
        text: qsTr("Tandem %1").arg(App.version)
        color: Theme.text
    }
}
