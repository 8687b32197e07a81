// The catch-up digest: what happened in a space while away, in sections (mentions, direct messages,
// approvals waiting on you, tasks due, busiest threads, unread), each row opening its conversation.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Popup {
    id: digest
    // A DigestModel (session.digest), or in tests a ListModel with the same roles.
    property var model: null
    property string spaceName
    property color accent: Theme.workAccent
    property var from: model && model.from ? new Date(model.from) : null
    signal conversationChosen(string conversationId)

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: 560
    height: Math.min(640, (parent ? parent.height : 640) - 40)
    padding: Theme.spacing * 2
    background: Rectangle { color: Theme.raised; radius: Theme.radius; border.color: Theme.border }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Accessible.role: Accessible.Dialog
        Accessible.name: heading.text

        Label {
            id: heading
            text: qsTr("While you were away — %1").arg(digest.spaceName)
            font.bold: true
            font.pixelSize: Theme.baseSize * 1.2
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        Label {
            visible: digest.from !== null
            text: digest.from ? qsTr("Since %1").arg(digest.from.toLocaleString(Qt.locale(), Locale.ShortFormat)) : ""
            color: Theme.mutedText
        }
        Label {
            visible: !!digest.model && digest.model.count === 0
            text: qsTr("Nothing new: you are all caught up.")
            color: Theme.mutedText
        }
        ListView {
            id: list
            objectName: "digestList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: digest.model
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Catch-up digest")
            ScrollBar.vertical: ScrollBar {}
            section.property: "sectionTitle"
            section.delegate: Label {
                required property string section
                width: list.width
                topPadding: Theme.spacing
                bottomPadding: Theme.spacing / 2
                text: section
                font.bold: true
                color: digest.accent
                Accessible.role: Accessible.Heading
            }
            delegate: ItemDelegate {
                id: row
                required property string section
                required property string conversationId
                required property string title
                required property string body
                required property int count
                required property bool overdue
                width: list.width
                enabled: conversationId.length > 0
                Accessible.name: rowTitle.text + (rowText.text.length > 0 ? ", " + rowText.text : "")
                onClicked: {
                    digest.conversationChosen(conversationId)
                    digest.close()
                }
                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        Label {
                            id: rowTitle
                            Layout.fillWidth: true
                            text: row.title
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            font.bold: row.section === "mention" || row.section === "direct"
                            color: Theme.text
                        }
                        Label {
                            visible: row.overdue
                            text: qsTr("Overdue")
                            color: Theme.danger
                        }
                        Label {
                            visible: row.count > 0
                            text: row.section === "thread" ? qsTr("%n replies", "", row.count)
                                  : row.section === "direct" ? qsTr("%n messages", "", row.count)
                                  : qsTr("%n unread", "", row.count)
                            color: Theme.mutedText
                        }
                    }
                    Label {
                        id: rowText
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: row.body
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: Theme.mutedText
                    }
                }
            }
        }
        Button {
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            Layout.alignment: Qt.AlignRight
            text: qsTr("Close")
            onClicked: digest.close()
        }
    }
}
