#!/bin/bash
# The Debian packages as a user gets them: cpack builds tandem and tandem-server from the build tree,
# apt installs them on this machine, the installed server is started as its unit says (by systemd when it
# is PID 1, else directly as the user `tandem` with the unit's own ExecStart), the installed tandemctl and
# the installed app (headless, offscreen, TANDEM_AUTOMATION=1) talk to it, and the packages are purged so
# the machine is left as it was (packages, user, data directory).
# usage: run_deb_test.sh BUILD_DIR PROJECT_VERSION
# Exit 77 (skipped) when not root, without dpkg/apt-get, or when Tandem is already installed here.
set -euo pipefail

build=$(cd "$1" && pwd) version=$2
SKIP=77
log() { printf '[deb-test %3ds] %s\n' "$SECONDS" "$*"; }
fail() { log "FAIL: $*"; exit 1; }
skip() { log "SKIP: $*"; exit $SKIP; }

[ "$(id -u)" -eq 0 ] || skip "needs root: it installs and purges Debian packages"
command -v dpkg >/dev/null && command -v apt-get >/dev/null || skip "dpkg and apt-get are not here"
command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps is missing (dpkg-dev; packaging/linux/install-deps.sh installs it)"
for p in tandem tandem-server; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    skip "$p is already installed on this machine; this test does not touch an existing installation"
  fi
done
getent passwd tandem >/dev/null && skip "a user 'tandem' already exists; purging the package would delete it"

work=$(mktemp -d /tmp/tandem-deb-test.XXXXXX)
chmod 0755 "$work" # the server runs as `tandem` and must reach its log file here
server_pid="" app_pid="" dropin="" installed=0
dpkg-query -W -f='${Package}\n' | sort >"$work/packages-before"

cleanup() {
  local status=$?
  set +e
  if [ -n "$app_pid" ]; then
    echo quit >&3 2>/dev/null
    exec 3>&-
    for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill "$app_pid" 2>/dev/null
  fi
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  if [ "$installed" = 1 ]; then
    log "purging the packages"
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq tandem tandem-server >"$work/purge.log" 2>&1 ||
      { cat "$work/purge.log"; status=1; }
    # Anything apt installed for them (a dependency that was missing) goes too.
    dpkg-query -W -f='${Package}\n' | sort >"$work/packages-after"
    extra=$(comm -13 "$work/packages-before" "$work/packages-after")
    if [ -n "$extra" ]; then
      log "removing what apt added for them: $(echo $extra)"
      # shellcheck disable=SC2086
      DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $extra >/dev/null 2>&1
    fi
  fi
  [ -n "$dropin" ] && rm -rf "$dropin" && systemctl daemon-reload 2>/dev/null
  # Left as it was: no package, no user, no data directory, no unit.
  if [ "$installed" = 1 ]; then
    dpkg-query -W -f='${Status}' tandem-server 2>/dev/null | grep -q 'ok installed' &&
      { log "FAIL: tandem-server is still installed"; status=1; }
    getent passwd tandem >/dev/null && { log "FAIL: the user tandem is still there after purge"; status=1; }
    [ -e /var/lib/tandem-server ] && { log "FAIL: /var/lib/tandem-server is still there after purge"; status=1; }
    [ -e /usr/bin/tandem ] && { log "FAIL: /usr/bin/tandem is still there after purge"; status=1; }
  fi
  if [ "$status" -ne 0 ] && [ "$status" -ne $SKIP ]; then
    for f in "$work"/server.log "$work"/app.out "$work"/app.err; do
      [ -s "$f" ] && { log "--- $f (last lines)"; tail -n 20 "$f"; }
    done
  fi
  rm -rf "$work"
  log "done (status $status)"
  exit "$status"
}
trap cleanup EXIT

# --- build the packages -------------------------------------------------------------------------------------
log "cpack in $build"
cpack --config "$build/CPackConfig.cmake" -B "$work/packages" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack failed"; }
app_deb=$(ls "$work"/packages/tandem_"$version"-*.deb 2>/dev/null | head -n1)
server_deb=$(ls "$work"/packages/tandem-server_"$version"-*.deb 2>/dev/null | head -n1)
[ -f "$app_deb" ] && [ -f "$server_deb" ] || { ls -l "$work/packages"; fail "cpack did not make both packages"; }
log "built $(basename "$app_deb") ($(du -k "$app_deb" | cut -f1) KiB), $(basename "$server_deb") ($(du -k "$server_deb" | cut -f1) KiB)"

# What each package says and holds, before installing anything.
# (Read into variables first: `grep -q` on a pipe can end the writer early, which pipefail reports.)
app_depends=$(dpkg-deb -f "$app_deb" Depends) server_depends=$(dpkg-deb -f "$server_deb" Depends)
app_files=$(dpkg-deb -c "$app_deb") server_files=$(dpkg-deb -c "$server_deb")
log "tandem depends on: $app_depends"
log "tandem-server depends on: $server_depends"
grep -q 'qml6-module-qtquick-controls' <<<"$app_depends" || fail "tandem does not depend on the QML modules"
grep -q 'libqt6quick6' <<<"$app_depends" || fail "tandem has no library dependencies (shlibdeps)"
grep -q 'libsqlcipher1 (>= 4.5)' <<<"$app_depends" || fail "tandem does not depend on SQLCipher 4.5+"
grep -q 'libqt6websockets6' <<<"$server_depends" || fail "tandem-server has no library dependencies (shlibdeps)"
grep -q 'adduser' <<<"$server_depends" || fail "tandem-server does not depend on adduser (its postinst uses it)"
grep -q 'lib/systemd/system/tandem-server.service' <<<"$server_files" || fail "tandem-server has no systemd unit"
grep -q 'usr/bin/tandem$' <<<"$server_files" && fail "the desktop app ended up in tandem-server"
grep -q 'usr/bin/tandem-server$' <<<"$app_files" && fail "tandem-server ended up in tandem"

# --- install ------------------------------------------------------------------------------------------------
log "apt-get install ./$(basename "$app_deb") ./$(basename "$server_deb")"
installed=1
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$app_deb" "$server_deb" \
  >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "apt-get install failed"; }
[ "$(dpkg-query -W -f='${Version}' tandem)" = "$version-1" ] || fail "tandem is not installed at version $version-1"
[ "$(dpkg-query -W -f='${Version}' tandem-server)" = "$version-1" ] || fail "tandem-server is not at version $version-1"

for f in /usr/bin/tandem /usr/bin/tandemctl /usr/bin/tandem-server; do
  [ -x "$f" ] || fail "$f is not installed"
  libraries=$(ldd "$f")
  grep -q 'not found' <<<"$libraries" && fail "$f misses libraries: $(grep 'not found' <<<"$libraries")"
done
for f in /usr/share/applications/com.tandem.Tandem.desktop /usr/share/metainfo/com.tandem.Tandem.metainfo.xml \
  /usr/share/icons/hicolor/scalable/apps/com.tandem.Tandem.svg /usr/share/doc/tandem/copyright \
  /usr/share/doc/tandem-server/copyright; do
  [ -s "$f" ] || fail "$f is not installed"
done
for size in 16 22 24 32 48 64 128 256 512; do
  png=/usr/share/icons/hicolor/${size}x${size}/apps/com.tandem.Tandem.png
  [ -s "$png" ] || fail "$png is not installed"
  [ "$(od -An -tx1 -N4 "$png" | tr -d ' \n')" = 89504e47 ] || fail "$png is not a PNG"
done
grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' /usr/share/doc/tandem/copyright ||
  fail "the copyright file is not in Debian's machine-readable format"
grep -q 'SQLCipher' /usr/share/doc/tandem/copyright || fail "the copyright file does not list the libraries"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/com.tandem.Tandem.desktop || fail "installed .desktop file is invalid"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net /usr/share/metainfo/com.tandem.Tandem.metainfo.xml >/dev/null ||
    fail "installed metainfo is invalid"
fi

unit=$(ls /lib/systemd/system/tandem-server.service /usr/lib/systemd/system/tandem-server.service 2>/dev/null | head -n1)
[ -n "$unit" ] || fail "the systemd unit is not installed"
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$unit" >"$work/verify.log" 2>&1 || { cat "$work/verify.log"; fail "systemd-analyze verify $unit"; }
fi
# The maintainer scripts: the system user and its data directory, nothing enabled.
[ "$(getent passwd tandem | cut -d: -f7)" = /usr/sbin/nologin ] || fail "postinst did not make the system user tandem"
[ "$(stat -c '%U:%G %a' /var/lib/tandem-server)" = "tandem:tandem 750" ] ||
  fail "/var/lib/tandem-server is $(stat -c '%U:%G %a' /var/lib/tandem-server), not tandem:tandem 750"
[ -e /etc/systemd/system/multi-user.target.wants/tandem-server.service ] && fail "installing enabled the service"
# Idempotent: configuring again changes nothing and does not fail.
dpkg-reconfigure tandem-server >/dev/null 2>&1 || fail "postinst failed on a second run"

for program in tandem tandemctl; do
  out=$(QT_QPA_PLATFORM=offscreen "/usr/bin/$program" --version 2>&1) || fail "$program --version failed: $out"
  echo "$out" | grep -q "$version" || fail "$program --version says '$out', not $version"
done

# --- start the installed server as its unit says ----------------------------------------------------------
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
execstart=$(sed -n 's/^ExecStart=//p' "$unit")
listen=$(echo "$execstart" | grep -o -- '--listen [^ ]*' | cut -d' ' -f2)
[ -n "$listen" ] || fail "the unit's ExecStart has no --listen: $execstart"
# The unit's own command, on a free port (another server may hold the default one) and seeded with the
# demo (Demo Co, alice, bob, the channel general), so that there is something to talk about.
command="${execstart/--listen $listen/--listen 127.0.0.1:$port} --demo"
if [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ] && [ -d /run/systemd/system ]; then
  log "systemd is PID 1: systemctl start tandem-server ($command)"
  dropin=/run/systemd/system/tandem-server.service.d
  mkdir -p "$dropin"
  printf '[Service]\nExecStart=\nExecStart=%s\n' "$command" >"$dropin/test.conf"
  systemctl daemon-reload
  systemctl start tandem-server.service || fail "systemctl start tandem-server failed"
else
  log "systemd is not PID 1 here ($(cat /proc/1/comm 2>/dev/null)): running the unit's command as the user tandem"
  log "  $command"
  # shellcheck disable=SC2086
  (umask 0077 && cd /var/lib/tandem-server &&
    exec setpriv --reuid=tandem --regid=tandem --init-groups --no-new-privs $command) >"$work/server.log" 2>&1 &
  server_pid=$!
fi
url=ws://127.0.0.1:$port
for _ in $(seq 150); do
  /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
  [ -z "$server_pid" ] || kill -0 "$server_pid" 2>/dev/null || fail "the installed server exited"
  sleep 0.1
done
/usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.5)" 2>/dev/null ||
  fail "the installed server does not listen on $port"
log "the installed server listens on $url"
[ "$(stat -c %U /var/lib/tandem-server/server.db)" = tandem ] || fail "the server's database is not owned by tandem"

# --- a user made with the installed admin command, signed in by the installed tandemctl -------------------
admin() { setpriv --reuid=tandem --regid=tandem --init-groups /usr/bin/tandem-server admin --data /var/lib/tandem-server "$@"; }
TANDEM_PASSWORD='packaged pass' admin create-user u_pkgtest pkgtest --display-name "Package Test" --org org_demo \
  >/dev/null || fail "tandem-server admin create-user failed"
admin add-to-space sp_demo_work u_pkgtest >/dev/null || fail "tandem-server admin add-to-space failed"
admin list-users | grep -q 'pkgtest' || fail "admin list-users does not show the new user"

export TANDEM_PASSPHRASE='package test' TANDEM_NO_KEYCHAIN=1 LC_ALL=C.UTF-8
mkdir -p "$work/home"
ctl() { local profile=$1; shift; HOME="$work/home" /usr/bin/tandemctl --profile "$work/$profile" "$@"; }
TANDEM_PASSWORD='packaged pass' ctl pkgtest space create Work --kind work --server "$url" --user pkgtest \
  >"$work/ctl.log" 2>&1 || { cat "$work/ctl.log"; fail "tandemctl could not sign in as the new user"; }
TANDEM_PASSWORD=demo ctl alice space create Work --kind work --server "$url" --user alice >"$work/ctl.log" 2>&1 ||
  { cat "$work/ctl.log"; fail "tandemctl could not sign in as alice"; }
TANDEM_PASSWORD=demo ctl bob space create Work --kind work --server "$url" --user bob >"$work/ctl.log" 2>&1 ||
  { cat "$work/ctl.log"; fail "tandemctl could not sign in as bob"; }
ctl bob sync Work --timeout 30 >/dev/null || fail "tandemctl sync (bob) failed"
general=$(ctl bob conversations Work --json | /usr/bin/python3 -c \
  'import json, sys; print(next(c["id"] for c in json.load(sys.stdin) if c["name"] == "general"))') ||
  fail "bob has no conversation general"
log "tandemctl signed in pkgtest, alice and bob; general is $general"

ctl alice sync Work --timeout 30 >/dev/null || fail "tandemctl sync (alice) failed"
first="Packaged tandemctl says hello ($$)"
ctl alice send Work general "$first" >/dev/null || fail "tandemctl send failed"
ctl alice sync Work --timeout 30 >/dev/null || fail "tandemctl sync (alice) failed"

# --- the installed app, headless, signed in as bob -------------------------------------------------------
mkfifo "$work/app.in"
QT_QPA_PLATFORM=offscreen TANDEM_AUTOMATION=1 XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
  XDG_RUNTIME_DIR="$work" HOME="$work/home" DBUS_SESSION_BUS_ADDRESS= \
  /usr/bin/tandem --profile "$work/bob" <"$work/app.in" >"$work/app.out" 2>"$work/app.err" &
app_pid=$!
exec 3>"$work/app.in"

# wait_for SECONDS PYTHON_CONDITION_ON_LINES: true once a line of the app's output satisfies it.
wait_for() {
  local seconds=$1 condition=$2
  /usr/bin/python3 - "$work/app.out" "$seconds" "$condition" <<'PY'
import json, sys, time
path, seconds, condition = sys.argv[1], float(sys.argv[2]), sys.argv[3]
deadline = time.monotonic() + seconds
while time.monotonic() < deadline:
    with open(path, encoding="utf-8") as f:
        for raw in f:
            try:
                line = json.loads(raw)
            except ValueError:
                continue
            if eval(condition, {"line": line}):
                sys.exit(0)
    time.sleep(0.2)
sys.exit(1)
PY
}

wait_for 45 'line.get("event") == "state" and line.get("state") == "ready"' ||
  fail "the installed app did not reach 'ready'"
log "the installed app is ready (signed in as bob)"
echo "open $general" >&3
wait_for 20 'line.get("event") == "open" and line.get("ok")' || fail "the app could not open general"
wait_for 30 "line.get('event') == 'timeline' and line.get('conversation') == 'general' and any(r['body'] == '''$first''' for r in line['rows'])" ||
  fail "the app's timeline of general does not show tandemctl's message"
log "the app shows the message tandemctl sent before it started"

# Live: a message sent while the app runs arrives over its connection.
second="And this one arrives while the app is open ($$)"
ctl alice send Work general "$second" >/dev/null || fail "tandemctl send (live) failed"
wait_for 30 "line.get('event') == 'timeline' and any(r['body'] == '''$second''' and r['sender'] for r in line['rows'])" ||
  fail "the running app did not receive the live message"
log "the running app received the live message from tandemctl"
kill -0 "$app_pid" 2>/dev/null || fail "the app exited"
log "PASS"
