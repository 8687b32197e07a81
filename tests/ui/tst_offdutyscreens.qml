// Screenshots of off-duty presence and the scheduled-send prompt (issue 5), in English and Simplified
// Chinese: a direct conversation's header saying when the colleague is back in their time and ours,
// the composer asking "Send now" or "Schedule for 09:00 their time (01:00 yours)" (Escape cancels and
// sends nothing), the scheduled messages listed above the composer with their cancel button, and an
// urgent message marked in the timeline with its "Seen · Acknowledged" line. The PNGs go to
// <build>/test-artifacts/boundary/.
import QtQuick
import QtQuick.Controls
import QtTest
import Tandem.App
import Tandem.Ui

Item {
    id: root
    width: 900
    height: 640

    QtObject {
        id: fakeController
        property string text: ""
        property string editingMessageId: ""
        property var uploads: null
        property string mentionQuery: ""
        property var mentionCandidates: null
        property var sent: []
        function send() { sent.push(text); text = ""; return true }
        function beginEditLast() { return false }
        function beginEdit(id) { return false }
        function cancelEdit() {}
        function mentionText(userId) { return "@" + userId + " " }
        function attachFiles(urls) {}
    }
    QtObject {
        id: fakeBoundary
        property bool offDuty: true
        property real offUntil: 1795568400000
        property string offDutyText
        property string scheduleChoiceText
        property var scheduled: []
        property string errorText: ""
        property var urgent: ({})
        property var scheduledAt: []
        property var cancelled: []
        function scheduleComposerText(at) { scheduledAt.push(at); fakeController.text = ""; return true }
        function cancelScheduled(id) { cancelled.push(id) }
        function sendComposerTextUrgent() { return false }
        function parseWhen(d, t) { return -1 }
        function clearError() {}
    }
    Component {
        id: headerComponent
        ConversationHeader {
            width: root.width
            conversation: ({ conversationId: "dm-chen", kind: "direct", name: "Chen Wei", topic: "", external: false,
                             notifyLevel: "all", memberCount: 2, boundary: fakeBoundary })
        }
    }
    Component {
        id: composerComponent
        Composer {
            y: 80
            width: root.width
            controller: fakeController
            boundary: fakeBoundary
            personName: "Chen Wei"
        }
    }
    Component {
        id: bubbleComponent
        MessageBubble {
            y: 260
            width: root.width
            senderName: "Alice Martin"
            body: "Production is down, please call me"
            timeText: "23:40"
            mine: true
            sendState: "sent"
            receiptTotal: 1
            readByCount: 1
            urgentState: ({ mine: true, seen: true, acknowledged: true,
                            statusText: qsTranslate("tandem::app::ConversationBoundary", "%1 · Acknowledged %2")
                                .arg(qsTranslate("tandem::app::ConversationBoundary", "Seen %1").arg("23:42")).arg("23:45") })
        }
    }
    Component {
        id: incomingComponent
        MessageBubble {
            y: 360
            width: root.width
            senderName: "Alice Martin"
            body: "Can you check the release build?"
            timeText: "23:50"
            urgentState: ({ mine: false, seen: true, acknowledged: false, statusText: "" })
        }
    }

    TestCase {
        name: "OffDutyScreens"
        when: windowShown

        function texts() {
            const t = (s) => qsTranslate("tandem::app::OffDuty", s)
            fakeBoundary.offDutyText = t("Off until %1 (your time %2)").arg("09:00").arg("01:00")
            fakeBoundary.scheduleChoiceText = t("Schedule for %1 their time (%2 yours)").arg("09:00").arg("01:00")
            fakeBoundary.scheduled = [{ messageId: "s1", body: "The contract is ready for your signature",
                                        whenText: "Thu 09:00", confirmed: true, failed: false }]
        }

        function test_off_duty_and_prompt_data() {
            return [{ tag: "en", language: "en", header: "Off until 09:00 (your time 01:00)",
                      choice: "Schedule for 09:00 their time (01:00 yours)", now: "Send now" },
                    { tag: "zh_CN", language: "zh_CN", header: "休息至 09:00（你的时间 01:00）",
                      choice: "安排在对方时间 09:00 发送（你的时间 01:00）", now: "立即发送" }]
        }
        function test_off_duty_and_prompt(data) {
            LanguageSettings.language = data.language
            texts()
            fakeController.sent = []
            fakeBoundary.scheduledAt = []
            const header = createTemporaryObject(headerComponent, root)
            const composer = createTemporaryObject(composerComponent, root)
            const bubble = createTemporaryObject(bubbleComponent, root)
            const incoming = createTemporaryObject(incomingComponent, root)
            verify(header && composer && bubble && incoming)
            compare(header.presenceLine, data.header)
            verify(findChild(header, "presenceDot").visible)
            compare(findChild(bubble, "urgentStatus").text.length > 0, true)
            verify(findChild(incoming, "acknowledgeButton").visible)

            // Enter to someone off duty asks first; Escape cancels and nothing is sent.
            composer.input.forceActiveFocus()
            composer.input.text = "Morning Chen, the contract is ready"
            fakeController.text = composer.input.text
            keyClick(Qt.Key_Return)
            tryCompare(composer.sendPrompt, "opened", true)
            compare(findChild(composer.sendPrompt.contentItem, "scheduleButton").text, data.choice)
            compare(findChild(composer.sendPrompt.contentItem, "sendNowButton").text, data.now)
            wait(50)
            grabImage(root).save(testArtifacts + "/boundary/offduty_prompt_" + data.tag + ".png")
            keyClick(Qt.Key_Escape)
            tryCompare(composer.sendPrompt, "opened", false)
            compare(fakeController.sent.length, 0)
            compare(fakeBoundary.scheduledAt.length, 0)

            // Again, and schedule it for the start of their hours.
            keyClick(Qt.Key_Return)
            tryCompare(composer.sendPrompt, "opened", true)
            mouseClick(findChild(composer.sendPrompt.contentItem, "scheduleButton"))
            tryCompare(composer.sendPrompt, "opened", false)
            compare(fakeBoundary.scheduledAt.length, 1)
            compare(fakeBoundary.scheduledAt[0], fakeBoundary.offUntil)
            compare(fakeController.sent.length, 0)

            // The scheduled message's cancel button.
            const cancel = findChild(composer, "cancelScheduled")
            verify(cancel)
            mouseClick(cancel)
            compare(fakeBoundary.cancelled[fakeBoundary.cancelled.length - 1], "s1")

            // Send now goes the ordinary way.
            composer.input.forceActiveFocus()
            composer.input.text = "Quick one"
            fakeController.text = composer.input.text
            keyClick(Qt.Key_Return)
            tryCompare(composer.sendPrompt, "opened", true)
            mouseClick(findChild(composer.sendPrompt.contentItem, "sendNowButton"))
            compare(fakeController.sent.length, 1)
            grabImage(root).save(testArtifacts + "/boundary/offduty_header_" + data.tag + ".png")
        }

        function test_urgent_needs_confirmation() {
            LanguageSettings.language = "en"
            texts()
            fakeBoundary.offDuty = false
            fakeController.sent = []
            const composer = createTemporaryObject(composerComponent, root)
            composer.input.forceActiveFocus()
            composer.input.text = "Server down"
            fakeController.text = composer.input.text
            keyClick(Qt.Key_Return, Qt.ControlModifier | Qt.ShiftModifier)
            tryCompare(composer.urgentConfirm, "opened", true)
            compare(fakeController.sent.length, 0) // never sent as a normal message on the way
            wait(50)
            grabImage(root).save(testArtifacts + "/boundary/urgent_confirm_en.png")
            keyClick(Qt.Key_Escape)
            tryCompare(composer.urgentConfirm, "opened", false)
            fakeBoundary.offDuty = true
        }

        function cleanupTestCase() { LanguageSettings.language = "en" }
    }
}
