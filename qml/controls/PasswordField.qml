// A password or passphrase field, named for screen readers by `label`, which is also its placeholder.
//
// Qt 6.4 drops the accessible name of a TextField whose echo mode is Password (AT-SPI shows an unnamed
// "password text"), and a TextField's accessible description is always its placeholder text. So the
// label is shown as the placeholder: it is what a screen reader reads after the role. Later Qt versions
// read the name as well.
import QtQuick
import QtQuick.Controls

TextField {
    required property string label
    echoMode: TextInput.Password
    placeholderText: label
    inputMethodHints: Qt.ImhHiddenText | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
    Accessible.name: label
}
