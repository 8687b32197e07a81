// A new request: choose its type, fill in the form its template defines, see what is missing as you go,
// and send it. The server decides what happens next; the form says so when sending is not possible.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Tandem.App
import Tandem.Ui

ScrollView {
    id: formView
    property RequestForm form
    property ApprovalActions actions
    property color accent: Theme.workAccent
    property string status: ""
    contentWidth: availableWidth
    clip: true

    Connections {
        target: formView.form
        function onSubmitted() { formView.status = qsTr("Sent. You will see the decision here and in your notifications.") }
        function onSubmitFailed(message) { formView.status = message }
        function onEditFailed(message) { formView.status = message }
        function onFormChanged() { if (formView.form.editingRequestId.length > 0) formView.status = "" }
    }

    ColumnLayout {
        width: Math.min(formView.availableWidth - Theme.spacing * 4, 640)
        x: Theme.spacing * 2
        spacing: Theme.spacing * 1.5

        Item { Layout.preferredHeight: Theme.spacing }
        Rectangle { // a returned request being changed: what the approver asked for, and a way out
            visible: formView.form.editingRequestId.length > 0
            Layout.fillWidth: true
            implicitHeight: editNote.implicitHeight + Theme.spacing * 2
            radius: Theme.radius
            color: "transparent"
            border.color: Theme.warning
            Accessible.role: Accessible.StaticText
            Accessible.name: editTitle.text + " " + editReturn.text
            ColumnLayout {
                id: editNote
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        id: editTitle
                        Layout.fillWidth: true
                        text: qsTr("Changing a returned request. It goes to its approvers again when you resubmit it.")
                        wrapMode: Text.Wrap
                        font.bold: true
                        color: Theme.text
                    }
                    Button {
                        flat: true
                        text: qsTr("New request instead")
                        Accessible.name: text
                        Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                        onClicked: formView.form.clear()
                    }
                }
                Label {
                    id: editReturn
                    visible: text.length > 0
                    Layout.fillWidth: true
                    text: formView.form.returnNote
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                }
            }
        }
        Label { text: qsTr("Type of request"); color: Theme.mutedText }
        ComboBox {
            id: typeBox
            Layout.fillWidth: true
            textRole: "name"
            valueRole: "id"
            model: formView.form.templates
            currentIndex: {
                for (var i = 0; i < formView.form.templates.length; ++i)
                    if (formView.form.templates[i].id === formView.form.templateId)
                        return i
                return -1
            }
            displayText: currentIndex < 0 ? qsTr("Choose a type…") : currentText
            enabled: formView.form.editingRequestId.length === 0 // a resubmission keeps its type
            onActivated: formView.form.templateId = currentValue
            Accessible.name: qsTr("Type of request")
        }
        Label {
            visible: formView.form.formError.length > 0
            Layout.fillWidth: true
            text: formView.form.formError
            wrapMode: Text.Wrap
            color: Theme.danger
        }
        FieldLabel { text: qsTr("Title"); required: true; visible: formView.form.fields.length > 0 }
        TextField {
            visible: formView.form.fields.length > 0
            Layout.fillWidth: true
            text: formView.form.title
            maximumLength: 200
            placeholderText: qsTr("What is it for?")
            onTextEdited: formView.form.title = text
            Accessible.name: qsTr("Title")
        }
        ErrorText { message: formView.form.errors["title"] || "" }

        Repeater {
            model: formView.form.fields
            delegate: ColumnLayout {
                id: fieldItem
                required property var modelData
                readonly property string fieldId: modelData.id
                Layout.fillWidth: true
                spacing: 4
                FieldLabel { text: fieldItem.modelData.label; required: fieldItem.modelData.required }
                Loader {
                    Layout.fillWidth: true
                    property var field: fieldItem.modelData
                    sourceComponent: {
                        switch (fieldItem.modelData.type) {
                        case "long_text": return longText
                        case "number": return numberInput
                        case "money": return moneyInput
                        case "date": return dateInput
                        case "date_range": return rangeInput
                        case "single_choice": return singleChoice
                        case "multiple_choice": return multiChoice
                        case "attachments": return attachments
                        case "people": return people
                        case "computed": return computed
                        default: return textInput
                        }
                    }
                }
                Label {
                    visible: text.length > 0
                    Layout.fillWidth: true
                    text: fieldItem.modelData.help
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.faintText
                }
                ErrorText { message: formView.form.errors[fieldItem.fieldId] || "" }
            }
        }
        RowLayout {
            visible: formView.form.fields.length > 0
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: formView.status
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.mutedText
            }
            Button {
                Accessible.name: text
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                text: formView.form.submitting ? qsTr("Sending…")
                    : formView.form.editingRequestId.length > 0 ? qsTr("Resubmit request") : qsTr("Submit request")
                enabled: !formView.form.submitting
                highlighted: true
                onClicked: {
                    formView.status = ""
                    formView.form.submit(formView.actions)
                }
            }
        }
        Item { Layout.preferredHeight: Theme.spacing * 2 }
    }

    Component {
        id: textInput
        TextField {
            maximumLength: field.maxLength
            text: { formView.form.errors; return formView.form.inputOf(field.id) }
            onTextEdited: formView.form.setText(field.id, text)
            Accessible.name: field.label
        }
    }
    Component {
        id: longText
        TextArea {
            implicitHeight: 90
            wrapMode: TextEdit.Wrap
            text: { formView.form.errors; return formView.form.inputOf(field.id) }
            background: Rectangle {
                color: Theme.raised
                border.color: parent.activeFocus ? Theme.focusRing : Theme.border
                radius: 2
            }
            onTextChanged: if (activeFocus) formView.form.setText(field.id, text)
            Accessible.name: field.label
        }
    }
    Component {
        id: numberInput
        TextField {
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            text: { formView.form.errors; return formView.form.inputOf(field.id) }
            onEditingFinished: formView.form.setNumber(field.id, text)
            Accessible.name: field.label
        }
    }
    Component {
        id: moneyInput
        RowLayout {
            spacing: Theme.spacing
            ComboBox {
                id: currencyBox
                model: field.currencies
                implicitWidth: 90
                currentIndex: { formView.form.errors; return Math.max(0, field.currencies.indexOf(formView.form.inputOf(field.id + "/currency"))) }
                onActivated: if (amount.text.length > 0) formView.form.setMoney(field.id, amount.text, currentText)
                Accessible.name: qsTr("Currency")
            }
            TextField {
                id: amount
                Layout.fillWidth: true
                placeholderText: "0.00"
                text: { formView.form.errors; return formView.form.inputOf(field.id) }
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                horizontalAlignment: Text.AlignRight
                onEditingFinished: formView.form.setMoney(field.id, text, currencyBox.currentText)
                Accessible.name: field.label
            }
            Label {
                // The amount as it will be read by the approvers, in the UI language's format.
                text: { formView.form.errors; return formView.form.moneyText(field.id) }
                color: Theme.mutedText
            }
        }
    }
    Component {
        id: dateInput
        TextField {
            placeholderText: qsTr("YYYY-MM-DD")
            text: { formView.form.errors; return formView.form.inputOf(field.id) }
            onEditingFinished: formView.form.setDate(field.id, text)
            Accessible.name: field.label
        }
    }
    Component {
        id: rangeInput
        RowLayout {
            spacing: Theme.spacing
            TextField {
                id: start
                Layout.fillWidth: true
                placeholderText: qsTr("First day")
                text: { formView.form.errors; return formView.form.inputOf(field.id + "/start") }
                onEditingFinished: formView.form.setDateRange(field.id, start.text, end.text)
                Accessible.name: qsTr("%1, first day").arg(field.label)
            }
            Label { text: "–"; color: Theme.mutedText }
            TextField {
                id: end
                Layout.fillWidth: true
                placeholderText: qsTr("Last day")
                text: { formView.form.errors; return formView.form.inputOf(field.id + "/end") }
                onEditingFinished: formView.form.setDateRange(field.id, start.text, end.text)
                Accessible.name: qsTr("%1, last day").arg(field.label)
            }
        }
    }
    Component {
        id: singleChoice
        ComboBox {
            textRole: "label"
            valueRole: "value"
            model: field.options
            currentIndex: { formView.form.errors; return indexOfValue(formView.form.inputOf(field.id)) }
            displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
            onActivated: formView.form.setChoice(field.id, currentValue)
            Accessible.name: field.label
        }
    }
    Component {
        id: multiChoice
        Flow {
            spacing: Theme.spacing
            Repeater {
                model: field.options
                delegate: CheckBox {
                    required property var modelData
                    text: modelData.label
                    checked: { formView.form.errors; return formView.form.isChosen(field.id, modelData.value) }
                    onToggled: formView.form.toggleChoice(field.id, modelData.value, checked)
                }
            }
        }
    }
    Component {
        id: attachments
        ColumnLayout {
            spacing: 4
            Repeater {
                model: { formView.form.errors; return formView.form.attachmentsOf(field.id) }
                delegate: RowLayout {
                    required property var modelData
                    required property int index
                    Label { text: modelData.name + "  ·  " + modelData.sizeText; textFormat: Text.PlainText; color: Theme.text }
                    ToolButton {
                        text: "✕"
                        onClicked: formView.form.removeAttachment(field.id, index)
                        Accessible.name: qsTr("Remove %1").arg(modelData.name)
                        Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                    }
                }
            }
            Button {
                Accessible.name: text
                Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                text: qsTr("Attach files…")
                onClicked: picker.open()
            }
            FileDialog {
                id: picker
                fileMode: FileDialog.OpenFiles
                onAccepted: {
                    for (var i = 0; i < selectedFiles.length; ++i)
                        formView.form.addAttachment(field.id, selectedFiles[i])
                }
            }
        }
    }
    Component {
        // Chosen by name from the people of the space; the answer holds their user ids.
        id: people
        ColumnLayout {
            spacing: 4
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Repeater {
                    model: { formView.form.errors; return formView.form.peopleOf(field.id) }
                    delegate: RowLayout {
                        required property var modelData
                        Label { text: modelData.displayName; textFormat: Text.PlainText; color: Theme.text }
                        ToolButton {
                            text: "✕"
                            onClicked: formView.form.toggleChoice(field.id, modelData.userId, false)
                            Accessible.name: qsTr("Remove %1").arg(modelData.displayName)
                            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
                        }
                    }
                }
            }
            TextField {
                id: find
                Layout.fillWidth: true
                placeholderText: qsTr("Add a person by name")
                Accessible.name: field.label
                Accessible.description: placeholderText
                // Enter adds the first match.
                onAccepted: {
                    if (matches.count > 0) {
                        formView.form.toggleChoice(field.id, matches.itemAt(0).modelData.userId, true)
                        clear()
                    }
                }
            }
            Repeater {
                id: matches
                model: find.text.trim().length > 0 && formView.form.session
                       ? formView.form.session.findPeople(find.text, 5) : []
                delegate: ItemDelegate {
                    required property var modelData
                    Layout.fillWidth: true
                    text: modelData.displayName
                    Accessible.name: text
                    Accessible.onPressAction: clicked()
                    onClicked: {
                        formView.form.toggleChoice(field.id, modelData.userId, true)
                        find.clear()
                    }
                }
            }
        }
    }
    Component {
        id: computed
        Label {
            text: { formView.form.errors; var t = formView.form.computedText(field.id); return t.length > 0 ? t : "—" }
            font.bold: true
            color: Theme.text
            Accessible.name: field.label
        }
    }
}
