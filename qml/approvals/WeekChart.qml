// Throughput per ISO week: requests submitted (light) and decided (accent) side by side, the latest
// weeks on the right.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls
import Tandem.Ui

ColumnLayout {
    id: chart
    property var weeks: []
    property color accent: Theme.workAccent
    property int shown: 16
    readonly property var visibleWeeks: weeks.slice(Math.max(0, weeks.length - shown))
    readonly property real maxValue: {
        var m = 1
        for (var i = 0; i < visibleWeeks.length; ++i)
            m = Math.max(m, visibleWeeks[i].submitted, visibleWeeks[i].decided)
        return m
    }
    spacing: 4
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Requests submitted and decided per week")
    Row {
        Layout.fillWidth: true
        Layout.preferredHeight: 120
        spacing: 4
        Repeater {
            model: chart.visibleWeeks
            delegate: Item {
                required property var modelData
                width: Math.max(14, (chart.width - 4 * chart.shown) / chart.shown)
                height: 120
                Rectangle {
                    anchors.bottom: parent.bottom
                    x: 0
                    width: parent.width / 2 - 1
                    height: Math.max(1, parent.height * modelData.submitted / chart.maxValue)
                    color: Qt.lighter(chart.accent, 1.6)
                }
                Rectangle {
                    anchors.bottom: parent.bottom
                    x: parent.width / 2
                    width: parent.width / 2 - 1
                    height: Math.max(1, parent.height * modelData.decided / chart.maxValue)
                    color: chart.accent
                }
                ToolTip.visible: tip.containsMouse
                ToolTip.text: qsTr("%1: %2 submitted, %3 decided").arg(modelData.week).arg(modelData.submitted).arg(modelData.decided)
                MouseArea { id: tip; anchors.fill: parent; hoverEnabled: true }
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Label {
            text: chart.visibleWeeks.length > 0 ? chart.visibleWeeks[0].week : ""
            color: Theme.faintText
            font.pixelSize: Theme.baseSize * 0.85
        }
        Item { Layout.fillWidth: true }
        Rectangle { width: 10; height: 10; color: Qt.lighter(chart.accent, 1.6) }
        Label { text: qsTr("Submitted"); color: Theme.mutedText; font.pixelSize: Theme.baseSize * 0.85 }
        Rectangle { width: 10; height: 10; color: chart.accent }
        Label { text: qsTr("Decided"); color: Theme.mutedText; font.pixelSize: Theme.baseSize * 0.85 }
        Item { Layout.fillWidth: true }
        Label {
            text: chart.visibleWeeks.length > 0 ? chart.visibleWeeks[chart.visibleWeeks.length - 1].week : ""
            color: Theme.faintText
            font.pixelSize: Theme.baseSize * 0.85
        }
    }
}
