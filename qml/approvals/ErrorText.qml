// A validation message under a field: what is wrong and how to fix it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.Ui

Label {
    property string message: ""
    visible: message.length > 0
    Layout.fillWidth: true
    text: message
    textFormat: Text.PlainText
    wrapMode: Text.Wrap
    color: Theme.danger
    Accessible.role: Accessible.AlertMessage
}
