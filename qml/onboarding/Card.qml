// A titled, raised box for the welcome screen.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Rectangle {
    id: card
    property string title
    default property alias content: body.data
    color: Theme.raised
    radius: Theme.radius * 2
    border.color: Theme.border
    implicitHeight: column.implicitHeight + Theme.spacing * 5
    implicitWidth: 360
    Accessible.role: Accessible.Grouping
    Accessible.name: title

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2.5
        spacing: Theme.spacing * 2
        Label {
            text: card.title
            font.bold: true
            font.pixelSize: Theme.baseSize * 1.25
            color: Theme.text
        }
        Item {
            id: body
            Layout.fillWidth: true
            implicitHeight: childrenRect.height
        }
    }
}
