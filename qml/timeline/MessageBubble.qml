// One message as people read it: who and when (unless it continues the previous sender's run), what
// it says (content/MessageContent.qml picks text, code, quote blocks), its files, reactions, thread,
// and — for your own messages — whether it is sending, failed, or read by how many.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

FocusScope {
    id: bubble
    property string messageId
    property string senderId
    property string senderName
    property string body
    property string format: "plain"
    property var blocks: []
    property var mentionNames: [] // highlighted as @name when the collapsed text is expanded
    property string timeText
    property string dayText
    property bool showDaySeparator
    property bool grouped
    property string sendState: "sent"
    property string errorText
    property bool edited
    property bool deleted
    property bool mine
    property bool mentionsMe
    property int threadReplyCount
    property string replyToSenderName
    property string replyToText
    property var reactions: []
    property int readByCount
    property int receiptTotal
    property var attachments: []
    // The space's AttachmentTransfers: file progress and picture previews.
    property var transfers: null
    property bool highlighted
    property bool canEdit
    property bool canDelete
    property bool isFirstUnread
    property bool compact
    property bool current
    property color accent: Theme.workAccent
    // An urgent message (issue 5): {mine, seen, acknowledged, statusText}; null for the others.
    property var urgentState: null
    // A server notice (TimelineModel's systemText, translated): shown as a centred line, with no actions.
    property string systemText
    readonly property bool notice: systemText !== ""

    signal retryRequested()
    signal discardRequested()
    signal reactionToggled(string emoji)
    signal threadRequested()
    signal editClicked()
    signal deleteRequested()
    signal pinRequested()
    signal readersRequested()
    signal downloadRequested(string attachmentId)
    signal openRequested(string attachmentId)
    signal saveRequested(string attachmentId, url target)
    signal acknowledgeRequested()

    readonly property var quickReactions: ["👍", "❤️", "😂", "🎉", "👀", "🙏"]
    readonly property bool showActions: (hover.hovered || current) && !deleted && sendState === "sent" && !notice

    property real createdAt // ms since the epoch; 0 when unknown
    implicitHeight: column.implicitHeight
    Accessible.role: Accessible.ListItem
    Accessible.focusable: true
    Accessible.onPressAction: bubble.openMenu() // as Enter: the actions menu
    // What a screen reader says on reaching the message: sender, time, text, then its state.
    Accessible.name: notice ? systemText : ((deleted ? qsTr("%1 recalled a message").arg(senderName)
                              : qsTr("%1 at %2: %3").arg(senderName).arg(timeText).arg(body.length > 300 ? body.slice(0, 300) + "…" : body))
                     + (sendState === "failed" ? " " + qsTr("(not sent)") : sendState === "sending" ? " " + qsTr("(sending)") : "")
                     + (edited && !deleted ? ", " + qsTr("edited") : "")
                     + (attachments && attachments.length > 0 ? ", " + qsTr("%n file(s)", "", attachments.length) : "")
                     + (reactions && reactions.length > 0 ? ", " + qsTr("%n reaction(s)", "", reactions.length) : "")
                     + (threadReplyCount > 0 ? ", " + qsTr("%n replies", "", threadReplyCount) : "")
                     + (mine && sendState === "sent" && receiptTotal > 0 ? ", " + qsTr("read by %1 of %2").arg(readByCount).arg(receiptTotal) : ""))

    HoverHandler { id: hover }

    // A control that held the focus can go with its Loader (the hover actions once the message is no
    // longer current); coming back, the focus would rest on that empty Loader. It rests on the message.
    onActiveFocusChanged: if (activeFocus) Qt.callLater(bubble.restFocus)
    function restFocus() {
        var f = bubble.Window.activeFocusItem
        if (f && f !== bubble && !f.activeFocusOnTab && f.cursorVisible === undefined && bubble.activeFocus)
            f.focus = false
    }

    Keys.onPressed: event => {
        if (bubble.notice)
            return // a notice has no actions; arrows and Tab go on to the list
        // Enter on the message (not on one of its controls): its actions menu, the keyboard's right click;
        // the menu's first entry opens the thread.
        if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && bubble.activeFocus) { bubble.openMenu(); event.accepted = true }
        else if (event.key === Qt.Key_T) { threadRequested(); event.accepted = true }
        else if (event.key === Qt.Key_E && canEdit) { editClicked(); event.accepted = true }
        else if (event.key === Qt.Key_Delete && canDelete) { deleteRequested(); event.accepted = true }
        else if (event.key === Qt.Key_Menu || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier))) { bubble.openMenu(); event.accepted = true }
    }

    // Plain positioners and explicit widths, not Qt Quick Layouts: every width here follows from the
    // delegate's own in one step. Through nested layouts a message's text was laid out again for each
    // intermediate width the layouts passed on while a screenful of bubbles was being created (14 text
    // layouts per message when a conversation opened, instead of one).
    Column {
        id: column
        width: parent.width

        // Day separator (and the "new" line above the first unread message). The parts most messages
        // do not have are Loaders, not hidden items: opening a conversation creates a screenful of
        // bubbles at once, and every item each of them does not build is time before the first frame.
        Loader {
            active: bubble.showDaySeparator && !bubble.compact
            visible: active
            width: column.width
            sourceComponent: Item {
                implicitHeight: dayRow.implicitHeight + Theme.spacing * 2
                RowLayout {
                    id: dayRow
                    x: Theme.spacing * 2
                    y: Theme.spacing * 1.5
                    width: parent.width - Theme.spacing * 4
                    Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
                    Label {
                        text: bubble.dayText
                        font.pixelSize: Theme.baseSize * 0.85
                        font.bold: true
                        color: Theme.mutedText
                        Accessible.role: Accessible.Separator
                    }
                    Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
                }
            }
        }
        Loader {
            active: bubble.isFirstUnread
            visible: active
            width: column.width
            sourceComponent: Item {
                implicitHeight: newRow.implicitHeight
                RowLayout {
                    id: newRow
                    x: Theme.spacing * 2
                    width: parent.width - Theme.spacing * 4
                    Rectangle { Layout.fillWidth: true; height: 1; color: Theme.danger }
                    Label { text: qsTr("New"); color: Theme.danger; font.pixelSize: Theme.baseSize * 0.8; font.bold: true }
                }
            }
        }

        Loader {
            active: bubble.notice
            visible: active
            width: column.width
            sourceComponent: SystemNotice {
                text: bubble.systemText
                timeText: bubble.timeText
                current: bubble.current
                highlighted: bubble.highlighted
                compact: bubble.compact
            }
        }

        Rectangle {
            id: row
            readonly property real topInset: bubble.grouped ? 2 : Theme.spacing
            visible: !bubble.notice
            width: column.width
            implicitHeight: Math.max(avatarBox.height, messageColumn.height) + (bubble.grouped ? 4 : Theme.spacing * 1.25)
            color: bubble.highlighted ? Theme.highlightBackground
                 : bubble.mentionsMe ? Qt.rgba(Theme.mentionBackground.r, Theme.mentionBackground.g, Theme.mentionBackground.b, 0.6)
                 : (hover.hovered || bubble.current) ? Theme.hover
                 : Qt.rgba(Theme.hover.r, Theme.hover.g, Theme.hover.b, 0) // fades out without going through grey
            Behavior on color { ColorAnimation { duration: 400 } }
            // The focus ring (Main.qml's FocusRing) marks the message while it holds the focus itself; this
            // border keeps it marked while the focus is on one of its controls.
            border.width: bubble.current && !bubble.activeFocus ? 2 : 0
            border.color: Theme.focusRing
            Rectangle {
                visible: bubble.mentionsMe
                width: 3
                height: parent.height
                color: Theme.warning
            }

            // Hover (or keyboard) actions; made only while shown, so scrolling stays cheap. Before the content in
            // the item tree: at the top right, they come first in the Tab order, as in reading order.
            Loader {
                active: bubble.showActions
                anchors.right: parent.right
                anchors.rightMargin: Theme.spacing * 2
                anchors.top: parent.top
                anchors.topMargin: -Theme.spacing
                z: 2
                sourceComponent: actionBar
            }

            // Avatar, or the time on hover for a continued run.
            Item {
                id: avatarBox
                x: Theme.spacing * 2
                y: row.topInset
                width: bubble.compact ? 28 : 36
                height: bubble.grouped ? 18 : (bubble.compact ? 28 : 36)
                Avatar {
                    visible: !bubble.grouped
                    size: bubble.compact ? 28 : 36
                    name: bubble.senderName
                    userId: bubble.senderId
                }
                Label {
                    visible: bubble.grouped && hover.hovered
                    anchors.right: parent.right
                    text: bubble.timeText
                    font.pixelSize: Theme.baseSize * 0.72
                    color: Theme.faintText
                }
            }

            Column {
                id: messageColumn
                x: avatarBox.x + avatarBox.width + Theme.spacing * 1.25
                y: row.topInset
                width: row.width - x - Theme.spacing * 2
                spacing: 3

                Row {
                    visible: !bubble.grouped
                    spacing: Theme.spacing
                    Label {
                        id: senderLabel
                        text: bubble.senderName
                        textFormat: Text.PlainText
                        font.bold: true
                        color: Theme.text
                    }
                    Label {
                        objectName: "messageTime"
                        anchors.verticalCenter: senderLabel.verticalCenter
                        text: bubble.timeText
                        font.pixelSize: Theme.baseSize * 0.8
                        color: Theme.faintText
                        // "3 minutes ago" where people ask "how long ago"; the list shows the clock time.
                        readonly property string relative: bubble.createdAt > 0 ? RelativeTime.text(bubble.createdAt, RelativeTime.now) : ""
                        Accessible.role: Accessible.StaticText
                        Accessible.name: relative.length > 0 ? qsTr("%1 (%2)").arg(bubble.timeText).arg(relative) : bubble.timeText
                        HoverHandler { id: timeHover }
                        ToolTip.visible: timeHover.hovered && relative.length > 0
                        ToolTip.text: relative
                    }
                }

                // A quoted reply.
                Loader {
                    active: bubble.replyToText.length > 0
                    visible: active
                    width: messageColumn.width
                    sourceComponent: Rectangle {
                        implicitHeight: quote.implicitHeight + 8
                        color: Theme.surface
                        radius: 4
                        Rectangle { width: 3; height: parent.height; color: bubble.accent; radius: 1 }
                        Label {
                            id: quote
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.leftMargin: 10
                            anchors.rightMargin: 6
                            text: bubble.replyToSenderName + ": " + bubble.replyToText
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            maximumLineCount: 2
                            wrapMode: Text.Wrap
                            color: Theme.mutedText
                            font.pixelSize: Theme.baseSize * 0.9
                        }
                    }
                }

                Label {
                    visible: bubble.deleted
                    text: qsTr("This message was recalled.")
                    font.italic: true
                    color: Theme.faintText
                }

                MessageContent {
                    visible: !bubble.deleted
                    width: messageColumn.width
                    blocks: bubble.blocks
                    mentionNames: bubble.mentionNames
                    body: bubble.body
                    format: bubble.format
                    opacity: bubble.sendState === "sending" ? 0.65 : 1.0
                }

                Label {
                    visible: bubble.edited && !bubble.deleted
                    text: qsTr("(edited)")
                    font.pixelSize: Theme.baseSize * 0.75
                    color: Theme.faintText
                }

                // Files and images.
                Repeater {
                    model: bubble.deleted ? [] : bubble.attachments
                    delegate: AttachmentView {
                        required property var modelData
                        width: messageColumn.width
                        attachment: modelData
                        transfers: bubble.transfers
                        messageFailed: bubble.sendState === "failed"
                        onDownloadRequested: bubble.downloadRequested(modelData.attachmentId)
                        onOpenRequested: bubble.openRequested(modelData.attachmentId)
                        onSaveRequested: url => bubble.saveRequested(modelData.attachmentId, url)
                    }
                }

                Loader {
                    active: !!bubble.reactions && bubble.reactions.length > 0
                    visible: active
                    width: messageColumn.width
                    sourceComponent: ReactionsRow {
                        reactions: bubble.reactions || []
                        accent: bubble.accent
                        onToggled: emoji => bubble.reactionToggled(emoji)
                    }
                }

                // The thread under this message.
                Loader {
                    active: bubble.threadReplyCount > 0 && !bubble.compact
                    visible: active
                    sourceComponent: AbstractButton {
                        Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                        implicitWidth: threadLabel.implicitWidth
                        implicitHeight: threadLabel.implicitHeight + 4
                        onClicked: bubble.threadRequested()
                        Accessible.name: threadLabel.text
                        contentItem: Label {
                            id: threadLabel
                            text: qsTr("%n replies", "", bubble.threadReplyCount) + " →"
                            color: Theme.link
                            font.bold: true
                            font.underline: parent.hovered
                        }
                    }
                }

                // Urgent: marked, the recipient's Acknowledge, and the sender's "Seen 10:42 · Acknowledged 10:45".
                Loader {
                    active: !!bubble.urgentState && !bubble.deleted
                    visible: active
                    sourceComponent: RowLayout {
                        spacing: Theme.spacing
                        Label {
                            text: "⚠ " + qsTr("Urgent")
                            color: Theme.danger
                            font.bold: true
                            font.pixelSize: Theme.baseSize * 0.85
                        }
                        Label {
                            objectName: "urgentStatus"
                            visible: text.length > 0
                            text: bubble.urgentState ? bubble.urgentState.statusText : ""
                            color: Theme.mutedText
                            font.pixelSize: Theme.baseSize * 0.85
                        }
                        Button {
                            objectName: "acknowledgeButton"
                            visible: !!bubble.urgentState && !bubble.urgentState.mine && !bubble.urgentState.acknowledged
                            text: qsTr("Acknowledge")
                            onClicked: bubble.acknowledgeRequested()
                            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                        }
                    }
                }
                Loader {
                    active: bubble.mine && !bubble.deleted
                    visible: active
                    sourceComponent: ReceiptLine {
                        sendState: bubble.sendState
                        errorText: bubble.errorText
                        readByCount: bubble.readByCount
                        receiptTotal: bubble.receiptTotal
                        onRetryRequested: bubble.retryRequested()
                        onDiscardRequested: bubble.discardRequested()
                        onReadersRequested: bubble.readersRequested()
                    }
                }
            }
        }
    }

    Component {
        id: actionBar
            Rectangle {
                radius: Theme.radius
                color: Theme.raised
                border.color: Theme.border
                implicitWidth: actions.implicitWidth + 8
                implicitHeight: actions.implicitHeight + 4
                Row {
                    id: actions
                    anchors.centerIn: parent
                    Repeater {
                        model: bubble.quickReactions.slice(0, 3)
                        delegate: ToolButton {
                            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                            required property string modelData
                            text: modelData
                            font.pixelSize: Math.round(Theme.baseSize * 1.07)
                            implicitWidth: Math.max(32, implicitContentWidth + 8)
                            implicitHeight: Math.max(28, implicitContentHeight + 6)
                            onClicked: bubble.reactionToggled(modelData)
                            Accessible.name: qsTr("React with %1").arg(modelData)
                        }
                    }
                    ToolButton {
                        Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                        text: "💬"
                        implicitWidth: 32
                        implicitHeight: 28
                        visible: !bubble.compact
                        onClicked: bubble.threadRequested()
                        Accessible.name: qsTr("Reply in thread")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Reply in thread (T)")
                    }
                    ToolButton {
                        Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                        text: "⋯"
                        implicitWidth: 32
                        implicitHeight: 28
                        onClicked: bubble.openMenu()
                        Accessible.name: qsTr("More actions")
                    }
                }
            }
    }

    function openMenu() {
        if (bubble.notice)
            return
        menuLoader.active = true
        if (bubble.activeFocus)
            menuLoader.item.popup(bubble, Theme.spacing * 4, Theme.spacing) // from the keyboard: at the message
        else
            menuLoader.item.popup()
        menuLoader.item.currentIndex = 0
    }
    Loader {
        id: menuLoader
        active: false
        sourceComponent: messageMenu
    }
    Component {
        id: messageMenu
    Menu {
        objectName: "messageMenu"
        MenuItem { Accessible.name: text; Accessible.onPressAction: if (enabled) triggered(); text: qsTr("Reply in thread"); enabled: !bubble.compact; onTriggered: bubble.threadRequested() }
        MenuItem { Accessible.name: text; Accessible.onPressAction: if (enabled) triggered(); text: qsTr("Edit"); enabled: bubble.canEdit; onTriggered: bubble.editClicked() }
        MenuItem { Accessible.name: text; Accessible.onPressAction: if (enabled) triggered(); text: qsTr("Pin to conversation"); onTriggered: bubble.pinRequested() }
        MenuItem { Accessible.name: text; Accessible.onPressAction: if (enabled) triggered(); text: qsTr("Copy text"); onTriggered: Clipboard.copyText(bubble.body) }
        MenuItem { Accessible.name: text; Accessible.onPressAction: if (enabled) triggered(); text: qsTr("Create task…"); enabled: !bubble.deleted; onTriggered: TaskRequests.createFromMessage(bubble.messageId, bubble.body) }
        Menu {
            title: qsTr("React")
            Repeater {
                model: bubble.quickReactions
                delegate: MenuItem {
                    Accessible.onPressAction: if (enabled) triggered() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    Accessible.name: text // not named by its text alone (Qt 6.4)
                    required property string modelData
                    text: modelData
                    onTriggered: bubble.reactionToggled(modelData)
                }
            }
        }
        MenuSeparator {}
        MenuItem {
            Accessible.onPressAction: if (enabled) triggered() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            Accessible.name: text // not named by its text alone (Qt 6.4)
            text: bubble.mine ? qsTr("Recall") : qsTr("Delete")
            enabled: bubble.canDelete
            onTriggered: bubble.deleteRequested()
        }
    }
    }
    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: bubble.openMenu()
    }
}
