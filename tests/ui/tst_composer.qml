// The composer with a stand-in controller: Enter sends, Shift+Enter breaks the line, Up edits the
// last message, '@' completes a name, and the text is the controller's draft.
import QtQuick
import QtTest
import Tandem.Ui

TestCase {
    id: testCase
    name: "Composer"
    width: 700
    height: 400
    visible: true
    when: windowShown

    QtObject {
        id: fakeController
        property string text: ""
        property string editingMessageId: ""
        property var uploads: null
        property string mentionQuery: ""
        property var mentionCandidates: people
        property var sent: []
        property int editLastCalls: 0
        function send() { sent.push(text); text = ""; editingMessageId = ""; return true }
        function beginEditLast() { editLastCalls++; editingMessageId = "m1"; text = "my last message"; return true }
        function beginEdit(id) { editingMessageId = id; text = "edited " + id; return true }
        function cancelEdit() { editingMessageId = ""; text = "" }
        function mentionText(userId) { return "@" + userId + " " }
        function attachFiles(urls) {}
    }
    ListModel {
        id: people
        ListElement { userId: "bob"; displayName: "Bob Li"; userName: "bob" }
        ListElement { userId: "chen"; displayName: "Chen Wei"; userName: "chen" }
    }

    Component {
        id: composerComponent
        Composer { width: 600; controller: fakeController }
    }

    function init() {
        fakeController.text = ""
        fakeController.editingMessageId = ""
        fakeController.sent = []
        fakeController.editLastCalls = 0
    }

    function makeComposer() {
        var composer = createTemporaryObject(composerComponent, testCase)
        var input = findChild(composer, "composerInput")
        input.forceActiveFocus()
        waitForRendering(composer)
        return [composer, input]
    }

    function typeText(s) {
        for (var i = 0; i < s.length; ++i)
            keyClick(s[i])
    }

    function test_enterSendsAndClears() {
        var [composer, input] = makeComposer()
        typeText("hello")
        compare(fakeController.text, "hello")
        keyClick(Qt.Key_Return)
        compare(fakeController.sent.length, 1)
        compare(fakeController.sent[0], "hello")
        compare(input.text, "")
    }

    function test_shiftEnterBreaksTheLine() {
        var [composer, input] = makeComposer()
        typeText("a")
        keyClick(Qt.Key_Return, Qt.ShiftModifier)
        typeText("b")
        compare(fakeController.sent.length, 0)
        compare(input.text, "a\nb")
    }

    function test_emptyMessageIsNotSent() {
        var [composer, input] = makeComposer()
        typeText("   ")
        keyClick(Qt.Key_Return)
        compare(fakeController.sent.length, 0)
    }

    function test_upOnEmptyEditsLastMessage() {
        var [composer, input] = makeComposer()
        keyClick(Qt.Key_Up)
        compare(fakeController.editLastCalls, 1)
        compare(input.text, "my last message")
        verify(composer.editing)
        keyClick(Qt.Key_Escape)
        verify(!composer.editing)
    }

    function test_upInTextDoesNotEdit() {
        var [composer, input] = makeComposer()
        typeText("x")
        keyClick(Qt.Key_Up)
        compare(fakeController.editLastCalls, 0)
    }

    function test_mentionCompletesWithTab() {
        var [composer, input] = makeComposer()
        typeText("hi @ch")
        compare(fakeController.mentionQuery, "ch")
        keyClick(Qt.Key_Tab)
        // The stand-in does not filter: the first candidate is taken.
        compare(input.text, "hi @bob ")
        compare(fakeController.sent.length, 0)
    }

    // An input method composing Chinese (pinyin "ni" before it becomes 你): the composition shows in the
    // field, is not yet the draft, and Enter during it neither sends nor breaks the line.
    function test_preeditIsShownAndEnterDoesNotSend() {
        var [composer, input] = makeComposer()
        typeText("hi")
        var widthBefore = input.contentWidth
        verify(inputMethod.preedit(input, "ni"))
        compare(input.preeditText, "ni")
        verify(input.contentWidth > widthBefore, "the composition is laid out in the field")
        compare(fakeController.text, "hi")
        keyClick(Qt.Key_Return)
        compare(fakeController.sent.length, 0)
        compare(input.text, "hi")
        keyClick(Qt.Key_Enter)
        compare(fakeController.sent.length, 0)
        verify(inputMethod.commit(input, "你"))
        compare(input.preeditText, "")
        compare(input.text, "hi你")
        compare(fakeController.text, "hi你")
        keyClick(Qt.Key_Return)
        compare(fakeController.sent.length, 1)
        compare(fakeController.sent[0], "hi你")
    }

    function test_draftComesFromController() {
        fakeController.text = "a saved draft"
        var [composer, input] = makeComposer()
        compare(input.text, "a saved draft")
    }
}
