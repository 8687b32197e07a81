"""Follows a stream and reports events that name a user or conversation it has not delivered yet (§4.8)."""
from .connection import excerpt

# Where each event kind names a conversation and users (paths into data).
CONVERSATION_PATHS = {
    "conversation.removed": ("conversation_id",), "prefs.updated": ("prefs", "conversation_id"),
    "member.updated": ("member", "conversation_id"), "member.removed": ("conversation_id",),
    "message.created": ("message", "conversation_id"), "message.edited": ("conversation_id",),
    "message.deleted": ("conversation_id",), "reaction.added": ("conversation_id",),
    "reaction.removed": ("conversation_id",), "receipt.updated": ("receipt", "conversation_id"),
    "pin.added": ("pin", "conversation_id"), "pin.removed": ("conversation_id",),
    "saved.added": ("saved", "conversation_id"), "saved.removed": ("conversation_id",),
}


def dig(data, path):
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def users_named(kind, data):
    if kind == "member.updated":
        return [dig(data, ("member", "user_id"))]
    if kind == "message.created":
        message = data.get("message", {})
        return [message.get("sender_id")] + list(message.get("mentions", []))
    if kind in ("reaction.added", "reaction.removed"):
        return [data.get("user_id")]
    if kind == "receipt.updated":
        return [dig(data, ("receipt", "user_id"))]
    return []


class ReferenceTracker:
    def __init__(self):
        self.users = set()
        self.conversations = set()

    def load(self, records):
        for record in records:
            if record.get("entity") == "user":
                self.users.add(record["data"]["id"])
            elif record.get("entity") == "conversation":
                self.conversations.add(record["data"]["id"])

    def apply(self, event, problems):
        kind, data = event.get("kind"), event.get("data", {})
        if kind == "user.updated":
            self.users.add(dig(data, ("user", "id")))
            return
        if kind == "conversation.updated":
            self.conversations.add(dig(data, ("conversation", "id")))
            return
        path = CONVERSATION_PATHS.get(kind)
        if path is not None:
            conv = dig(data, path)
            if conv not in self.conversations:
                problems.append(f"seq {event.get('seq')} {kind} names conversation {conv} before its "
                                f"conversation.updated: {excerpt(event, 200)}")
        for user in users_named(kind, data) + ([event["actor_id"]] if "actor_id" in event else []):
            if user not in self.users:
                problems.append(f"seq {event.get('seq')} {kind} names user {user} before its user.updated: "
                                f"{excerpt(event, 200)}")
