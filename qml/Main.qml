// The window: picks the screen for the app's state (welcome, unlock, busy, the workspace) and holds
// the window-wide shortcuts.
import QtQuick
import QtQuick.Controls
import Tandem.App

ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1280
    height: 800
    minimumWidth: 760
    minimumHeight: 480
    visible: true
    title: App.currentSpace ? qsTr("%1 — Tandem").arg(App.currentSpace.name) : qsTr("Tandem")
    color: Theme.background
    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.raised
    palette.text: Theme.text
    palette.button: Theme.surface
    palette.buttonText: Theme.text
    readonly property color spaceAccent: Theme.accentFor(App.currentSpace ? App.currentSpace.kind : "work")
    palette.highlight: spaceAccent
    palette.highlightedText: Theme.onAccent
    palette.placeholderText: Theme.faintText
    palette.mid: Theme.border
    // The Basic style fills highlighted and checked buttons (and switches, progress) with `dark` and
    // writes on them in `brightText`: the accent and its text colour, as tst_contrast checks them.
    // From the accent itself, not from palette.highlight: a palette signals every role's change at
    // once, so reading one role in another's binding is a binding loop.
    palette.dark: spaceAccent
    palette.brightText: Theme.onAccent
    palette.light: Theme.hover
    palette.toolTipBase: Theme.raised
    palette.toolTipText: Theme.text

    // Benchmarks and tests open a conversation the way a click would.
    function openConversationById(conversationId) {
        if (!App.currentSpace)
            return false
        App.currentSpace.openConversation(conversationId)
        return true
    }

    // Screens by URL, not as inline components: an inline `Workspace {}` makes the engine load and link
    // the whole workspace (every view, some 60 files) before the first frame; by URL each screen is
    // loaded when the state first asks for it, and the first frame (BusyView) comes that much sooner.
    Loader {
        id: screen
        anchors.fill: parent
        focus: true
        source: {
            switch (App.state) {
            case "welcome": return "onboarding/WelcomeView.qml"
            case "unlock": return "onboarding/UnlockView.qml"
            case "ready": return "shell/Workspace.qml"
            case "error": return App.spaces && App.spaces.count > 0 ? "onboarding/UnlockView.qml" : "onboarding/WelcomeView.qml"
            default: return "shell/BusyView.qml"
            }
        }
    }

    // Where the keyboard focus is, on every screen and popup.
    FocusRing { target: window.activeFocusItem }
}
