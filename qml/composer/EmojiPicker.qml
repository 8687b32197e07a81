// A small grid of common emoji; arrows and Enter pick one, Esc closes.
import QtQuick
import QtQuick.Controls
import Tandem.App
import Tandem.Ui

Popup {
    id: picker
    signal picked(string emoji)
    readonly property var emojis: ["😀", "😂", "😊", "😍", "🤔", "😅", "😢", "😮", "😴", "🙄",
        "👍", "👎", "👏", "🙏", "💪", "👀", "🎉", "🔥", "❤️", "💯",
        "✅", "❌", "⚠️", "⏰", "📌", "📎", "📅", "☕", "🍵", "🧧"]
    width: grid.cellWidth * 10 + 16
    height: grid.cellHeight * 3 + 16
    padding: 8
    focus: true
    onOpened: grid.forceActiveFocus()
    background: Rectangle { color: Theme.raised; border.color: Theme.border; radius: Theme.radius }
    GridView {
        id: grid
        anchors.fill: parent
        cellWidth: 34
        cellHeight: 34
        model: picker.emojis
        keyNavigationEnabled: true
        Accessible.role: Accessible.Table
        Accessible.name: qsTr("Emoji")
        highlight: Rectangle { color: Theme.selection; radius: 4 }
        delegate: AbstractButton {
            required property string modelData
            required property int index
            width: 34
            height: 34
            Accessible.name: modelData
            contentItem: Text { text: modelData; font.pixelSize: Math.round(Theme.baseSize * 1.45); horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter }
            onClicked: { picker.picked(modelData); picker.close() }
        }
        Keys.onReturnPressed: { picker.picked(picker.emojis[currentIndex]); picker.close() }
    }
}
