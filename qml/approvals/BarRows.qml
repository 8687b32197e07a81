// Horizontal bars, one per row of `rows` ([{label, value, text}]), scaled to the largest value; drawn
// with Rectangles so the dashboard needs neither Qt Charts nor a QApplication.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls
import Tandem.Ui

ColumnLayout {
    id: bars
    property var rows: []
    property color barColor: Theme.workAccent
    property int labelWidth: 110
    readonly property real maxValue: {
        var m = 0
        for (var i = 0; i < rows.length; ++i)
            m = Math.max(m, rows[i].value)
        return m
    }
    spacing: 4
    Repeater {
        model: bars.rows
        delegate: RowLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: Theme.spacing
            Accessible.role: Accessible.StaticText
            Accessible.name: modelData.label + ": " + (modelData.text !== undefined ? modelData.text : modelData.value)
            Label {
                Layout.preferredWidth: bars.labelWidth
                text: modelData.label
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.mutedText
            }
            Item {
                Layout.fillWidth: true
                Layout.preferredHeight: 16
                Rectangle {
                    width: bars.maxValue > 0 ? Math.max(2, parent.width * modelData.value / bars.maxValue) : 2
                    height: parent.height
                    radius: 3
                    color: modelData.color !== undefined ? modelData.color : bars.barColor
                }
            }
            Label {
                Layout.preferredWidth: 64
                horizontalAlignment: Text.AlignRight
                text: modelData.text !== undefined ? modelData.text : Number(modelData.value).toLocaleString(Qt.locale(), "f", 0)
                color: Theme.text
            }
        }
    }
}
