// A heading inside the request details.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tandem.Ui

Label {
    Layout.topMargin: Theme.spacing
    font.bold: true
    color: Theme.mutedText
    font.capitalization: Font.AllUppercase
    font.pixelSize: Theme.baseSize * 0.85
    Accessible.role: Accessible.Heading
}
