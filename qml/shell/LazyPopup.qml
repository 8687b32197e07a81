// A popup made the first time it is asked for, then kept (with what was typed into it). The window
// starts without building, filling and holding views nobody has opened yet: the tasks view alone filled
// its assignee list with every member of the space at each start, 7.6 MB of items (heaptrack).
// The popup is made with `host` as its parent, as if it had been declared there: it finds its parent
// item through it, sizes itself against it and centres in the overlay as before.
import QtQuick

QtObject {
    id: lazy
    // Makes the popup: a Component whose root is a Popup or a dialog, declared where its bindings make sense.
    required property Component component
    required property Item host
    // The popup once made; null before.
    property var popup: null

    // The popup, made now if it was not yet.
    function get() {
        if (!lazy.popup) {
            lazy.popup = lazy.component.createObject(lazy.host)
            if (!lazy.popup)
                console.warn("LazyPopup: could not make the popup:", lazy.component.errorString())
        }
        return lazy.popup
    }
}
