#!/bin/sh
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring: a real Secret
# Service for the keychain tests, on machines (CI) that have no desktop session. The keyring lives in a
# temporary folder, so no run sees another's secrets and the user's own keyring is never touched.
set -e
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/data" "$scratch/runtime"
XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime" \
  dbus-run-session -- sh -c 'printf %s tandem-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' sh "$@"
