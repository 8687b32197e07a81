// A space tile shows the space's chosen accent and icon (else the kind's colour and the initial), and
// its menu (Menu key, right click) leads to the "Edit space…" dialog, which saves name, accent and icon.
import QtQuick
import QtTest
import Tandem.Ui

TestCase {
    id: testCase
    name: "SpaceTile"
    width: 500
    height: 500
    visible: true
    when: windowShown

    Component {
        id: tileComponent
        SpaceTile { x: 20; y: 20; spaceName: "acme"; spaceKind: "work"; shortcutNumber: 1 }
    }
    Component {
        id: dialogComponent
        SpaceEditDialog {}
    }
    // Stands in for SpaceSession (whose editLook is tested in tst_appsession): records what is saved.
    Component {
        id: sessionComponent
        QtObject {
            property string name: "Acme"
            property string accent: ""
            property string icon: ""
            property var saved: []
            function editLook(n, a, i) {
                saved = [n, a, i]
                if (i === "ab")
                    return "A space icon must be a single character or emoji."
                name = n; accent = a; icon = i
                return ""
            }
        }
    }
    SignalSpy { id: editSpy; signalName: "editRequested" }

    function test_defaultsAreTheKindsColourAndTheInitial() {
        var tile = createTemporaryObject(tileComponent, testCase)
        verify(Qt.colorEqual(tile.accent, Theme.workAccent))
        compare(findChild(tile, "spaceTileIcon").text, "A")
    }

    function test_changingAccentAndIconUpdatesTheTile() {
        var tile = createTemporaryObject(tileComponent, testCase)
        tile.spaceAccent = "orange"
        tile.spaceIcon = "🚀"
        compare(Theme.accentPalette[4].key, "orange")
        verify(Qt.colorEqual(tile.accent, Theme.paletteColor(Theme.accentPalette[4])))
        verify(!Qt.colorEqual(tile.accent, Theme.workAccent))
        compare(findChild(tile, "spaceTileIcon").text, "🚀")
        tile.spaceAccent = "no-such-key"
        verify(Qt.colorEqual(tile.accent, Theme.workAccent))
    }

    function test_menuKeyOpensTheMenuAndItsItemAsksToEdit() {
        var tile = createTemporaryObject(tileComponent, testCase)
        editSpy.target = tile
        editSpy.clear()
        tile.forceActiveFocus()
        keyClick(Qt.Key_Menu)
        var menu = findChild(tile, "spaceTileMenu")
        tryVerify(function() { return menu.opened })
        keyClick(Qt.Key_Down)
        keyClick(Qt.Key_Return)
        compare(editSpy.count, 1)
    }

    function test_dialogSavesNameAccentAndIconFromTheKeyboard() {
        var session = createTemporaryObject(sessionComponent, testCase)
        var dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.edit(session)
        tryVerify(function() { return dialog.opened })
        var nameField = findChild(dialog, "spaceNameField")
        verify(nameField.activeFocus)
        nameField.selectAll()
        keyClick(Qt.Key_X)
        keyClick(Qt.Key_Tab) // the kind's colour
        keyClick(Qt.Key_Tab) // blue
        keyClick(Qt.Key_Tab) // green
        keyClick(Qt.Key_Tab) // purple
        keyClick(Qt.Key_Space)
        compare(dialog.chosenAccent, "purple")
        var iconField = findChild(dialog, "spaceIconField")
        iconField.forceActiveFocus()
        keyClick(Qt.Key_Y)
        keyClick(Qt.Key_Return)
        compare(session.saved, ["x", "purple", "y"])
        tryVerify(function() { return !dialog.visible })
    }

    function test_invalidIconKeepsTheDialogOpenWithTheReason() {
        var session = createTemporaryObject(sessionComponent, testCase)
        var dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.edit(session)
        tryVerify(function() { return dialog.opened })
        findChild(dialog, "spaceIconField").text = "ab"
        mouseClick(findChild(dialog, "spaceEditSave"))
        verify(dialog.visible)
        var error = findChild(dialog, "spaceEditError")
        verify(error.visible)
        verify(error.text.indexOf("single character") >= 0)
    }
}
