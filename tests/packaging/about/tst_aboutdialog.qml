// About Tandem: reachable from the shortcuts overlay (F1, the rail's "?"), shows the project version and
// the Qt it runs on, lists the libraries with their licences from packaging/licenses.json, and Esc closes it.
import QtQuick
import QtQuick.Controls
import QtTest
import Tandem.App
import Tandem.Ui

TestCase {
    id: testCase
    name: "AboutDialog"
    width: 900
    height: 700
    visible: true
    when: windowShown

    Component {
        id: overlayComponent
        ShortcutsOverlay { }
    }

    function openAbout() {
        const overlay = createTemporaryObject(overlayComponent, testCase)
        verify(overlay)
        overlay.open()
        tryCompare(overlay, "opened", true)
        const button = findChild(overlay.contentItem, "aboutButton")
        verify(button, "the shortcuts overlay has an About button")
        mouseClick(button)
        tryCompare(overlay, "visible", false)
        const about = findChild(overlay, "aboutDialog")
        verify(about)
        tryCompare(about, "opened", true)
        return about
    }

    function test_versionIsTheProjectVersion() {
        compare(AboutInfo.version, expectedVersion)
        compare(AboutInfo.name, "Tandem")
        const about = openAbout()
        verify(findChild(about.contentItem, "aboutTitle").text.indexOf(expectedVersion) >= 0)
    }

    function test_showsTheQtItRunsOn() {
        verify(/^6\.\d+\.\d+/.test(AboutInfo.qtVersion), AboutInfo.qtVersion)
        const about = openAbout()
        verify(findChild(about.contentItem, "aboutQtVersion").text.indexOf(AboutInfo.qtVersion) >= 0)
    }

    function test_listsTheLibrariesAndTheirLicences() {
        const names = AboutInfo.libraries.map(l => l.name)
        for (const required of ["Qt", "SQLCipher", "OpenSSL", "libsodium", "md4c (part of Qt)"])
            verify(names.indexOf(required) >= 0, required + " is listed")
        const qt = AboutInfo.libraries.find(l => l.name === "Qt")
        compare(qt.spdx, "LGPL-3.0-only")
        for (const library of AboutInfo.libraries) {
            verify(library.license.length > 0, library.name + " has a licence")
            verify(library.url.startsWith("https://"), library.name + " has a link")
        }
        const about = openAbout()
        const list = findChild(about.contentItem, "aboutLibraries")
        compare(list.count, AboutInfo.libraries.length)
    }

    function test_escapeCloses() {
        const about = openAbout()
        keyClick(Qt.Key_Escape)
        tryCompare(about, "visible", false)
    }

    function test_closeButtonHasAFocusAndAName() {
        const about = openAbout()
        const close = findChild(about.contentItem, "aboutCloseButton")
        tryCompare(close, "activeFocus", true)
        verify(close.Accessible.name.length > 0)
        keyClick(Qt.Key_Space)
        tryCompare(about, "visible", false)
    }
}
