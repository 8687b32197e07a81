// FileCard: a file's name, human size and the buttons its state allows; the buttons only emit signals.
import QtQuick
import QtTest
import Tandem.Ui

TestCase {
    id: testCase
    name: "FileCard"
    width: 500
    height: 200
    visible: true
    when: windowShown

    Component {
        id: cardComponent
        FileCard { width: 420 }
    }

    function makeCard(properties) {
        const card = createTemporaryObject(cardComponent, testCase, properties)
        verify(card)
        waitForRendering(card)
        return card
    }

    function test_remoteFileOffersDownload() {
        const card = makeCard({ name: "report.pdf", sizeBytes: 1536, mimeType: "application/pdf", state: "remote" })
        compare(findChild(card, "fileName").text, "report.pdf")
        compare(findChild(card, "fileSize").text, "1.5 KB")
        verify(findChild(card, "downloadButton").visible)
        verify(!findChild(card, "openButton").visible)
        const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: \"downloadRequested\" }", testCase)
        spy.target = card
        mouseClick(findChild(card, "downloadButton"))
        compare(spy.count, 1)
    }

    function test_cachedFileOffersOpenAndSave() {
        const card = makeCard({ name: "a.txt", sizeBytes: 10, mimeType: "text/plain", state: "cached" })
        verify(!findChild(card, "downloadButton").visible)
        verify(findChild(card, "openButton").visible)
        verify(findChild(card, "saveButton").visible)
        compare(findChild(card, "fileSize").text, "10 B")
    }

    function test_downloadingShowsProgress() {
        const card = makeCard({ name: "big.zip", sizeBytes: 5 * 1024 * 1024, fileState: "downloading", progress: 0.4 })
        const bar = findChild(card, "fileProgress")
        verify(bar.visible)
        compare(bar.value, 0.4)
        compare(findChild(card, "fileSize").text, "2.0 of 5.0 MB")
        verify(!findChild(card, "downloadButton").visible)
    }

    function test_bytesMovedFollowTheTransfer() {
        const total = 4.5 * 1024 * 1024
        const card = makeCard({ name: "deck.pdf", sizeBytes: total, mimeType: "application/pdf",
                                fileState: "uploading", progress: 0, doneBytes: 0 })
        const bar = findChild(card, "fileProgress")
        const size = findChild(card, "fileSize")
        verify(bar.visible)
        compare(size.text, "0.0 of 4.5 MB")
        compare(bar.Accessible.name, "Uploading deck.pdf")
        // As transferProgress reports come in, the bar and the bytes follow.
        card.doneBytes = 1.2 * 1024 * 1024
        card.progress = card.doneBytes / total
        compare(size.text, "1.2 of 4.5 MB")
        fuzzyCompare(bar.value, 0.2667, 0.001)
        verify(!findChild(card, "openButton").visible)
        verify(!findChild(card, "downloadButton").visible)
        // Done: the bar goes, open and save come.
        card.doneBytes = total
        card.progress = 1
        card.fileState = "cached"
        verify(!bar.visible)
        compare(size.text, "4.5 MB")
        verify(findChild(card, "openButton").visible)
        verify(findChild(card, "saveButton").visible)
    }

    function test_smallFilesCountInBytes() {
        const card = makeCard({ name: "n.txt", sizeBytes: 900, fileState: "downloading", progress: 0.5, doneBytes: 450 })
        compare(findChild(card, "fileSize").text, "450 of 900 B")
    }

    function test_failedTransferSaysWhyAndOffersRetry() {
        const card = makeCard({ name: "x.bin", sizeBytes: 2048, fileState: "failed",
                                errorText: "The server sent bytes of another file." })
        const error = findChild(card, "fileError")
        verify(error.visible)
        compare(error.text, "The server sent bytes of another file.")
        compare(error.textFormat, Text.PlainText)
        verify(!findChild(card, "fileProgress").visible)
        compare(findChild(card, "downloadButton").text, "Retry")
    }

    function test_nameIsPlainText() {
        const card = makeCard({ name: "<b>x</b>.png", sizeBytes: 1 })
        compare(findChild(card, "fileName").textFormat, Text.PlainText)
    }
}
