// Under your own message: sending…, not sent (with retry and discard), or who has read it
// ("Read by 5 of 8", a click lists them).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

RowLayout {
    id: line
    property string sendState: "sent"
    property string errorText
    property int readByCount
    property int receiptTotal
    signal retryRequested()
    signal discardRequested()
    signal readersRequested()
    spacing: Theme.spacing

    Label {
        visible: line.sendState === "sending"
        text: qsTr("Sending…")
        objectName: "sendingLabel"
        font.pixelSize: Theme.baseSize * 0.78
        color: Theme.faintText
    }
    Label {
        visible: line.sendState === "failed"
        objectName: "failedLabel"
        text: line.errorText.length > 0 ? qsTr("Not sent: %1").arg(line.errorText) : qsTr("Not sent")
        textFormat: Text.PlainText
        font.pixelSize: Theme.baseSize * 0.78
        color: Theme.danger
        Accessible.role: Accessible.AlertMessage
    }
    Button {
        Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
        Accessible.name: text // not named by its text alone (Qt 6.4)
        visible: line.sendState === "failed"
        objectName: "retryButton"
        text: qsTr("Retry")
        flat: true
        font.pixelSize: Theme.baseSize * 0.78
        onClicked: line.retryRequested()
    }
    Button {
        Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
        Accessible.name: text // not named by its text alone (Qt 6.4)
        visible: line.sendState === "failed"
        objectName: "discardButton"
        text: qsTr("Discard")
        flat: true
        font.pixelSize: Theme.baseSize * 0.78
        onClicked: line.discardRequested()
    }
    AbstractButton {
        Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
        id: readers
        objectName: "readersButton"
        visible: line.sendState === "sent" && line.receiptTotal > 0
        implicitWidth: readLabel.implicitWidth
        implicitHeight: readLabel.implicitHeight + 2
        onClicked: line.readersRequested()
        Accessible.name: readLabel.text
        contentItem: Label {
            id: readLabel
            objectName: "readLabel"
            text: line.receiptTotal === 1 ? (line.readByCount > 0 ? qsTr("Read") : qsTr("Sent"))
                : line.readByCount >= line.receiptTotal ? qsTr("Read by everyone")
                : qsTr("Read by %1 of %2").arg(line.readByCount).arg(line.receiptTotal)
            font.pixelSize: Theme.baseSize * 0.78
            font.underline: readers.hovered
            color: line.readByCount >= line.receiptTotal ? Theme.success : Theme.faintText
        }
    }
}
