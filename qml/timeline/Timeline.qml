// The messages of the open conversation. The model is newest first and the list grows upwards
// (BottomToTop). Coming within two screens of the top asks the model for the next older page, and of
// the bottom (after the model let go of the newest rows) for the next newer one; nothing loads the
// whole conversation, and delegates far from the viewport are reused.
// Keyboard (a roving focus): the list is one Tab stop that lands on the current message; Up/Down (and
// PageUp/PageDown, Home/End) move the current message and scroll it into view; Tab goes on into the
// current message's own controls, in reading order, then out to the composer; the other messages'
// controls are not Tab stops. Enter on a message opens its actions menu (MessageBubble).
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
        highlightMoveDuration: 0 // the current message comes into view at once, not in an animation
        onActiveFocusChanged: if (activeFocus) root.keepCurrentInView()
        Keys.onPressed: event => root.listKey(event)
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

    // Tab inside the list. A shortcut, as a control that is a Tab stop moves the focus on by itself before
    // the key could reach the list.
    Shortcut {
        sequences: ["Tab"]
        enabled: list.activeFocus
        onActivated: root.tabFrom(root.Window.window.activeFocusItem, true)
    }
    Shortcut {
        sequences: ["Shift+Tab", "Backtab"]
        enabled: list.activeFocus
        onActivated: root.tabFrom(root.Window.window.activeFocusItem, false)
    }

    // After the list in the Tab chain: Shift+Tab from below lands here and goes on to the current
    // message's last control (or the message), not to whichever message is last among the list's children.
    Item {
        id: tabSentinel
        objectName: "timelineTabSentinel"
        activeFocusOnTab: true
        width: 1
        height: 1
        Accessible.ignored: true
        onActiveFocusChanged: if (activeFocus) Qt.callLater(root.enterFromBelow)
    }

    function inside(item, ancestor) {
        for (var i = item; i; i = i.parent) {
            if (i === ancestor)
                return true
        }
        return false
    }
    // The newest message whose row is on screen (BottomToTop: the bottom of the viewport).
    function newestVisibleIndex() {
        for (var dy = 2; dy < list.height; dy += 8) {
            var i = list.indexAt(list.width / 2, list.contentY + list.height - dy)
            if (i >= 0)
                return i
        }
        return list.count > 0 ? 0 : -1
    }
    function inView(item) {
        return !!item && item.y + item.height > list.contentY && item.y < list.contentY + list.height
    }
    // Coming to the list (Tab, or after the mouse scrolled the current message away): a message on screen.
    function keepCurrentInView() {
        if (list.count > 0 && (list.currentIndex < 0 || !inView(list.currentItem)))
            list.currentIndex = newestVisibleIndex()
    }
    function enterFromBelow() {
        if (!tabSentinel.activeFocus)
            return
        keepCurrentInView()
        var current = list.currentItem
        var prev = tabSentinel
        for (var n = 0; n < 2000; ++n) {
            prev = prev.nextItemInFocusChain(false)
            if (!prev || prev === tabSentinel || prev === list || !inside(prev, list))
                break
            if (current && inside(prev, current)) {
                prev.forceActiveFocus(Qt.BacktabFocusReason)
                return
            }
        }
        focusMessage(Qt.BacktabFocusReason)
    }
    // The current message itself, not the control inside it that had the focus last.
    function focusMessage(reason) {
        list.forceActiveFocus(reason)
        var window = root.Window.window
        for (var n = 0; n < 10 && window && list.currentItem; ++n) {
            var f = window.activeFocusItem
            if (!f || f === list.currentItem || !inside(f, list.currentItem))
                break
            f.focus = false
        }
    }
    // Leaving the list forgets the control inside a message that had the focus, so that coming back
    // (Tab from above) lands on the message. (A popup closing gives the focus back to the control itself.)
    property Item focusInList: null
    Connections {
        target: root.Window.window
        function onActiveFocusItemChanged() {
            var f = root.Window.window.activeFocusItem
            if (f && root.inside(f, list)) {
                root.focusInList = f
                return
            }
            if (f && root.inside(f, root.Overlay.overlay))
                return // a popup: closing, it gives the focus back along the focus scopes as they were
            for (var g = root.focusInList; g && g !== list && g.parent !== list.contentItem; g = g.parent) {
                if (g.focus)
                    g.focus = false
            }
            root.focusInList = null
        }
    }
    // Tab and Shift+Tab inside the list: the current message, its controls, then out of the list.
    function tabFrom(item, forward) {
        keepCurrentInView()
        var current = list.currentItem
        var reason = forward ? Qt.TabFocusReason : Qt.BacktabFocusReason
        if (!forward && current && item !== current && inside(item, current)) {
            var prev = item.nextItemInFocusChain(false)
            if (prev && prev !== list && prev !== current && inside(prev, current))
                prev.forceActiveFocus(reason)
            else
                focusMessage(reason)
            return
        }
        var next = item
        for (var n = 0; n < 2000; ++n) {
            next = next.nextItemInFocusChain(forward)
            if (!next || next === item)
                return
            if (next !== tabSentinel && !inside(next, list))
                break
            if (forward && current && next !== list && inside(next, current))
                break
        }
        next.forceActiveFocus(reason)
    }
    function moveCurrent(delta) {
        if (list.count === 0)
            return
        list.currentIndex = Math.max(0, Math.min(list.count - 1, (list.currentIndex < 0 ? 0 : list.currentIndex) + delta))
    }
    function listKey(event) {
        // BottomToTop: older messages have higher rows and are above.
        var page = Math.max(1, list.indexAt(list.width / 2, list.contentY + 2) - newestVisibleIndex())
        if (event.key === Qt.Key_PageUp) {
            moveCurrent(page)
        } else if (event.key === Qt.Key_PageDown) {
            moveCurrent(-page)
        } else if (event.key === Qt.Key_Home && (event.modifiers & Qt.ControlModifier)) {
            moveCurrent(list.count) // the oldest loaded message; paging brings older ones
        } else if (event.key === Qt.Key_End && (event.modifiers & Qt.ControlModifier)) {
            moveCurrent(-list.count)
        } else {
            return
        }
        event.accepted = true
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
        Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
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
        Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
        Accessible.name: text // not named by its text alone (Qt 6.4)
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
