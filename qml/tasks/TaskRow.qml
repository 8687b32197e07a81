// One task in a list: a status mark, the title, when it is due (red when overdue), who does it, the
// checklist's progress and the priority. Clicking or Enter opens it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

ItemDelegate {
    id: row
    required property string taskId
    required property string title
    required property string status
    required property string statusText
    required property int priority
    required property string priorityText
    required property string dueText
    required property bool overdue
    required property string assigneeNames
    required property int checklistDone
    required property int checklistTotal
    property bool selected: false
    property color accent: Theme.workAccent
    readonly property bool closed: status === "done" || status === "cancelled"
    highlighted: selected
    Accessible.name: [title, statusText, dueText.length > 0 ? (overdue ? qsTr("overdue, due %1").arg(dueText) : qsTr("due %1").arg(dueText)) : "",
                      assigneeNames, priorityText].filter(s => s.length > 0).join(", ")
    background: Rectangle { color: row.selected ? Theme.selection : (row.hovered ? Theme.hover : "transparent") }

    contentItem: RowLayout {
        spacing: Theme.spacing
        Label {
            text: row.status === "done" ? "☑" : (row.status === "cancelled" ? "⊘" : (row.status === "in_progress" ? "◐" : "☐"))
            color: row.closed ? Theme.faintText : row.accent
            font.pixelSize: Theme.baseSize * 1.2
            Layout.alignment: Qt.AlignTop
            Accessible.ignored: true
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: row.title
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: row.closed ? Theme.mutedText : Theme.text
                font.strikeout: row.status === "cancelled"
            }
            RowLayout {
                spacing: Theme.spacing
                Layout.fillWidth: true
                Label {
                    visible: row.dueText.length > 0
                    text: row.overdue ? qsTr("Overdue · %1").arg(row.dueText) : row.dueText
                    color: row.overdue ? Theme.danger : Theme.mutedText
                    font.pixelSize: Theme.baseSize * 0.85
                }
                Label {
                    visible: row.checklistTotal > 0
                    text: "✓ %1/%2".arg(row.checklistDone).arg(row.checklistTotal)
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseSize * 0.85
                }
                Label {
                    Layout.fillWidth: true
                    text: row.assigneeNames
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.faintText
                    font.pixelSize: Theme.baseSize * 0.85
                }
            }
        }
        Label {
            visible: row.priority >= 2
            text: row.priorityText
            color: row.priority === 3 ? Theme.danger : Theme.warning
            font.pixelSize: Theme.baseSize * 0.85
        }
    }
}
