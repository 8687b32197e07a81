// WCAG 2.1 AA contrast of the colour pairs the views draw, read from the real Theme in its light and
// dark modes: 4.5:1 for text (body, secondary, placeholders, time stamps, links, accent and status text,
// text in code blocks, on selections, mentions and highlights, text on accent and badge fills), 3:1 for
// focus rings, the composer's focused border and the selected space marker (WCAG 1.4.11). The formula is
// WCAG's relative luminance with the sRGB transfer curve. A fill drawn with opacity is blended over what
// is under it first. Disabled controls are exempt (WCAG 1.4.3) and not listed.
import QtQuick
import QtTest
import Tandem.Ui

TestCase {
    id: testCase
    name: "Contrast"

    Component {
        id: fileCardComponent
        FileCard {}
    }

    function channel(c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)
    }
    function luminance(c) {
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }
    function ratio(a, b) {
        var la = luminance(a), lb = luminance(b)
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    }
    // `top` at `alpha` over the opaque `under`.
    function blend(top, alpha, under) {
        return Qt.rgba(top.r * alpha + under.r * (1 - alpha), top.g * alpha + under.g * (1 - alpha),
                       top.b * alpha + under.b * (1 - alpha), 1)
    }

    // [label, foreground, background, minimum] for what the current mode draws.
    function textPairs() {
        var t = Theme, out = []
        var grounds = { background: t.background, sidebar: t.sidebar, surface: t.surface, raised: t.raised, hover: t.hover }
        for (var g in grounds) {
            out.push(["text on " + g, t.text, grounds[g], 4.5])
            out.push(["secondary text on " + g, t.mutedText, grounds[g], 4.5])
            out.push(["faint text (time stamps, placeholders) on " + g, t.faintText, grounds[g], 4.5])
            out.push(["danger text on " + g, t.danger, grounds[g], 4.5])
        }
        out.push(["text on the selection", t.text, t.selection, 4.5])
        out.push(["secondary text on the selection", t.mutedText, t.selection, 4.5])
        out.push(["faint text on the selection", t.faintText, t.selection, 4.5])
        out.push(["text on a mention", t.text, t.mentionBackground, 4.5])
        out.push(["secondary text on a mention", t.mutedText, t.mentionBackground, 4.5])
        out.push(["text on a search highlight", t.text, t.highlightBackground, 4.5])
        out.push(["code text on a code block", t.text, t.codeBackground, 4.5])
        out.push(["secondary text on a code block", t.mutedText, t.codeBackground, 4.5])
        out.push(["faint text on a code block (its language)", t.faintText, t.codeBackground, 4.5])
        out.push(["external mark on the selection", t.externalMark, t.selection, 4.5])
        out.push(["link on the background", t.link, t.background, 4.5])
        out.push(["link on a bubble", t.link, t.raised, 4.5])
        out.push(["link on a code block", t.link, t.codeBackground, 4.5])
        out.push(["link on the selection", t.link, t.selection, 4.5])
        out.push(["success text", t.success, t.background, 4.5])
        out.push(["warning text", t.warning, t.background, 4.5])
        out.push(["warning text on the sidebar", t.warning, t.sidebar, 4.5])
        out.push(["external mark on the sidebar", t.externalMark, t.sidebar, 4.5])
        out.push(["external mark on the background", t.externalMark, t.background, 4.5])
        var accents = { work: t.workAccent, personal: t.personalAccent }
        for (var p = 0; p < t.accentPalette.length; ++p)
            accents["palette " + t.accentPalette[p].key] = Qt.color(t.paletteColor(t.accentPalette[p]))
        for (var k in accents) {
            var a = accents[k]
            out.push([k + " accent text (typing, editing) on the background", a, t.background, 4.5])
            out.push([k + " accent text on the sidebar", a, t.sidebar, 4.5])
            out.push([k + " accent text on a bubble", a, t.raised, 4.5])
            out.push([k + " accent text (typing) on the selected conversation", a, t.selection, 4.5])
            out.push(["text on an accent button (" + k + ")", t.onAccent, a, 4.5])
            out.push(["text on my reaction chip (" + k + ")", t.text, blend(a, 0.15, t.background), 4.5])
            out.push(["text on my reaction chip in a bubble (" + k + ")", t.text, blend(a, 0.15, t.raised), 4.5])
        }
        out.push(["mention badge", t.onAccent, t.danger, 4.5])
        out.push(["unread badge", t.onAccent, t.mutedText, 4.5])
        out.push(["muted unread badge", t.onAccent, t.faintText, 4.5])
        for (var i = 0; i < t.avatarColors.length; ++i)
            out.push(["avatar initials on " + t.avatarColors[i], "#ffffff", t.avatarColors[i], 4.5])
        return out
    }

    function uiPairs() {
        var t = Theme, out = []
        var grounds = { background: t.background, sidebar: t.sidebar, rail: t.rail, surface: t.surface, raised: t.raised, selection: t.selection }
        for (var g in grounds)
            out.push(["focus ring on " + g, t.focusRing, grounds[g], 3])
        out.push(["focused composer border (work)", t.workAccent, t.raised, 3])
        out.push(["focused composer border (personal)", t.personalAccent, t.raised, 3])
        out.push(["current space marker on the rail", t.text, t.rail, 3])
        out.push(["conversation list selection marker (work)", t.workAccent, t.selection, 3])
        out.push(["conversation list selection marker (personal)", t.personalAccent, t.selection, 3])
        for (var p = 0; p < t.accentPalette.length; ++p)
            out.push(["space tile on the rail (" + t.accentPalette[p].key + ")", t.paletteColor(t.accentPalette[p]), t.rail, 3])
        return out
    }

    function failures(pairs) {
        var out = []
        for (var i = 0; i < pairs.length; ++i) {
            var r = ratio(Qt.color(pairs[i][1]), Qt.color(pairs[i][2]))
            if (r < pairs[i][3])
                out.push(pairs[i][0] + ": " + r.toFixed(2) + " < " + pairs[i][3])
        }
        return out
    }

    function init_data() {
        return [{ tag: "light", mode: "light" }, { tag: "dark", mode: "dark" }]
    }
    function cleanup() { Theme.mode = "system" }

    // The formula itself, on values WCAG's own examples give.
    function test_formula() {
        fuzzyCompare(ratio(Qt.color("#000000"), Qt.color("#ffffff")), 21, 0.001)
        compare(ratio(Qt.color("#777777"), Qt.color("#ffffff")).toFixed(2), "4.48")
        fuzzyCompare(ratio(Qt.color("#ffffff"), Qt.color("#ffffff")), 1, 0.001)
    }

    function test_textMeetsAA_data() { return init_data() }
    function test_textMeetsAA(data) {
        Theme.mode = data.mode
        compare(Theme.dark, data.mode === "dark")
        var bad = failures(textPairs())
        verify(bad.length === 0, bad.join("; "))
    }

    function test_uiComponentsMeetAA_data() { return init_data() }
    function test_uiComponentsMeetAA(data) {
        Theme.mode = data.mode
        var bad = failures(uiPairs())
        verify(bad.length === 0, bad.join("; "))
    }

    // File type badges (FileCard) draw white on their own colours.
    function test_fileTypeBadges() {
        var card = createTemporaryObject(fileCardComponent, testCase)
        verify(card)
        var bad = []
        var labels = ["IMG", "AUD", "PDF", "ZIP", "DOC", "XLS", "PPT", "BIN"]
        for (var i = 0; i < labels.length; ++i) {
            var r = ratio(Qt.color("#ffffff"), Qt.color(card.typeColor(labels[i])))
            if (r < 4.5)
                bad.push(labels[i] + ": " + r.toFixed(2))
        }
        verify(bad.length === 0, bad.join("; "))
    }
}
