// LazyPopup: nothing is made until the popup is asked for; then it is made once, in its host, and kept
// with its state. Two holders of different popups side by side each give their own (the first version,
// a Loader whose item held the popup through an alias, once gave the wrong object).
import QtQuick
import QtQuick.Controls
import QtTest
import Tandem.Ui

TestCase {
    id: testCase
    name: "LazyPopup"
    width: 600
    height: 400
    visible: true
    when: windowShown

    Component {
        id: hostComponent
        Item {
            id: host
            anchors.fill: parent
            property int made: 0
            readonly property alias first: first
            readonly property alias second: second
            LazyPopup {
                id: first
                host: host
                component: Component {
                    Popup {
                        objectName: "firstPopup"
                        property string typed
                        width: parent ? parent.width / 2 : 0
                        Component.onCompleted: host.made += 1
                    }
                }
            }
            LazyPopup {
                id: second
                host: host
                component: Component {
                    Dialog {
                        objectName: "secondPopup"
                        Component.onCompleted: host.made += 1
                    }
                }
            }
        }
    }

    function test_madeOnFirstAskThenKept() {
        const host = createTemporaryObject(hostComponent, testCase)
        verify(host)
        compare(host.made, 0)
        compare(host.first.popup, null)

        const popup = host.first.get()
        compare(popup.objectName, "firstPopup")
        compare(host.made, 1)
        compare(popup.parent, host)
        compare(popup.width, 300) // sized against its host, as if declared there
        popup.typed = "draft"
        popup.open()
        tryCompare(popup, "opened", true)
        popup.close()
        tryCompare(popup, "visible", false)

        const again = host.first.get()
        verify(again === popup)
        compare(again.typed, "draft")
        compare(host.made, 1)
    }

    function test_eachHolderGivesItsOwnPopup() {
        const host = createTemporaryObject(hostComponent, testCase)
        const second = host.second.get()
        const first = host.first.get()
        compare(second.objectName, "secondPopup")
        compare(first.objectName, "firstPopup")
        verify(first !== second)
        compare(host.made, 2)
        second.open()
        tryCompare(second, "opened", true)
        verify(!first.visible)
        second.close()
    }
}
