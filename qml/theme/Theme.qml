// Colours, sizes and fonts, in one place. Light and dark follow the system palette unless the user
// chose one; each space kind has its own accent so that work and personal never look alike.
pragma Singleton
import QtQuick

QtObject {
    id: theme

    // "system", "light" or "dark"
    property string mode: "system"
    readonly property bool systemDark: Qt.application.palette ? (Qt.application.palette.window.hslLightness < 0.5) : false
    readonly property bool dark: mode === "dark" || (mode === "system" && systemDark)

    readonly property color background: dark ? "#1b1d21" : "#ffffff"
    readonly property color sidebar: dark ? "#141518" : "#f3f4f6"
    readonly property color rail: dark ? "#0e0f11" : "#e6e8ec"
    readonly property color surface: dark ? "#23262b" : "#f7f8fa"
    readonly property color raised: dark ? "#2c3036" : "#ffffff"
    readonly property color border: dark ? "#363a41" : "#dfe2e7"
    readonly property color text: dark ? "#e8e9eb" : "#1d1f23"
    readonly property color mutedText: dark ? "#a0a5ad" : "#5d636c"
    readonly property color faintText: dark ? "#979ca5" : "#646a73"
    readonly property color selection: dark ? "#28334a" : "#e8effc"
    readonly property color hover: dark ? "#262a30" : "#eceef2"
    readonly property color danger: dark ? "#ff6b6b" : "#c62828"
    readonly property color success: dark ? "#5cc98b" : "#2e7d32"
    readonly property color warning: dark ? "#f0b44c" : "#965a00"
    readonly property color mentionBackground: dark ? "#42340f" : "#fff3c4"
    readonly property color highlightBackground: dark ? "#3b3520" : "#fff7d6"
    readonly property color codeBackground: dark ? "#16181b" : "#f4f5f7"
    readonly property color link: dark ? "#7fb2ff" : "#1a5fd0"
    readonly property color focusRing: dark ? "#7fb2ff" : "#1a5fd0"
    readonly property color externalMark: dark ? "#f0a35c" : "#a35200"

    // Work is blue, personal is green: a glance tells which world you are in.
    readonly property color workAccent: dark ? "#5b9bff" : "#1d5bd6"
    readonly property color personalAccent: dark ? "#4cc38a" : "#14763a"
    function accentFor(kind) { return kind === "personal" ? personalAccent : workAccent }
    // The accents a user can give a space (the keys of core/store/spacelook.cpp, in its order); every one
    // passes the same contrast checks as the kinds' accents, with onAccent on it (tests/ui/tst_contrast.qml).
    readonly property var accentPalette: [
        { key: "blue", light: "#1d5bd6", dark: "#5b9bff" },
        { key: "green", light: "#14763a", dark: "#4cc38a" },
        { key: "purple", light: "#7b3fc4", dark: "#b48cff" },
        { key: "teal", light: "#00707a", dark: "#3cc4cc" },
        { key: "orange", light: "#a34700", dark: "#f59e4c" },
        { key: "red", light: "#c0263a", dark: "#ff7a85" },
        { key: "pink", light: "#b0246f", dark: "#f27db8" },
        { key: "slate", light: "#4d5a6b", dark: "#a3b1c2" }
    ]
    function paletteColor(entry) { return dark ? entry.dark : entry.light }
    // A space's accent: its chosen palette entry, else (none, or a key this version does not know) its kind's.
    function spaceAccent(key, kind) {
        for (var i = 0; i < accentPalette.length; ++i)
            if (accentPalette[i].key === key)
                return paletteColor(accentPalette[i])
        return accentFor(kind)
    }
    // Text and icons drawn on an accent, danger or grey fill (buttons, badges, space tiles): white on
    // the light theme's deep colours, near-black on the dark theme's bright ones, where white would
    // fall below WCAG AA (tests/ui/tst_contrast.qml).
    readonly property color onAccent: dark ? "#0e0f11" : "#ffffff"
    // Avatar fills behind white initials: deep enough for 4.5:1 in both themes.
    readonly property var avatarColors: ["#d32f2f", "#c2185b", "#7b1fa2", "#3949ab", "#0277bd", "#00796b", "#2e7d32", "#bf360c", "#6d4c41", "#546e7a"]

    readonly property int spacing: 8
    readonly property int radius: 6
    readonly property int railWidth: 64
    readonly property int sidebarWidth: 280
    readonly property int panelWidth: 340
    readonly property string monoFamily: "monospace"
    // The body text size in pixels, from the system font (the platform theme's, or QGuiApplication::setFont):
    // every font size in the UI is a multiple of it, so text follows the user's font size setting. A
    // font given in points is converted at the 96 dpi Qt Quick uses for logical pixels (high-DPI screens
    // scale logical pixels, not points).
    readonly property real baseSize: Qt.application.font.pixelSize > 0 ? Qt.application.font.pixelSize
        : Qt.application.font.pointSize > 0 ? Qt.application.font.pointSize * 96 / 72 : 14
}
