// A code block: monospace on the theme's code background, its language, a copy button that puts the
// exact code on the clipboard, long lines scrolled sideways rather than wrapped, and colours from
// CodeHighlighter when KF6 SyntaxHighlighting is there.
import QtQuick
import QtQuick.Controls
import Tandem.App
import Tandem.Ui

Rectangle {
    id: codeBlock
    objectName: "codeBlock"

    property string code
    property string language
    readonly property int padding: Theme.spacing

    color: Theme.codeBackground
    radius: Theme.radius
    border.color: Theme.border
    border.width: 1
    implicitWidth: Math.max(header.implicitWidth, codeText.implicitWidth) + 2 * padding
    implicitHeight: header.height + flick.height + 2 * padding + (scrollBar.visible ? scrollBar.height : 0)

    Item {
        id: header
        x: codeBlock.padding
        y: codeBlock.padding / 2
        width: parent.width - 2 * codeBlock.padding
        height: copyButton.implicitHeight
        implicitWidth: languageLabel.implicitWidth + copyButton.implicitWidth + Theme.spacing

        Label {
            id: languageLabel
            objectName: "codeLanguage"
            anchors.verticalCenter: parent.verticalCenter
            text: codeBlock.language !== "" ? codeBlock.language : qsTr("code")
            color: Theme.faintText
            font.pixelSize: Theme.baseSize * 0.8
        }
        Button {
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            id: copyButton
            objectName: "copyButton"
            anchors.right: parent.right
            flat: true
            padding: 2
            horizontalPadding: 6
            font.pixelSize: Theme.baseSize * 0.8
            text: copiedTimer.running ? qsTr("Copied") : qsTr("Copy")
            palette.buttonText: Theme.mutedText
            Accessible.name: qsTr("Copy code")
            onClicked: {
                Clipboard.copyText(codeBlock.code)
                copiedTimer.restart()
            }
            Timer {
                id: copiedTimer
                interval: 1500
            }
        }
    }

    Flickable {
        id: flick
        objectName: "codeFlickable"
        x: codeBlock.padding
        y: header.y + header.height
        width: parent.width - 2 * codeBlock.padding
        height: codeText.contentHeight
        contentWidth: codeText.contentWidth
        contentHeight: codeText.contentHeight
        clip: true
        // A mouse drag selects the code; the wheel, a touchpad and the scroll bar move sideways.
        interactive: false
        boundsBehavior: Flickable.StopAtBounds
        flickableDirection: Flickable.HorizontalFlick
        ScrollBar.horizontal: ScrollBar {
            id: scrollBar
            objectName: "codeScrollBar"
            parent: codeBlock
            x: codeBlock.padding
            y: flick.y + flick.height
            width: flick.width
            visible: flick.contentWidth > flick.width
            policy: ScrollBar.AlwaysOn
        }

        TextEdit {
            id: codeText
            objectName: "codeText"
            text: codeBlock.code
            textFormat: TextEdit.PlainText
            readOnly: true
            selectByMouse: true
            selectByKeyboard: true
            wrapMode: TextEdit.NoWrap
            font.family: Theme.monoFamily
            font.pixelSize: Theme.baseSize * 0.9
            color: Theme.text
            selectionColor: Theme.selection
            selectedTextColor: Theme.text
        }
    }

    MouseArea {
        anchors.fill: flick
        acceptedButtons: Qt.NoButton
        onWheel: wheel => {
            const delta = wheel.angleDelta.x !== 0 ? wheel.angleDelta.x
                        : (wheel.modifiers & Qt.ShiftModifier) ? wheel.angleDelta.y : 0
            const room = flick.contentWidth - flick.width
            if (delta === 0 || room <= 0) {
                wheel.accepted = false
                return
            }
            flick.contentX = Math.max(0, Math.min(room, flick.contentX - delta))
        }
    }

    CodeHighlighter {
        textDocument: codeText.textDocument
        language: codeBlock.language
        dark: Theme.dark
    }
}
