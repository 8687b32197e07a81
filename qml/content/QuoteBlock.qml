// A quoted passage (Markdown "> "): a bar on the leading side, then the quote's safe rich text.
import QtQuick
import Tandem.Ui

Item {
    id: quoteBlock
    objectName: "quoteBlock"

    property string html
    property bool openLinksExternally: true
    signal linkActivated(string link)

    // No implicitWidth from the text: a TextEdit asked for it lays its text out twice on every change
    // (MessageContent.qml).
    implicitHeight: quoteText.implicitHeight

    Rectangle {
        id: bar
        width: 3
        height: parent.height
        radius: 1.5
        color: Theme.border
    }
    TextBlock {
        id: quoteText
        x: bar.width + Theme.spacing
        width: parent.width - x
        html: quoteBlock.html
        color: Theme.mutedText
        openLinksExternally: quoteBlock.openLinksExternally
        onLinkActivated: link => quoteBlock.linkActivated(link)
    }
}
