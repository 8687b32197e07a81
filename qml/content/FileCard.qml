// A file in a message: a simple type badge, its name and size, a progress bar with the bytes moved
// while it goes up or down ("1.2 of 4.5 MB"), and the buttons for what can be done with it now
// (download; open, save). The buttons only ask: the conversation does the work
// (ConversationController.downloadAttachment and friends).
import QtQuick
import QtQuick.Controls
import Tandem.Ui
import "FileSizes.js" as FileSizes

Rectangle {
    id: card
    objectName: "fileCard"

    property string name
    property real sizeBytes: 0
    property string mimeType
    // The attachment's state: "cached" (here, decrypted on demand), "downloading", "uploading",
    // "failed", or anything else for "on the server only". `state` is accepted too, as the timeline
    // sets it; it is also Item's own state, so the card declares each of these as a State.
    property string fileState: card.state
    property real progress: 0
    // Bytes moved so far; when unknown (negative), progress × size.
    property real doneBytes: -1
    property string errorText

    signal downloadRequested()
    signal openRequested()
    signal saveRequested()

    readonly property bool busy: fileState === "downloading" || fileState === "uploading"
    readonly property bool available: fileState === "cached" || fileState === "downloaded" || fileState === "local"

    states: [
        State { name: "cached" }, State { name: "downloaded" }, State { name: "local" },
        State { name: "downloading" }, State { name: "uploading" }, State { name: "failed" },
        State { name: "remote" }, State { name: "missing" }
    ]

    function humanSize(bytes) {
        if (!(bytes > 0))
            return ""
        const units = [qsTr("B"), qsTr("KB"), qsTr("MB"), qsTr("GB"), qsTr("TB")]
        let value = bytes
        let unit = 0
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024
            ++unit
        }
        return (unit === 0 ? value.toString() : value.toFixed(value < 10 ? 1 : 0)) + " " + units[unit]
    }
    // "1.2 of 4.5 MB": both in the unit of the whole.
    function progressText(done, total) {
        return FileSizes.progressText(done, total)
    }
    readonly property real shownDoneBytes: doneBytes >= 0 ? doneBytes : progress * sizeBytes

    function typeLabel() {
        const mime = card.mimeType.toLowerCase()
        if (mime.startsWith("image/")) return "IMG"
        if (mime.startsWith("video/")) return "VID"
        if (mime.startsWith("audio/")) return "AUD"
        if (mime === "application/pdf") return "PDF"
        if (mime.includes("zip") || mime.includes("compressed") || mime.includes("tar")) return "ZIP"
        if (mime.includes("word") || mime.includes("document")) return "DOC"
        if (mime.includes("sheet") || mime.includes("excel") || mime === "text/csv") return "XLS"
        if (mime.includes("presentation") || mime.includes("powerpoint")) return "PPT"
        const dot = card.name.lastIndexOf(".")
        if (dot > 0 && card.name.length - dot <= 5)
            return card.name.substring(dot + 1).toUpperCase()
        return mime.startsWith("text/") ? "TXT" : "FILE"
    }
    function typeColor(label) {
        switch (label) {
        case "IMG": case "VID": return "#7c4dff"
        case "AUD": return "#00796b"
        case "PDF": return "#d32f2f"
        case "ZIP": return "#6d4c41"
        case "DOC": case "TXT": return "#1e63d0"
        case "XLS": return "#2e7d32"
        case "PPT": return "#bf360c"
        default: return "#546e7a"
        }
    }

    implicitWidth: 360
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    border.width: 1

    Column {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: parent.width - 2 * Theme.spacing
        spacing: Theme.spacing / 2

        Row {
            width: parent.width
            spacing: Theme.spacing

            Rectangle {
                id: badge
                readonly property string label: card.typeLabel()
                width: 40
                height: 40
                radius: 4
                color: card.typeColor(label)
                Text {
                    anchors.centerIn: parent
                    text: badge.label
                    color: "#ffffff"
                    font.bold: true
                    font.pixelSize: Math.round(Theme.baseSize * (badge.label.length > 3 ? 0.72 : 0.85))
                }
            }
            Column {
                width: parent.width - badge.width - buttons.width - 2 * Theme.spacing
                anchors.verticalCenter: parent.verticalCenter
                Label {
                    objectName: "fileName"
                    width: parent.width
                    text: card.name
                    textFormat: Text.PlainText
                    elide: Text.ElideMiddle
                    color: Theme.text
                }
                Label {
                    objectName: "fileSize"
                    width: parent.width
                    text: card.fileState === "failed" ? qsTr("%1 · failed").arg(card.humanSize(card.sizeBytes))
                        : card.busy ? card.progressText(card.shownDoneBytes, card.sizeBytes)
                        : card.humanSize(card.sizeBytes)
                    textFormat: Text.PlainText
                    color: card.fileState === "failed" ? Theme.danger : Theme.mutedText
                    font.pixelSize: Theme.baseSize * 0.85
                }
            }
            Row {
                id: buttons
                anchors.verticalCenter: parent.verticalCenter
                spacing: 4
                Button {
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    Accessible.name: text // not named by its text alone (Qt 6.4)
                    objectName: "downloadButton"
                    visible: !card.busy && !card.available
                    text: card.fileState === "failed" ? qsTr("Retry") : qsTr("Download")
                    onClicked: card.downloadRequested()
                }
                Button {
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    Accessible.name: text // not named by its text alone (Qt 6.4)
                    objectName: "openButton"
                    visible: card.available
                    text: qsTr("Open")
                    onClicked: card.openRequested()
                }
                Button {
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    Accessible.name: text // not named by its text alone (Qt 6.4)
                    objectName: "saveButton"
                    visible: card.available
                    text: qsTr("Save")
                    onClicked: card.saveRequested()
                }
            }
        }
        ProgressBar {
            objectName: "fileProgress"
            visible: card.busy
            width: parent.width
            from: 0
            to: 1
            value: card.progress
            Accessible.name: (card.fileState === "uploading" ? qsTr("Uploading %1") : qsTr("Downloading %1")).arg(card.name)
        }
        Label {
            objectName: "fileError"
            visible: card.fileState === "failed" && card.errorText.length > 0
            width: parent.width
            text: card.errorText
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.baseSize * 0.85
        }
    }
}
