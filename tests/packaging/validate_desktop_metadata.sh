#!/bin/bash
# The desktop integration files, checked as desktop environments and software centres read them:
# desktop-file-validate on the .desktop file, appstreamcli validate on the generated metainfo, and the
# one application id used consistently (file names, Icon=, <id>, <launchable>, icon files).
# usage: validate_desktop_metadata.sh DESKTOP_FILE METAINFO_FILE ICON_SVG PROJECT_VERSION
set -euo pipefail

desktop=$1 metainfo=$2 icon=$3 version=$4
fail() { echo "FAIL: $*" >&2; exit 1; }

for tool in desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null ||
    fail "$tool is not installed (packaging/linux/install-deps.sh installs desktop-file-utils and appstream)"
done

echo "desktop-file-validate $desktop"
out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
# Hints are advice, but a clean file has none: keep it that way.
[ -z "$out" ] || fail "desktop-file-validate reported: $out"

echo "appstreamcli validate --no-net $metainfo"
appstreamcli validate --no-net --explain "$metainfo" || fail "appstreamcli rejected $metainfo"

id=$(basename "$desktop" .desktop)
[ "$(basename "$metainfo" .metainfo.xml)" = "$id" ] || fail "metainfo file name is not $id.metainfo.xml"
grep -q "<id>$id</id>" "$metainfo" || fail "metainfo <id> is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
  fail "metainfo <launchable> does not name $id.desktop"
grep -qx "Icon=$id" "$desktop" || fail "Icon= in $desktop is not $id"
[ "$(basename "$icon" .svg)" = "$id" ] || fail "the icon is not named $id.svg"
grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo has no <release> for version $version"
echo "OK: $id, version $version"
