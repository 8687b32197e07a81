"""Registers the checks by item id and runs them one after another, each with its own connections."""
import asyncio
import time
import traceback

from .errors import Fail, Skip

REGISTRY = []  # (item, title, function, timeout)


def check(item, title, timeout=60):
    def register(function):
        REGISTRY.append((item, title, function, timeout))
        return function
    return register


class Outcome:
    def __init__(self, item, title, status, detail, seconds, notes):
        self.item = item
        self.title = title
        self.status = status
        self.detail = detail
        self.seconds = seconds
        self.notes = notes

    def as_json(self):
        return {"item": self.item, "title": self.title, "status": self.status, "detail": self.detail,
                "seconds": round(self.seconds, 2), "notes": self.notes}


class Notes:
    """What a check wants to say besides pass or fail (sub-cases it could not provoke, measurements)."""

    def __init__(self):
        self.lines = []

    def __call__(self, text):
        self.lines.append(text)


async def run_one(ctx, item, title, function, timeout):
    ctx.current = item
    notes = Notes()
    before = len(ctx.violations)
    started = time.monotonic()
    try:
        await asyncio.wait_for(function(ctx, notes), timeout)
        status, detail = "pass", ""
    except Skip as e:
        status, detail = "skip", str(e)
    except Fail as e:
        status, detail = "fail", str(e)
    except asyncio.TimeoutError:
        status, detail = "fail", f"the check did not finish within {timeout} s"
    except Exception as e:  # noqa: BLE001 - a crash in a check is reported, not fatal to the run
        status, detail = "fail", f"check crashed: {e!r}\n{traceback.format_exc(limit=4)}"
    finally:
        await ctx.close_all()
    seen = len(ctx.violations) - before
    if seen:
        notes(f"{seen} invalid server frame(s) during this check: see F-1")
    return Outcome(item, title, status, detail, time.monotonic() - started, notes.lines)
