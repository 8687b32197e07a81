// Screenshots of the boundary screens (issue 5) in English and Simplified Chinese: the schedule
// settings of a work space (with a validation error shown), the quiet hours of a personal space, and the
// catch-up digest. The PNGs go to <build>/test-artifacts/boundary/; the checks below make sure each
// screen is shown in the language asked for and that a row of the digest opens its conversation.
import QtQuick
import QtQuick.Controls
import QtTest
import Tandem.App
import Tandem.Ui

Item {
    id: root
    width: 900
    height: 760

    Component {
        id: settingsComponent
        ScheduleSettings {
            parent: root
            spaceName: "Acme"
            work: true
            form: ({ timeZone: "Asia/Shanghai", week: ["09:00-12:00, 13:00-18:00", "09:00-12:00, 13:00-18:00",
                     "09:00-12:00, 13:00-18:00", "09:00-12:00, 13:00-18:00", "09:00-12:00, 13:00-16:00", "", ""],
                     daysOff: "2026-10-01, 2026-10-02", extraDays: "2026-10-10 fri", enabled: true })
        }
    }
    Component {
        id: digestComponent
        DigestView { parent: root; spaceName: "Acme" }
    }
    ListModel { id: digestRows }

    TestCase {
        name: "BoundaryScreens"
        when: windowShown

        function fillDigest() {
            const t = (s) => qsTranslate("tandem::app::DigestModel", s)
            digestRows.clear()
            const rows = [
                ["mention", t("Mentions"), "eng", "Carol King · Engineering", "@me can you review the plan?", 0, false],
                ["mention", t("Mentions"), "sales", "Dave Wu · Sales", "@me 需要你签字确认报价", 0, false],
                ["direct", t("Direct messages"), "dm-bob", "Bob Stone", "Are you around Monday?", 2, false],
                ["approval", t("Approvals waiting on you"), "", "Reimbursement: taxi ¥86", "Dave Wu", 0, false],
                ["task", t("Tasks due"), "", "Send the slides", "", 0, true],
                ["thread", t("Busiest threads"), "eng", "Engineering", "Release plan for 2.0", 3, false],
                ["unread", t("Unread"), "sales", "Sales", "", 3, false],
                ["unread", t("Unread"), "eng", "Engineering", "", 2, false]]
            for (const r of rows)
                digestRows.append({ section: r[0], sectionTitle: r[1], conversationId: r[2], title: r[3], body: r[4],
                                    count: r[5], overdue: r[6], targetId: "", at: 0 })
        }

        function shoot(popup, name) {
            tryCompare(popup, "opened", true)
            wait(50)
            const image = grabImage(root)
            image.save(testArtifacts + "/boundary/" + name + ".png")
        }

        function test_schedule_settings_data() {
            return [{ tag: "en", language: "en", save: "Save", error: "Monday: “9-12” is not a time range. Write ranges such as 09:00-12:00, separated by commas." },
                    { tag: "zh_CN", language: "zh_CN", save: "保存", error: "星期一：“9-12”不是时间段。请写成 09:00-12:00 这样的时间段，用逗号分隔。" }]
        }
        function test_schedule_settings(data) {
            LanguageSettings.language = data.language
            const settings = createTemporaryObject(settingsComponent, root, { errorText: data.error })
            settings.open()
            const save = findChild(settings.contentItem, "saveSchedule")
            verify(save)
            compare(save.text, data.save)
            shoot(settings, "schedule_" + data.tag)
            settings.close()
        }

        function test_quiet_hours_data() {
            return [{ tag: "en", language: "en", title: "Quiet hours — Family" }, { tag: "zh_CN", language: "zh_CN", title: "免打扰时段 — Family" }]
        }
        function test_quiet_hours(data) {
            LanguageSettings.language = data.language
            const settings = createTemporaryObject(settingsComponent, root, { work: false, spaceName: "Family",
                form: { timeZone: "Asia/Hong_Kong", week: ["00:00-07:00, 22:00-24:00", "00:00-07:00, 22:00-24:00",
                    "00:00-07:00, 22:00-24:00", "00:00-07:00, 22:00-24:00", "00:00-07:00", "", "22:00-24:00"],
                    daysOff: "", extraDays: "", enabled: true } })
            settings.open()
            shoot(settings, "quiet_" + data.tag)
            settings.close()
        }

        function test_digest_data() {
            return [{ tag: "en", language: "en", first: "Mentions" }, { tag: "zh_CN", language: "zh_CN", first: "提及我的" }]
        }
        function test_digest(data) {
            LanguageSettings.language = data.language
            fillDigest()
            compare(digestRows.get(0).sectionTitle, data.first)
            const digest = createTemporaryObject(digestComponent, root, { model: digestRows })
            const chosen = signalSpy.createObject(root, { target: digest, signalName: "conversationChosen" })
            digest.open()
            shoot(digest, "digest_" + data.tag)
            const list = findChild(digest.contentItem, "digestList")
            verify(list)
            compare(list.count, 8)
            // The first row opens its conversation and closes the digest.
            list.itemAtIndex(0).clicked()
            compare(chosen.count, 1)
            compare(chosen.signalArguments[0][0], "eng")
            tryCompare(digest, "opened", false)
            chosen.destroy()
        }

        function cleanupTestCase() { LanguageSettings.language = "en" }
    }
    Component { id: signalSpy; SignalSpy {} }
}
