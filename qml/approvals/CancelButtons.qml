// A dialog's Cancel button, translated with the app's own strings: Dialog.Cancel takes its text from
// Qt's translations, which Debian ships in a separate package, so it stayed English in a Chinese UI.
import QtQuick
import QtQuick.Controls

DialogButtonBox {
    Button {
        text: qsTr("Cancel")
        DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        Accessible.name: text
        Accessible.onPressAction: clicked() // a screen reader's "activate" (Qt 6.4 Controls ignore it)
    }
}
