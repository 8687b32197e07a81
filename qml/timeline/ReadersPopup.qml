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
        opener = parent && parent.Window.window ? parent.Window.window.activeFocusItem : null
        open()
    }
    // Esc gives the focus back to the button that opened the list (Qt would give it to the message).
    property Item opener: null
    onClosed: {
        if (opener)
            opener.forceActiveFocus(Qt.ShortcutFocusReason)
        opener = null
    }
    readonly property int readCount: readers.filter(r => r.read).length
    width: 260
    padding: Theme.spacing * 1.5
    modal: false
    focus: true
    background: Rectangle { color: Theme.raised; border.color: Theme.border; radius: Theme.radius }

    // Nothing to press: the list itself holds the focus (Esc closes it and gives the focus back). An Item
    // around the layout, so that the focus ring drawn in it is not laid out as one of the rows.
    contentItem: Item {
        objectName: "readersList"
        focus: true
        implicitWidth: readersColumn.implicitWidth
        implicitHeight: readersColumn.implicitHeight
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Read by %1 of %2").arg(popup.readCount).arg(popup.readers.length)
        Accessible.description: popup.readers.filter(r => r.read).map(r => r.displayName).join(", ")

        ColumnLayout {
            id: readersColumn
            anchors.fill: parent
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
                    Accessible.role: Accessible.StaticText
                    Accessible.name: modelData.read ? qsTr("%1, read").arg(modelData.displayName)
                                                    : qsTr("%1, not yet read").arg(modelData.displayName)
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
}
