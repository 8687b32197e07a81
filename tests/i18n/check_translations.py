#!/usr/bin/env python3
"""Fails when a translation is missing, stale or malformed.

Usage: check_translations.py LUPDATE SOURCE_DIR [lupdate options...]

1. Runs lupdate over app/, qml/ and core/ into temporary copies of translations/*.ts and compares
   them with the committed files: a new qsTr()/tr()/trCore() string that nobody ran `tandem_lupdate`
   for, or a string that was removed from the code, makes them differ.
2. Reads every committed .ts file: no message may be unfinished, obsolete or vanished, or empty.
3. Placeholders must survive translation: the same %1..%99 in source and translation, and %n in
   every plural form when the source has %n.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

LANGUAGES = ("zh_CN", "zh_HK")
# English is the source language: its file holds only the plural forms (lupdate -pluralonly).
PLURAL_ONLY = ("en",)
PLACEHOLDER = re.compile(r"%(\d{1,2}|n)")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text or "")))


def check_file(path, language):
    problems = []
    root = ET.parse(path).getroot()
    actual = root.get("language") or ""
    if actual != language and not (language in PLURAL_ONLY and actual.startswith(language + "_")):
        problems.append(f"{path}: language is {root.get('language')!r}, expected {language!r}")
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            where = f"{os.path.basename(path)} [{name}] {source!r}"
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("unfinished", "obsolete", "vanished", "missing"):
                problems.append(f"{where}: {kind}")
                continue
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in translation.findall("numerusform")]
                if "%n" not in source:
                    problems.append(f"{where}: a plural source without %n")
            else:
                forms = [translation.text or ""]
            if not forms or any(not f.strip() for f in forms):
                problems.append(f"{where}: empty translation")
                continue
            for form in forms:
                if placeholders(form) != placeholders(source):
                    problems.append(
                        f"{where}: placeholders {placeholders(form)} in {form!r}, "
                        f"expected {placeholders(source)}")
    if count == 0:
        problems.append(f"{path}: no messages at all")
    return problems


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    lupdate, source_dir, options = sys.argv[1], sys.argv[2], sys.argv[3:]
    all_languages = LANGUAGES + PLURAL_ONLY
    committed = [os.path.join(source_dir, "translations", f"tandem_{lang}.ts") for lang in all_languages]
    problems = []
    for path in committed:
        if not os.path.isfile(path):
            problems.append(f"{path} is missing")
    if problems:
        print("\n".join(problems))
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for path in committed:
            copy = os.path.join(tmp, os.path.basename(path))
            shutil.copyfile(path, copy)
            copies.append(copy)
        for extra, files in (([], copies[:len(LANGUAGES)]), (["-pluralonly"], copies[len(LANGUAGES):])):
            run = subprocess.run([lupdate, *options, *extra, "app", "qml", "core", "-ts", *files],
                                 cwd=source_dir, capture_output=True, text=True)
            if run.returncode != 0:
                print(run.stdout, run.stderr)
                print("lupdate failed")
                return 1
        for path, copy in zip(committed, copies):
            with open(path, encoding="utf-8") as a, open(copy, encoding="utf-8") as b:
                if a.read() != b.read():
                    problems.append(
                        f"{os.path.relpath(path, source_dir)} is out of date with the sources: run "
                        f"`cmake --build <build dir> --target tandem_lupdate`, translate, commit")
                    problems += [f"  after lupdate: {p}" for p in check_file(copy, os.path.basename(
                        path)[len("tandem_"):-len(".ts")]) if "unfinished" in p or "vanished" in p]

    for path, lang in zip(committed, all_languages):
        problems += check_file(path, lang)

    if problems:
        print("\n".join(problems))
        print(f"FAIL: {len(problems)} translation problem(s)")
        return 1
    print(f"translations complete and up to date: {', '.join(all_languages)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
