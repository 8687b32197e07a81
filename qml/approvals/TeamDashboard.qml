// My team: requests by state and type, aging of what is pending, SLA breaches, time to decision,
// throughput per week and the slowest steps, for the people, types and dates chosen; the CSV export
// writes exactly the requests these filters show.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

ColumnLayout {
    id: team
    property ApprovalDashboard dashboard
    property color accent: Theme.workAccent
    spacing: 0

    function dateOrNull(text) {
        var d = Date.fromLocaleString(Qt.locale("C"), text.trim(), "yyyy-MM-dd")
        return isNaN(d.getTime()) ? undefined : d
    }

    Flow {
        Layout.fillWidth: true
        Layout.margins: Theme.spacing
        spacing: Theme.spacing
        ComboBox {
            id: typeBox
            width: 170
            textRole: "name"
            valueRole: "id"
            model: [{ id: "", name: qsTr("All types") }].concat(team.dashboard.templates)
            onActivated: team.dashboard.templateIds = currentValue ? [currentValue] : []
            Accessible.name: qsTr("Type")
        }
        ComboBox {
            id: personBox
            width: 170
            textRole: "name"
            valueRole: "id"
            model: [{ id: "", name: qsTr("Everyone") }].concat(team.dashboard.teamPeople)
            onActivated: team.dashboard.people = currentValue ? [currentValue] : []
            Accessible.name: qsTr("Person")
        }
        TextField {
            id: fromField
            width: 160
            placeholderText: qsTr("From (YYYY-MM-DD)")
            Accessible.name: qsTr("Submitted from")
            onEditingFinished: team.dashboard.fromDate = team.dateOrNull(text)
        }
        TextField {
            id: toField
            width: 160
            placeholderText: qsTr("To (YYYY-MM-DD)")
            Accessible.name: qsTr("Submitted until")
            onEditingFinished: team.dashboard.toDate = team.dateOrNull(text)
        }
        Button {
            Accessible.name: text
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            text: qsTr("Clear filters")
            onClicked: {
                typeBox.currentIndex = 0
                personBox.currentIndex = 0
                fromField.clear()
                toField.clear()
                team.dashboard.clearFilters()
            }
        }
        Button {
            Accessible.name: text
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            text: qsTr("Export CSV…")
            onClicked: exportDialog.open()
        }
    }
    Label {
        id: exportStatus
        visible: text.length > 0
        Layout.fillWidth: true
        Layout.leftMargin: Theme.spacing
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        color: Theme.mutedText
    }
    Label {
        visible: team.dashboard.errorText.length > 0
        Layout.fillWidth: true
        Layout.leftMargin: Theme.spacing
        text: team.dashboard.errorText
        wrapMode: Text.Wrap
        color: Theme.danger
    }
    Connections {
        target: team.dashboard
        function onCsvExported(ok, message) { exportStatus.text = message }
    }
    FileDialog {
        id: exportDialog
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("CSV files (*.csv)")]
        defaultSuffix: "csv"
        onAccepted: team.dashboard.exportCsv(selectedFile)
    }

    ScrollView {
        id: scroll
        Layout.fillWidth: true
        Layout.fillHeight: true
        contentWidth: availableWidth
        clip: true
        GridLayout {
            width: scroll.availableWidth - Theme.spacing * 2
            x: Theme.spacing
            columns: width > 900 ? 3 : 2
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            FigureCard {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                title: qsTr("Requests by state")
                BarRows {
                    Layout.fillWidth: true
                    barColor: team.accent
                    rows: team.dashboard.byState.map(s => ({ label: s.label, value: s.count }))
                }
            }
            FigureCard {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                title: qsTr("Pending, by age")
                BarRows {
                    Layout.fillWidth: true
                    rows: team.dashboard.aging.map((a, i) => ({ label: a.label, value: a.count,
                        color: i === 3 ? Theme.danger : i === 2 ? Theme.warning : team.accent }))
                }
            }
            FigureCard {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                title: qsTr("Time to decision")
                Label {
                    text: team.dashboard.decisions > 0
                        ? qsTr("Median %1 over %2 decisions").arg(team.dashboard.medianDecisionText).arg(team.dashboard.decisions)
                        : qsTr("No decisions yet")
                    color: Theme.text
                    font.bold: true
                }
                BarRows {
                    Layout.fillWidth: true
                    barColor: team.accent
                    rows: team.dashboard.decisionTimeByType.map(d => ({ label: d.name, value: d.medianHours, text: d.medianText }))
                }
            }
            FigureCard {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                title: qsTr("By type")
                Repeater {
                    model: team.dashboard.byType
                    delegate: ColumnLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2").arg(modelData.name).arg(modelData.total)
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            color: Theme.text
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 pending · %2 approved · %3 rejected").arg(modelData.pending).arg(modelData.approved).arg(modelData.rejected)
                            elide: Text.ElideRight
                            color: Theme.mutedText
                        }
                    }
                }
            }
            FigureCard {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                title: qsTr("SLA breaches")
                Repeater {
                    model: team.dashboard.sla
                    delegate: ColumnLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 (within %2 h)").arg(modelData.name).arg(modelData.slaHours)
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            color: Theme.text
                        }
                        Label {
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                            text: qsTr("%1 overdue now · %2 decided late").arg(modelData.pendingBreached).arg(modelData.decidedLate)
                            color: modelData.pendingBreached > 0 ? Theme.danger : Theme.mutedText
                        }
                    }
                }
            }
            FigureCard {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                title: qsTr("Slowest steps (median)")
                BarRows {
                    Layout.fillWidth: true
                    labelWidth: 150
                    barColor: Theme.warning
                    rows: team.dashboard.slowestSteps.slice(0, 6).map(s => ({
                        label: qsTr("%1, step %2").arg(s.name).arg(s.position + 1), value: s.medianHours, text: s.medianText }))
                }
            }
            FigureCard {
                Layout.fillWidth: true
                Layout.columnSpan: parent.columns
                title: qsTr("Throughput per week")
                WeekChart {
                    Layout.fillWidth: true
                    weeks: team.dashboard.throughput
                    accent: team.accent
                }
            }
        }
    }
}
