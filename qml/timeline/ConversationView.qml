// The open conversation: its header, the timeline, and the composer. Without one, a quiet hint.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

Rectangle {
    id: view
    property var session
    property var conversation
    property color accent
    property bool detailsOpen
    signal toggleDetails()
    color: Theme.background

    function focusComposer() { if (composer.visible) composer.focusInput() }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        visible: !!view.conversation

        ConversationHeader {
            Layout.fillWidth: true
            conversation: view.conversation
            session: view.session
            accent: view.accent
            detailsOpen: view.detailsOpen
            onToggleDetails: view.toggleDetails()
        }
        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }

        Timeline {
            id: timeline
            Layout.fillWidth: true
            Layout.fillHeight: true
            conversation: view.conversation
            session: view.session
            accent: view.accent
            onReplyInThread: messageId => view.conversation.openThread(messageId)
            onEditRequested: messageId => composer.editMessage(messageId)
        }

        Composer {
            id: composer
            Layout.fillWidth: true
            controller: view.conversation ? view.conversation.composer : null
            members: view.conversation ? view.conversation.members : null
            boundary: view.conversation ? view.conversation.boundary : null
            personName: view.conversation && view.conversation.kind === "direct" ? view.conversation.name : ""
            accent: view.accent
            placeholder: view.conversation ? qsTr("Message %1").arg(view.conversation.name) : ""
        }
    }

    ColumnLayout {
        anchors.centerIn: parent
        visible: !view.conversation
        spacing: Theme.spacing
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Pick a conversation")
            font.pixelSize: Theme.baseSize * 1.3
            color: Theme.mutedText
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Ctrl+K searches everything in this space; F1 lists the shortcuts.")
            color: Theme.faintText
        }
    }
}
