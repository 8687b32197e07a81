// A titled box on the team dashboard.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls
import Tandem.Ui

Rectangle {
    id: card
    property string title
    default property alias content: body.data
    implicitHeight: body.implicitHeight + heading.implicitHeight + Theme.spacing * 4
    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.border
    Accessible.role: Accessible.Grouping
    Accessible.name: title
    Label {
        id: heading
        x: Theme.spacing * 1.5
        y: Theme.spacing * 1.5
        text: card.title
        font.bold: true
        color: Theme.text
    }
    ColumnLayout {
        id: body
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: heading.bottom
        anchors.margins: Theme.spacing * 1.5
        spacing: Theme.spacing
    }
}
