#!/usr/bin/python3
"""The accessibility tree of the running app, as a screen reader sees it (AT-SPI on Linux).

Starts a private Xvfb, a D-Bus session with the AT-SPI bus, and `tandem --demo` on a fresh profile;
walks the tree of what is showing and checks the main screen, then opens a conversation through its
list item's press action (what a screen reader's "activate" does) and checks the conversation:

  - the window is a frame named "... — Tandem";
  - the space rail is a tab list with a named button per space (Work, Personal, with unread counts);
  - the conversation filter is a named text field; the conversation list is a list of named items;
  - an opened conversation shows a list of messages named "sender at time: text", a named composer
    field and a named Send button;
  - every showing control (buttons, check boxes, text fields, list items, tabs, menu items) has a name.

Exit 0 when all hold, 1 with the failures listed, 77 (CTest SKIP_RETURN_CODE) when AT-SPI, its
Python bindings or Xvfb are missing.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
CONTROL_ROLES = {"push button", "toggle button", "check box", "radio button", "text", "entry",
                 "password text", "list item", "page tab", "menu item", "combo box", "spin button"}


def skip(why):
    print(f"SKIP: {why}")
    sys.exit(SKIP)


def load_atspi():
    try:
        import gi
        gi.require_version("Atspi", "2.0")
        from gi.repository import Atspi
        return Atspi
    except (ImportError, ValueError) as e:
        skip(f"no AT-SPI Python bindings (gir1.2-atspi-2.0, python3-gi): {e}")


def start_xvfb():
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        display = f.readline().strip()
    if not display:
        xvfb.kill()
        skip("Xvfb did not start")
    return xvfb, ":" + display


class Tree:
    def __init__(self, atspi):
        self.atspi = atspi

    def showing(self, app_name):
        """(depth, role, name, node) of every showing node of the application, depth first."""
        desktop = self.atspi.get_desktop(0)
        out = []

        def walk(node, depth):
            try:
                if depth > 1 and not node.get_state_set().contains(self.atspi.StateType.SHOWING):
                    return
                out.append((depth, node.get_role_name(), node.get_name() or "", node))
                for i in range(node.get_child_count()):
                    walk(node.get_child_at_index(i), depth + 1)
            except Exception:  # a node that went away while walking
                return

        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == app_name:
                walk(app, 0)
        return out


def children(node, role):
    return [node.get_child_at_index(i) for i in range(node.get_child_count())
            if node.get_child_at_index(i).get_role_name() == role]


def check(failures, condition, message):
    if not condition:
        failures.append(message)


def unnamed_controls(nodes):
    return [f"{role} under {path}" for path, role, name in nodes if role in CONTROL_ROLES and not name.strip()]


def with_paths(tree):
    """(path, role, name) where path names the nearest named ancestors, for readable failures."""
    out, stack = [], []
    for depth, role, name, _ in tree:
        stack = stack[:depth] + [f"{role} '{name[:30]}'" if name else role]
        out.append((" > ".join(stack[-3:-1]), role, name))
    return out


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return predicate()


def run(args, atspi):
    failures = []
    tree = Tree(atspi)
    profile = tempfile.mkdtemp(prefix="tandem-a11y-")
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", TANDEM_AUTOMATION="1",
               TANDEM_NO_KEYCHAIN="1", TANDEM_SERVER_BINARY=args.server, QT_QUICK_CONTROLS_STYLE="Basic",
               LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("QT_QPA_PLATFORM", None)
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    app = None
    try:
        time.sleep(0.5)
        app = subprocess.Popen([args.tandem, "--profile", profile, "--demo"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        deadline = time.monotonic() + 60
        ready = False
        for line in app.stdout:
            if '"state":"ready"' in line.replace(" ", ""):
                ready = True
                break
            if time.monotonic() > deadline:
                break
        if not ready:
            return ["the app never reached the ready state"]

        def main_screen():
            t = tree.showing("Tandem")
            lists = [n for _, r, name, n in t if r == "list" and name == "Conversations"]
            items = children(lists[0], "list item") if lists else []
            return t if len(items) >= 5 else None

        t = wait_for(main_screen, 20) or tree.showing("Tandem")
        roles = [(r, name) for _, r, name, _ in t]
        check(failures, any(r == "frame" and name.endswith("Tandem") for r, name in roles),
              "no frame named '... — Tandem'")
        rail = [n for _, r, name, n in t if r == "page tab list" and name == "Spaces"]
        check(failures, bool(rail), "no tab list named 'Spaces' (the space rail)")
        if rail:
            names = [b.get_name() for b in children(rail[0], "push button")]
            check(failures, any(n.startswith("Work space") for n in names), f"no 'Work space' button in {names}")
            check(failures, any(n.startswith("Personal space") for n in names),
                  f"no 'Personal space' button in {names}")
            check(failures, any("unread" in n for n in names), f"no unread count in the space buttons {names}")
        check(failures, ("text", "Filter conversations") in roles, "no text field named 'Filter conversations'")
        lists = [n for _, r, name, n in t if r == "list" and name == "Conversations"]
        check(failures, bool(lists), "no list named 'Conversations'")
        launch = None
        if lists:
            items = children(lists[0], "list item")
            check(failures, len(items) >= 5, f"{len(items)} conversation items, expected the demo's 5")
            launch = next((i for i in items if (i.get_name() or "").startswith("Launch team")), None)
            check(failures, launch is not None, "no item 'Launch team' in the conversation list")
        for problem in unnamed_controls(with_paths(t)):
            failures.append(f"main screen: unnamed {problem}")

        # Open a conversation the way a screen reader does: the item's press action.
        if launch is not None:
            actions = [launch.get_action_name(i) for i in range(launch.get_n_actions())]
            check(failures, bool(actions), "the conversation item has no action to open it")
            if actions:
                launch.do_action(0)

                def conversation():
                    t = tree.showing("Tandem")
                    lists = [n for _, r, name, n in t if r == "list" and name == "Messages"]
                    return t if lists and len(children(lists[0], "list item")) >= 3 else None

                t = wait_for(conversation, 20) or tree.showing("Tandem")
                roles = [(r, name) for _, r, name, _ in t]
                messages = [n for _, r, name, n in t if r == "list" and name == "Messages"]
                check(failures, bool(messages), "no list named 'Messages' after opening Launch team")
                if messages:
                    names = [i.get_name() or "" for i in children(messages[0], "list item")]
                    check(failures, len(names) >= 3, f"{len(names)} message items showing")
                    check(failures, all(" at " in n and ":" in n for n in names),
                          f"message items not named 'sender at time: text': {names[:3]}")
                check(failures, any(r == "text" and name.startswith("Message") for r, name in roles),
                      "no composer text field named 'Message ...'")
                check(failures, ("push button", "Send the message") in roles, "no button 'Send the message'")
                for problem in unnamed_controls(with_paths(t)):
                    failures.append(f"conversation: unnamed {problem}")
        return failures
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
        bus.terminate()
        shutil.rmtree(profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tandem", required=True)
    parser.add_argument("--server", required=True)
    args = parser.parse_args()
    if not shutil.which("Xvfb"):
        skip("no Xvfb")
    if not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        skip("no AT-SPI bus launcher (at-spi2-core)")
    if "TANDEM_A11Y_IN_SESSION" not in os.environ:
        # A private D-Bus session, so that the AT-SPI bus and registry are ours alone.
        if not shutil.which("dbus-run-session"):
            skip("no dbus-run-session")
        env = dict(os.environ, TANDEM_A11Y_IN_SESSION="1")
        sys.exit(subprocess.call(["dbus-run-session", "--", sys.executable, *sys.argv], env=env))
    atspi = load_atspi()
    xvfb, display = start_xvfb()
    os.environ["DISPLAY"] = display
    try:
        failures = run(args, atspi)
    finally:
        xvfb.terminate()
    if failures:
        print("FAIL: the accessibility tree is missing:")
        for f in failures:
            print("  -", f)
        return 1
    print("PASS: the main screen and an opened conversation are named and have their roles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
