"""Typing notices: T-1 … T-4 (docs/protocol.md section 6.7), when the server announces `typing`."""
import asyncio

from .connection import excerpt
from .context import new_uuid
from .errors import Skip, expect
from .runner import check

QUIET_S = 0.8  # how long "nothing comes" is watched
TYPING = ["typing"]


def require_typing(ctx):
    if "typing" not in ctx.features:
        raise Skip("the server does not announce feature typing")


def notices(conn, conversation_id=None):
    return [f for f in conn.inbox if f.get("type") == "typing"
            and (conversation_id is None or f.get("conversation_id") == conversation_id)]


def typing(ctx, conversation_id, space=None):
    return {"type": "typing", "space_id": space or ctx.space, "conversation_id": conversation_id}


async def still_works(conn, what):
    pong = await conn.request({"type": "ping"}, 5)
    expect(pong.get("type") == "pong", f"after {what} the connection no longer answers ping: {excerpt(pong)}")
    errors = [f for f in conn.inbox if f.get("type") == "error"]
    expect(not errors, f"{what} was answered with an error frame: {excerpt(errors)}")


async def head(conn):
    answer = await conn.fetch(conn.space, conn.epoch, conn.start)
    expect(answer.get("type") == "events", f"fetch answered {excerpt(answer)}")
    return answer["head_seq"]


@check("T-1", "a member's typing reaches another member with user_id and expires_in_ms; nothing is stored")
async def t1_relayed(ctx, note):
    require_typing(ctx)
    alice_id, bob_id = ctx.user_id("A"), ctx.user_id("B")
    alice = await ctx.live("A", features=TYPING)
    bob = await ctx.live("B", features=TYPING)
    conv = await ctx.create_conversation(alice, [bob_id], name=ctx.name("typing T-1"))
    await alice.quiet(0.3)
    heads = (await head(alice), await head(bob))
    await alice.send(typing(ctx, conv))
    got = await bob.wait(lambda f: f.get("type") == "typing" and f.get("conversation_id") == conv, 5,
                         "A's typing notice")
    expect(got.get("user_id") == alice_id and got.get("space_id") == ctx.space,
           f"the notice names {got.get('user_id')} in {got.get('space_id')}, expected {alice_id} in {ctx.space}")
    expires = got.get("expires_in_ms")
    expect(isinstance(expires, int) and 1000 <= expires <= 60000,
           f"expires_in_ms {expires!r} is not an integer in 1000–60000: {excerpt(got)}")
    expect("rid" not in got, f"a typing notice carries a rid: {excerpt(got)}")
    await alice.quiet(0.3)
    after = (await head(alice), await head(bob))
    expect(after == heads, f"typing appended events: stream heads (A, B) went from {heads} to {after}")
    await still_works(alice, "typing")


@check("T-2", "typing never reaches the sender's own connections, nor a connection that did not ask for it")
async def t2_not_echoed(ctx, note):
    require_typing(ctx)
    bob_id = ctx.user_id("B")
    alice = await ctx.live("A", features=TYPING)
    alice_other = await ctx.ready("A", [{"space_id": ctx.space}], dev=1, label="A1:other device", features=TYPING)
    bob = await ctx.live("B", features=TYPING)
    bob_plain = await ctx.ready("B", [{"space_id": ctx.space}], dev=1, label="B1:no typing feature")
    conv = await ctx.create_conversation(alice, [bob_id], name=ctx.name("typing T-2"))
    await alice.quiet(0.3)
    await alice.send(typing(ctx, conv))
    await bob.wait(lambda f: f.get("type") == "typing" and f.get("conversation_id") == conv, 5,
                   "A's typing notice (the control)")
    await alice.quiet(QUIET_S)
    for conn, who in [(alice, "the sending connection"), (alice_other, "the sender's other device"),
                      (bob_plain, "a connection whose hello did not announce typing")]:
        echoed = notices(conn, conv)
        expect(not echoed, f"{who} was sent the notice: {excerpt(echoed)}")


@check("T-3", "typing for an unknown conversation or one the sender is not in is dropped without an error")
async def t3_dropped(ctx, note):
    require_typing(ctx)
    third = await ctx.third_user()
    alice = await ctx.live("A", features=TYPING)
    bob = await ctx.live("B", features=TYPING)
    theirs = await ctx.create_conversation(bob, [third], name=ctx.name("typing T-3 without A"))
    await alice.quiet(0.3)
    unknown = f"conformance-{ctx.run_id}-{new_uuid()}"
    await alice.send(typing(ctx, unknown))
    await alice.send(typing(ctx, theirs))
    await alice.send(typing(ctx, theirs, space=f"conformance-{ctx.run_id}-no-such-space"))
    await alice.quiet(QUIET_S)
    relayed = notices(bob)
    expect(not relayed, f"B was sent a notice A had no right to send: {excerpt(relayed)}")
    await still_works(alice, "typing for an unknown conversation, one A is not in, and a space A does not sync")
    expect(not alice.closed.is_set(), "the server closed A's connection")


@check("T-4", "a burst of typing for one conversation is relayed once per 2 s and never closes the connection")
async def t4_rate_limited(ctx, note):
    require_typing(ctx)
    bob_id = ctx.user_id("B")
    alice = await ctx.live("A", features=TYPING)
    bob = await ctx.live("B", features=TYPING)
    conv = await ctx.create_conversation(alice, [bob_id], name=ctx.name("typing T-4"))
    await alice.quiet(0.3)
    alice.send_burst([typing(ctx, conv) for _ in range(10)])
    await bob.wait(lambda f: f.get("type") == "typing" and f.get("conversation_id") == conv, 5,
                   "the first notice of the burst")
    await bob.quiet(1.0)
    extra = notices(bob, conv)
    expect(not extra, f"a burst of 10 notices was relayed {1 + len(extra)} times within a second")
    await still_works(alice, "a burst of typing")
    await asyncio.sleep(1.2)  # the 2 s window since the first notice is over
    await alice.send(typing(ctx, conv))
    await bob.wait(lambda f: f.get("type") == "typing" and f.get("conversation_id") == conv, 5,
                   "a notice 2 s after the burst")
