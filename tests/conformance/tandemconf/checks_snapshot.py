"""S-12: a snapshot built from data the check created itself, compared record by record."""
from .connection import excerpt
from .context import expect_applied
from .errors import Fail, expect


def find(records, entity, **fields):
    return [r["data"] for r in records if r.get("entity") == entity
            and all(r["data"].get(k) == v for k, v in fields.items())]


async def snapshot_scenario(ctx, note):
    third = await ctx.third_user()
    alice = ctx.user_id("A")
    actor = await ctx.live("A")
    name = ctx.name("snapshot group")
    conv = await ctx.create_conversation(actor, [third], name=name)
    messages = []
    for i in range(3):
        message_id, result = await ctx.send_message(actor, conv, ctx.name(f"snapshot message {i}"))
        messages.append((message_id, result["data"]["cseq"]))
    for kind, payload in [("pin.add", {"conversation_id": conv, "message_id": messages[0][0]}),
                          ("saved.add", {"conversation_id": conv, "message_id": messages[1][0]}),
                          ("prefs.set", {"conversation_id": conv, "pinned": True}),
                          ("receipt.mark", {"conversation_id": conv, "up_to_cseq": messages[2][1]})]:
        expect_applied(await actor.send_mutation(ctx.mutation(kind, payload)), kind)

    conn = await ctx.ready("A", [{"space_id": ctx.space}], dev=1, label="S-12 snapshot")
    status = conn.welcome["spaces"][0]
    expect(status["status"] == "snapshot", f"hello without cursor got {excerpt(status)}")
    pages, records = await conn.snapshot_all(ctx.space, messages_per_conversation=2)
    batch = conn.limits["max_events_per_batch"]
    first = pages[0]
    for i, page in enumerate(pages):
        expect(page["epoch"] == first["epoch"] and page["at_seq"] == first["at_seq"],
               f"page {i} has epoch {page['epoch']} at_seq {page['at_seq']}, page 0 {first['epoch']} "
               f"{first['at_seq']}")
        expect(len(page["records"]) <= batch, f"page {i} holds {len(page['records'])} records > {batch}")
        expect(page["records"] or len(pages) == 1, f"page {i} of {len(pages)} is empty")
    expect(first["epoch"] == status["epoch"], f"snapshot epoch {first['epoch']} != welcome's {status['epoch']}")
    expect(first["at_seq"] >= status["head_seq"],
           f"snapshot at_seq {first['at_seq']} below the head {status['head_seq']} announced in welcome")
    note(f"{len(records)} records in {len(pages)} pages, at_seq {first['at_seq']}")

    problems = []

    def want(condition, text):
        if not condition:
            problems.append(text)

    want(find(records, "space", id=ctx.space), f"no space record {ctx.space}")
    convs = find(records, "conversation", id=conv)
    want(len(convs) == 1, f"{len(convs)} conversation records for {conv}")
    if convs:
        want(convs[0]["name"] == name and convs[0]["last_cseq"] >= messages[2][1],
             f"conversation record {excerpt(convs[0])}: expected name {name!r}, last_cseq ≥ {messages[2][1]}")
    members = {m["user_id"]: m["role"] for m in find(records, "member", conversation_id=conv)}
    want(members == {alice: "owner", third: "member"}, f"members of {conv}: {members}")
    got = sorted(m["id"] for m in find(records, "message", conversation_id=conv))
    want(got == sorted([messages[1][0], messages[2][0]]),
         f"messages of {conv} with messages_per_conversation 2: {got}, expected the newest two "
         f"{[messages[1][0], messages[2][0]]}")
    want(find(records, "pin", conversation_id=conv, message_id=messages[0][0]), "no pin record")
    want(find(records, "saved", conversation_id=conv, message_id=messages[1][0]), "no saved record")
    want(find(records, "prefs", conversation_id=conv, pinned=True), "no prefs record with pinned true")
    want(find(records, "receipt", conversation_id=conv, user_id=alice, up_to_cseq=messages[2][1]),
         f"no receipt record of {alice} up to {messages[2][1]}")
    users = {u["id"] for u in find(records, "user")}
    want({alice, third} <= users, f"user records lack {({alice, third} - users)}")
    devices = {d["id"] for d in find(records, "device")}
    want(conn.session.device_id in devices and actor.session.device_id in devices,
         f"device records {sorted(devices)} lack the account's own devices")
    all_members = {m["user_id"] for m in find(records, "member")}
    want(all_members <= users, f"members without a user record: {sorted(all_members - users)}")
    if problems:
        raise Fail("the snapshot does not hold the visible state: " + "; ".join(problems))

    # After the last page the server pushes what happened after at_seq.
    mark = conn.mark(ctx.space)
    message_id, _ = await ctx.send_message(actor, conv, ctx.name("after the snapshot"))
    await conn.wait_pushed(ctx.space, lambda e: e["kind"] == "message.created"
                           and e["data"]["message"]["id"] == message_id, 5,
                           "message.created sent after the snapshot", since=mark)
    pushed = conn.pushed[ctx.space]
    expect(pushed[0]["seq"] == first["at_seq"] + 1,
           f"the first event pushed after the snapshot is seq {pushed[0]['seq']}, expected at_seq + 1 = "
           f"{first['at_seq'] + 1}")
    seqs = [e["seq"] for e in pushed]
    expect(seqs == list(range(seqs[0], seqs[0] + len(seqs))), f"pushed seqs after the snapshot: {seqs}")
