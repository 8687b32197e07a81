"""Mutations: M-2 … M-12 (docs/protocol.md sections 5 and 7). M-1 is in checks_kinds.py."""
import asyncio
import time

from . import checks_kinds  # noqa: F401 - registers M-1 first
from .connection import excerpt
from .context import expect_applied, expect_fatal, expect_rejected, new_uuid
from .errors import Fail, Skip, expect
from .runner import check


def expect_duplicate_of(result, original, what):
    expect(result.get("status") == "duplicate", f"{what}: expected duplicate, got {excerpt(result)}")
    want = {k: original[k] for k in ("status", "seq", "data", "code") if k in original}
    got = {k: result["original"][k] for k in ("status", "seq", "data", "code") if k in result["original"]}
    expect(got == want, f"{what}: duplicate carries original {got}, but the first answer was {want}")


def count_created(events, message_id):
    return sum(1 for e in events if e["kind"] == "message.created" and e["data"]["message"]["id"] == message_id)


class Cases:
    """Collects the failures of independent sub-cases so that one report names them all."""

    def __init__(self):
        self.failures = []

    async def run(self, name, coroutine):
        try:
            await coroutine
        except Fail as e:
            self.failures.append(f"[{name}] {e}")

    def finish(self):
        if self.failures:
            raise Fail("\n".join(self.failures))


@check("M-2", "a mutation sent twice, and again after a reconnect, gets duplicate and has no second effect")
async def m2_duplicate(ctx, note):
    alice = await ctx.live("A")
    bob = await ctx.live("B")
    conv = await ctx.create_conversation(alice, [ctx.user_id("B")], name=ctx.name("duplicates"))
    message_id = new_uuid()
    mutation = ctx.mutation("message.send", {"message_id": message_id, "conversation_id": conv,
                                             "body": ctx.name("once"), "format": "plain"})
    first = expect_applied(await alice.send_mutation(mutation), "message.send")
    expect_duplicate_of(await alice.send_mutation(mutation), first, "resend on the same connection")
    start, epoch = alice.start, alice.epoch
    await alice.close()
    again = await ctx.live("A")
    expect_duplicate_of(await again.send_mutation(mutation), first, "resend after a reconnect")
    await asyncio.sleep(0.3)
    events, _ = await again.fetch_all(ctx.space, epoch, start)
    expect(count_created(events, message_id) == 1,
           f"A's stream holds {count_created(events, message_id)} message.created for {message_id}")
    events, _ = await bob.fetch_all(ctx.space, bob.epoch, bob.start)
    expect(count_created(events, message_id) == 1,
           f"B's stream holds {count_created(events, message_id)} message.created for {message_id}")


@check("M-3", "a rejected mutation resent gets duplicate with the original rejection")
async def m3_rejected_duplicate(ctx, note):
    alice = await ctx.live("A")
    mutation = ctx.mutation("message.send", {"message_id": new_uuid(), "conversation_id": f"c-missing-{ctx.run_id}",
                                             "body": "nowhere", "format": "plain"})
    first = expect_rejected(await alice.send_mutation(mutation), "not_found", "message.send to no conversation")
    expect_duplicate_of(await alice.send_mutation(mutation), first, "resend of a rejected mutation")


@check("M-4", "the same mutation_id with another payload gets mutation_id_reused; the original stands")
async def m4_reused(ctx, note):
    alice = await ctx.live("A")
    conv = await ctx.create_conversation(alice, [await ctx.third_user()])
    mutation = ctx.mutation("message.send", {"message_id": new_uuid(), "conversation_id": conv,
                                             "body": "original", "format": "plain"})
    first = expect_applied(await alice.send_mutation(mutation), "message.send")
    changed = dict(mutation, payload=dict(mutation["payload"], body="changed"))
    expect_rejected(await alice.send_mutation(changed), "mutation_id_reused", "the same mutation_id, new body")
    expect_duplicate_of(await alice.send_mutation(mutation), first, "the original resent afterwards")
    page = await alice.request({"type": "history", "space_id": ctx.space, "conversation_id": conv})
    bodies = [m["body"] for m in page.get("messages", [])]
    expect(bodies == ["original"], f"the conversation's messages after the reuse: {bodies}")


@check("M-5", "conversation.create and message.send pipelined are both applied, results in send order")
async def m5_pipelined(ctx, note):
    alice = await ctx.live("A")
    conv = new_uuid()
    create = ctx.mutation("conversation.create", {"conversation_id": conv, "kind": "group",
                                                  "member_ids": [await ctx.third_user()],
                                                  "name": ctx.name("pipelined")})
    send = ctx.mutation("message.send", {"message_id": new_uuid(), "conversation_id": conv, "body": "first",
                                         "format": "plain"})
    frames = [dict({"type": "mutate", "rid": ctx.rid()}, **m) for m in (create, send)]
    for frame in frames:
        await alice.send(frame)
    results = [await alice.wait(lambda f, r=f["rid"]: f.get("rid") == r, 10, f"result {f['kind']}") for f in frames]
    expect_applied(results[0], "pipelined conversation.create")
    expect_applied(results[1], "pipelined message.send into it")
    order = [next(i for i, (_, f) in enumerate(alice.log) if f is r) for r in results]
    expect(order[0] < order[1], "the result of message.send arrived before that of conversation.create")


@check("M-6", "results survive a server restart: a mutation applied before gets duplicate after", timeout=120)
async def m6_restart(ctx, note):
    if not ctx.restart_command:
        raise Skip("no --restart-command given")
    alice = await ctx.live("A")
    conv = await ctx.create_conversation(alice, [await ctx.third_user()])
    mutation = ctx.mutation("message.send", {"message_id": new_uuid(), "conversation_id": conv,
                                             "body": "before the restart", "format": "plain"})
    first = expect_applied(await alice.send_mutation(mutation), "message.send")
    epoch = alice.epoch
    await ctx.close_all()
    started = time.monotonic()
    process = await asyncio.create_subprocess_shell(ctx.restart_command)
    code = await asyncio.wait_for(process.wait(), 90)
    expect(code == 0, f"the restart command exited with {code}")
    note(f"restart took {time.monotonic() - started:.1f} s")
    again = await ctx.live("A")
    expect_duplicate_of(await again.send_mutation(mutation), first, "resend after the restart")
    if again.epoch != epoch:
        note(f"the epoch changed across the restart ({epoch} → {again.epoch})")


@check("M-7", "rejection codes of section 7.1 for their causes")
async def m7_rejections(ctx, note):
    from .checks_rejections import rejection_cases
    await rejection_cases(ctx, note, Cases())


@check("M-8", "a payload that breaks its schema gets invalid_payload; the connection stays open")
async def m8_invalid_payload(ctx, note):
    alice = await ctx.live("A")
    conv = await ctx.create_conversation(alice, [await ctx.third_user()])
    message_id, result = await ctx.send_message(alice, conv)
    cseq = result["data"]["cseq"]
    cases = Cases()
    bad = [("message.send without body", "message.send",
            {"message_id": new_uuid(), "conversation_id": conv, "format": "plain"}),
           ("message.send with format html", "message.send",
            {"message_id": new_uuid(), "conversation_id": conv, "body": "x", "format": "html"}),
           ("message.send with a non-uuid message_id", "message.send",
            {"message_id": "not a uuid", "conversation_id": conv, "body": "x", "format": "plain"}),
           ("conversation.create with no members", "conversation.create",
            {"conversation_id": new_uuid(), "kind": "group", "member_ids": [], "name": "x"}),
           ("conversation.create channel with an empty name", "conversation.create",
            {"conversation_id": new_uuid(), "kind": "channel", "member_ids": [ctx.user_id("B")], "name": ""}),
           ("conversation.update with neither name nor topic", "conversation.update", {"conversation_id": conv}),
           ("reaction.add with a 33-character emoji", "reaction.add",
            {"conversation_id": conv, "message_id": message_id, "emoji": "x" * 33}),
           ("receipt.mark above the highest cseq", "receipt.mark",
            {"conversation_id": conv, "up_to_cseq": cseq + 100})]

    async def one(kind, payload, what):
        result = await alice.send_mutation(ctx.mutation(kind, payload))
        expect_rejected(result, "invalid_payload", what)
        expect("field" in result.get("details", {}), f"{what}: invalid_payload without details.field")

    for what, kind, payload in bad:
        await cases.run(what, one(kind, payload, what))
    # Whether an unknown payload member is invalid_payload (closed schemas, section 5.3) or ignored (section
    # 13.3) is not settled by the document: reported, not judged.
    extra = await alice.send_mutation(ctx.mutation("prefs.set", {"conversation_id": conv, "pinned": True,
                                                                  "x_conformance": 1}))
    note(f"prefs.set with an unknown payload member was {extra.get('status')} {extra.get('code', '')}".strip())
    pong = await alice.request({"type": "ping"})
    expect(pong.get("type") == "pong", f"the connection stopped working: {excerpt(pong)}")
    cases.finish()


@check("M-9", "reserved or unknown kinds get unknown_kind; unannounced features get feature_not_supported")
async def m9_unknown_kind(ctx, note):
    alice = await ctx.live("A")
    conv = await ctx.create_conversation(alice, [await ctx.third_user()])
    cases = Cases()
    tried = []

    async def one(kind, payload, code, what):
        tried.append(what)
        expect_rejected(await alice.send_mutation(ctx.mutation(kind, payload)), code, what)

    await cases.run("unknown kind", one("x_conformance.probe", {"a": 1}, "unknown_kind", "an unknown kind"))
    if "tasks" not in ctx.features:
        await cases.run("task.create", one("task.create", {"task_id": new_uuid()}, "unknown_kind", "task.create"))
    if "approvals" not in ctx.features:
        await cases.run("approval.submit", one("approval.submit", {}, "unknown_kind", "approval.submit"))
    send = {"conversation_id": conv, "body": "later", "format": "plain"}
    if "scheduled_send" not in ctx.features:
        await cases.run("deliver_at", one("message.send", dict(send, message_id=new_uuid(),
                                                               deliver_at=int(time.time() * 1000) + 3600000),
                                          "feature_not_supported", "message.send with deliver_at"))
    if "urgent" not in ctx.features:
        await cases.run("urgent", one("message.send", dict(send, message_id=new_uuid(), urgent=True),
                                      "feature_not_supported", "message.send with urgent true"))
    if "presence" not in ctx.features:
        await cases.run("presence.set", one("presence.set", {"status": "busy"}, "feature_not_supported",
                                            "presence.set"))
    note("tried: " + ", ".join(tried))
    cases.finish()


@check("M-10", "no-op mutations are applied without seq")
async def m10_noops(ctx, note):
    alice = await ctx.live("A")
    third = await ctx.third_user()
    conv = await ctx.create_conversation(alice, [third])
    message_id, result = await ctx.send_message(alice, conv)
    doomed, _ = await ctx.send_message(alice, conv, "to delete")
    spare = await ctx.login("A", "M-10 spare")
    m = {"conversation_id": conv, "message_id": message_id}
    setup = [("reaction.add", dict(m, emoji="👍")), ("receipt.mark", {"conversation_id": conv, "up_to_cseq":
                                                                       result["data"]["cseq"]}),
             ("message.delete", {"conversation_id": conv, "message_id": doomed}),
             ("device.revoke", {"device_id": spare.device_id}), ("pin.add", m), ("saved.add", m)]
    for kind, payload in setup:
        expect_applied(await alice.send_mutation(ctx.mutation(kind, payload)), kind)
    noops = setup + [("member.add", {"conversation_id": conv, "user_ids": [third]}),
                     ("message.edit", dict(m, body=ctx.name("message"), format="plain"))]
    _, before = await alice.fetch_all(ctx.space, alice.epoch, alice.start)
    cases = Cases()

    async def one(kind, payload):
        result = expect_applied(await alice.send_mutation(ctx.mutation(kind, payload)), f"no-op {kind}")
        expect("seq" not in result, f"no-op {kind} answered with seq: {excerpt(result)}")

    for kind, payload in noops:
        await cases.run(kind, one(kind, payload))
    _, after = await alice.fetch_all(ctx.space, alice.epoch, before["head_seq"])
    if after["head_seq"] != before["head_seq"]:
        events, _ = await alice.fetch_all(ctx.space, alice.epoch, before["head_seq"])
        cases.failures.append(f"no-ops appended events: {[(e['seq'], e['kind']) for e in events]}")
    cases.finish()


@check("M-11", "more than max_mutations_in_flight unanswered mutations get too_many_in_flight, close 4003")
async def m11_mutations_in_flight(ctx, note):
    alice = await ctx.live("A")
    conv = await ctx.create_conversation(alice, [await ctx.third_user()])
    limit = alice.limits["max_mutations_in_flight"]
    frames = [dict({"type": "mutate", "rid": ctx.rid()}, **ctx.mutation("message.send", {
        "message_id": new_uuid(), "conversation_id": conv, "body": f"burst {i}", "format": "plain"}))
        for i in range(limit + 4)]
    alice.send_burst(frames)
    try:
        await expect_fatal(alice, "too_many_in_flight", 4003, f"{len(frames)} mutations sent at once", 10)
    except Fail as e:
        answered = sum(1 for _, f in alice.log if f.get("type") == "result")
        raise Fail(f"{e} (the server answered {answered} of {len(frames)} with a result; limit {limit})") from None
    error = next(f for f in alice.log if f[1].get("code") == "too_many_in_flight")[1]
    expect(error.get("details", {}).get("limit") == "max_mutations_in_flight",
           f"too_many_in_flight details: {error.get('details')}")


@check("M-12", "a client-generated id already in use gets id_conflict")
async def m12_id_conflict(ctx, note):
    alice = await ctx.live("A")
    conv = await ctx.create_conversation(alice, [await ctx.third_user()])
    message_id, _ = await ctx.send_message(alice, conv)
    cases = Cases()

    async def one(kind, payload, what):
        expect_rejected(await alice.send_mutation(ctx.mutation(kind, payload)), "id_conflict", what)

    await cases.run("message_id", one("message.send", {"message_id": message_id, "conversation_id": conv,
                                                       "body": "again", "format": "plain"},
                                      "message.send with a message_id in use"))
    await cases.run("conversation_id", one("conversation.create", {
        "conversation_id": conv, "kind": "group", "member_ids": [ctx.user_id("B")], "name": "again"},
        "conversation.create with a conversation_id in use"))
    cases.finish()
