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
    readonly property color faintText: dark ? "#7c828b" : "#7b818a"
    readonly property color selection: dark ? "#2f3b4d" : "#dde8fb"
    readonly property color hover: dark ? "#262a30" : "#eceef2"
    readonly property color danger: dark ? "#ff6b6b" : "#c62828"
    readonly property color success: dark ? "#5cc98b" : "#2e7d32"
    readonly property color warning: dark ? "#f0b44c" : "#a86400"
    readonly property color mentionBackground: dark ? "#4a3b12" : "#fff3c4"
    readonly property color highlightBackground: dark ? "#3b3520" : "#fff7d6"
    readonly property color codeBackground: dark ? "#16181b" : "#f4f5f7"
    readonly property color link: dark ? "#7fb2ff" : "#1a5fd0"
    readonly property color focusRing: dark ? "#7fb2ff" : "#1a5fd0"
    readonly property color externalMark: dark ? "#f0a35c" : "#b35a00"

    // Work is blue, personal is green: a glance tells which world you are in.
    readonly property color workAccent: dark ? "#5b9bff" : "#2563eb"
    readonly property color personalAccent: dark ? "#4cc38a" : "#15803d"
    function accentFor(kind) { return kind === "personal" ? personalAccent : workAccent }

    readonly property int spacing: 8
    readonly property int radius: 6
    readonly property int railWidth: 64
    readonly property int sidebarWidth: 280
    readonly property int panelWidth: 340
    readonly property string monoFamily: "monospace"
    readonly property real baseSize: Qt.application.font.pixelSize > 0 ? Qt.application.font.pixelSize : 14
}
