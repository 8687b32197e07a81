"""M-1: every v1 mutation kind, applied, with its events in the actor's and another member's streams."""
from collections import Counter

from .connection import dumps, excerpt
from .context import expect_applied, new_uuid
from .errors import Fail, expect
from .runner import check


class Scenario:
    def __init__(self, ctx, actor, other):
        self.ctx = ctx
        self.actor = actor
        self.other = other
        self.done = []

    async def step(self, kind, payload, actor_kinds, other_kinds, about, optional=("user.updated",)):
        """Applies one mutation; its events (by mutation_id) in the actor's stream, and other_kinds
        (events mentioning `about`, without mutation_id) in the other member's stream."""
        ctx, space = self.ctx, self.ctx.space
        actor_mark, other_mark = self.actor.mark(space), self.other.mark(space)
        mutation = ctx.mutation(kind, payload)
        result = expect_applied(await self.actor.send_mutation(mutation), f"{kind} {excerpt(payload, 200)}")
        expect("seq" in result, f"{kind} changed something, but its result has no seq: {excerpt(result)}")
        mine = await self.actor.wait_pushed(space, lambda e: e.get("mutation_id") == mutation["mutation_id"], 5,
                                            f"{kind}: {actor_kinds} with mutation_id", since=actor_mark,
                                            count=len(actor_kinds))
        got = Counter(e["kind"] for e in mine)
        missing = Counter(actor_kinds) - got
        extra = [k for k in got - Counter(actor_kinds) if k not in optional]
        expect(not missing and not extra,
               f"{kind}: the actor's events with its mutation_id are {dict(got)}, expected {actor_kinds}")
        if max(e["seq"] for e in mine) < result["seq"]:  # more of its events may still be on the way
            mine = await self.actor.wait_pushed(
                space, lambda e: e.get("mutation_id") == mutation["mutation_id"] and e["seq"] >= result["seq"], 3,
                f"{kind}: its event at the result's seq {result['seq']}", since=actor_mark)
            mine = [e for e in self.actor.pushed[space][actor_mark:] if e.get("mutation_id") == mutation["mutation_id"]]
        top = max(e["seq"] for e in mine)
        expect(top == result["seq"], f"{kind}: result seq {result['seq']}, but its events reach seq {top}")
        if other_kinds:
            theirs = await self.other.wait_pushed(
                space, lambda e: e["kind"] in other_kinds and about in dumps(e["data"]), 5,
                f"{kind}: {other_kinds} in the other member's stream", since=other_mark, count=len(other_kinds))
            leaked = [e for e in theirs if "mutation_id" in e]
            if leaked:
                raise Fail(f"{kind}: another account's stream carries the actor's mutation_id: {excerpt(leaked[0])}")
            got = Counter(e["kind"] for e in theirs)
            expect(not (Counter(other_kinds) - got), f"{kind}: the other member got {dict(got)}, expected "
                                                     f"{other_kinds}")
        self.done.append(kind)
        return result


@check("M-1", "each v1 mutation kind is applied with seq; its events reach the actor and other members")
async def m1_all_kinds(ctx, note):
    third = await ctx.third_user()
    alice_id, bob_id = ctx.user_id("A"), ctx.user_id("B")
    actor = await ctx.live("A")
    other = await ctx.live("B")
    s = Scenario(ctx, actor, other)
    conv = new_uuid()
    result = await s.step("conversation.create", {"conversation_id": conv, "kind": "group",
                                                  "member_ids": [bob_id, third], "name": ctx.name("kinds")},
                          ["conversation.updated"] + ["member.updated"] * 3,
                          ["conversation.updated"] + ["member.updated"] * 3, conv)
    expect(result.get("data", {}).get("conversation_id") == conv, f"conversation.create data: {excerpt(result)}")
    c = {"conversation_id": conv}
    await s.step("conversation.update", dict(c, name=ctx.name("kinds renamed"), topic="topic"),
                 ["conversation.updated"], ["conversation.updated"], conv)
    await s.step("prefs.set", dict(c, notify_level="mentions"), ["prefs.updated"], [], conv)
    message = new_uuid()
    result = await s.step("message.send", dict(c, message_id=message, body="kinds", format="plain",
                                               mentions=[bob_id]),
                          ["message.created"], ["message.created"], message)
    data = result.get("data", {})
    expect(data.get("message_id") == message and "cseq" in data and "created_at" in data,
           f"message.send result data {data}: expected message_id, cseq, created_at")
    m = dict(c, message_id=message)
    await s.step("message.edit", dict(m, body="kinds edited", format="markdown"), ["message.edited"],
                 ["message.edited"], message)
    await s.step("reaction.add", dict(m, emoji="🎉"), ["reaction.added"], ["reaction.added"], message)
    await s.step("reaction.remove", dict(m, emoji="🎉"), ["reaction.removed"], ["reaction.removed"], message)
    await s.step("receipt.mark", dict(c, up_to_cseq=data["cseq"]), ["receipt.updated"], ["receipt.updated"],
                 alice_id)
    await s.step("pin.add", m, ["pin.added"], ["pin.added"], message)
    await s.step("pin.remove", m, ["pin.removed"], ["pin.removed"], message)
    await s.step("saved.add", m, ["saved.added"], [], message)
    await s.step("saved.remove", m, ["saved.removed"], [], message)
    await s.step("member.set_role", dict(c, user_id=bob_id, role="admin"), ["member.updated"], ["member.updated"],
                 bob_id)
    await s.step("member.remove", dict(c, user_id=bob_id), ["member.removed"], ["conversation.removed"], conv)
    await s.step("member.add", dict(c, user_ids=[bob_id]), ["member.updated"],
                 ["conversation.updated", "member.updated", "member.updated", "member.updated"], conv)
    doomed = new_uuid()
    await s.step("message.send", dict(c, message_id=doomed, body="to be deleted", format="plain"),
                 ["message.created"], ["message.created"], doomed)
    await s.step("message.delete", dict(c, message_id=doomed), ["message.deleted"], ["message.deleted"], doomed)
    await s.step("conversation.leave", c, ["conversation.removed"], ["member.removed"], alice_id)
    spare = await ctx.login("A", "M-1 spare device")
    await s.step("device.revoke", {"device_id": spare.device_id}, ["device.updated"], [], spare.device_id)
    if "presence" in ctx.features:
        await s.step("presence.set", {"status": "busy", "text": "conformance"}, ["presence.updated"],
                     ["presence.updated"], alice_id)
    else:
        note("presence.set not exercised: the server does not announce feature presence (see M-9)")
    note("kinds applied: " + ", ".join(sorted(set(s.done))))
    if not s.done:
        raise Fail("nothing applied")
