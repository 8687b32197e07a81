// CodeBlock: code in monospace, a copy button that puts exactly the code on the clipboard, and long
// lines that scroll sideways instead of wrapping.
import QtQuick
import QtTest
import Tandem.App
import Tandem.Ui

TestCase {
    id: testCase
    name: "CodeBlock"
    width: 500
    height: 400
    visible: true
    when: windowShown

    Component {
        id: codeComponent
        CodeBlock { width: 400 }
    }
    // Reads the clipboard back the way a user would: paste into a text field.
    Component {
        id: pasteComponent
        TextEdit { textFormat: TextEdit.PlainText }
    }

    readonly property string sample: "def greet(name):\n    print(f\"<b>{name}</b> & co\")\n\n\treturn 'x'  "

    function makeBlock(code, language) {
        const block = createTemporaryObject(codeComponent, testCase, { code: code, language: language })
        verify(block)
        waitForRendering(block)
        return block
    }

    function test_rendersCodeInMonospace() {
        const block = makeBlock(sample, "python")
        const text = findChild(block, "codeText")
        compare(text.text, sample)
        compare(text.textFormat, TextEdit.PlainText)
        compare(text.font.family, Theme.monoFamily)
        compare(text.lineCount, 4)
        compare(findChild(block, "codeLanguage").text, "python")
        verify(text.readOnly)
    }

    function test_copyPutsTheExactCodeOnTheClipboard() {
        const block = makeBlock(sample, "python")
        const button = findChild(block, "copyButton")
        verify(button)
        Clipboard.copyText("something else")
        mouseClick(button)
        compare(button.text, "Copied")
        const paste = createTemporaryObject(pasteComponent, testCase)
        paste.paste()
        compare(paste.text, sample)
        // The view's own selection is untouched.
        compare(findChild(block, "codeText").selectedText, "")
    }

    function test_longLinesScrollRatherThanWrap() {
        const longLine = "x = [" + "1234567890, ".repeat(60) + "]"
        const block = makeBlock("short\n" + longLine, "")
        const text = findChild(block, "codeText")
        const flick = findChild(block, "codeFlickable")
        compare(text.wrapMode, TextEdit.NoWrap)
        compare(text.lineCount, 2)
        verify(text.contentWidth > flick.width * 3)
        compare(flick.contentWidth, text.contentWidth)
        compare(flick.height, text.contentHeight)
        // The block is as tall as two lines plus its header, not a wrapped paragraph.
        verify(block.height < text.contentHeight * 2 + 120)
        compare(flick.contentX, 0)
        verify(findChild(block, "codeScrollBar").visible)
        findChild(block, "codeScrollBar").position = 0.5
        verify(flick.contentX > 0)
    }

    function test_aShortBlockHasNoScrollBar() {
        const block = makeBlock("ok", "")
        const flick = findChild(block, "codeFlickable")
        verify(!findChild(block, "codeScrollBar").visible)
        compare(findChild(block, "codeLanguage").text, "code")
    }
}
