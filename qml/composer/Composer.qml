// Writing a message: Enter sends, Shift+Enter breaks the line, Up on an empty composer edits your last
// message, '@' completes a member's name, files come by the button, drag and drop or paste. The text
// is the conversation's draft and survives a restart (the controller keeps it in the store).
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui
import "../content/FileSizes.js" as FileSizes

Rectangle {
    id: composer
    property var controller
    property var members
    property color accent: Theme.workAccent
    property string placeholder
    readonly property alias input: input
    readonly property bool editing: !!controller && controller.editingMessageId.length > 0
    // The conversation's ConversationBoundary (issue 5): off duty, scheduled and urgent sends. Null in threads.
    property var boundary: null
    property string personName
    readonly property var sendPrompt: sendPromptLazy.popup
    readonly property var urgentConfirm: urgentConfirmLazy.popup

    function focusInput() { input.forceActiveFocus() }
    function editMessage(messageId) {
        if (controller && controller.beginEdit(messageId))
            focusInput()
    }
    // The '@word' that ends at the cursor, or "" when the cursor is not in one.
    function mentionAtCursor() {
        var before = input.text.slice(0, input.cursorPosition)
        var m = before.match(/(^|\s)@([^\s@]*)$/)
        return m ? m[2] : null
    }
    function completeMention(userId) {
        var before = input.text.slice(0, input.cursorPosition)
        var start = before.lastIndexOf("@")
        var insert = controller.mentionText(userId)
        input.remove(start, input.cursorPosition)
        input.insert(start, insert)
        mentionPopup.close()
    }
    function send() {
        if (!controller || input.text.trim().length === 0)
            return
        // Writing to someone off duty: ask whether to send now or at the start of their hours.
        if (boundary && boundary.offDuty && !editing) {
            sendPromptLazy.get().open()
            return
        }
        sendNow()
    }
    function sendNow() {
        if (controller.send())
            input.text = controller.text
    }
    function schedule(deliverAt) {
        if (boundary && boundary.scheduleComposerText(deliverAt))
            input.text = controller.text
    }
    function askUrgent() {
        if (boundary && !editing && input.text.trim().length > 0)
            urgentConfirmLazy.get().open()
    }

    implicitHeight: column.implicitHeight + Theme.spacing * 2
    color: Theme.background

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        anchors.leftMargin: Theme.spacing * 2
        anchors.rightMargin: Theme.spacing * 2
        spacing: 4

        // Scheduled messages waiting here, and why the last scheduled or urgent send did not go.
        ScheduledList {
            Layout.fillWidth: true
            items: composer.boundary ? composer.boundary.scheduled : []
            onCancelRequested: id => composer.boundary.cancelScheduled(id)
        }
        Label {
            objectName: "boundaryError"
            Layout.fillWidth: true
            visible: !!composer.boundary && composer.boundary.errorText.length > 0
            text: composer.boundary ? composer.boundary.errorText : ""
            color: Theme.danger
            wrapMode: Text.Wrap
            font.pixelSize: Theme.baseSize * 0.85
            Accessible.role: Accessible.AlertMessage
        }

        // Editing a message: say so, and how to stop.
        RowLayout {
            visible: composer.editing
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("Editing your message — Enter saves, Esc cancels")
                color: composer.accent
                font.pixelSize: Theme.baseSize * 0.85
            }
            ToolButton {
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                Accessible.name: text // not named by its text alone (Qt 6.4)
                text: qsTr("Cancel")
                onClicked: { composer.controller.cancelEdit(); input.text = composer.controller.text }
            }
        }

        // Uploads in progress.
        Repeater {
            model: composer.controller ? composer.controller.uploads : null
            delegate: RowLayout {
                required property string name
                required property real progress
                required property string state
                required property string errorText
                required property real doneBytes
                required property real totalBytes
                objectName: "uploadRow"
                Layout.fillWidth: true
                Label { text: name; textFormat: Text.PlainText; elide: Text.ElideMiddle; Layout.maximumWidth: 260; color: Theme.text }
                ProgressBar {
                    Layout.fillWidth: true
                    visible: state !== "failed"
                    value: progress
                    indeterminate: state === "preparing"
                    Accessible.name: qsTr("Uploading %1").arg(name)
                }
                Label {
                    objectName: "uploadStatus"
                    Layout.fillWidth: state === "failed"
                    text: state === "failed" ? (errorText.length > 0 ? qsTr("Failed: %1").arg(errorText) : qsTr("Failed"))
                        : state === "preparing" ? qsTr("Preparing…")
                        : totalBytes > 0 ? FileSizes.progressText(doneBytes, totalBytes) : qsTr("Waiting to upload…")
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: state === "failed" ? Theme.danger : Theme.mutedText
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: Math.min(Math.max(inputRow.implicitHeight, 44), 220)
            radius: Theme.radius * 1.5
            color: Theme.raised
            border.color: input.activeFocus ? composer.accent : Theme.border
            border.width: input.activeFocus ? 2 : 1

            RowLayout {
                id: inputRow
                anchors.fill: parent
                anchors.margins: 2
                spacing: 0

                ToolButton {
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    Layout.alignment: Qt.AlignBottom
                    text: "📎"
                    objectName: "attachButton"
                    onClicked: fileDialog.get().open()
                    Accessible.name: qsTr("Attach files")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Attach files (or drop them here)")
                }

                ScrollView {
                    id: scroller
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.maximumHeight: 216
                    TextArea {
                        id: input
                        objectName: "composerInput"
                        wrapMode: TextEdit.Wrap
                        textFormat: TextEdit.PlainText
                        placeholderText: composer.placeholder
                        placeholderTextColor: Theme.faintText
                        color: Theme.text
                        selectByMouse: true
                        persistentSelection: true
                        background: null
                        Accessible.name: composer.placeholder.length > 0 ? composer.placeholder : qsTr("Message") // "Message Launch team", "Reply in thread"
                        Accessible.description: qsTr("Enter sends, Shift+Enter starts a new line")
                        text: composer.controller ? composer.controller.text : ""
                        onTextChanged: {
                            if (composer.controller && composer.controller.text !== text)
                                composer.controller.text = text
                            var q = composer.mentionAtCursor()
                            if (q !== null && composer.controller) {
                                composer.controller.mentionQuery = q
                                if (!mentionPopup.opened)
                                    mentionPopup.open()
                            } else if (mentionPopup.opened) {
                                mentionPopup.close()
                            }
                        }

                        Keys.onPressed: event => {
                            // An input method composing text owns Enter and the arrows. An Enter that still
                            // reaches us while text is being composed neither sends nor breaks the line.
                            if (input.preeditText.length > 0) {
                                if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                    event.accepted = true
                                return
                            }
                            if (mentionPopup.opened) {
                                if (event.key === Qt.Key_Down) { mentionList.incrementCurrentIndex(); event.accepted = true; return }
                                if (event.key === Qt.Key_Up) { mentionList.decrementCurrentIndex(); event.accepted = true; return }
                                if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Tab) {
                                    if (mentionList.currentItem) {
                                        composer.completeMention(mentionList.currentItem.userId)
                                        event.accepted = true
                                        return
                                    }
                                }
                                if (event.key === Qt.Key_Escape) { mentionPopup.close(); event.accepted = true; return }
                            }
                            if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                    && (event.modifiers & Qt.ControlModifier) && (event.modifiers & Qt.ShiftModifier)) {
                                composer.askUrgent() // never the default: Ctrl+Shift+Enter, then a confirmation
                                event.accepted = true
                            } else if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                    && !(event.modifiers & Qt.ShiftModifier)) {
                                composer.send()
                                event.accepted = true
                            } else if (event.key === Qt.Key_Up && input.text.length === 0 && composer.controller) {
                                if (composer.controller.beginEditLast()) {
                                    input.text = composer.controller.text
                                    input.cursorPosition = input.length
                                }
                                event.accepted = true
                            } else if (event.key === Qt.Key_Tab || event.key === Qt.Key_Backtab) {
                                // Tab moves on (a message has no use for tab characters), as everywhere else.
                                var next = input.nextItemInFocusChain(event.key === Qt.Key_Tab)
                                if (next)
                                    next.forceActiveFocus(event.key === Qt.Key_Tab ? Qt.TabFocusReason : Qt.BacktabFocusReason)
                                event.accepted = true
                            } else if (event.key === Qt.Key_Escape && composer.editing) {
                                composer.controller.cancelEdit()
                                input.text = composer.controller.text
                                event.accepted = true
                            }
                        }
                    }
                }

                ToolButton {
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    Layout.alignment: Qt.AlignBottom
                    text: "🙂"
                    objectName: "emojiButton"
                    onClicked: emojiPicker.get().open()
                    Accessible.name: qsTr("Insert emoji")
                }
                ToolButton {
                    id: moreButton
                    objectName: "sendOptionsButton"
                    Layout.alignment: Qt.AlignBottom
                    visible: !!composer.boundary && !composer.editing
                    text: "⋯"
                    onClicked: sendMenu.open()
                    Accessible.role: Accessible.ButtonMenu
                    Accessible.name: qsTr("More ways to send")
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    Menu {
                        id: sendMenu
                        y: -implicitHeight
                        MenuItem {
                            text: qsTr("Schedule send…")
                            enabled: input.text.trim().length > 0
                            onTriggered: scheduleDialog.get().open()
                        }
                        MenuItem {
                            text: qsTr("Send as urgent… (Ctrl+Shift+Enter)")
                            enabled: input.text.trim().length > 0
                            onTriggered: composer.askUrgent()
                        }
                    }
                }
                ToolButton {
                    Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    Layout.alignment: Qt.AlignBottom
                    text: composer.editing ? qsTr("Save") : qsTr("Send")
                    objectName: "sendButton"
                    enabled: input.text.trim().length > 0
                    font.bold: true
                    onClicked: composer.send()
                    Accessible.name: composer.editing ? qsTr("Save the edit") : qsTr("Send the message")
                }
            }
        }
    }

    DropArea {
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: drop => {
            if (drop.hasUrls && composer.controller) {
                composer.controller.attachFiles(drop.urls)
                drop.accept(Qt.CopyAction)
            }
        }
        Rectangle {
            anchors.fill: parent
            visible: parent.containsDrag
            color: Qt.rgba(composer.accent.r, composer.accent.g, composer.accent.b, 0.12)
            border.color: composer.accent
            radius: Theme.radius
            Label { anchors.centerIn: parent; text: qsTr("Drop to send"); color: composer.accent }
        }
    }

    Shortcut {
        sequences: [StandardKey.Paste]
        enabled: input.activeFocus && !!composer.controller && Clipboard.hasFiles
        onActivated: composer.controller.attachFiles(Clipboard.fileUrls())
    }

    Popup {
        id: mentionPopup
        y: -height - 4
        x: Theme.spacing * 2
        width: 280
        height: Math.min(mentionList.contentHeight + 8, 240)
        padding: 4
        visible: false
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
        background: Rectangle { color: Theme.raised; border.color: Theme.border; radius: Theme.radius }
        ListView {
            id: mentionList
            anchors.fill: parent
            clip: true
            model: composer.controller ? composer.controller.mentionCandidates : null
            currentIndex: 0
            onCountChanged: { currentIndex = 0; if (count === 0) mentionPopup.close() }
            Accessible.role: Accessible.List
            Accessible.name: qsTr("People to mention")
            delegate: ItemDelegate {
                Accessible.name: text // not named by its text alone (Qt 6.4)
                required property int index
                required property string userId
                required property string displayName
                required property string userName
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: displayName + "  @" + userName
                onClicked: composer.completeMention(userId)
            }
        }
    }

    // The dialogs of sending, made when first needed (shell/LazyPopup.qml): most messages need none.
    LazyPopup {
        id: sendPromptLazy
        host: composer
        component: Component {
            SendPrompt {
                personName: composer.personName
                offDutyText: composer.boundary ? composer.boundary.offDutyText : ""
                choiceText: composer.boundary ? composer.boundary.scheduleChoiceText : ""
                onSendNow: composer.sendNow()
                onScheduleChosen: composer.schedule(composer.boundary.offUntil)
                onClosed: input.forceActiveFocus()
            }
        }
    }
    LazyPopup {
        id: scheduleDialog
        host: composer
        component: Component {
            ScheduleSendDialog {
                boundary: composer.boundary
                onChosen: at => composer.schedule(at)
                onClosed: input.forceActiveFocus()
            }
        }
    }
    LazyPopup {
        id: urgentConfirmLazy
        host: composer
        component: Component {
            UrgentConfirm {
                onConfirmed: if (composer.boundary && composer.boundary.sendComposerTextUrgent()) input.text = composer.controller.text
                onClosed: input.forceActiveFocus()
            }
        }
    }
    LazyPopup {
        id: emojiPicker
        host: composer
        component: Component {
            EmojiPicker {
                y: -height - 4
                x: parent.width - width - Theme.spacing * 2
                onPicked: emoji => { input.insert(input.cursorPosition, emoji); input.forceActiveFocus() }
            }
        }
    }
    LazyPopup {
        id: fileDialog
        host: composer
        component: Component {
            FileDialog {
                fileMode: FileDialog.OpenFiles
                title: qsTr("Send files")
                onAccepted: if (composer.controller) composer.controller.attachFiles(selectedFiles)
            }
        }
    }
}
