// Handing a decision to someone else (转交): the approver finds the person by name, may add a note, and
// the step waits on that person instead (docs/approvals.md §5).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Dialog {
    id: dialog
    property ApprovalActions actions
    property SpaceSession session
    property string requestId: ""
    property string requestTitle: ""
    property string chosenId: ""
    property string chosenName: ""
    function openFor(id, title) {
        requestId = id
        requestTitle = title
        chosenId = ""
        chosenName = ""
        search.clear()
        note.clear()
        open()
        search.forceActiveFocus()
    }
    function choose(person) {
        chosenId = person.userId
        chosenName = person.displayName
    }
    anchors.centerIn: Overlay.overlay
    modal: true
    title: qsTr("Hand “%1” to someone else").arg(requestTitle)
    footer: CancelButtons {}
    contentItem: ColumnLayout {
        Accessible.role: Accessible.Dialog
        Accessible.name: dialog.title
        spacing: Theme.spacing
        TextField {
            id: search
            Layout.preferredWidth: 380
            placeholderText: qsTr("Find a person by name")
            Accessible.name: qsTr("Person to decide instead")
            Accessible.description: placeholderText
            Keys.onDownPressed: matches.incrementCurrentIndex()
            Keys.onUpPressed: matches.decrementCurrentIndex()
            onAccepted: if (matches.currentIndex >= 0) dialog.choose(matches.model[matches.currentIndex])
        }
        ListView {
            id: matches
            Layout.preferredWidth: 380
            Layout.preferredHeight: Math.min(contentHeight, 200)
            clip: true
            currentIndex: count > 0 ? 0 : -1
            model: dialog.session && dialog.opened ? dialog.session.findPeople(search.text, 8) : []
            delegate: ItemDelegate {
                required property var modelData
                required property int index
                width: ListView.view.width
                text: modelData.displayName
                highlighted: ListView.isCurrentItem || modelData.userId === dialog.chosenId
                Accessible.name: text
                Accessible.onPressAction: clicked()
                onClicked: dialog.choose(modelData)
            }
        }
        Label {
            Layout.preferredWidth: 380
            wrapMode: Text.Wrap
            color: dialog.chosenId ? Theme.text : Theme.mutedText
            text: dialog.chosenId ? qsTr("%1 decides instead of you.").arg(dialog.chosenName)
                                  : qsTr("Choose a person from the list.")
            Accessible.name: text
        }
        TextArea {
            id: note
            Layout.preferredWidth: 380
            Layout.preferredHeight: 70
            wrapMode: TextEdit.Wrap
            placeholderText: qsTr("A note for them (optional)")
            Accessible.name: qsTr("Note")
            Accessible.description: placeholderText
        }
        Button {
            Accessible.name: text
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            Layout.alignment: Qt.AlignRight
            text: qsTr("Hand over")
            enabled: dialog.chosenId.length > 0
            onClicked: {
                dialog.actions.delegateTo(dialog.requestId, dialog.chosenId, note.text.trim())
                dialog.close()
            }
        }
    }
}
