// The left column: the space's name and connection state, a filter, and its conversations.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Rectangle {
    id: pane
    property var session
    property color accent
    signal conversationChosen()
    color: Theme.sidebar

    function step(delta) {
        if (list.count === 0)
            return
        var i = Math.max(0, Math.min(list.count - 1, list.currentIndex + delta))
        list.currentIndex = i
        list.currentItem.activate()
    }
    function nextUnread() {
        for (var k = 1; k <= list.count; ++k) {
            var i = (list.currentIndex + k) % list.count
            var item = list.itemAtIndex(i)
            if (item && item.unread > 0) {
                list.currentIndex = i
                item.activate()
                return
            }
        }
    }
    function focusFilter() { filter.forceActiveFocus() }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // The space's name and whether it is connected.
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacing * 1.5
            spacing: Theme.spacing
            Rectangle { width: 4; height: 22; radius: 2; color: pane.accent }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    text: pane.session ? pane.session.name : ""
                    font.bold: true
                    font.pixelSize: Theme.baseSize * 1.15
                    color: Theme.text
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    Accessible.role: Accessible.Heading
                }
                SyncStatusLine {
                    Layout.fillWidth: true
                    session: pane.session
                }
            }
        }

        TextField {
            id: filter
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing * 1.5
            Layout.rightMargin: Theme.spacing * 1.5
            Layout.bottomMargin: Theme.spacing
            placeholderText: qsTr("Filter conversations (Ctrl+L)")
            Accessible.name: qsTr("Filter conversations")
            onTextChanged: if (pane.session) pane.session.conversations.filterText = text
            Keys.onDownPressed: { list.forceActiveFocus(); if (list.currentIndex < 0) list.currentIndex = 0 }
            Keys.onEscapePressed: clear()
        }

        ListView {
            id: list
            objectName: "conversationList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: pane.session ? pane.session.conversations : null
            keyNavigationEnabled: true
            // A Tab stop of its own: the arrows then move through the conversations, Enter opens one.
            activeFocusOnTab: true
            onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
            boundsBehavior: Flickable.StopAtBounds
            reuseItems: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Conversations")
            ScrollBar.vertical: ScrollBar {}
            currentIndex: -1
            delegate: ConversationDelegate {
                width: ListView.view.width
                selected: pane.session && pane.session.currentConversation
                          && pane.session.currentConversation.conversationId === conversationId
                accent: pane.accent
                onActivated: {
                    list.currentIndex = index
                    pane.session.openConversation(conversationId)
                    pane.conversationChosen()
                }
            }
            Keys.onReturnPressed: if (currentItem) currentItem.activate()
            Keys.onEnterPressed: if (currentItem) currentItem.activate()

            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                width: parent.width - 32
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                color: Theme.faintText
                text: filter.text.length > 0 ? qsTr("No conversation matches “%1”.").arg(filter.text) : qsTr("No conversations yet.")
            }
        }
    }
}
