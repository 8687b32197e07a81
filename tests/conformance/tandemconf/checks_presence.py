"""Presence: P-1 … P-3 (docs/protocol.md sections 6.1 and 6.6), when the server announces `presence`."""
from .connection import excerpt
from .context import expect_applied
from .errors import Fail, Skip, expect
from .runner import check

QUIET_S = 0.7  # how long "nothing more comes" is watched


def require_presence(ctx):
    if "presence" not in ctx.features:
        raise Skip("the server does not announce feature presence")


def about(user_id, status=None):
    def pred(event):
        if event.get("kind") != "presence.updated":
            return False
        record = event.get("data", {}).get("presence", {})
        return record.get("user_id") == user_id and (status is None or status(record.get("status")))
    return pred


def presence_events(conn, space, user_id, since):
    return [e for e in conn.pushed.get(space, [])[since:] if about(user_id)(e)]


async def shared_conversation(ctx, conn, other_id, what):
    """A group of conn's account and other_id, so that each may see the other's presence."""
    return await ctx.create_conversation(conn, [other_id], name=ctx.name(what))


@check("P-1", "presence follows connections: online with the first, nothing for a second, offline after the last")
async def p1_connections(ctx, note):
    require_presence(ctx)
    space, bob_id = ctx.space, ctx.user_id("B")
    alice = await ctx.live("A")
    await shared_conversation(ctx, alice, bob_id, "presence P-1")
    await alice.quiet(QUIET_S)  # earlier checks' connections of B finish closing

    mark = alice.mark(space)
    first = await ctx.ready("B", [], label="B0:first")
    online = await alice.wait_pushed(space, about(bob_id, lambda s: s != "offline"), 5,
                                     "presence.updated of B, not offline, after B's first connection", since=mark)
    leaked = [e for e in online if "mutation_id" in e]
    expect(not leaked, f"B's presence in A's stream carries a mutation_id: {excerpt(leaked[0]) if leaked else ''}")

    mark = alice.mark(space)
    second = await ctx.ready("B", [], dev=1, label="B1:second")
    await alice.quiet(QUIET_S)
    extra = presence_events(alice, space, bob_id, mark)
    expect(not extra, f"a second connection of B changed B's presence: {excerpt(extra)}")
    await second.close()
    await alice.quiet(QUIET_S)
    extra = presence_events(alice, space, bob_id, mark)
    expect(not extra, f"closing one of B's two connections changed B's presence: {excerpt(extra)}")

    await first.close()
    gone = await alice.wait_pushed(space, about(bob_id), 5, "presence.updated of B after B's last connection closed",
                                   since=mark)
    record = gone[-1]["data"]["presence"]
    expect(record["status"] == "offline", f"after B's last connection closed, B's presence is {excerpt(record)}")
    expect("text" not in record and "off_until" not in record,
           f"an offline record still shows what B chose: {excerpt(record)}")


@check("P-2", "presence never reaches an account that may not see the user")
async def p2_visibility(ctx, note):
    require_presence(ctx)
    space, bob_id = ctx.space, ctx.user_id("B")
    outsider = await ctx.session("O")
    alice = await ctx.live("A")
    await shared_conversation(ctx, alice, bob_id, "presence P-2")
    await alice.quiet(QUIET_S)
    mark = alice.mark(space)
    own = [{"space_id": s["id"]} for s in outsider.spaces if s["id"] != space][:4]
    oscar = await ctx.ready("O", own, label="O:connects")
    bob = await ctx.ready("B", [], label="B:control")  # the positive control: B is announced
    await alice.wait_pushed(space, about(bob_id), 5, "presence.updated of B (the control)", since=mark)
    await alice.quiet(QUIET_S)
    leaked = presence_events(alice, space, outsider.user_id, mark)
    expect(not leaked, f"A, who may not see the outsider, was pushed the outsider's presence: {excerpt(leaked)}")
    await oscar.close()
    await bob.close()
    await alice.quiet(QUIET_S)
    leaked = presence_events(alice, space, outsider.user_id, mark)
    expect(not leaked, f"A was pushed the outsider's presence when it left: {excerpt(leaked)}")

    # A's snapshot: presence records only of users the snapshot shows.
    snap = await ctx.ready("A", [{"space_id": space}], dev=1, label="A1:snapshot")
    _, records = await snap.snapshot_all(space, 0)
    users = {r["data"]["id"] for r in records if r.get("entity") == "user"}
    presence = [r["data"] for r in records if r.get("entity") == "presence"]
    strangers = [p for p in presence if p["user_id"] not in users]
    expect(not strangers, f"A's snapshot holds presence of users it does not show: {excerpt(strangers)}")
    expect(all(p["user_id"] != outsider.user_id for p in presence), "A's snapshot holds the outsider's presence")
    note(f"A's snapshot holds {len(presence)} presence record(s)")


@check("P-3", "presence.set away: both streams, survives a reconnect, offline after the last connection, no-op again")
async def p3_chosen_status(ctx, note):
    require_presence(ctx)
    space, alice_id, bob_id = ctx.space, ctx.user_id("A"), ctx.user_id("B")
    bob = await ctx.live("B")
    alice = await ctx.live("A")
    await shared_conversation(ctx, alice, bob_id, "presence P-3")
    text = ctx.name("in a meeting")
    payload = {"status": "away", "text": text}
    bob_mark = bob.mark(space)
    mutation = ctx.mutation("presence.set", payload)
    result = expect_applied(await alice.send_mutation(mutation), "presence.set away")
    if "seq" not in result:
        # A was away already (a previous run against the same server): set it back, then again.
        expect_applied(await alice.send_mutation(ctx.mutation("presence.set", {"status": "online"})), "online")
        bob_mark = bob.mark(space)
        mutation = ctx.mutation("presence.set", payload)
        result = expect_applied(await alice.send_mutation(mutation), "presence.set away")
        expect("seq" in result, f"presence.set away after online changed nothing: {excerpt(result)}")
    mine = await alice.wait_pushed(space, lambda e: e.get("mutation_id") == mutation["mutation_id"], 5,
                                   "presence.updated with the mutation_id in A's stream")
    record = mine[0]["data"].get("presence", {})
    expect(mine[0]["kind"] == "presence.updated" and record.get("status") == "away" and record.get("text") == text,
           f"A's own event for presence.set away is {excerpt(mine[0])}")
    theirs = await bob.wait_pushed(space, about(alice_id, lambda s: s == "away"), 5,
                                   "A's away in B's stream", since=bob_mark)
    expect("mutation_id" not in theirs[0], f"B's copy carries A's mutation_id: {excerpt(theirs[0])}")

    again = expect_applied(await alice.send_mutation(ctx.mutation("presence.set", payload)), "presence.set again")
    expect("seq" not in again, f"the same presence.set again is not a no-op: {excerpt(again)}")

    # A reconnects: offline while gone, away again (not online) when back.
    bob_mark = bob.mark(space)
    await alice.close()
    await bob.wait_pushed(space, about(alice_id, lambda s: s == "offline"), 5, "A offline after A closed",
                          since=bob_mark)
    bob_mark = bob.mark(space)
    back = await ctx.live("A")
    came = await bob.wait_pushed(space, about(alice_id), 5, "A's presence after A came back", since=bob_mark)
    record = came[0]["data"]["presence"]
    expect(record["status"] == "away" and record.get("text") == text,
           f"after reconnecting, A's chosen away was replaced by {excerpt(record)}")
    bob_mark = bob.mark(space)
    expect_applied(await back.send_mutation(ctx.mutation("presence.set", {"status": "online"})),
                   "presence.set online (clean-up)")
    try:
        await bob.wait_pushed(space, about(alice_id, lambda s: s == "online"), 5, "A online again", since=bob_mark)
    except Fail as e:
        note(f"clean-up: {e}")
