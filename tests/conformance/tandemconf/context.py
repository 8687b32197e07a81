"""What the checks share: the server's address, the accounts, sessions (one login per device), unique
names for this run, the limits the server announced, and helpers that build data through the protocol.

Roles: "A" and "B" are the two --account users (members of the space under test), "O" the --outsider
(an account that may not sync that space).
"""
import itertools
import secrets
import time
import uuid

from .connection import Conn, excerpt
from .errors import Fail


class Session:
    def __init__(self, role, user_name, password, login_result):
        self.role = role
        self.user_name = user_name
        self.password = password
        self.token = login_result["token"]
        self.device_id = login_result["device_id"]
        self.user_id = login_result["user_id"]
        self.spaces = login_result.get("spaces", [])


def new_uuid():
    return str(uuid.uuid4())


def now_ms():
    return int(time.time() * 1000)


def expect_applied(result, what):
    if result.get("type") != "result" or result.get("status") != "applied":
        raise Fail(f"{what}: expected an applied result, got {excerpt(result)}")
    return result


def expect_rejected(result, code, what):
    if result.get("type") != "result" or result.get("status") != "rejected" or result.get("code") != code:
        raise Fail(f"{what}: expected rejected {code}, got {excerpt(result)}")
    return result


def expect_error(frame, code, what, fatal=None):
    if frame.get("type") != "error" or frame.get("code") != code:
        raise Fail(f"{what}: expected error {code}, got {excerpt(frame)}")
    if fatal is not None and frame.get("fatal") is not fatal:
        raise Fail(f"{what}: expected error {code} with fatal {str(fatal).lower()}, got {excerpt(frame)}")
    return frame


class Context:
    def __init__(self, args, checker):
        self.url = args.url
        self.credentials = {"A": args.account[0], "B": args.account[1], "O": args.outsider}
        self.space = args.space
        self.restart_command = args.restart_command
        self.checker = checker
        self.run_id = secrets.token_hex(3)
        self.client_info = {"name": "tandem-conformance", "version": "1.0"}
        self._rids = itertools.count(1)
        self._devices = itertools.count(1)
        self.sessions = {}
        self.conns = []
        self.violations = []  # (item, connection label, problem, frame excerpt)
        self.current = "setup"
        self.limits = None
        self.policy = None
        self.features = []
        self._third = None
        self._third_problem = None

    # ---- bookkeeping -------------------------------------------------------------------------

    def rid(self):
        return f"c{next(self._rids)}"

    def name(self, what):
        return f"conformance {self.run_id} {what}"

    def violation(self, label, problem, text):
        self.violations.append((self.current, label, problem, None if text is None else excerpt(text, 600)))

    async def connect(self, label):
        conn = Conn(self, label)
        self.conns.append(conn)
        return await conn.open()

    async def close_all(self):
        conns, self.conns = self.conns, []
        for conn in conns:
            await conn.close()

    def mutation(self, kind, payload, space=None):
        return {"space_id": space or self.space, "mutation_id": new_uuid(), "kind": kind,
                "created_at": now_ms(), "payload": payload}

    # ---- sessions ----------------------------------------------------------------------------

    def user_id(self, role):
        return self.sessions[(role, 0)].user_id

    async def login(self, role, label=None):
        """A new device of the account: login on a connection of its own, which is then closed."""
        user_name, password = self.credentials[role]
        conn = await self.connect(label or f"{role}:login")
        answer = await conn.login(user_name, password,
                                  device_name=f"conformance {self.run_id} {role}{next(self._devices)}")
        await conn.close()
        if answer.get("type") != "login_result":
            raise Fail(f"login of {user_name!r} failed: {excerpt(answer)}")
        return Session(role, user_name, password, answer)

    async def session(self, role, dev=0):
        """The cached session of device number dev of a role (one login per device per run)."""
        key = (role, dev)
        if key not in self.sessions:
            self.sessions[key] = await self.login(role)
        return self.sessions[key]

    async def ready(self, role, spaces=None, dev=0, session=None, label=None, auto_ack=True, features=None):
        """A connection in state ready: login (cached) and hello with the given space requests (and
        features, announced in hello when given)."""
        session = session or await self.session(role, dev)
        conn = await self.connect(label or f"{role}{dev}")
        conn.auto_ack = auto_ack  # before hello: catch-up pushes may follow welcome at once
        welcome = await conn.hello(session.token, session.device_id, spaces if spaces is not None else [],
                                   features=features)
        if welcome.get("type") != "welcome":
            raise Fail(f"{conn.label}: hello answered {excerpt(welcome)}")
        conn.session = session
        conn.space = spaces[0]["space_id"] if spaces else self.space
        return conn

    async def position(self, role, dev=0, session=None, space=None):
        """(epoch, head) of the role's stream now, from a hello without a cursor."""
        space = space or self.space
        conn = await self.ready(role, [{"space_id": space}], dev, session, label=f"{role}{dev}:probe")
        status = conn.welcome["spaces"][0]
        await conn.close()
        if status.get("status") not in ("snapshot", "resume"):
            raise Fail(f"{role}: hello for {space} answered status {excerpt(status)}")
        return status["epoch"], status["head_seq"]

    async def live(self, role, dev=0, session=None, space=None, auto_ack=True, cursor=None, features=None):
        """A connection that syncs the space from its head (or from cursor): resumed, so events flow."""
        space = space or self.space
        epoch, head = await self.position(role, dev, session, space)
        start = head if cursor is None else cursor
        conn = await self.ready(role, [{"space_id": space, "epoch": epoch, "cursor": start}], dev, session,
                                label=f"{role}{dev}:live", auto_ack=auto_ack, features=features)
        status = conn.welcome["spaces"][0]
        if status.get("status") != "resume":
            raise Fail(f"{conn.label}: hello with the current epoch and cursor {start} answered "
                       f"{excerpt(status)}, not resume (section 3.5)")
        conn.epoch = epoch
        conn.start = start
        conn.space = space
        return conn

    async def setup(self):
        for role in ("A", "B", "O"):
            await self.session(role)
        a = self.sessions[("A", 0)]
        b = self.sessions[("B", 0)]
        if self.space is None:
            shared = [s["id"] for s in a.spaces if s["id"] in {x["id"] for x in b.spaces}]
            work = [s["id"] for s in a.spaces if s["id"] in shared and s.get("kind") == "work"]
            if not shared:
                raise Fail("the two accounts share no space; pass --space")
            self.space = (work or shared)[0]
        conn = await self.ready("A", [])
        self.limits = conn.welcome["limits"]
        self.policy = conn.welcome["policy"]
        self.features = conn.welcome["features"]
        await conn.close()
        self.conns = []
        # Found now, before any check holds a connection of A's device 0 that a snapshot would replace.
        try:
            await self.third_user()
        except Fail as e:
            self._third_problem = str(e)
        await self.close_all()

    # ---- data built through the protocol -----------------------------------------------------

    async def third_user(self):
        """A user of the space other than A and B that A may see: from A's snapshot."""
        if self._third is None and self._third_problem:
            raise Fail(self._third_problem)
        if self._third is None:
            conn = await self.ready("A", [{"space_id": self.space}], label="A0:third")
            _, records = await conn.snapshot_all(self.space, 0)
            await conn.close()
            skip = {self.user_id("A"), self.user_id("B"), self.sessions[("O", 0)].user_id}
            users = sorted((r["data"] for r in records if r.get("entity") == "user"), key=lambda u: u["id"])
            for user in users:
                if user["id"] not in skip and not user.get("deactivated") and not user.get("bot"):
                    self._third = user["id"]
                    break
            if self._third is None:
                raise Fail("A's snapshot shows no third active user to build private conversations with")
        return self._third

    async def create_conversation(self, conn, member_ids, kind="group", name=None, topic=None):
        payload = {"conversation_id": new_uuid(), "kind": kind, "member_ids": member_ids}
        if kind != "direct":
            payload["name"] = name or self.name(kind)
        if topic is not None:
            payload["topic"] = topic
        result = await conn.send_mutation(self.mutation("conversation.create", payload, conn.space))
        expect_applied(result, f"conversation.create {kind} with {member_ids}")
        return payload["conversation_id"]

    async def send_message(self, conn, conversation_id, body=None, **extra):
        payload = {"message_id": new_uuid(), "conversation_id": conversation_id,
                   "body": body or self.name("message"), "format": "plain"}
        payload.update(extra)
        result = await conn.send_mutation(self.mutation("message.send", payload, conn.space))
        expect_applied(result, "message.send")
        return payload["message_id"], result


async def expect_fatal(conn, code, close_code, what, timeout=10, need_error=True):
    """The server sends error `code` with fatal true, then closes with close_code (section 2.5)."""
    if need_error:
        frame = await conn.wait(lambda f: f.get("type") == "error", timeout, f"error {code} ({what})")
        expect_error(frame, code, what, fatal=True)
    closed = await conn.wait_closed(timeout, f"{what}: close {close_code}")
    if closed[0] != close_code:
        raise Fail(f"{what}: closed with {closed[0]} ({closed[1]!r}), expected {close_code}")
    errors = [f for f in conn.inbox if f.get("type") == "error"]
    if not need_error and errors:
        expect_error(errors[0], code, what, fatal=True)
