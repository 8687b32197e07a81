#!/usr/bin/env bash
# Installs exactly what Tandem needs to build, run and test, and nothing that is already there.
# Debian 12 (bookworm) and Debian 13 (trixie), as root. Safe to run again: a second run only checks.
set -euo pipefail

log() { printf 'install-deps: %s\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
  log "run as root (it installs Debian packages)"; exit 1
fi
. /etc/os-release
codename=${VERSION_CODENAME:-}

packages=(
  cmake ninja-build g++ pkg-config git clang-format
  qt6-base-dev qt6-declarative-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools
  qt6-declarative-dev-tools qt6-svg-dev qt6-charts-dev qtkeychain-qt6-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qttest qml6-module-qtcharts qml6-module-qt-labs-platform qml6-module-qtqml-models
  qml6-module-qtquick-dialogs qml6-module-qtquick-shapes xdotool
  libgl-dev libsodium-dev
  # the app asks the X server whether it offers direct rendering (app/platform/scenegraphchoice.cpp)
  libxcb1-dev
  # protocol fuzzing (libFuzzer ships with clang) and the conformance suite (JSON Schema 2020-12)
  clang python3-jsonschema python3-websockets
  # certificates for the server's TLS test
  openssl
  xvfb xauth fonts-noto-cjk fonts-noto-color-emoji
  # a real Secret Service for the keychain tests, run headless in a private D-Bus session
  gnome-keyring dbus dbus-x11 libsecret-tools
  # packages (cpack's DEB generator with dpkg-shlibdeps) and their desktop metadata validators; the
  # folder model Qt's own file dialog needs at run time (a dependency of the tandem package)
  dpkg-dev file desktop-file-utils appstream qml6-module-qt-labs-folderlistmodel
  # the accessibility tree test: the AT-SPI bus and its Python bindings
  at-spi2-core gir1.2-atspi-2.0 python3-gi
)
# SQLCipher 4.6: in trixie's main suite; on bookworm only in bookworm-backports (bookworm's own is 3.4).
sqlcipher_packages=(libsqlcipher-dev sqlcipher)
case "$codename" in
  bookworm) sqlcipher_suite=bookworm-backports ;;
  *) sqlcipher_suite="" ;;
esac
# KF6 SyntaxHighlighting exists from trixie on; bookworm has only the Qt 5 build, which cannot load into Qt 6.
case "$codename" in
  bookworm) ;;
  *) packages+=(libkf6syntaxhighlighting-dev) ;;
esac
# libFuzzer's runtime for the fuzz preset, for the distribution's default clang.
case "$codename" in
  bookworm) packages+=(libclang-rt-14-dev) ;;
  trixie) packages+=(libclang-rt-19-dev) ;;
esac

missing() { # prints the packages of "$@" that are not installed
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s\n' "$p"
  done
}

sqlcipher_ok() { # true when the installed SQLCipher is major version 4 or newer
  local v
  v=$(dpkg-query -W -f='${Version}' libsqlcipher-dev 2>/dev/null) || return 1
  dpkg --compare-versions "$v" ge 4
}

need=$(missing "${packages[@]}")
need_sqlcipher=0
sqlcipher_ok && [ -z "$(missing "${sqlcipher_packages[@]}")" ] || need_sqlcipher=1

if [ -z "$need" ] && [ "$need_sqlcipher" -eq 0 ]; then
  log "everything is installed"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
if [ -n "$sqlcipher_suite" ] && [ "$need_sqlcipher" -eq 1 ]; then
  list=/etc/apt/sources.list.d/tandem-$sqlcipher_suite.sources
  if ! grep -rqs "$sqlcipher_suite" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    # Use the archive this machine already uses for Debian itself rather than naming one.
    uri=$(grep -hs -A3 '^Types:.*deb' /etc/apt/sources.list.d/*.sources 2>/dev/null |
          awk '/^URIs:/ {print $2}' | grep -v -- '-security' | head -n1 || true)
    [ -n "$uri" ] || uri=$(awk '/^deb / && $3 ~ /^bookworm$/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    [ -n "$uri" ] || { log "cannot find this machine's Debian archive in its apt sources"; exit 1; }
    log "adding $sqlcipher_suite from $uri (used for SQLCipher only)"
    cat >"$list" <<SRC
Types: deb
URIs: $uri
Suites: $sqlcipher_suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
fi

log "updating package lists"
apt-get update -qq
if [ -n "$need" ]; then
  log "installing: $(echo $need)"
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $need
fi
if [ "$need_sqlcipher" -eq 1 ]; then
  log "installing SQLCipher 4${sqlcipher_suite:+ from $sqlcipher_suite}"
  apt-get install -y -qq --no-install-recommends ${sqlcipher_suite:+-t "$sqlcipher_suite"} "${sqlcipher_packages[@]}"
fi
sqlcipher_ok || { log "SQLCipher 4 could not be installed"; exit 1; }
log "done"
