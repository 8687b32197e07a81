// A message's file: a picture this build can decode is previewed (fetched as soon as it is shown when
// small, decrypted in memory by the attachment image provider); anything else is a card with download,
// open and save. Both show the bytes moved while the file goes up or down.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import Tandem.App
import Tandem.Ui

Item {
    id: view
    property var attachment
    // The space's AttachmentTransfers (progress, previews); without it, only the stored state shows.
    property var transfers: null
    // The message could not be sent: its upload is over.
    property bool messageFailed: false
    signal downloadRequested()
    signal openRequested()
    signal saveRequested(url target)
    implicitHeight: loader.implicitHeight
    implicitWidth: loader.implicitWidth

    readonly property string attachmentId: attachment ? attachment.attachmentId : ""
    readonly property var transfer: transfers && attachmentId.length > 0 ? transfers.watch(attachmentId) : null
    // What is happening now wins over the stored state, which the timeline reads again after the fact.
    readonly property string fileState: {
        if (!attachment)
            return ""
        const live = transfer ? transfer.state : ""
        if (live === "ready")
            return "cached"
        if (view.messageFailed && (live === "uploading" || attachment.state === "uploading"))
            return "cached" // the message failed; its file is still here, in the encrypted cache
        if (live !== "")
            return live
        return attachment.state
    }
    readonly property real progress: transfer && transfer.totalBytes > 0 ? transfer.progress
                                                                         : (fileState === "cached" ? 1 : 0)
    readonly property real doneBytes: transfer && transfer.totalBytes > 0 ? transfer.doneBytes : -1
    readonly property string errorText: transfer ? transfer.errorText : ""
    readonly property bool previewable: !!attachment && !!transfers && transfers.canPreview(attachment.mimeType)
                                        && attachment.sizeBytes <= 32 * 1024 * 1024
    // The picture is in the cache (downloaded, or being sent from here).
    readonly property bool held: fileState === "cached" || fileState === "uploading"

    Loader {
        id: loader
        width: parent.width
        sourceComponent: view.previewable && view.fileState !== "failed" ? image : card
    }
    Component {
        id: image
        ImagePreview {
            id: preview
            source: view.held ? view.transfers.imageUrl(view.attachmentId) : ""
            name: view.attachment.name
            sizeBytes: view.attachment.sizeBytes
            fileState: view.fileState
            progress: view.progress
            doneBytes: view.doneBytes
            errorText: preview.status === Image.Error ? view.transfers.previewError(view.attachmentId) : ""
            onActivated: {
                if (view.held)
                    viewerLoader.show()
                else if (view.fileState !== "downloading")
                    view.downloadRequested()
            }
        }
    }
    Component {
        id: card
        FileCard {
            name: view.attachment.name
            sizeBytes: view.attachment.sizeBytes
            mimeType: view.attachment.mimeType
            fileState: view.fileState
            progress: view.progress
            doneBytes: view.doneBytes
            errorText: view.errorText
            onDownloadRequested: view.downloadRequested()
            onOpenRequested: view.openRequested()
            onSaveRequested: saveDialog.open()
        }
    }

    // The larger view, once it was opened.
    readonly property var viewer: viewerLoader.item

    // Small pictures are fetched as they come into view, like any messenger; other files on request.
    property bool fetchAsked: false
    function fetchIfSmall() {
        if (fetchAsked || !attachment || !transfers || attachment.state !== "remote" || (transfer && transfer.state !== ""))
            return
        if (!transfers.fetchesOnSight(attachment.mimeType, attachment.sizeBytes))
            return
        fetchAsked = true
        downloadRequested()
    }
    Component.onCompleted: fetchIfSmall()
    onTransfersChanged: fetchIfSmall()

    Loader {
        id: viewerLoader
        active: false
        function show() { active = true; item.open() }
        sourceComponent: ImageViewer {
            source: view.transfers ? view.transfers.imageUrl(view.attachmentId) : ""
            name: view.attachment ? view.attachment.name : ""
            onOpenRequested: { close(); view.openRequested() }
            onSaveRequested: { close(); saveDialog.open() }
            // Back on the picture that opened it (the Loader's item: the preview).
            onClosed: (loader.item || view).forceActiveFocus(Qt.ShortcutFocusReason)
        }
    }
    Loader {
        id: saveDialog
        active: false
        function open() { active = true; item.open() }
        sourceComponent: FileDialog {
            fileMode: FileDialog.SaveFile
            // A display name from the server: no folder part, and escaped as a URL.
            currentFile: "file:///" + encodeURIComponent((view.attachment ? view.attachment.name : "file")
                                                         .replace(/[\/\\]/g, "_").replace(/^\.+/, "") || "file")
            onAccepted: view.saveRequested(selectedFile)
        }
    }
}
