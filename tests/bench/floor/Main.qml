// The benchmark's floor: an empty Qt Quick Controls window the size of tandem's.
import QtQuick
import QtQuick.Controls

ApplicationWindow {
    objectName: "floorWindow"
    width: 1280
    height: 800
    visible: true
    title: "Tandem floor"
}
