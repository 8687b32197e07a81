"""M-7: each rejection code of section 7.1 that a client can provoke, for its cause."""
import asyncio

from .connection import excerpt
from .context import expect_applied, expect_rejected, new_uuid
from .errors import Fail, expect

WINDOW_LIMIT_MS = 5000  # longer edit or recall windows are not waited for


async def rejection_cases(ctx, note, cases):
    third = await ctx.third_user()
    alice_id, bob_id = ctx.user_id("A"), ctx.user_id("B")
    alice = await ctx.live("A")
    bob = await ctx.live("B")
    private = await ctx.create_conversation(alice, [third], name=ctx.name("private"))
    group = await ctx.create_conversation(alice, [bob_id, third], name=ctx.name("roles"))
    channel = await ctx.create_conversation(alice, [bob_id], kind="channel", name=ctx.name("channel"))
    channel_message, _ = await ctx.send_message(alice, channel)

    async def reject(conn, kind, payload, code, what):
        result = await conn.send_mutation(ctx.mutation(kind, payload))
        expect_rejected(result, code, what)
        return result

    # not_found: existence is never revealed to non-members.
    await cases.run("not_found non-member", reject(bob, "message.send", {
        "message_id": new_uuid(), "conversation_id": private, "body": "x", "format": "plain"}, "not_found",
        "a non-member sends into a conversation"))

    async def unknown_member():
        result = await reject(alice, "conversation.create", {
            "conversation_id": new_uuid(), "kind": "group", "member_ids": [f"u-nobody-{ctx.run_id}"],
            "name": "x"}, "not_found", "conversation.create with an unknown member")
        expect("field" in result.get("details", {}), f"not_found without details.field: {excerpt(result)}")
    await cases.run("not_found unknown member", unknown_member())

    # forbidden: the account sees the entity, its role does not allow the action.
    await cases.run("forbidden remove self", reject(alice, "member.remove", {
        "conversation_id": group, "user_id": alice_id}, "forbidden", "member.remove of oneself"))
    await cases.run("forbidden set_role", reject(bob, "member.set_role", {
        "conversation_id": group, "user_id": third, "role": "admin"}, "forbidden",
        "member.set_role by a plain member"))
    await cases.run("forbidden channel update", reject(bob, "conversation.update", {
        "conversation_id": channel, "topic": "x"}, "forbidden", "a channel member renames the channel"))
    await cases.run("forbidden channel pin", reject(bob, "pin.add", {
        "conversation_id": channel, "message_id": channel_message}, "forbidden", "a channel member pins"))

    # conversation_exists, and the direct conversation it names.
    async def direct():
        payload = {"conversation_id": new_uuid(), "kind": "direct", "member_ids": [bob_id]}
        first = await alice.send_mutation(ctx.mutation("conversation.create", payload))
        if first.get("status") == "applied":
            existing = payload["conversation_id"]
            again = await reject(alice, "conversation.create", dict(payload, conversation_id=new_uuid()),
                                 "conversation_exists", "a second direct conversation with the same user")
        else:
            again = expect_rejected(first, "conversation_exists", "a direct conversation that exists")
            existing = again.get("details", {}).get("conversation_id")
        expect(again.get("details", {}).get("conversation_id") == existing,
               f"conversation_exists details: {excerpt(again)}")
        await reject(alice, "conversation.update", {"conversation_id": existing, "name": "x"}, "forbidden",
                     "conversation.update of a direct conversation")
        await reject(alice, "conversation.leave", {"conversation_id": existing}, "forbidden",
                     "conversation.leave of a direct conversation")
    await cases.run("conversation_exists / direct", direct())

    # body_too_long
    limit = alice.limits["max_message_body_bytes"]
    await cases.run("body_too_long", reject(alice, "message.send", {
        "message_id": new_uuid(), "conversation_id": private, "body": "é" * (limit // 2 + 1), "format": "plain"},
        "body_too_long", f"a body of {2 * (limit // 2 + 1)} bytes (limit {limit})"))

    # message_deleted: edits, reactions, pins and thread replies on a deleted message.
    async def deleted():
        doomed, _ = await ctx.send_message(alice, group, "doomed")
        expect_applied(await alice.send_mutation(ctx.mutation("message.delete", {
            "conversation_id": group, "message_id": doomed})), "message.delete")
        m = {"conversation_id": group, "message_id": doomed}
        failures = []
        for kind, payload in [("message.edit", dict(m, body="x", format="plain")),
                              ("reaction.add", dict(m, emoji="👍")), ("pin.add", m),
                              ("message.send", {"message_id": new_uuid(), "conversation_id": group, "body": "r",
                                                "format": "plain", "thread_root_id": doomed})]:
            result = await alice.send_mutation(ctx.mutation(kind, payload))
            if result.get("code") != "message_deleted":
                failures.append(f"{kind} on a deleted message answered {excerpt(result, 250)}")
        if failures:
            raise Fail("; ".join(failures))
    await cases.run("message_deleted", deleted())

    # window_closed: only where the policy sets a window short enough to wait for. The sender is a
    # plain member, because owners and admins may delete at any time.
    edit_ms, recall_ms = ctx.policy["edit_window_ms"], ctx.policy["recall_window_ms"]
    waits = [w for w in (edit_ms, recall_ms) if 0 < w <= WINDOW_LIMIT_MS]
    if waits:
        old, _ = await ctx.send_message(bob, group, "old")
        await asyncio.sleep(max(waits) / 1000 + 0.3)
        m = {"conversation_id": group, "message_id": old}
        for name, window, kind, payload in [("edit", edit_ms, "message.edit", dict(m, body="late", format="plain")),
                                            ("recall", recall_ms, "message.delete", m)]:
            if 0 < window <= WINDOW_LIMIT_MS:
                async def late(kind=kind, payload=payload, window=window, name=name):
                    result = await reject(bob, kind, payload, "window_closed", f"{name} after {window} ms")
                    expect(result.get("details", {}).get("window_ms") == window,
                           f"window_closed details {result.get('details')}: expected window_ms {window}")
                await cases.run(f"window_closed {name}", late())
    untested = [n for n, w in (("edit", edit_ms), ("recall", recall_ms)) if not 0 < w <= WINDOW_LIMIT_MS]
    if untested:
        note(f"window_closed not provoked for {', '.join(untested)}: policy {ctx.policy}")
    note("not provoked: limit_exceeded (needs 512 reactions or a server cap), quota_exceeded, "
         "urgent_not_allowed; id_conflict is M-12, invalid_payload M-8")
    cases.finish()
