// A message's file: an image is previewed once it is in the encrypted cache; anything else is a card
// with download, open and save.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import Tandem.App
import Tandem.Ui

Item {
    id: view
    property var attachment
    signal downloadRequested()
    signal openRequested()
    signal saveRequested(url target)
    implicitHeight: loader.implicitHeight
    implicitWidth: loader.implicitWidth

    Loader {
        id: loader
        width: parent.width
        sourceComponent: view.attachment && view.attachment.isImage && view.attachment.state === "cached" && view.attachment.localUrl
                         ? image : card
    }
    Component {
        id: image
        ImagePreview {
            source: view.attachment.localUrl
            name: view.attachment.name
            onActivated: view.openRequested()
        }
    }
    Component {
        id: card
        FileCard {
            name: view.attachment.name
            sizeBytes: view.attachment.sizeBytes
            mimeType: view.attachment.mimeType
            fileState: view.attachment.state
            progress: view.attachment.progress
            onDownloadRequested: view.downloadRequested()
            onOpenRequested: view.openRequested()
            onSaveRequested: saveDialog.open()
        }
    }
    // Small images are fetched as they come into view, like any messenger; other files on request.
    Component.onCompleted: {
        if (attachment && attachment.isImage && attachment.state === "remote" && attachment.sizeBytes <= 8 * 1024 * 1024)
            downloadRequested()
    }
    Loader {
        id: saveDialog
        active: false
        function open() { active = true; item.open() }
        sourceComponent: FileDialog {
            fileMode: FileDialog.SaveFile
            currentFile: "file:///" + view.attachment.name
            onAccepted: view.saveRequested(selectedFile)
        }
    }
}
