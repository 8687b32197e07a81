// A small grid of common emoji: one Tab stop; arrows move, Enter or Space picks one, Esc closes.
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
        objectName: "emojiGrid"
        activeFocusOnTab: true
        anchors.fill: parent
        cellWidth: 34
        cellHeight: 34
        model: picker.emojis
        keyNavigationEnabled: true
        Accessible.role: Accessible.Table
        Accessible.name: qsTr("Emoji")
        highlight: Rectangle { color: Theme.selection; radius: 4 }
        delegate: AbstractButton {
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            required property string modelData
            required property int index
            width: 34
            height: 34
            Accessible.name: modelData
            focusPolicy: Qt.NoFocus // the grid is the Tab stop; the arrows move through it
            contentItem: Text { text: modelData; font.pixelSize: Math.round(Theme.baseSize * 1.45); horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter }
            onClicked: { picker.picked(modelData); picker.close() }
        }
        function pick() { if (currentIndex >= 0) { picker.picked(picker.emojis[currentIndex]); picker.close() } }
        Keys.onReturnPressed: pick()
        Keys.onEnterPressed: pick()
        Keys.onSpacePressed: pick()
    }
}
