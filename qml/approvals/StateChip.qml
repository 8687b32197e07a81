// A request's or a step's state as a rounded chip in its colour ("Pending", "Returned", "Approved").
// toneOf() is the one colour mapping of approval states; the request detail's step dots use it too.
import QtQuick
import QtQuick.Controls
import Tandem.Ui

Rectangle {
    id: chip
    property string requestState: ""
    property alias text: label.text

    function toneOf(state) {
        return state === "approved" ? Theme.success : state === "rejected" ? Theme.danger
            : state === "pending" || state === "active" || state === "returned" ? Theme.warning : Theme.mutedText
    }

    implicitWidth: label.implicitWidth + 14
    implicitHeight: label.implicitHeight + 6
    radius: height / 2
    color: "transparent"
    border.color: label.color
    Label { id: label; anchors.centerIn: parent; color: chip.toneOf(chip.requestState) }
}
