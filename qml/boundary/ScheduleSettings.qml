// Schedule & notifications of one space: work hours per weekday (ranges with breaks between them), the
// time zone, days off and extra working days; for a personal space the same form sets its quiet hours.
// What is typed is checked by the space (SpaceBoundary.save) and any error is shown under the form.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Popup {
    id: settings
    // The space's SpaceBoundary (null in tests, which give `form` and `work` themselves).
    property var boundary: null
    property string spaceName
    property bool work: boundary ? boundary.work : true
    property var form: boundary ? boundary.form : ({ timeZone: "", week: ["", "", "", "", "", "", ""], daysOff: "", extraDays: "", enabled: true })
    property string errorText: boundary ? boundary.errorText : ""
    readonly property var dayNames: [qsTr("Monday"), qsTr("Tuesday"), qsTr("Wednesday"), qsTr("Thursday"), qsTr("Friday"), qsTr("Saturday"), qsTr("Sunday")]

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: 560
    padding: Theme.spacing * 2
    background: Rectangle { color: Theme.raised; radius: Theme.radius; border.color: Theme.border }
    onOpened: load()

    function load() {
        zone.text = form.timeZone
        for (let i = 0; i < 7; ++i)
            days.itemAt(i).text = form.week[i]
        daysOff.text = form.daysOff
        extraDays.text = form.extraDays
        enabledSwitch.checked = form.enabled
    }
    function collect() {
        const week = []
        for (let i = 0; i < 7; ++i)
            week.push(days.itemAt(i).text)
        return { timeZone: zone.text, week: week, daysOff: daysOff.text, extraDays: extraDays.text,
                 enabled: settings.work || enabledSwitch.checked }
    }
    Component.onCompleted: load()
    Connections {
        target: settings.boundary
        function onSaved() { settings.close() }
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Accessible.role: Accessible.Dialog
        Accessible.name: title.text

        Label {
            id: title
            text: settings.work ? qsTr("Work hours — %1").arg(settings.spaceName) : qsTr("Quiet hours — %1").arg(settings.spaceName)
            font.bold: true
            font.pixelSize: Theme.baseSize * 1.2
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            text: settings.work
                  ? qsTr("Outside these hours this space makes no sound, popup or tray alert; what arrives waits for your catch-up digest. Gaps between ranges are breaks.")
                  : qsTr("During quiet hours this space only updates its badge.")
        }
        Switch {
            id: enabledSwitch
            visible: !settings.work
            text: qsTr("Quiet hours on")
        }
        GridLayout {
            columns: 2
            columnSpacing: Theme.spacing * 2
            rowSpacing: Theme.spacing / 2
            enabled: settings.work || enabledSwitch.checked
            Layout.fillWidth: true

            Label { text: qsTr("Time zone"); color: Theme.text }
            TextField {
                id: zone
                Layout.fillWidth: true
                placeholderText: "Asia/Shanghai"
                Accessible.name: qsTr("Time zone")
            }
            Repeater {
                id: dayLabels
                model: 7
                delegate: Label {
                    required property int index
                    Layout.row: index + 1
                    Layout.column: 0
                    text: settings.dayNames[index]
                    color: Theme.text
                }
            }
            Repeater {
                id: days
                model: 7
                delegate: TextField {
                    required property int index
                    Layout.row: index + 1
                    Layout.column: 1
                    Layout.fillWidth: true
                    placeholderText: qsTr("e.g. 09:00-12:00, 13:00-18:00")
                    Accessible.name: settings.dayNames[index]
                }
            }
            Label { Layout.row: 8; text: qsTr("Days off"); color: Theme.text }
            TextField {
                id: daysOff
                Layout.row: 8
                Layout.column: 1
                Layout.fillWidth: true
                placeholderText: qsTr("holidays, leave: 2026-10-01, 2026-10-02")
                Accessible.name: qsTr("Days off")
            }
            Label { Layout.row: 9; text: qsTr("Extra working days"); color: Theme.text; visible: settings.work }
            TextField {
                id: extraDays
                Layout.row: 9
                Layout.column: 1
                Layout.fillWidth: true
                visible: settings.work
                placeholderText: qsTr("date and whose hours it keeps: 2026-10-10 fri")
                Accessible.name: qsTr("Extra working days")
            }
        }
        Label {
            objectName: "scheduleError"
            Layout.fillWidth: true
            visible: settings.errorText.length > 0
            text: settings.errorText
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            color: Theme.danger
            Accessible.role: Accessible.AlertMessage
        }
        // Urgent messages: who may break through, and how many a day (the server enforces it).
        RowLayout {
            objectName: "urgentPolicyRow"
            visible: settings.work && (!settings.boundary || settings.boundary.canSetUrgentPolicy)
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label { text: qsTr("Urgent messages from"); color: Theme.text }
            ComboBox {
                id: urgentAllow
                objectName: "urgentAllow"
                textRole: "name"
                valueRole: "value"
                model: [{ value: "manager", name: qsTr("My manager") }, { value: "team", name: qsTr("Anyone in my team") },
                        { value: "anyone", name: qsTr("Anyone") }, { value: "nobody", name: qsTr("Nobody") }]
                Component.onCompleted: currentIndex = indexOfValue(settings.boundary ? settings.boundary.urgentAllow : "team")
                Accessible.name: qsTr("Who may send you urgent messages")
            }
            Label { text: qsTr("at most"); color: Theme.text }
            SpinBox {
                id: urgentPerDay
                objectName: "urgentPerDay"
                from: 0
                to: 100
                value: settings.boundary ? settings.boundary.urgentPerDay : 3
                Accessible.name: qsTr("Urgent messages a day")
            }
            Label { text: qsTr("a day"); color: Theme.text }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.faintText
            font.pixelSize: Theme.baseSize * 0.85
            text: qsTr("How much each conversation notifies (all messages, mentions only, muted) is set from the conversation's header.")
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                text: qsTr("Cancel")
                onClicked: settings.close()
            }
            Button {
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                objectName: "saveSchedule"
                text: qsTr("Save")
                highlighted: true
                onClicked: if (settings.boundary) {
                    if (settings.work && settings.boundary.canSetUrgentPolicy)
                        settings.boundary.setUrgentPolicy(urgentAllow.currentValue, urgentPerDay.value)
                    settings.boundary.save(settings.collect())
                }
            }
        }
    }
}
