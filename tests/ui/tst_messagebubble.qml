// One message bubble on its own: sender and time, continued runs, recalled messages, mentions,
// reactions, send states, and that server text is never markup.
import QtQuick
import QtQuick.Controls
import QtTest
import Tandem.App
import Tandem.Ui

TestCase {
    id: testCase
    name: "MessageBubble"
    width: 700
    height: 500
    visible: true
    when: windowShown

    Component {
        id: bubbleComponent
        MessageBubble {
            width: 640
            messageId: "m1"
            senderId: "u_bob"
            senderName: "Bob Li"
            body: "hello"
            timeText: "14:05"
            blocks: MessageRenderer.render("hello", "markdown", [], true)
        }
    }
    SignalSpy { id: reactionSpy; signalName: "reactionToggled" }
    SignalSpy { id: retrySpy; signalName: "retryRequested" }

    function labelsOf(item) {
        var found = []
        function walk(node) {
            if (!node) return
            if (node.text !== undefined && typeof node.text === "string" && node.visible)
                found.push(node.text)
            for (var i = 0; i < node.children.length; ++i)
                walk(node.children[i])
        }
        walk(item)
        return found
    }
    function hasText(item, s) { return labelsOf(item).some(t => t.indexOf(s) >= 0) }

    function test_showsSenderAndTime() {
        var b = createTemporaryObject(bubbleComponent, testCase)
        waitForRendering(b)
        verify(hasText(b, "Bob Li"))
        verify(hasText(b, "14:05"))
    }

    function test_groupedHidesSender() {
        var b = createTemporaryObject(bubbleComponent, testCase, { grouped: true })
        waitForRendering(b)
        verify(!hasText(b, "Bob Li"))
    }

    function test_serverNoticeIsACentredLineWithoutActions() {
        var text = "Chen Wei 已接手此会话（原负责人：Bob Li）"
        var b = createTemporaryObject(bubbleComponent, testCase, { systemText: text, current: true })
        waitForRendering(b)
        verify(hasText(b, text))
        verify(labelsOf(b).indexOf("Bob Li") < 0) // no sender line (the sentence names him)
        compare(b.Accessible.name, text)
        verify(!b.showActions)
        b.forceActiveFocus()
        keyClick(Qt.Key_Return)
        for (var i = 0; i < b.children.length; ++i)
            verify(!(b.children[i].item && b.children[i].item.opened), "no actions menu")
    }

    function test_recalledMessageShowsNotice() {
        var b = createTemporaryObject(bubbleComponent, testCase, { deleted: true, body: "" })
        waitForRendering(b)
        verify(hasText(b, "This message was recalled."))
    }

    function test_reactionsShowAndToggle() {
        var b = createTemporaryObject(bubbleComponent, testCase,
            { reactions: [{ emoji: "👍", count: 3, mine: true, names: "Alice, Chen, you" }] })
        reactionSpy.target = b
        waitForRendering(b)
        verify(hasText(b, "👍 3"))
        b.reactionToggled("👍")
        compare(reactionSpy.count, 1)
        compare(reactionSpy.signalArguments[0][0], "👍")
    }

    function test_failedOwnMessageOffersRetry() {
        var b = createTemporaryObject(bubbleComponent, testCase, { mine: true, sendState: "failed", errorText: "window_closed" })
        retrySpy.target = b
        waitForRendering(b)
        verify(hasText(b, "Not sent"))
        var retry = findChild(b, "retryButton")
        verify(retry.visible)
        mouseClick(retry)
        compare(retrySpy.count, 1)
    }

    function test_receiptsOnlyOnOwnMessages() {
        var theirs = createTemporaryObject(bubbleComponent, testCase, { readByCount: 2, receiptTotal: 5 })
        waitForRendering(theirs)
        verify(!hasText(theirs, "Read by"))
        var mine = createTemporaryObject(bubbleComponent, testCase, { mine: true, readByCount: 2, receiptTotal: 5 })
        waitForRendering(mine)
        verify(hasText(mine, "Read by 2 of 5"))
    }

    function test_markupInSenderNameStaysText() {
        var b = createTemporaryObject(bubbleComponent, testCase, { senderName: "<b>Eve</b><img src=http://example.com/x.png>" })
        waitForRendering(b)
        verify(hasText(b, "<b>Eve</b><img src=http://example.com/x.png>"))
    }
}
