// Binds one timeline row to a MessageBubble and the conversation's actions. Kept thin so the bubble
// can be tested on its own (tests/ui/tst_messagebubble.qml).
import QtQuick
import Tandem.App
import Tandem.Ui

MessageBubble {
    id: delegate
    property var conversation
    signal replyInThread(string messageId)
    signal editRequested(string messageId)
    signal readersShown(var readers)

    messageId: model.messageId
    senderId: model.senderId
    senderName: model.senderName
    body: model.body
    format: model.format
    blocks: model.blocks
    mentionNames: model.mentionNames
    timeText: model.timeText
    dayText: model.dayText
    showDaySeparator: model.showDaySeparator
    grouped: model.groupedWithPrevious
    sendState: model.sendState
    errorText: model.errorText
    edited: model.edited
    deleted: model.deleted
    mine: model.mine
    mentionsMe: model.mentionsMe
    threadReplyCount: model.threadReplyCount
    replyToSenderName: model.replyToSenderName || ""
    replyToText: model.replyToText || ""
    reactions: model.reactions
    readByCount: model.readByCount
    receiptTotal: model.receiptTotal
    attachments: model.attachments
    transfers: conversation ? conversation.transfers : null
    highlighted: model.highlighted
    canEdit: model.canEdit
    canDelete: model.canDelete
    isFirstUnread: model.isFirstUnread
    createdAt: model.createdAt
    systemText: model.systemText
    current: ListView.isCurrentItem && ListView.view.activeFocus
    urgentState: conversation && conversation.boundary ? (conversation.boundary.urgent[model.messageId] || null) : null
    // An urgent message shown to its recipient is marked seen (the sender learns when).
    function markUrgentSeen() {
        if (urgentState && !urgentState.mine && !urgentState.seen)
            conversation.boundary.markSeen(messageId)
    }
    onUrgentStateChanged: markUrgentSeen()
    Component.onCompleted: markUrgentSeen()
    onAcknowledgeRequested: conversation.boundary.acknowledge(messageId)
    // A click into one of this message's controls makes it the current message (the roving focus).
    onActiveFocusChanged: if (activeFocus && !ListView.isCurrentItem && ListView.view) ListView.view.currentIndex = index

    onRetryRequested: conversation.retryMessage(messageId)
    onDiscardRequested: conversation.discardMessage(messageId)
    onReactionToggled: emoji => conversation.toggleReaction(messageId, emoji)
    onThreadRequested: replyInThread(messageId)
    onEditClicked: editRequested(messageId)
    onDeleteRequested: conversation.deleteMessage(messageId)
    onPinRequested: conversation.pinMessage(messageId, true)
    onReadersRequested: readersShown(conversation.readers(messageId))
    onDownloadRequested: id => conversation.downloadAttachment(id)
    onOpenRequested: id => conversation.openAttachment(id)
    onSaveRequested: (id, url) => conversation.saveAttachment(id, url)
}
