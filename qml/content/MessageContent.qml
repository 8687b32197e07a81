// A message's blocks (from MessageRenderer), each shown by its own component: text and quotes as our
// safe rich text, code in a monospace box. A collapsed long message ends with "Show more", which
// renders the whole body again through MessageRenderer; "Show less" goes back to the short form.
import QtQuick
import QtQuick.Controls
import Tandem.App
import Tandem.Ui

Item {
    id: content
    objectName: "messageContent"

    // The collapsed rendering, as the timeline's `blocks` role gives it.
    property var blocks: []
    // What renders the full message when asked.
    property string body
    property string format: "plain"
    property var mentionNames: []
    // False once the reader asked for the whole message.
    property bool collapsed: true
    // Tests turn this off to see links without opening a browser.
    property bool openLinksExternally: true

    readonly property bool truncated: content.hasTruncatedBlock(content.blocks)
    readonly property var shownBlocks: !content.collapsed && content.expandedBlocks ? content.expandedBlocks : content.blocks
    property var expandedBlocks: null

    signal linkActivated(string link)

    function hasTruncatedBlock(list) {
        if (!list)
            return false
        for (let i = 0; i < list.length; ++i) {
            if (list[i].truncated)
                return true
        }
        return false
    }
    function expand() {
        content.expandedBlocks = MessageRenderer.render(content.body, content.format, content.mentionNames, false)
        content.collapsed = false
    }
    function collapse() {
        content.collapsed = true
        content.expandedBlocks = null
    }

    onBodyChanged: if (!content.collapsed) content.expand()
    onFormatChanged: if (!content.collapsed) content.expand()

    implicitHeight: column.implicitHeight
    Column {
        id: column
        width: content.width
        spacing: Theme.spacing / 2

        Repeater {
            model: content.shownBlocks
            delegate: Loader {
                id: blockLoader
                required property var modelData
                width: content.width
                sourceComponent: blockLoader.modelData.type === "code" ? codeComponent
                               : blockLoader.modelData.type === "quote" ? quoteComponent : textComponent
                onLoaded: blockLoader.item.block = Qt.binding(() => blockLoader.modelData)
            }
        }

        Button {
            Accessible.onPressAction: if (enabled) clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
            Accessible.name: text // not named by its text alone (Qt 6.4)
            objectName: "showMoreButton"
            visible: content.truncated
            flat: true
            padding: 2
            leftPadding: 0
            text: content.collapsed ? qsTr("Show more") : qsTr("Show less")
            font.pixelSize: Theme.baseSize * 0.9
            palette.buttonText: Theme.link
            onClicked: content.collapsed ? content.expand() : content.collapse()
        }
    }

    // The text in an item of its own: the block's Loader reads its item's implicit width, and a TextEdit
    // asked for that once lays its text out twice (unwrapped, then at its width) every time it changes.
    Component {
        id: textComponent
        Item {
            property var block
            implicitHeight: textBlock.implicitHeight
            TextBlock {
                id: textBlock
                width: parent.width
                html: parent.block ? parent.block.html : ""
                openLinksExternally: content.openLinksExternally
                onLinkActivated: link => content.linkActivated(link)
            }
        }
    }
    Component {
        id: quoteComponent
        QuoteBlock {
            property var block
            html: block ? block.html : ""
            openLinksExternally: content.openLinksExternally
            onLinkActivated: link => content.linkActivated(link)
        }
    }
    Component {
        id: codeComponent
        CodeBlock {
            property var block
            code: block ? block.code : ""
            language: block ? block.language : ""
        }
    }
}
