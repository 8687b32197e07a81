// Read receipts under your own message: the words, the states, and the list behind them.
import QtQuick
import QtTest
import Tandem.Ui

TestCase {
    id: testCase
    name: "Receipts"
    width: 400
    height: 300
    visible: true
    when: windowShown

    Component {
        id: lineComponent
        ReceiptLine {}
    }
    Component {
        id: popupComponent
        ReadersPopup {}
    }
    SignalSpy { id: readersSpy; signalName: "readersRequested" }
    SignalSpy { id: retrySpy; signalName: "retryRequested" }
    SignalSpy { id: discardSpy; signalName: "discardRequested" }

    function init() {
        readersSpy.clear(); retrySpy.clear(); discardSpy.clear()
    }

    function test_readByFiveOfEight() {
        var line = createTemporaryObject(lineComponent, testCase, { sendState: "sent", readByCount: 5, receiptTotal: 8 })
        var label = findChild(line, "readLabel")
        compare(label.text, "Read by 5 of 8")
        verify(findChild(line, "readersButton").visible)
    }

    function test_clickListsReaders() {
        var line = createTemporaryObject(lineComponent, testCase, { sendState: "sent", readByCount: 2, receiptTotal: 3 })
        readersSpy.target = line
        waitForRendering(line)
        mouseClick(findChild(line, "readersButton"))
        compare(readersSpy.count, 1)
    }

    function test_everyoneRead() {
        var line = createTemporaryObject(lineComponent, testCase, { sendState: "sent", readByCount: 8, receiptTotal: 8 })
        compare(findChild(line, "readLabel").text, "Read by everyone")
    }

    function test_directConversationSaysReadOrSent() {
        var line = createTemporaryObject(lineComponent, testCase, { sendState: "sent", readByCount: 0, receiptTotal: 1 })
        compare(findChild(line, "readLabel").text, "Sent")
        line.readByCount = 1
        compare(findChild(line, "readLabel").text, "Read")
    }

    function test_sendingShowsNoReceipt() {
        var line = createTemporaryObject(lineComponent, testCase, { sendState: "sending", readByCount: 0, receiptTotal: 8 })
        verify(findChild(line, "sendingLabel").visible)
        verify(!findChild(line, "readersButton").visible)
    }

    function test_failedOffersRetryAndDiscard() {
        var line = createTemporaryObject(lineComponent, testCase, { sendState: "failed", errorText: "body_too_long", receiptTotal: 8 })
        retrySpy.target = line
        discardSpy.target = line
        waitForRendering(line)
        verify(findChild(line, "failedLabel").text.indexOf("body_too_long") >= 0)
        mouseClick(findChild(line, "retryButton"))
        mouseClick(findChild(line, "discardButton"))
        compare(retrySpy.count, 1)
        compare(discardSpy.count, 1)
    }

    function test_popupCountsReaders() {
        var popup = createTemporaryObject(popupComponent, testCase)
        popup.show([{ userId: "u1", displayName: "Bob", read: true },
                    { userId: "u2", displayName: "Chen", read: false },
                    { userId: "u3", displayName: "Dana", read: true }])
        compare(popup.readCount, 2)
        verify(popup.opened)
    }
}
