// A popup built the first time it is asked for, then kept (with what was typed into it). The window
// starts without building, filling and holding views nobody has opened yet: the tasks view alone filled
// its assignee list with every member of the space at each start, 7.6 MB of items (heaptrack).
// The component is an Item holding the popup as `popup`: a Popup is not an Item, and it sizes itself
// against its parent item, which is this Loader's item, as large as the Loader's parent.
import QtQuick

Loader {
    id: lazy
    anchors.fill: parent
    active: false
    readonly property var popup: lazy.item ? lazy.item.popup : null

    // The popup, made now if it was not yet.
    function get() {
        lazy.active = true
        return lazy.item.popup
    }
}
