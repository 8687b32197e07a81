"""Framing: F-1 … F-8 (docs/protocol.md sections 2 and 9.4)."""
import asyncio
import time

from .context import expect_error, expect_fatal
from .errors import Fail, expect
from .runner import check


@check("F-1", "every server frame is valid, within max_frame_bytes and max_json_depth, rid echoed")
async def f1_valid_frames(ctx, note):
    if not ctx.violations:
        return
    lines = [f"[{item} {label}] {problem}" + (f"\n        frame: {text}" if text else "")
             for item, label, problem, text in ctx.violations[:12]]
    more = len(ctx.violations) - 12
    raise Fail(f"{len(ctx.violations)} problem(s) in frames the server sent:\n  " + "\n  ".join(lines) +
               (f"\n  … and {more} more" if more > 0 else ""))


@check("F-2", "the handshake selects subprotocol tandem")
async def f2_subprotocol(ctx, note):
    conn = await ctx.connect("F-2")
    expect(conn.ws.subprotocol == "tandem",
           f"Sec-WebSocket-Protocol selected {conn.ws.subprotocol!r}, expected 'tandem' (section 2.1)")


@check("F-3", "malformed JSON, an array, no type, binary: bad_frame, fatal, close 4000")
async def f3_bad_frames(ctx, note):
    cases = [("malformed JSON", '{"type": "ping", "rid": '),
             ("a JSON array", '[{"type": "ping", "rid": "f3"}]'),
             ("an object without type", '{"rid": "f3"}'),
             ("a binary message", b'{"type": "ping", "rid": "f3"}')]
    failures = []
    for what, data in cases:
        conn = await ctx.connect(f"F-3 {what}")
        conn.pending.add("f3")
        await conn.send_raw(data)
        try:
            await expect_fatal(conn, "bad_frame", 4000, what)
        except Fail as e:
            failures.append(str(e))
    if failures:
        raise Fail("; ".join(failures))


@check("F-4", "a frame larger than max_frame_bytes gets close 1009")
async def f4_frame_too_big(ctx, note):
    conn = await ctx.ready("A", [], label="F-4")
    limit = conn.max_frame_bytes
    head, tail = '{"type":"x_conformance_padding","rid":"f4","pad":"', '"}'
    data = head + "a" * (limit + 1 - len(head) - len(tail)) + tail
    conn.pending.add("f4")
    await conn.send_raw(data)
    await expect_fatal(conn, "frame_too_big", 1009, f"a {limit + 1}-byte frame", timeout=15, need_error=False)


@check("F-5", "a frame nested deeper than max_json_depth gets bad_frame, close 4000")
async def f5_too_deep(ctx, note):
    conn = await ctx.ready("A", [], label="F-5")
    depth = conn.max_json_depth

    def nested(total):  # the frame object is depth 1; each array adds one
        inner = total - 1
        return '{"type":"x_conformance_probe","rid":"f5-%d","x":%s%s}' % (total, "[" * inner, "]" * inner)

    # At exactly the limit the frame is merely of an unknown type, which shows that depth is what fails next.
    conn.pending.update({f"f5-{depth}", f"f5-{depth + 1}"})  # raw frames: register the rids they carry
    await conn.send_raw(nested(depth))
    answer = await conn.wait(lambda f: f.get("type") == "error", 10, f"answer to a frame of depth {depth}")
    expect_error(answer, "unknown_frame_type", f"an unknown frame type at depth {depth} (= max_json_depth)",
                 fatal=False)
    await conn.send_raw(nested(depth + 1))
    await expect_fatal(conn, "bad_frame", 4000, f"a frame of depth {depth + 1}")


@check("F-6", "an unknown frame type gets unknown_frame_type, not fatal; the connection keeps working")
async def f6_unknown_type(ctx, note):
    conn = await ctx.ready("A", [], label="F-6")
    answer = await conn.request({"type": "x_conformance_unknown", "rid": "f6-unknown"})
    expect_error(answer, "unknown_frame_type", "frame type x_conformance_unknown", fatal=False)
    pong = await conn.request({"type": "ping"})
    expect(pong.get("type") == "pong", f"ping after unknown_frame_type answered {pong}")


@check("F-7", "mutate before welcome, and a second hello, get unexpected_frame, close 4000")
async def f7_unexpected(ctx, note):
    failures = []
    conn = await ctx.connect("F-7 mutate before welcome")
    mutation = ctx.mutation("receipt.mark", {"conversation_id": "c_conformance", "up_to_cseq": 1})
    await conn.send(dict({"type": "mutate", "rid": "f7-mutate"}, **mutation))
    try:
        await expect_fatal(conn, "unexpected_frame", 4000, "mutate before welcome")
    except Fail as e:
        failures.append(str(e))
    conn = await ctx.ready("A", [], label="F-7 second hello")
    session = conn.session
    await conn.send({"type": "hello", "rid": "f7-hello", "versions": [1], "token": session.token,
                     "device_id": session.device_id, "client": ctx.client_info, "spaces": []})
    try:
        await expect_fatal(conn, "unexpected_frame", 4000, "a second hello")
    except Fail as e:
        failures.append(str(e))
    if failures:
        raise Fail("; ".join(failures))


@check("F-8", "no hello within idle_timeout_ms gets close 4002", timeout=1000)
async def f8_no_hello(ctx, note):
    idle = ctx.limits["idle_timeout_ms"] / 1000.0
    conn = await ctx.connect("F-8")  # answers the server's pings, but never sends hello
    started = time.monotonic()
    await expect_fatal(conn, "idle_timeout", 4002, "no hello", timeout=idle * 1.5 + 2, need_error=False)
    elapsed = time.monotonic() - started
    note(f"closed {elapsed:.1f} s after the handshake (idle_timeout_ms {idle * 1000:.0f})")
    expect(elapsed >= idle * 0.8 - 0.2, f"closed after {elapsed:.1f} s, before idle_timeout_ms {idle * 1000:.0f}")
    await asyncio.sleep(0)
