// AttachmentView: which pictures are fetched on sight, what a picture shows while it downloads and
// when it cannot be shown (through the real attachment image provider), that the larger view opens
// from the keyboard and closes with Esc, and that other files get a card with their progress.
import QtQuick
import QtQuick.Controls
import QtTest
import Tandem.Ui

TestCase {
    id: testCase
    name: "AttachmentView"
    width: 800
    height: 600
    visible: true
    when: windowShown

    // Stands in for AttachmentTransfers: one transfer object, the provider's address scheme.
    QtObject {
        id: fakeTransfer
        property string state: ""
        property real doneBytes: 0
        property real totalBytes: 0
        property real progress: totalBytes > 0 ? doneBytes / totalBytes : 0
        property string errorText: ""
    }
    QtObject {
        id: fakeTransfers
        function watch(id) { return fakeTransfer }
        function imageUrl(id) { return "image://attachment/no-such-space/" + id }
        function canPreview(mime) { return mime === "image/png" || mime === "image/jpeg" }
        function fetchesOnSight(mime, size) { return canPreview(mime) && size <= 10 * 1024 * 1024 }
        function previewError(id) { return "The space of this picture is not open." }
    }
    Component {
        id: viewComponent
        AttachmentView {
            width: 500
            transfers: fakeTransfers
            onDownloadRequested: ++testCase.requested
        }
    }
    // Counts every request, from the first one made while the view completes.
    property int requested: 0

    function init() {
        fakeTransfer.state = ""
        fakeTransfer.doneBytes = 0
        fakeTransfer.totalBytes = 0
        fakeTransfer.errorText = ""
        requested = 0
    }

    function attachment(props) {
        return Object.assign({ attachmentId: "a1", name: "photo.png", sizeBytes: 2 * 1024 * 1024,
                               mimeType: "image/png", state: "remote", progress: 0, localUrl: "", isImage: true }, props)
    }

    function makeView(att) {
        const view = createTemporaryObject(viewComponent, testCase, { attachment: att })
        verify(view)
        return view
    }

    function test_smallPictureIsFetchedOnSight() {
        const view = makeView(attachment({}))
        compare(requested, 1)
        verify(findChild(view, "imagePreview"))
        verify(!findChild(view, "fileCard"))
    }

    function test_largePictureWaitsForTheUser() {
        const view = makeView(attachment({ sizeBytes: 20 * 1024 * 1024 }))
        compare(requested, 0)
        const preview = findChild(view, "imagePreview")
        verify(preview)
        const hint = findChild(view, "previewHint")
        verify(hint.visible)
        compare(hint.text, "20 MB · click to download")
        mouseClick(preview)
        compare(requested, 1)
    }

    function test_downloadShowsBytesOverThePlaceholder() {
        const view = makeView(attachment({}))
        fakeTransfer.totalBytes = 2 * 1024 * 1024
        fakeTransfer.doneBytes = 1024 * 1024
        fakeTransfer.state = "downloading"
        const bytes = findChild(view, "previewBytes")
        tryVerify(() => bytes.visible)
        compare(bytes.text, "1.0 of 2.0 MB")
        const bar = findChild(view, "previewProgress")
        verify(bar.visible)
        compare(bar.value, 0.5)
        verify(!findChild(view, "previewHint").visible)
    }

    function test_pictureThatCannotBeShownSaysWhy() {
        // Held (ready), so the view asks the real provider, which finds no such space.
        fakeTransfer.state = "ready"
        const view = makeView(attachment({ state: "cached" }))
        const preview = findChild(view, "imagePreview")
        compare(preview.source.toString(), "image://attachment/no-such-space/a1")
        tryCompare(preview, "status", Image.Error, 5000)
        const error = findChild(view, "previewError")
        verify(error.visible)
        compare(error.text, "Cannot show photo.png: The space of this picture is not open.")
        compare(error.textFormat, Text.PlainText)
    }

    function test_enterOpensTheLargerViewAndEscClosesIt() {
        fakeTransfer.state = "ready"
        const view = makeView(attachment({ state: "cached" }))
        const preview = findChild(view, "imagePreview")
        preview.forceActiveFocus()
        verify(preview.activeFocus)
        keyClick(Qt.Key_Return)
        tryVerify(() => view.viewer && view.viewer.opened)
        const viewer = view.viewer
        compare(viewer.source.toString(), "image://attachment/no-such-space/a1")
        verify(findChild(viewer, "viewerClose").activeFocus)
        keyClick(Qt.Key_Escape)
        tryVerify(() => !viewer.visible)
    }

    function test_otherFilesGetACardWithProgress() {
        const view = makeView(attachment({ name: "deck.pdf", mimeType: "application/pdf", sizeBytes: 4.5 * 1024 * 1024 }))
        compare(requested, 0) // not a picture: on request only
        verify(!findChild(view, "imagePreview"))
        fakeTransfer.totalBytes = 4.5 * 1024 * 1024
        fakeTransfer.doneBytes = 1.2 * 1024 * 1024
        fakeTransfer.state = "downloading"
        const size = findChild(view, "fileSize")
        tryCompare(size, "text", "1.2 of 4.5 MB")
        verify(findChild(view, "fileProgress").visible)
        fakeTransfer.state = "ready"
        tryVerify(() => findChild(view, "openButton").visible)
    }

    function test_failedUploadLeavesTheFileUsable() {
        fakeTransfer.state = "uploading"
        fakeTransfer.totalBytes = 100
        fakeTransfer.doneBytes = 40
        const view = createTemporaryObject(viewComponent, testCase, {
            attachment: attachment({ name: "a.txt", mimeType: "text/plain", state: "uploading" }), messageFailed: true })
        compare(view.fileState, "cached")
        verify(!findChild(view, "fileProgress").visible)
        verify(findChild(view, "openButton").visible)
    }
}
