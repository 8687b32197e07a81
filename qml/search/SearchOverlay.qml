// Ctrl+K: one field that finds conversations, people and messages in the current space as you type;
// arrows move, Enter opens (a message opens its conversation scrolled to it, highlighted).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Popup {
    id: overlay
    property var session
    property color accent
    readonly property var results: session ? session.search : null
    signal conversationChosen(string conversationId)
    signal messageChosen(string conversationId, string messageId)

    function openSearch() {
        opener = parent && parent.Window.window ? parent.Window.window.activeFocusItem : null
        open()
        field.selectAll()
        field.forceActiveFocus()
    }
    function choose(item) {
        if (!item)
            return
        forgetOpener() // the choice decides where the focus goes
        if (item.resultKind === "message")
            messageChosen(item.conversationId, item.messageId)
        else if (item.conversationId.length > 0)
            conversationChosen(item.conversationId)
        close()
    }

    // Esc gives the focus back to where it was (unless a choice moved it on, to the composer).
    property Item opener: null
    onClosed: {
        if (opener && (!parent.Window.window || !parent.Window.window.activeFocusItem
                       || opener.visible && parent.Window.window.activeFocusItem !== opener))
            opener.forceActiveFocus(Qt.ShortcutFocusReason)
        opener = null
    }
    function forgetOpener() { opener = null }

    parent: Overlay.overlay
    modal: true
    focus: true
    x: (parent.width - width) / 2
    y: parent.height * 0.12
    width: Math.min(parent.width - 80, 640)
    height: Math.min(parent.height * 0.7, 520)
    padding: 0
    background: Rectangle { color: Theme.raised; radius: Theme.radius * 2; border.color: Theme.border }

    contentItem: ColumnLayout {
        spacing: 0
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Search")
        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            Layout.margins: Theme.spacing * 1.5
            placeholderText: qsTr("Search conversations, people and messages")
            Accessible.name: qsTr("Search")
            font.pixelSize: Theme.baseSize * 1.1
            onTextChanged: if (overlay.results) overlay.results.query = text
            Keys.onDownPressed: list.incrementCurrentIndex()
            Keys.onUpPressed: list.decrementCurrentIndex()
            Keys.onReturnPressed: overlay.choose(list.currentItem)
            Keys.onEnterPressed: overlay.choose(list.currentItem)
        }
        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: overlay.results
            currentIndex: 0
            onCountChanged: currentIndex = 0
            highlightMoveDuration: 0
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Search results")
            section.property: "resultKind"
            section.delegate: Label {
                required property string section
                width: ListView.view.width
                leftPadding: Theme.spacing * 1.5
                topPadding: Theme.spacing
                bottomPadding: 4
                text: section === "conversation" ? qsTr("Conversations") : section === "person" ? qsTr("People") : qsTr("Messages")
                font.pixelSize: Theme.baseSize * 0.8
                font.bold: true
                color: Theme.faintText
            }
            delegate: ItemDelegate {
                id: hit
                required property int index
                required property string resultKind
                required property string title
                required property string subtitle
                required property string snippetHtml
                required property string conversationId
                required property string messageId
                required property var createdAt
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                focusPolicy: Qt.NoFocus // the field keeps the focus: its arrows move here, Enter opens
                onClicked: overlay.choose(hit)
                Accessible.name: title + ", " + subtitle
                background: Rectangle { color: hit.highlighted ? Theme.selection : (hit.hovered ? Theme.hover : "transparent") }
                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        Label { Layout.fillWidth: true; text: hit.title; textFormat: Text.PlainText; font.bold: true; color: Theme.text; elide: Text.ElideRight }
                        Label { visible: hit.createdAt > 0; text: hit.createdAt > 0 ? TimeText.shortStamp(hit.createdAt) : ""; color: Theme.faintText; font.pixelSize: Theme.baseSize * 0.8 }
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        // snippetHtml is escaped by the model; only its <b> marks matches.
                        text: hit.snippetHtml.length > 0 ? hit.snippetHtml : hit.subtitle
                        textFormat: hit.snippetHtml.length > 0 ? Text.StyledText : Text.PlainText
                        color: Theme.mutedText
                        elide: Text.ElideRight
                        maximumLineCount: 2
                        wrapMode: Text.Wrap
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0 && field.text.length > 0
                text: qsTr("Nothing found for “%1”.").arg(field.text)
                textFormat: Text.PlainText
                color: Theme.faintText
            }
        }
    }
}
