"""Session: S-1 … S-13 (docs/protocol.md section 3)."""
import math
import secrets

from .connection import excerpt
from .context import expect_applied, expect_error, expect_fatal
from .errors import Fail, expect
from .runner import check

MAX_SAFE = 2 ** 53 - 1
LIMIT_RANGES = {
    "max_frame_bytes": (524288, 16777216), "max_message_body_bytes": (1024, 1048576),
    "max_events_per_batch": (1, 10000), "max_mutations_in_flight": (1, 1024),
    "max_requests_in_flight": (1, 256), "max_unacked_events": (1, 100000),
    "max_attachment_bytes": (0, MAX_SAFE), "attachment_chunk_bytes": (1024, 4194304),
    "ping_interval_ms": (1000, 300000), "idle_timeout_ms": (3000, 900000), "max_json_depth": (16, 128),
    "mutation_retention_ms": (604800000, MAX_SAFE), "upload_ttl_ms": (86400000, MAX_SAFE),
}


@check("S-1", "login with correct credentials answers login_result; the token works in hello")
async def s1_login(ctx, note):
    user_name, password = ctx.credentials["A"]
    conn = await ctx.connect("S-1")
    result = await conn.login(user_name, password)
    expect(result.get("type") == "login_result", f"login answered {excerpt(result)}")
    expect(any(s.get("id") == ctx.space for s in result.get("spaces", [])),
           f"login_result.spaces does not list {ctx.space}: {excerpt(result.get('spaces'))}")
    welcome = await conn.hello(result["token"], result["device_id"], [])
    expect(welcome.get("type") == "welcome", f"hello on the login connection answered {excerpt(welcome)}")
    expect(welcome.get("user_id") == result["user_id"] and welcome.get("device_id") == result["device_id"],
           f"welcome names user {welcome.get('user_id')} device {welcome.get('device_id')}, login_result "
           f"{result['user_id']} {result['device_id']}")


@check("S-2", "wrong password and unknown user both answer auth_failed, same reason; connection stays open")
async def s2_auth_failed(ctx, note):
    user_name, _ = ctx.credentials["A"]
    conn = await ctx.connect("S-2")
    wrong = await conn.login(user_name, f"wrong-{ctx.run_id}")
    expect_error(wrong, "auth_failed", "login with a wrong password", fatal=False)
    unknown = await conn.login(f"conformance-nobody-{ctx.run_id}", "whatever")
    expect_error(unknown, "auth_failed", "login with an unknown user name", fatal=False)
    expect(wrong["reason"] == unknown["reason"],
           f"the reasons differ, revealing which user names exist: {wrong['reason']!r} vs {unknown['reason']!r}")
    pong = await conn.request({"type": "ping"})
    expect(pong.get("type") == "pong", f"ping after two failed logins answered {excerpt(pong)}")


@check("S-3", "repeated failed logins eventually answer rate_limited with retry_after_ms")
async def s3_rate_limited(ctx, note):
    user_name = f"conformance-locked-{ctx.run_id}"
    attempts = 0
    while attempts < 40:
        # At most 4 attempts per connection: after 5 the server may close it (section 3.2).
        conn = await ctx.connect(f"S-3 #{attempts}")
        for _ in range(4):
            attempts += 1
            answer = await conn.login(user_name, "wrong")
            if answer.get("code") == "rate_limited":
                expect("retry_after_ms" in answer, f"rate_limited without retry_after_ms: {excerpt(answer)}")
                note(f"rate_limited after {attempts} failed logins, retry_after_ms {answer['retry_after_ms']}")
                return
            expect_error(answer, "auth_failed", f"failed login #{attempts}")
        await conn.close()
    raise Fail(f"{attempts} failed logins for {user_name!r} never answered rate_limited (section 3.2 MUST)")


@check("S-4", "login with the device.id of a live device returns that device_id")
async def s4_relogin(ctx, note):
    first = await ctx.login("A", "S-4 first")
    conn = await ctx.connect("S-4 again")
    again = await conn.login(first.user_name, first.password, device_id=first.device_id)
    expect(again.get("type") == "login_result", f"re-login answered {excerpt(again)}")
    expect(again["device_id"] == first.device_id,
           f"login with device.id {first.device_id} returned device_id {again['device_id']}")


@check("S-5", "hello with versions [999] gets unsupported_version with supported containing 1, close 4001")
async def s5_version(ctx, note):
    session = await ctx.session("A")
    conn = await ctx.connect("S-5")
    answer = await conn.hello(session.token, session.device_id, [], versions=[999])
    expect_error(answer, "unsupported_version", "hello with versions [999]", fatal=True)
    supported = answer.get("details", {}).get("supported", [])
    expect(1 in supported, f"details.supported is {supported!r}, without 1")
    code, reason = await conn.wait_closed(10)
    expect(code == 4001, f"closed with {code} ({reason!r}), expected 4001")


@check("S-6", "an unknown token, or a token with another device's device_id, gets token_invalid, close 1008")
async def s6_token_invalid(ctx, note):
    a = await ctx.session("A")
    b = await ctx.session("B")
    failures = []
    for what, token, device_id in [("an unknown token", f"tk_conformance_{secrets.token_hex(16)}", a.device_id),
                                   ("A's token with B's device_id", a.token, b.device_id)]:
        conn = await ctx.connect(f"S-6 {what}")
        answer = await conn.hello(token, device_id, [])
        try:
            expect_error(answer, "token_invalid", f"hello with {what}", fatal=True)
            code, reason = await conn.wait_closed(10)
            expect(code == 1008, f"hello with {what}: closed with {code} ({reason!r}), expected 1008")
        except Fail as e:
            failures.append(str(e))
    if failures:
        raise Fail("; ".join(failures))


@check("S-7", "after logout (close 1000) the old token gets token_revoked at hello")
async def s7_logout(ctx, note):
    session = await ctx.login("A", "S-7 login")
    conn = await ctx.ready("A", [], session=session, label="S-7")
    await conn.send({"type": "logout"})
    code, reason = await conn.wait_closed(10, "logout: close 1000")
    expect(code == 1000, f"logout: closed with {code} ({reason!r}), expected 1000")
    again = await ctx.connect("S-7 after logout")
    answer = await again.hello(session.token, session.device_id, [])
    expect_error(answer, "token_revoked", "hello with a logged-out token", fatal=True)
    code, reason = await again.wait_closed(10)
    expect(code == 1008, f"hello with a logged-out token: closed with {code} ({reason!r}), expected 1008")


@check("S-8", "device.revoke: the live connection, hello and login of the device get device_revoked")
async def s8_device_revoke(ctx, note):
    actor = await ctx.live("A")
    victim = await ctx.login("A", "S-8 victim login")
    victim_conn = await ctx.ready("A", [{"space_id": ctx.space}], session=victim, label="S-8 victim")
    mark = actor.mark(ctx.space)
    mutation = ctx.mutation("device.revoke", {"device_id": victim.device_id})
    result = expect_applied(await actor.send_mutation(mutation), "device.revoke of another device")
    expect("seq" in result, f"device.revoke changed something but its result has no seq: {excerpt(result)}")
    await expect_fatal(victim_conn, "device_revoked", 1008, "the revoked device's live connection")
    events = await actor.wait_pushed(
        ctx.space, lambda e: e["kind"] == "device.updated" and e["data"]["device"]["id"] == victim.device_id,
        5, "device.updated for the revoked device", since=mark)
    expect("revoked_at" in events[-1]["data"]["device"], f"device.updated without revoked_at: {events[-1]}")
    expect(events[-1].get("mutation_id") == mutation["mutation_id"],
           f"device.updated in the actor's stream lacks mutation_id: {excerpt(events[-1])}")
    conn = await ctx.connect("S-8 hello")
    answer = await conn.hello(victim.token, victim.device_id, [])
    expect_error(answer, "device_revoked", "hello from the revoked device", fatal=True)
    code, reason = await conn.wait_closed(10)
    expect(code == 1008, f"hello from the revoked device: closed with {code} ({reason!r}), expected 1008")
    conn = await ctx.connect("S-8 login")
    answer = await conn.login(victim.user_name, victim.password, device_id=victim.device_id)
    expect_error(answer, "device_revoked", "login with the revoked device.id", fatal=False)


@check("S-9", "welcome announces every limit within its range, and limits that fit together")
async def s9_limits(ctx, note):
    conn = await ctx.ready("A", [], label="S-9")
    limits = conn.welcome["limits"]
    problems = []
    for name, (low, high) in LIMIT_RANGES.items():
        value = limits.get(name)
        if not isinstance(value, int) or not low <= value <= high:
            problems.append(f"{name} = {value!r} outside {low}…{high}")
    if not problems:
        if limits["idle_timeout_ms"] < 2 * limits["ping_interval_ms"]:
            problems.append("idle_timeout_ms < 2 × ping_interval_ms")
        if limits["max_unacked_events"] < limits["max_events_per_batch"]:
            problems.append("max_unacked_events < max_events_per_batch")
        if limits["max_frame_bytes"] < 6 * limits["max_message_body_bytes"] + 393216:
            problems.append("max_frame_bytes < 6 × max_message_body_bytes + 393216")
        if limits["max_frame_bytes"] < 4 * math.ceil(limits["attachment_chunk_bytes"] / 3) + 4096:
            problems.append("max_frame_bytes < 4 × ⌈attachment_chunk_bytes / 3⌉ + 4096")
    policy = conn.welcome.get("policy", {})
    for name in ("edit_window_ms", "recall_window_ms"):
        if not isinstance(policy.get(name), int):
            problems.append(f"policy.{name} missing")
    note("limits " + ", ".join(f"{k}={v}" for k, v in sorted(limits.items())) + f"; policy {policy}")
    if problems:
        raise Fail("; ".join(problems) + " (section 3.6)")


@check("S-10", "welcome.spaces: one entry per space in order; snapshot, resume, snapshot, snapshot, revoked")
async def s10_space_status(ctx, note):
    a = await ctx.session("A")
    others = [s["id"] for s in a.spaces if s["id"] != ctx.space][::-1]
    conn = await ctx.ready("A", [{"space_id": ctx.space}] + [{"space_id": s} for s in others], label="S-10 a")
    statuses = conn.welcome["spaces"]
    expect([s["space_id"] for s in statuses] == [ctx.space] + others,
           f"welcome.spaces {[s['space_id'] for s in statuses]} for hello.spaces {[ctx.space] + others}")
    first = statuses[0]
    expect(first["status"] == "snapshot", f"a space without cursor got {excerpt(first)}, not snapshot")
    epoch, head = first["epoch"], first["head_seq"]
    await conn.close()

    async def status(label, request, role="A"):
        c = await ctx.ready(role, [request], label=f"S-10 {label}")
        answer = c.welcome["spaces"]
        await c.close()
        expect(len(answer) == 1 and answer[0]["space_id"] == request["space_id"],
               f"{label}: welcome.spaces {excerpt(answer)} for one requested space")
        return answer[0]

    got = await status("valid cursor", {"space_id": ctx.space, "epoch": epoch, "cursor": head})
    expect(got["status"] == "resume", f"epoch {epoch} and cursor {head} (the head) got {excerpt(got)}, not resume")
    got = await status("wrong epoch", {"space_id": ctx.space, "epoch": f"conformance-{ctx.run_id}", "cursor": 0})
    expect(got["status"] == "snapshot", f"a wrong epoch got {excerpt(got)}, not snapshot")
    got = await status("cursor above head", {"space_id": ctx.space, "epoch": epoch, "cursor": head + 1000})
    expect(got["status"] == "snapshot", f"cursor {head + 1000} above head {head} got {excerpt(got)}, not snapshot")
    o = await ctx.session("O")
    own = [s["id"] for s in o.spaces if s["id"] != ctx.space]
    c = await ctx.ready("O", [{"space_id": ctx.space}] + [{"space_id": s} for s in own], label="S-10 outsider")
    answer = c.welcome["spaces"]
    expect([s["space_id"] for s in answer] == [ctx.space] + own,
           f"outsider: welcome.spaces {[s['space_id'] for s in answer]} for hello.spaces {[ctx.space] + own}")
    expect(answer[0]["status"] == "revoked",
           f"the outsider's hello for {ctx.space}, which it may not sync, got {excerpt(answer[0])}, not revoked")
    note("'revoked' is checked with an account that never belonged to the space (no v1 mutation removes "
         "an account from a space)")


@check("S-11", "a second hello for the same space from the same device closes the first with 4004")
async def s11_session_replaced(ctx, note):
    first = await ctx.ready("A", [{"space_id": ctx.space}], label="S-11 first")
    await ctx.ready("A", [{"space_id": ctx.space}], label="S-11 second")
    await expect_fatal(first, "session_replaced", 4004, "the older connection", need_error=False)


@check("S-12", "snapshot pages chain, share epoch and at_seq, hold the visible state; events follow at_seq")
async def s12_snapshot(ctx, note):
    from .checks_snapshot import snapshot_scenario
    await snapshot_scenario(ctx, note)


@check("S-13", "an unknown page token answers snapshot_expired")
async def s13_snapshot_expired(ctx, note):
    conn = await ctx.ready("A", [{"space_id": ctx.space}], label="S-13")
    answer = await conn.request({"type": "snapshot", "space_id": ctx.space,
                                 "page_token": f"conformance-unknown-{ctx.run_id}"})
    expect_error(answer, "snapshot_expired", "snapshot with an unknown page_token")
