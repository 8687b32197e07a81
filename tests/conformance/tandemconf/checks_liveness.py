"""Flow control and liveness: L-1 … L-5 (docs/protocol.md section 9)."""
import asyncio
import time

from .connection import dumps, excerpt
from .context import expect_fatal, new_uuid
from .errors import Fail, Skip, expect
from .runner import check


@check("L-1", "the server answers ping with pong and the same rid")
async def l1_ping(ctx, note):
    conn = await ctx.connect("L-1 before login")
    pong = await conn.request({"type": "ping", "rid": "l1-open", "time": int(time.time() * 1000)})
    expect(pong.get("type") == "pong", f"ping in state open answered {excerpt(pong)}")
    conn = await ctx.ready("A", [], label="L-1 ready")
    pong = await conn.request({"type": "ping", "rid": "l1-ready"})
    expect(pong.get("type") == "pong", f"ping in state ready answered {excerpt(pong)}")
    if "time" not in pong:
        note("the server's pong carries no time (SHOULD, section 9.3)")


@check("L-2", "the server sends ping when idle for ping_interval_ms (± 20 %)", timeout=1000)
async def l2_server_ping(ctx, note):
    interval = ctx.limits["ping_interval_ms"] / 1000.0
    conn = await ctx.ready("A", [], label="L-2")  # syncs no space, so nothing else is pushed
    welcomed = conn.log[-1][0]
    deadline = time.monotonic() + 2 * interval * 1.2 + 2
    while len(conn.server_pings) < 2 and time.monotonic() < deadline and not conn.closed.is_set():
        await asyncio.sleep(0.05)
    expect(len(conn.server_pings) >= 2,
           f"{len(conn.server_pings)} server ping(s) in {2 * interval * 1.2 + 2:.1f} s of silence "
           f"(ping_interval_ms {interval * 1000:.0f})")
    gaps = [conn.server_pings[0] - welcomed, conn.server_pings[1] - conn.server_pings[0]]
    note("gaps between the server's frames: " + ", ".join(f"{g:.2f} s" for g in gaps))
    for gap in gaps:
        expect(interval * 0.8 - 0.05 <= gap <= interval * 1.2 + 0.1,
               f"the server pinged after {gap:.2f} s of its own silence; ping_interval_ms is {interval * 1000:.0f}")


@check("L-3", "a client that sends nothing for idle_timeout_ms is closed (4002)", timeout=1000)
async def l3_idle(ctx, note):
    idle = ctx.limits["idle_timeout_ms"] / 1000.0
    conn = await ctx.ready("A", [], label="L-3")
    conn.auto_pong = False
    started = time.monotonic()
    await expect_fatal(conn, "idle_timeout", 4002, "a silent client", timeout=idle * 1.5 + 2, need_error=False)
    elapsed = time.monotonic() - started
    note(f"closed after {elapsed:.1f} s of silence (idle_timeout_ms {idle * 1000:.0f})")
    expect(elapsed >= idle * 0.8 - 0.2, f"closed after {elapsed:.1f} s, before idle_timeout_ms {idle * 1000:.0f}")


@check("L-4", "a client that keeps sending mutations after slow_down is closed with 4003", timeout=90)
async def l4_slow_down(ctx, note):
    alice = await ctx.live("A")
    conv = await ctx.create_conversation(alice, [await ctx.third_user()])
    in_flight_cap = max(1, alice.limits["max_mutations_in_flight"] - 1)
    sent = []

    async def send_raw():
        # Bypasses Conn.send's honouring of slow_down: this client is deliberately rude.
        frame = dict({"type": "mutate", "rid": ctx.rid()}, **ctx.mutation("message.send", {
            "message_id": new_uuid(), "conversation_id": conv, "body": f"flood {len(sent)}", "format": "plain"}))
        alice.pending.add(frame["rid"])
        sent.append(frame["rid"])
        await alice.send_raw(dumps(frame))

    started = time.monotonic()
    while not alice.slow_downs and time.monotonic() - started < 15 and len(sent) < 2000:
        if alice.closed.is_set():
            raise Fail(f"closed with {alice.close_code} before any slow_down, after {len(sent)} mutations")
        while len([r for r in sent if r in alice.pending]) >= in_flight_cap:
            await asyncio.sleep(0.002)
        await send_raw()
    if not alice.slow_downs:
        raise Skip(f"no slow_down after {len(sent)} mutations in {time.monotonic() - started:.1f} s")
    _, frame = alice.slow_downs[0]
    note(f"slow_down after {len(sent)} mutations: {excerpt(frame)}")
    expect("mutations" in frame["scope"], f"slow_down scope {frame['scope']} lacks mutations")
    for _ in range(200):
        if alice.closed.is_set():
            break
        while len([r for r in sent if r in alice.pending]) >= in_flight_cap and not alice.closed.is_set():
            await asyncio.sleep(0.002)
        await send_raw()
        await asyncio.sleep(0.005)
    await expect_fatal(alice, "rate_limited", 4003, "mutations sent during slow_down", need_error=False)


@check("L-5", "more unanswered requests than max_requests_in_flight get too_many_in_flight, close 4003")
async def l5_requests_in_flight(ctx, note):
    alice = await ctx.live("A")
    conv = await ctx.create_conversation(alice, [await ctx.third_user()])
    limit = alice.limits["max_requests_in_flight"]
    frames = [{"type": "history", "rid": ctx.rid(), "space_id": ctx.space, "conversation_id": conv}
              for _ in range(2 * limit + 4)]
    alice.send_burst(frames)
    try:
        await expect_fatal(alice, "too_many_in_flight", 4003, f"{len(frames)} history requests sent at once", 10)
    except Fail as e:
        answered = sum(1 for _, f in alice.log if f.get("type") == "history_page")
        raise Fail(f"{e} (the server answered {answered} of {len(frames)}; limit {limit})") from None
    error = next(f for _, f in alice.log if f.get("code") == "too_many_in_flight")
    expect(error.get("details", {}).get("limit") == "max_requests_in_flight",
           f"too_many_in_flight details: {error.get('details')}")
