// A form field's label, with a mark when it is required.
import QtQuick
import QtQuick.Controls
import Tandem.Ui

Label {
    property bool required: false
    textFormat: Text.PlainText
    color: Theme.text
    Label {
        visible: parent.required
        anchors.left: parent.right
        anchors.leftMargin: 2
        text: "*"
        color: Theme.danger
        Accessible.name: qsTr("required")
    }
}
