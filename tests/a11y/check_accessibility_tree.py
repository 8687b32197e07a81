#!/usr/bin/python3
"""The accessibility tree of the running app, as a screen reader sees it (AT-SPI on Linux).

Starts a private Xvfb, a D-Bus session with the AT-SPI bus, and `tandem` on a fresh profile; checks the
welcome screen (its controls named, the Work/Personal choice and "Start the demo" answering press
actions), starts the demo through that button's press action, walks the tree of what is showing and
checks the main screen, then opens a conversation through its
list item's press action (what a screen reader's "activate" does) and checks the conversation:

  - the window is a frame named "... — Tandem";
  - the space rail is a tab list with a named button per space (Work, Personal, with unread counts),
    which brings its space to the front when pressed;
  - the conversation filter is a named text field; the conversation list is a list of named items;
  - an opened conversation shows a list of messages named "sender at time: text", a named composer
    field and a named Send button;
  - every showing control (buttons, check boxes, text fields, list items, tabs, menu items) has a name.

Then it opens, through their press actions (or the automation channel's "shortcut" for Ctrl+K), the
thread panel, the details panel, the shortcuts list and About, the emoji picker, the image viewer, the
readers list and the search, and checks each one's names and roles and that nothing showing in it is
unnamed.

Exit 0 when all hold, 1 with the failures listed, 77 (CTest SKIP_RETURN_CODE) when AT-SPI, its
Python bindings or Xvfb are missing. The bindings are the system Python's (python3-gi,
gir1.2-atspi-2.0): run under another Python (a pyenv or virtualenv python3 first on PATH), the script
starts itself again with /usr/bin/python3 rather than skip.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

SKIP = 77
CONTROL_ROLES = {"push button", "toggle button", "check box", "radio button", "text", "entry",
                 "password text", "list item", "page tab", "menu item", "combo box", "spin button"}


def skip(why):
    print(f"SKIP: {why}")
    sys.exit(SKIP)


def find(tree, role, name=None, prefix=None):
    """The first showing node with this role and name (or name prefix), else None."""
    for _, r, n, node in tree:
        if r == role and (name is None or n == name) and (prefix is None or n.startswith(prefix)):
            return node
    return None


def press(node):
    """The node's Press action (else its first), what a screen reader's "activate" does."""
    if node is None or node.get_n_actions() == 0:
        return False
    names = [node.get_action_name(i).lower() for i in range(node.get_n_actions())]
    return node.do_action(names.index("press") if "press" in names else 0)


def subtree(node):
    """(depth, role, name, node) of the showing nodes under `node`, for readable per-screen checks."""
    out = []

    def walk(n, depth):
        try:
            states = n.get_state_set()
            if depth > 0 and not states.contains(states_showing):
                return
            out.append((depth, n.get_role_name(), n.get_name() or "", n))
            for i in range(n.get_child_count()):
                walk(n.get_child_at_index(i), depth + 1)
        except Exception:
            return

    walk(node, 0)
    return out


states_showing = None


def load_atspi():
    try:
        import gi
        gi.require_version("Atspi", "2.0")
        from gi.repository import Atspi
        global states_showing
        states_showing = Atspi.StateType.SHOWING
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
                role, name = node.get_role_name(), node.get_name() or ""
                if role == "password text" and not name:
                    # Qt 6.4 drops a password TextField's name; qml/controls/PasswordField.qml gives it
                    # as the description too, which a screen reader reads after the role.
                    name = node.get_description() or ""
                out.append((depth, role, name, node))
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
        # No --demo: a fresh profile opens on the welcome screen, checked first; its "Start the demo" is
        # then pressed the way a screen reader activates a button.
        app = subprocess.Popen([args.tandem, "--profile", profile], env=env, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
        lines = []
        welcome_event, ready_event = threading.Event(), threading.Event()

        def drain():  # keeps reading, so that the app never blocks on a full pipe
            for line in app.stdout:
                lines.append(line)
                if '"state":"welcome"' in line.replace(" ", ""):
                    welcome_event.set()
                if '"state":"ready"' in line.replace(" ", ""):
                    ready_event.set()

        def last_state():
            """The app's last state line, and the last lines it wrote (its log included), for a failure."""
            states = [line.strip() for line in lines if '"event":"state"' in line.replace(" ", "")]
            tail = "".join("\n      " + line.rstrip()[:200] for line in lines[-12:])
            return (states[-1] if states else "no state line") + "; the app's last lines:" + tail

        threading.Thread(target=drain, daemon=True).start()
        # The app's own word that it shows the welcome screen comes first: the tree is read only once
        # the app is up (the AT-SPI registry may still be starting while a loaded machine starts it).
        if not welcome_event.wait(60):
            return [f"the app never showed the welcome screen (last: {last_state()})"]
        check_welcome(failures, tree)
        if not ready_event.wait(60):
            return failures + [f"the app never reached the ready state (last: {last_state()})"]

        def command(text):
            app.stdin.write(text + "\n")
            app.stdin.flush()

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
            # A space tile answers a screen reader's press: Personal comes to the front, then Work again.
            tiles = {name.split(" ")[0]: b for b in children(rail[0], "push button")
                     for name in [b.get_name() or ""]}

            def front(space):
                return lambda: any(r == "frame" and n.startswith(space + " — ")
                                   for _, r, n, _ in tree.showing("Tandem"))

            if "Personal" in tiles and "Work" in tiles:
                press(tiles["Personal"])
                check(failures, wait_for(front("Personal"), 10),
                      "pressing the 'Personal space' tile did not bring the Personal space to the front")
                press(tiles["Work"])
                check(failures, wait_for(front("Work"), 10),
                      "pressing the 'Work space' tile did not bring the Work space back")
                t = wait_for(main_screen, 20) or tree.showing("Tandem")
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
                check_panels_and_popups(failures, tree, command)
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


def check_welcome(failures, tree):
    """The first start's welcome screen: its two choices are named, nothing showing is unnamed, and its
    "Start the demo" button answers a screen reader's press action (Qt 6.4 Controls do not by themselves)."""
    def welcome():
        t = tree.showing("Tandem")
        return t if find(t, "push button", "Start the demo") is not None else None

    t = wait_for(welcome, 30)
    if t is None:
        failures.append("welcome: no button 'Start the demo' on a fresh profile's first start")
        return
    roles = [(r, name) for _, r, name, _ in t]
    for expected in [("push button", "Connect"), ("text", "Server address"), ("text", "User name"),
                     ("password text", "Password"), ("radio button", "Work"), ("radio button", "Personal")]:
        check(failures, expected in roles, f"welcome: no {expected[0]} named '{expected[1]}'")
    for problem in unnamed_controls(with_paths(t)):
        failures.append(f"welcome: unnamed {problem}")
    personal = find(t, "radio button", "Personal")
    if personal is not None:
        press(personal)
        checked = tree.atspi.StateType.CHECKED
        check(failures, wait_for(lambda: personal.get_state_set().contains(checked), 5),
              "welcome: pressing 'Personal' did not check it")
    check(failures, press(find(t, "push button", "Start the demo")),
          "welcome: 'Start the demo' has no press action")


def check_screen(failures, what, tree, opener, is_open, checks):
    """Presses `opener` (a node or a callable), waits for `is_open(tree)` to give the screen's root node,
    runs `checks(root, nodes)` -> [(ok, message)] and reports anything unnamed in it."""
    if callable(opener):
        opener()
    elif not press(opener):
        failures.append(f"{what}: nothing to open it with")
        return None
    root = wait_for(lambda: is_open(tree.showing("Tandem")), 15)
    if root is None:
        failures.append(f"{what}: did not open (or is not in the accessibility tree)")
        if os.environ.get("TANDEM_A11Y_DUMP"):
            for depth, role, name, _ in tree.showing("Tandem"):
                print("  " * depth + f"{role} '{name[:60]}'")
        return None
    nodes = subtree(root)
    results = checks(root, [(r, n) for _, r, n, _ in nodes])
    for ok, message in results:
        check(failures, ok, f"{what}: {message}")
    if os.environ.get("TANDEM_A11Y_DUMP") and not all(ok for ok, _ in results):
        for depth, role, name, _ in nodes:
            print("  " * depth + f"{role} '{name[:60]}'")
    for problem in unnamed_controls(with_paths(nodes)):
        failures.append(f"{what}: unnamed {problem}")
    return root


def check_panels_and_popups(failures, tree, command):
    t = tree.showing("Tandem")
    if os.environ.get("TANDEM_A11Y_DUMP"):  # what the tree holds, to see why a check fails
        for depth, role, name, _ in t:
            print("  " * depth + f"{role} '{name[:60]}'")

    # A thread, as a screen reader opens one: the message's press (its actions menu), then "Reply in thread".
    def open_thread():
        messages = find(tree.showing("Tandem"), "list", "Messages")
        items = children(messages, "list item") if messages is not None else []
        if not items or not press(items[-1]):
            return
        item = wait_for(lambda: find(tree.showing("Tandem"), "menu item", "Reply in thread"), 10)
        press(item)

    check_screen(failures, "thread panel", tree, open_thread,
                 lambda t: find(t, "panel", "Thread"),
                 lambda root, nodes: [
                     (("push button", "Close the thread") in nodes, "no button 'Close the thread'"),
                     (("list", "Messages") in nodes, "no list of the thread's messages"),
                     (any(r == "text" and n == "Reply in thread" for r, n in nodes), "no composer 'Reply in thread'"),
                 ])
    press(find(tree.showing("Tandem"), "push button", "Close the thread"))
    wait_for(lambda: find(tree.showing("Tandem"), "panel", "Thread") is None, 10)

    # The details: members, pinned, files.
    t = tree.showing("Tandem")
    details = find(t, "toggle button", "Details") or find(t, "push button", "Details") or find(t, "check box", "Details")
    check_screen(failures, "details panel", tree, details,
                 lambda t: find(t, "panel", "Conversation details"),
                 lambda root, nodes: [
                     (("push button", "Close the details") in nodes, "no button 'Close the details'"),
                     (any(r == "page tab" and n.startswith("Members") for r, n in nodes), "no tab 'Members (n)'"),
                     (("page tab", "Pinned") in nodes and ("page tab", "Files") in nodes, "no tabs Pinned and Files"),
                     (("list", "Members") in nodes, "no list 'Members'"),
                     (sum(1 for r, _ in nodes if r == "list item") >= 2, "fewer than two members listed"),
                 ])
    press(find(tree.showing("Tandem"), "push button", "Close the details"))

    # The shortcuts list, and About from it.
    check_screen(failures, "shortcuts list", tree, find(tree.showing("Tandem"), "push button", "Keyboard shortcuts"),
                 lambda t: find(t, "dialog", "Keyboard shortcuts"),
                 lambda root, nodes: [
                     # Qt 6.4 reports a Heading as a label on AT-SPI.
                     (any(r in ("heading", "label") and n == "Keyboard shortcuts" for r, n in nodes), "no heading"),
                     (("push button", "About Tandem: version and licences") in nodes, "no button to About"),
                 ])
    check_screen(failures, "About", tree,
                 find(tree.showing("Tandem"), "push button", "About Tandem: version and licences"),
                 lambda t: find(t, "dialog", "About Tandem"),
                 lambda root, nodes: [
                     (any(r in ("heading", "label") and n.startswith("Tandem ") for r, n in nodes),
                      "no heading 'Tandem <version>'"),
                     (("list", "Libraries and their licences") in nodes, "no list of libraries"),
                     (any(r == "list item" and n.startswith("Qt:") for r, n in nodes), "no list item 'Qt: <licence>'"),
                     (("push button", "Close the About window") in nodes, "no Close button"),
                 ])
    press(find(tree.showing("Tandem"), "push button", "Close the About window"))
    wait_for(lambda: find(tree.showing("Tandem"), "dialog", "About Tandem") is None, 10)

    # The emoji picker; picking one closes it.
    check_screen(failures, "emoji picker", tree, find(tree.showing("Tandem"), "push button", "Insert emoji"),
                 lambda t: find(t, "table", "Emoji"),
                 lambda root, nodes: [
                     (sum(1 for r, n in nodes if r == "push button" and n) >= 20, "fewer than 20 named emoji"),
                     (("push button", "👍") in nodes, "no '👍' button"),
                 ])
    press(find(tree.showing("Tandem"), "push button", "👍"))
    wait_for(lambda: find(tree.showing("Tandem"), "table", "Emoji") is None, 10)

    # The picture, as large as the window: its viewer is a named dialog with named buttons.
    picture = find(tree.showing("Tandem"), "image", "whiteboard.png")
    check_screen(failures, "image viewer", tree, picture,
                 lambda t: find(t, "dialog", "Picture: whiteboard.png"),
                 lambda root, nodes: [
                     (("image", "whiteboard.png") in nodes, "no image named 'whiteboard.png'"),
                     (("push button", "Open") in nodes and ("push button", "Save as…") in nodes, "no Open and Save buttons"),
                     (("push button", "Close") in nodes, "no Close button"),
                 ])
    press(find(tree.showing("Tandem"), "push button", "Close"))
    wait_for(lambda: find(tree.showing("Tandem"), "dialog", "Picture: whiteboard.png") is None, 10)

    # Who read a message: its receipt's button opens the list, named with the count.
    readers = next((n for _, r, name, n in tree.showing("Tandem") if r == "push button" and name.startswith("Read by")), None)
    check_screen(failures, "readers list", tree, readers,
                 lambda t: next((n for _, r, name, n in t if r == "dialog" and name.startswith("Read by ")), None),
                 lambda root, nodes: [
                     (any(n.endswith(", read") or n.endswith(", not yet read") for _, n in nodes), "no reader named"),
                 ])
    command("shortcut Ctrl+K")  # opening search closes the (non-modal) readers list
    wait_for(lambda: find(tree.showing("Tandem"), "text", "Search") is not None, 10)

    # Search (Ctrl+K): a named field, and its results as a list.
    def search_opened(t):
        field = find(t, "text", "Search")
        return find(t, "dialog", "Search") if field is not None else None

    check_screen(failures, "search", tree, lambda: None, search_opened,
                 lambda root, nodes: [
                     (("text", "Search") in nodes, "no text field 'Search'"),
                     (("list", "Search results") in nodes, "no list 'Search results'"),
                 ])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tandem", required=True)
    parser.add_argument("--server", required=True)
    args = parser.parse_args()
    if not shutil.which("Xvfb"):
        skip("no Xvfb")
    if not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        skip("no AT-SPI bus launcher (at-spi2-core)")
    try:
        import gi  # noqa: F401  (the system Python's; see the docstring)
    except ImportError:
        if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") \
                and os.path.exists("/usr/bin/python3"):
            os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
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
    print("PASS: the main screen, an opened conversation, the thread and details panels, the shortcuts "
          "list, About, the emoji picker, the image viewer, the readers list and search are named and have "
          "their roles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
