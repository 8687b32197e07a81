// The keyboard focus, made visible on whatever holds it: a ring in Theme.focusRing (3:1 on every
// ground, tests/ui/tst_contrast.qml) drawn inside the focused item, so that it scrolls and clips with it.
// Controls show it only when their focus came from the keyboard (visualFocus); text fields have their
// own focused border; other focusable items (lists) show it while they hold the focus. Enter (as
// well as Space) presses the focused button, as a click would, in modal popups too.
import QtQuick
import Tandem.Ui

Rectangle {
    id: ring
    objectName: "focusRing"
    property Item target
    readonly property bool textInput: !!target && target.cursorVisible !== undefined
    readonly property bool shown: !!target && !textInput
        && (target.visualFocus === undefined ? target.activeFocus : target.visualFocus)

    parent: shown ? target : null
    visible: shown
    anchors.fill: parent
    z: 10000
    color: "transparent"
    radius: Theme.radius
    border.width: 2
    border.color: Theme.focusRing
    Accessible.ignored: true

    Shortcut {
        sequences: ["Return", "Enter"]
        // Application-wide: a window shortcut is blocked while a modal popup (About, the shortcuts list,
        // a dialog) is open, and there too Enter should press the focused button.
        context: Qt.ApplicationShortcut
        // A button: Qt Quick's own press keys are Space only on most platforms. Lists and text fields
        // keep their own Enter.
        enabled: !!ring.target && ring.target.clicked !== undefined && ring.target.checkable !== undefined
            && ring.target.ListView.view === null
        onActivated: {
            var button = ring.target
            if (button.checkable)
                button.toggle()
            button.clicked()
        }
    }
}
