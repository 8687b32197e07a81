// The messages of the open conversation. The model is newest first and the list grows upwards
// (BottomToTop). Coming within two screens of the top asks the model for the next older page, and of
// the bottom (after the model let go of the newest rows) for the next newer one; nothing loads the
// whole conversation, and delegates far from the viewport are reused.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Item {
    id: root
    property var conversation
    property var session
    property color accent
    property bool threadMode: false
    signal replyInThread(string messageId)
    signal editRequested(string messageId)

    readonly property alias view: list
    // The newest message is in view. Not list.atYEnd: positionViewAtBeginning() stops short of the
    // bottom margin, which leaves atYEnd false with the newest message plainly on screen.
    readonly property bool atNewest: (list.originY + list.contentHeight + list.bottomMargin)
                                     - (list.contentY + list.height) <= list.bottomMargin + 1
    readonly property var timelineModel: conversation ? (threadMode ? (conversation.thread ? conversation.thread.timeline : null)
                                                                    : conversation.timeline) : null

    ListView {
        id: list
        objectName: root.threadMode ? "threadTimelineView" : "timelineView"
        anchors.fill: parent
        verticalLayoutDirection: ListView.BottomToTop
        model: root.timelineModel
        clip: true
        reuseItems: true
        cacheBuffer: 600
        boundsBehavior: Flickable.StopAtBounds
        keyNavigationEnabled: true
        activeFocusOnTab: true // the list is a Tab stop; the arrows move through the messages
        currentIndex: -1
        spacing: 0
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Messages")
        ScrollBar.vertical: ScrollBar { id: scrollBar }
        topMargin: Theme.spacing
        bottomMargin: Theme.spacing

        delegate: MessageDelegate {
            width: ListView.view.width
            conversation: root.conversation
            accent: root.accent
            compact: root.threadMode
            onReplyInThread: id => root.replyInThread(id)
            onEditRequested: id => root.editRequested(id)
            onReadersShown: readers => readersPopup.show(readers)
        }

        // Reading the newest messages marks the conversation read.
        onCountChanged: {
            root.markReadIfSeen()
            root.pageNearEdges()
            root.updateFirstUnreadAbove()
        }
        onContentYChanged: {
            root.pageNearEdges()
            root.updateFirstUnreadAbove()
        }
        onHeightChanged: root.pageNearEdges()
    }

    // The view's own fetchMore() comes only when the last delegate is created, and not again if the
    // model was busy then; asking by distance keeps paging going whatever the timing. The model ignores
    // a request while the same page is on its way, and each answered page re-checks here (count).
    function pageNearEdges() {
        const model = root.timelineModel
        if (!model || list.count === 0)
            return
        const ahead = list.height * 2
        if (list.contentY - list.originY < ahead)
            model.fetchOlder()
        if (!model.atLatest && (list.originY + list.contentHeight) - (list.contentY + list.height) < ahead)
            model.fetchNewer()
    }

    function markReadIfSeen() {
        if (root.conversation && !root.threadMode && root.atNewest && Qt.application.state === Qt.ApplicationActive)
            root.conversation.markRead()
    }

    Connections {
        target: root.timelineModel
        function onPositionRequested(row) {
            if (row === 0)
                list.positionViewAtBeginning() // the newest message, at the bottom
            else
                list.positionViewAtIndex(row, ListView.Center)
        }
    }
    onAtNewestChanged: markReadIfSeen()
    Connections {
        target: Qt.application
        function onStateChanged() { root.markReadIfSeen() }
    }

    ReadersPopup {
        id: readersPopup
        x: (root.width - width) / 2
        y: (root.height - height) / 2
    }

    // Back to the newest message.
    RoundButton {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing * 2
        visible: list.count > 0 && (!root.atNewest || !root.timelineModel.atLatest)
        text: "↓"
        // The newest rows may have been let go while reading far back: the model reloads them first.
        onClicked: root.timelineModel.jumpToLatest()
        Accessible.name: qsTr("Jump to the newest message")
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Jump to the newest message")
    }

    // Unread messages above the viewport: one click to the first of them. Gone once that message has
    // been on screen (the "New" line stays, as in Slack).
    property bool firstUnreadAbove: false
    property string firstUnreadSeenId // been on screen: the button does not come back for it
    function updateFirstUnreadAbove() {
        const id = root.conversation && !root.threadMode ? root.conversation.firstUnreadMessageId : ""
        if (id.length === 0 || id === firstUnreadSeenId || !root.timelineModel || list.count === 0) {
            firstUnreadAbove = false
            return
        }
        const row = root.timelineModel.rowOf(id)
        // Not held: older than the loaded pages (when the newest are held), else newer ones (after a jump).
        if (row < 0) {
            firstUnreadAbove = root.timelineModel.atLatest
            return
        }
        // BottomToTop: the top of the viewport shows the highest row on screen.
        const top = list.indexAt(list.width / 2, list.contentY + 2)
        if (top >= 0 && row <= top) {
            firstUnreadSeenId = id // on screen or below it: seen
            firstUnreadAbove = false
        } else if (top >= 0)
            firstUnreadAbove = true
    }
    Connections {
        target: root.conversation && !root.threadMode ? root.conversation : null
        function onFirstUnreadMessageIdChanged() { root.updateFirstUnreadAbove() }
    }
    Button {
        id: jumpToUnread
        objectName: "jumpToFirstUnread"
        anchors.top: parent.top
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.topMargin: Theme.spacing
        visible: root.firstUnreadAbove
        text: qsTr("↑ Jump to first unread (Ctrl+J)")
        onClicked: root.conversation.jumpToFirstUnread()
        focusPolicy: Qt.NoFocus // Ctrl+J from anywhere; the timeline keeps the focus
        contentItem: Label {
            text: jumpToUnread.text
            color: Theme.onAccent
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            implicitHeight: 32
            radius: height / 2
            color: jumpToUnread.down ? Qt.darker(root.accent, 1.25) : jumpToUnread.hovered ? Qt.darker(root.accent, 1.1) : root.accent
        }
    }

    Label {
        anchors.centerIn: parent
        visible: root.timelineModel !== null && list.count === 0
        text: root.threadMode ? qsTr("No replies yet.") : qsTr("No messages yet. Say hello!")
        color: Theme.faintText
    }
}
