// Sizes of files as people read them: "1.5 KB", and progress in the unit of the whole: "1.2 of 4.5 MB".
.pragma library

function units() {
    return [qsTr("B"), qsTr("KB"), qsTr("MB"), qsTr("GB"), qsTr("TB")]
}

// "1.5 KB"; empty when unknown.
function humanSize(bytes) {
    if (!(bytes > 0))
        return ""
    const names = units()
    let value = bytes
    let unit = 0
    while (value >= 1024 && unit < names.length - 1) {
        value /= 1024
        ++unit
    }
    return (unit === 0 ? value.toString() : value.toFixed(value < 10 ? 1 : 0)) + " " + names[unit]
}

// "1.2 of 4.5 MB"; empty when the whole is unknown.
function progressText(done, total) {
    if (!(total > 0))
        return ""
    const names = units()
    let unit = 0
    let scale = 1
    while (total / scale >= 1024 && unit < names.length - 1) {
        scale *= 1024
        ++unit
    }
    const digits = total / scale < 10 ? 1 : 0
    const shown = v => unit === 0 ? Math.round(v).toString() : (v / scale).toFixed(digits)
    return qsTr("%1 of %2 %3").arg(shown(Math.max(0, Math.min(done, total)))).arg(shown(total)).arg(names[unit])
}
