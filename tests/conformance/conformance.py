#!/usr/bin/python3
"""Tandem protocol v1 conformance suite: checks a server against docs/protocol.md section 14.

    /usr/bin/python3 conformance.py --url ws://127.0.0.1:8080 --account alice:demo --account bob:demo \
        --outsider oscar:demo [--space sp_demo_work] [--restart-command "..."] [--only F-3,M-2] [--json]

Exit status 0 only if no item failed. See README.md.
"""
import argparse
import asyncio
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from tandemconf import (checks_attachments, checks_framing, checks_liveness,  # noqa: E402,F401
                        checks_mutations, checks_presence, checks_session, checks_stream, checks_typing)
from tandemconf.context import Context  # noqa: E402
from tandemconf.errors import Fail  # noqa: E402
from tandemconf.runner import REGISTRY, Outcome, run_one  # noqa: E402
from tandemconf.schemas import DEFAULT_SCHEMA_DIR, FrameChecker  # noqa: E402

# Items that must run last: S-3 may leave the test address rate-limited for logins, M-6 restarts the
# server, and F-1 judges every frame received before it.
LAST = ["M-6", "S-3", "F-1"]


def credentials(text):
    user, sep, password = text.partition(":")
    if not sep or not user:
        raise argparse.ArgumentTypeError("expected USER:PASSWORD")
    return user, password


def parse_args(argv):
    p = argparse.ArgumentParser(description="Tandem protocol v1 conformance suite (docs/protocol.md §14).")
    p.add_argument("--url", required=True, help="ws:// or wss:// URL of the server under test")
    p.add_argument("--account", type=credentials, action="append", required=True,
                   help="USER:PASSWORD of a member of the space; give exactly two")
    p.add_argument("--outsider", type=credentials, required=True,
                   help="USER:PASSWORD of an account that may not sync the space")
    p.add_argument("--space", help="space to test (default: a work space both accounts may sync)")
    p.add_argument("--restart-command",
                   help="shell command that restarts the server on the same URL and data and returns once "
                        "it accepts connections again (enables M-6)")
    p.add_argument("--only", help="comma-separated item ids, e.g. F-3,M-2")
    p.add_argument("--json", action="store_true", help="print the outcomes as JSON")
    p.add_argument("--schemas", default=DEFAULT_SCHEMA_DIR, help="directory of the v1 JSON Schemas")
    args = p.parse_args(argv)
    if len(args.account) != 2:
        p.error("give --account exactly twice")
    return args


def item_key(item):
    prefix, _, number = item.partition("-")
    return "FSEMALPT".index(prefix), int(number)


def ordered_checks(only):
    ordered = sorted(REGISTRY, key=lambda c: item_key(c[0]))
    checks = [c for c in ordered if c[0] not in LAST] + [c for i in LAST for c in ordered if c[0] == i]
    if only:
        wanted = {x.strip() for x in only.split(",") if x.strip()}
        unknown = wanted - {c[0] for c in checks}
        if unknown:
            raise SystemExit(f"unknown item(s): {', '.join(sorted(unknown))}")
        checks = [c for c in checks if c[0] in wanted]
    return checks


def print_outcome(outcome):
    mark = {"pass": "PASS", "fail": "FAIL", "skip": "SKIP"}[outcome.status]
    line = f"{mark} {outcome.item:<5} {outcome.title} ({outcome.seconds:.1f} s)"
    if outcome.detail:
        line += "\n      " + outcome.detail.replace("\n", "\n      ")
    for note in outcome.notes:
        line += "\n      note: " + note
    print(line, flush=True)


async def main(args):
    ctx = Context(args, FrameChecker(args.schemas))
    checks = ordered_checks(args.only)
    started = time.monotonic()
    outcomes = []
    try:
        await asyncio.wait_for(ctx.setup(), 60)
    except (Fail, asyncio.TimeoutError) as e:
        await ctx.close_all()
        outcomes = [Outcome(item, title, "fail", f"setup failed: {e}", 0, []) for item, title, _, _ in checks]
    else:
        if not args.json:
            print(f"server {ctx.url}, space {ctx.space}, run {ctx.run_id}", flush=True)
        for item, title, function, timeout in checks:
            outcome = await run_one(ctx, item, title, function, timeout)
            outcomes.append(outcome)
            if not args.json:
                print_outcome(outcome)
    elapsed = time.monotonic() - started
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("pass", "fail", "skip")}
    if args.json:
        print(json.dumps({"url": ctx.url, "space": ctx.space, "seconds": round(elapsed, 1), "counts": counts,
                          "outcomes": [o.as_json() for o in outcomes]}, ensure_ascii=False, indent=1))
    else:
        if outcomes and outcomes[0].detail.startswith("setup failed"):
            print(f"FAIL setup: {outcomes[0].detail}")
        print(f"{len(outcomes)} items: {counts['pass']} passed, {counts['fail']} failed, "
              f"{counts['skip']} skipped in {elapsed:.1f} s")
    return 1 if counts["fail"] or not outcomes else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse_args(sys.argv[1:]))))
