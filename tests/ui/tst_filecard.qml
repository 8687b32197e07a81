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
        compare(findChild(card, "fileSize").text, "5.0 MB · 40%")
        verify(!findChild(card, "downloadButton").visible)
    }

    function test_nameIsPlainText() {
        const card = makeCard({ name: "<b>x</b>.png", sizeBytes: 1 })
        compare(findChild(card, "fileName").textFormat, Text.PlainText)
    }
}
