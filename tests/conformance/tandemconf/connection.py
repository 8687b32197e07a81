"""One WebSocket to the server under test, seen from a strict client.

Every text message the server sends is parsed and checked (schema, size, depth, rid echo) before a check
sees it; problems are reported to the context as F-1 violations. The reader answers server pings, tracks
pushed events per space (and whether they arrive in increasing seq order), honours slow_down for its own
sends, and can acknowledge pushed events automatically.
"""
import asyncio
import json
import time

import websockets
from websockets.frames import Frame, Opcode

from .errors import Fail

# Frames that answer a request and so must echo its rid (section 2.4).
ANSWER_TYPES = {"login_result", "welcome", "snapshot_page", "history_page", "result", "upload_state",
                "download_chunk", "pong"}
REQUEST_SCOPE = {"fetch", "snapshot", "history", "upload_begin", "upload_chunk", "download"}
DEFAULT_MAX_FRAME = 1048576
DEFAULT_MAX_DEPTH = 32


def dumps(frame):
    return json.dumps(frame, ensure_ascii=False, separators=(",", ":"))


def excerpt(value, limit=400):
    text = value if isinstance(value, str) else dumps(value)
    return text if len(text) <= limit else text[:limit] + f"…({len(text)} chars)"


class Conn:
    def __init__(self, ctx, label):
        self.ctx = ctx
        self.label = label
        self.ws = None
        self.inbox = []  # frames not yet taken by a check (pushed events frames excluded)
        self.log = []  # every frame received, in order, with its monotonic arrival time
        self.pending = set()  # rids of our requests still unanswered
        self.pushed = {}  # space_id -> [event] in arrival order (pushed frames only)
        self.pushed_frames = []
        self.order_problems = []
        self.server_pings = []  # monotonic arrival times
        self.auto_pong = True
        self.auto_ack = True
        self.acked = {}
        self.limits = None
        self.welcome = None
        self.slow_until = {"mutations": 0.0, "requests": 0.0}
        self.slow_downs = []
        self.close_code = None
        self.close_reason = None
        self.closed = asyncio.Event()
        self.last_sent_at = time.monotonic()
        self._cond = asyncio.Condition()
        self._reader = None

    # ---- connection --------------------------------------------------------------------------

    async def open(self):
        try:
            self.ws = await websockets.connect(
                self.ctx.url, subprotocols=["tandem"], compression=None, ping_interval=None,
                max_size=64 * 1024 * 1024, open_timeout=10, close_timeout=2)
        except Exception as e:  # noqa: BLE001 - any failure to connect fails the check
            raise Fail(f"{self.label}: cannot connect to {self.ctx.url}: {e}") from e
        if self.ws.subprotocol != "tandem":
            self.ctx.violation(self.label, f"handshake selected subprotocol {self.ws.subprotocol!r}, not 'tandem'",
                               None)
        self._reader = asyncio.ensure_future(self._read())
        return self

    async def close(self):
        if self.ws is not None and not self.closed.is_set():
            try:
                await asyncio.wait_for(self.ws.close(), 3)
            except Exception:  # noqa: BLE001
                pass
        if self._reader is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._reader), 3)
            except Exception:  # noqa: BLE001
                self._reader.cancel()

    def drop(self):
        """Drops the TCP connection without a close handshake (a client losing its network)."""
        if self.ws is not None and self.ws.transport is not None:
            self.ws.transport.abort()

    @property
    def max_frame_bytes(self):
        return self.limits["max_frame_bytes"] if self.limits else DEFAULT_MAX_FRAME

    @property
    def max_json_depth(self):
        return self.limits["max_json_depth"] if self.limits else DEFAULT_MAX_DEPTH

    # ---- reading -----------------------------------------------------------------------------

    async def _read(self):
        try:
            while True:
                message = await self.ws.recv()
                await self._receive(message)
        except websockets.exceptions.ConnectionClosed:
            pass
        except Exception as e:  # noqa: BLE001
            self.ctx.violation(self.label, f"reader failed: {e!r}", None)
        finally:
            self.close_code = self.ws.close_code
            self.close_reason = self.ws.close_reason
            self.closed.set()
            async with self._cond:
                self._cond.notify_all()

    async def _receive(self, message):
        now = time.monotonic()
        if isinstance(message, bytes):
            self.ctx.violation(self.label, "server sent a binary message (section 2.2)", repr(message[:64]))
            return
        frame, problems = self.ctx.checker.parse(message, self.max_frame_bytes, self.max_json_depth)
        for problem in problems:
            self.ctx.violation(self.label, problem, message)
        if frame is None:
            return
        self.log.append((now, frame))
        ftype = frame.get("type")
        rid = frame.get("rid")
        is_answer = ftype in ANSWER_TYPES or (ftype in ("events", "error") and rid is not None)
        if is_answer:
            if rid in self.pending:
                self.pending.discard(rid)
            elif ftype == "error" and rid is not None:
                self.ctx.violation(self.label, f"error frame with rid {rid!r} that names no outstanding request",
                                   message)
            elif rid is not None:
                self.ctx.violation(self.label, f"{ftype} with rid {rid!r} that names no outstanding request",
                                   message)
        if ftype == "welcome" and isinstance(frame.get("limits"), dict):
            self.limits = frame["limits"]
            self.welcome = frame
        if ftype == "ping":
            self.server_pings.append(now)
            if self.auto_pong and isinstance(rid, str):
                await self.send({"type": "pong", "rid": rid, "time": int(time.time() * 1000)})
            return
        if ftype == "slow_down":
            self.slow_downs.append((now, frame))
            for scope in frame.get("scope", []):
                if scope in self.slow_until:
                    self.slow_until[scope] = now + frame.get("delay_ms", 0) / 1000.0
        if ftype == "events" and rid is None:
            self.pushed_frames.append(frame)
            space = frame.get("space_id")
            events = self.pushed.setdefault(space, [])
            for ev in frame.get("events", []):
                if events and isinstance(ev.get("seq"), int) and ev["seq"] <= events[-1].get("seq", 0):
                    self.order_problems.append(
                        f"pushed seq {ev['seq']} after {events[-1].get('seq')} in space {space}")
                events.append(ev)
            if self.auto_ack and events:
                await self.ack(space, events[-1]["seq"])
        else:
            self.inbox.append(frame)
        async with self._cond:
            self._cond.notify_all()

    async def wait(self, pred, timeout, what):
        """Takes the first frame of the inbox that satisfies pred, waiting up to timeout seconds."""
        found = []

        def scan():
            for i, frame in enumerate(self.inbox):
                if pred(frame):
                    found.append(self.inbox.pop(i))
                    return True
            return self.closed.is_set()

        async with self._cond:
            try:
                await asyncio.wait_for(self._cond.wait_for(scan), timeout)
            except asyncio.TimeoutError:
                raise Fail(f"{self.label}: no {what} within {timeout:g} s"
                           f"{self._inbox_note()}") from None
        if found:
            return found[0]
        raise Fail(f"{self.label}: connection closed (code {self.close_code}, reason "
                   f"{self.close_reason!r}) while waiting for {what}{self._inbox_note()}")

    async def wait_pushed(self, space, pred, timeout, what, since=0, count=1):
        """Waits until at least count pushed events after index since satisfy pred; returns them all."""
        def matches():
            return [ev for ev in self.pushed.get(space, [])[since:] if pred(ev)]

        async with self._cond:
            try:
                await asyncio.wait_for(
                    self._cond.wait_for(lambda: len(matches()) >= count or self.closed.is_set()), timeout)
            except asyncio.TimeoutError:
                pass
        got = matches()
        if len(got) < count:
            state = f"closed with {self.close_code}" if self.closed.is_set() else "open"
            raise Fail(f"{self.label}: {what} not pushed within {timeout:g} s (connection {state}; pushed "
                       f"after the mark: {[(e.get('seq'), e.get('kind')) for e in self.pushed.get(space, [])[since:]][:12]})")
        return got

    def mark(self, space):
        return len(self.pushed.get(space, []))

    async def quiet(self, seconds):
        """Lets frames arrive for a while (to observe that nothing more comes)."""
        await asyncio.sleep(seconds)

    async def wait_closed(self, timeout, what="the server to close the connection"):
        try:
            await asyncio.wait_for(self.closed.wait(), timeout)
        except asyncio.TimeoutError:
            raise Fail(f"{self.label}: {what}: still open after {timeout:g} s{self._inbox_note()}") from None
        return self.close_code, self.close_reason

    def _inbox_note(self):
        if not self.inbox:
            return ""
        return "; unclaimed frames: " + "; ".join(excerpt(f, 200) for f in self.inbox[-4:])

    # ---- writing -----------------------------------------------------------------------------

    async def send(self, frame):
        ftype = frame.get("type")
        scope = "mutations" if ftype == "mutate" else "requests" if ftype in REQUEST_SCOPE else None
        if scope is not None:
            delay = self.slow_until[scope] - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay + 0.01)
        if "rid" in frame and ftype != "pong":
            # Any frame we send with a rid may be answered with it (an unknown type gets its error).
            self.pending.add(frame["rid"])
        await self.send_raw(dumps(frame))

    async def send_raw(self, data):
        self.last_sent_at = time.monotonic()
        try:
            await self.ws.send(data)
        except websockets.exceptions.ConnectionClosed:
            pass

    def send_burst(self, frames):
        """Writes several frames with one socket write, so that they reach the server together (flow checks)."""
        data = b""
        for frame in frames:
            if "rid" in frame:
                self.pending.add(frame["rid"])
            data += Frame(Opcode.TEXT, dumps(frame).encode()).serialize(mask=True, extensions=[])
        self.last_sent_at = time.monotonic()
        self.ws.transport.write(data)

    async def request(self, frame, timeout=10, what=None):
        frame = dict(frame)
        frame.setdefault("rid", self.ctx.rid())
        await self.send(frame)
        rid = frame["rid"]
        try:
            return await self.wait(lambda f: f.get("rid") == rid, timeout,
                                   what or f"answer to {frame['type']} {rid}")
        except Fail:
            # A fatal error that forgot the rid still explains the close: use it, and report the rid (F-1).
            orphan = next((f for f in self.inbox if f.get("type") == "error" and "rid" not in f), None)
            if orphan is None or not self.closed.is_set():
                raise
            self.inbox.remove(orphan)
            self.ctx.violation(self.label, f"error {orphan.get('code')} answering {frame['type']} {rid} does not "
                                           f"echo its rid (sections 2.2, 2.4)", orphan)
            return orphan

    async def ack(self, space, seq):
        if seq >= 1 and seq > self.acked.get(space, 0):
            self.acked[space] = seq
            await self.send({"type": "ack", "space_id": space, "seq": seq})

    # ---- protocol helpers --------------------------------------------------------------------

    async def login(self, user_name, password, device_id=None, device_name=None):
        device = {"name": device_name or f"conformance {self.ctx.run_id}", "platform": "cli"}
        if device_id is not None:
            device["id"] = device_id
        return await self.request({"type": "login", "user_name": user_name, "password": password,
                                   "device": device, "client": self.ctx.client_info})

    async def hello(self, token, device_id, spaces, versions=(1,), timeout=10, features=None):
        frame = {"type": "hello", "versions": list(versions), "token": token, "device_id": device_id,
                 "client": self.ctx.client_info, "spaces": spaces}
        if features is not None:
            frame["features"] = list(features)
        return await self.request(frame, timeout)

    async def send_mutation(self, mutation, timeout=10):
        """Sends one mutation (space_id, mutation_id, kind, created_at, payload) and returns its result."""
        frame = {"type": "mutate", "rid": self.ctx.rid()}
        frame.update(mutation)
        return await self.request(frame, timeout, f"result of {mutation['kind']} {mutation['mutation_id']}")

    async def fetch(self, space, epoch, after, limit=None, timeout=10):
        frame = {"type": "fetch", "space_id": space, "epoch": epoch, "after": after}
        if limit is not None:
            frame["limit"] = limit
        return await self.request(frame, timeout)

    async def fetch_all(self, space, epoch, after, timeout=20):
        """Every event after `after` up to the head, checked to be gapless; raises Fail otherwise."""
        events = []
        deadline = time.monotonic() + timeout
        while True:
            answer = await self.fetch(space, epoch, after, timeout=max(1, deadline - time.monotonic()))
            if answer.get("type") != "events":
                raise Fail(f"{self.label}: fetch after {after} answered {excerpt(answer)}")
            batch = answer.get("events", [])
            for i, ev in enumerate(batch):
                if ev.get("seq") != after + 1 + i:
                    raise Fail(f"{self.label}: fetch after {after} returned seq {ev.get('seq')} at position {i}")
            events.extend(batch)
            if not answer.get("has_more"):
                return events, answer
            if not batch:
                raise Fail(f"{self.label}: fetch after {after} answered no events but has_more true")
            after = batch[-1]["seq"]

    async def snapshot_all(self, space, messages_per_conversation=None, timeout=30):
        """Every page of one snapshot. Returns (pages, records)."""
        pages, records, token = [], [], None
        deadline = time.monotonic() + timeout
        while True:
            frame = {"type": "snapshot", "space_id": space}
            if token is None and messages_per_conversation is not None:
                frame["messages_per_conversation"] = messages_per_conversation
            if token is not None:
                frame["page_token"] = token
            page = await self.request(frame, max(1, deadline - time.monotonic()))
            if page.get("type") != "snapshot_page":
                raise Fail(f"{self.label}: snapshot answered {excerpt(page)}")
            pages.append(page)
            records.extend(page.get("records", []))
            token = page.get("next_page_token")
            if token is None:
                return pages, records
            if len(pages) > 10000:
                raise Fail(f"{self.label}: more than 10000 snapshot pages")
