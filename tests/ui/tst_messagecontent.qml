// MessageContent: blocks from MessageRenderer shown by the right component; server HTML stays text and
// loads nothing; "Show more" renders the whole message; a megabyte-long line does not freeze the view.
import QtQuick
import QtTest
import Tandem.App
import Tandem.Ui

TestCase {
    id: testCase
    name: "MessageContent"
    width: 600
    height: 600
    visible: true
    when: windowShown

    Component {
        id: contentComponent
        MessageContent { width: 500; openLinksExternally: false }
    }

    function makeContent(body, format, collapsed) {
        const blocks = MessageRenderer.render(body, format, ["alice"], collapsed)
        const content = createTemporaryObject(contentComponent, testCase, {
            blocks: blocks, body: body, format: format, mentionNames: ["alice"] })
        verify(content)
        waitForRendering(content)
        return content
    }

    function childrenNamed(item, name, found) {
        found = found || []
        for (let i = 0; i < item.children.length; ++i) {
            const child = item.children[i]
            if (child.objectName === name)
                found.push(child)
            childrenNamed(child, name, found)
        }
        return found
    }

    function test_showsEachBlockWithItsComponent() {
        const content = makeContent("Hello **there** @alice\n\n> quoted\n\n```js\nconsole.log(1)\n```", "markdown", true)
        const texts = childrenNamed(content, "textBlock")
        const quotes = childrenNamed(content, "quoteBlock")
        const codes = childrenNamed(content, "codeBlock")
        compare(quotes.length, 1)
        compare(codes.length, 1)
        compare(texts.length, 2) // the paragraph, and the quote's own text
        verify(texts[0].getText(0, texts[0].length).indexOf("Hello there @alice") >= 0)
        compare(codes[0].code, "console.log(1)")
        compare(codes[0].language, "js")
        verify(content.height > 0)
        verify(!findChild(content, "showMoreButton").visible)
    }

    function test_hostileBodyShowsItsTagsAsText() {
        const body = "<b>bold?</b> <img src=\"http://127.0.0.1:9/x.png\"> <script>alert(1)</script> "
                   + "<a href=\"javascript:alert(1)\">click</a> ![img](http://127.0.0.1:9/y.png)"
        const requestsBefore = testNetwork.requests
        for (const format of ["markdown", "plain"]) {
            const content = makeContent(body, format, true)
            const text = childrenNamed(content, "textBlock")[0]
            const shown = text.getText(0, text.length)
            verify(shown.indexOf("<b>bold?</b>") >= 0, shown)
            verify(shown.indexOf("<img src=\"http://127.0.0.1:9/x.png\">") >= 0, shown)
            verify(shown.indexOf("<script>alert(1)</script>") >= 0, shown)
            verify(text.text.indexOf("<img") < 0)
            verify(text.text.indexOf("<script") < 0)
            // Nothing was fetched for it, now or a moment later.
            wait(50)
            compare(testNetwork.requests, requestsBefore)
        }
    }

    // The check above can fail: the same tags, were they rich text, would be fetched.
    function test_networkProbeSeesRemoteImages() {
        const requestsBefore = testNetwork.requests
        const edit = createTemporaryQmlObject("import QtQuick; TextEdit { textFormat: TextEdit.RichText; "
            + "text: '<img src=\\\"http://127.0.0.1:9/z.png\\\">' }", testCase)
        verify(edit)
        tryVerify(() => testNetwork.requests > requestsBefore, 5000)
    }

    function test_linksActivateOnlyOnClick() {
        const content = makeContent("see [the site](https://example.com/) and [bad](javascript:alert(1))", "markdown", true)
        const text = childrenNamed(content, "textBlock")[0]
        verify(text.text.indexOf("href=\"https://example.com/\"") >= 0)
        verify(text.text.indexOf("javascript") < 0)
        const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: \"linkActivated\" }", testCase)
        spy.target = content
        const rect = text.positionToRectangle(text.getText(0, text.length).indexOf("the site") + 2)
        mouseMove(text, rect.x + 2, rect.y + rect.height / 2)
        compare(spy.count, 0)
        mouseClick(text, rect.x + 2, rect.y + rect.height / 2)
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], "https://example.com/")
    }

    function test_showMoreRendersTheWholeMessage() {
        let lines = []
        for (let i = 0; i < 100; ++i)
            lines.push("line " + i)
        const content = makeContent(lines.join("\n"), "plain", true)
        const button = findChild(content, "showMoreButton")
        verify(button.visible)
        compare(button.text, "Show more")
        const shortHeight = content.height
        const before = childrenNamed(content, "textBlock")[0]
        verify(before.getText(0, before.length).indexOf("line 99") < 0)
        mouseClick(button)
        waitForRendering(content)
        compare(button.text, "Show less")
        const after = childrenNamed(content, "textBlock")[0]
        verify(after.getText(0, after.length).indexOf("line 99") >= 0)
        verify(content.height > shortHeight * 2)
        mouseClick(button)
        compare(button.text, "Show more")
        tryVerify(() => content.height < shortHeight + 1)
    }

    function test_aMegabyteLineRendersWithoutFreezing() {
        const line = "y".repeat(1024 * 1024)
        for (const collapsed of [true, false]) {
            const started = Date.now()
            const content = makeContent(line, "markdown", collapsed)
            const elapsed = Date.now() - started
            console.info("1 MB line, collapsed " + collapsed + ": rendered and laid out in " + elapsed + " ms")
            verify(elapsed < 3000, elapsed + " ms")
            const text = childrenNamed(content, "textBlock")[0]
            verify(text.height > 0)
            // It wraps inside the view instead of running off to the right.
            verify(text.contentWidth <= content.width + 1, text.contentWidth)
        }
    }
}
