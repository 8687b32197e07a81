// Who has read a message: "read by 5 of 8", then the names, read first.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Popup {
    id: popup
    property var readers: []
    function show(list) {
        readers = list || []
        open()
    }
    readonly property int readCount: readers.filter(r => r.read).length
    width: 260
    padding: Theme.spacing * 1.5
    modal: false
    focus: true
    background: Rectangle { color: Theme.raised; border.color: Theme.border; radius: Theme.radius }

    contentItem: ColumnLayout {
        spacing: 4
        Label {
            text: qsTr("Read by %1 of %2").arg(popup.readCount).arg(popup.readers.length)
            font.bold: true
            color: Theme.text
        }
        Repeater {
            model: popup.readers.slice().sort((a, b) => (b.read - a.read))
            delegate: RowLayout {
                required property var modelData
                spacing: 6
                Label { text: modelData.read ? "✓" : "·"; color: modelData.read ? Theme.success : Theme.faintText }
                Label {
                    text: modelData.displayName
                    textFormat: Text.PlainText
                    color: modelData.read ? Theme.text : Theme.mutedText
                }
            }
        }
    }
}
