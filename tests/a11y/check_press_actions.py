#!/usr/bin/python3
"""Every button in qml/ answers a screen reader's press action.

Qt 6.4's Controls do not act on AT-SPI's "press" by themselves (docs/accessibility.md), so each Button,
ToolButton, RoundButton and RadioButton in the QML sources must declare `Accessible.onPressAction` in its
own block (not in a nested control's). Prints each one that does not, with its file and line, and exits 1.
"""

import pathlib
import re
import sys

CONTROL = re.compile(r"(?<![\w.])(Button|ToolButton|RoundButton|RadioButton|TabButton|AbstractButton)\s*\{")


def block_end(text, open_brace):
    """The index just past the brace that closes the block opened at `open_brace`, skipping strings and
    comments."""
    depth, i, n = 0, open_brace, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            quote, i = c, i + 1
            while i < n and text[i] != quote:
                i += 2 if text[i] == "\\" else 1
        elif text.startswith("//", i):
            i = text.find("\n", i)
            if i < 0:
                return n
        elif text.startswith("/*", i):
            i = text.find("*/", i) + 1 or n
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def own_text(text, start, end):
    """The block's text without the blocks nested in it."""
    out, i = [], start + 1
    while i < end - 1:
        j = text.find("{", i, end - 1)
        if j < 0:
            out.append(text[i:end - 1])
            break
        out.append(text[i:j])
        i = block_end(text, j)
    return "".join(out)


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".") / "qml"
    missing, seen = [], 0
    for path in sorted(root.rglob("*.qml")):
        text = path.read_text(encoding="utf-8")
        for match in CONTROL.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            if "//" in text[line_start:match.start()]:
                continue  # in a comment
            seen += 1
            brace = match.end() - 1
            if "Accessible.onPressAction" not in own_text(text, brace, block_end(text, brace)):
                line = text.count("\n", 0, match.start()) + 1
                missing.append(f"{path.relative_to(root.parent)}:{line}: {match.group(1)} without "
                               "Accessible.onPressAction")
    if seen == 0:
        print(f"no buttons found under {root}: wrong folder?")
        return 1
    if missing:
        print("These controls cannot be activated from a screen reader on Qt 6.4:")
        print("\n".join("  " + m for m in missing))
        return 1
    print(f"PASS: all {seen} buttons answer a screen reader's press action")
    return 0


if __name__ == "__main__":
    sys.exit(main())
