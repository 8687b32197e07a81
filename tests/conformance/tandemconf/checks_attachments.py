"""Attachments: A-1 … A-7 (docs/protocol.md section 8)."""
import base64
import hashlib
import random

from .connection import excerpt
from .context import expect_applied, expect_error, expect_rejected, new_uuid
from .errors import Skip, expect
from .runner import check


def content(size, seed):
    return random.Random(seed).randbytes(size)


def chunk_size(ctx):
    if ctx.limits["max_attachment_bytes"] == 0:
        raise Skip("the server disables attachments (max_attachment_bytes 0)")
    return ctx.limits["attachment_chunk_bytes"]


class Upload:
    def __init__(self, ctx, conn, data, name="conformance.bin", sha256=None):
        self.ctx, self.conn, self.data = ctx, conn, data
        self.id = new_uuid()
        self.begin_frame = {"type": "upload_begin", "space_id": ctx.space, "attachment_id": self.id, "name": name,
                            "mime_type": "application/octet-stream", "size_bytes": len(data),
                            "sha256": sha256 or hashlib.sha256(data).hexdigest()}

    async def begin(self, conn=None):
        self.conn = conn or self.conn
        state = await self.conn.request(self.begin_frame)
        expect(state.get("type") == "upload_state", f"upload_begin answered {excerpt(state)}")
        expect(state["attachment_id"] == self.id and state["size_bytes"] == len(self.data),
               f"upload_state does not echo the upload: {excerpt(state)}")
        return state

    async def chunk(self, offset, length):
        piece = self.data[offset:offset + length]
        return await self.conn.request({"type": "upload_chunk", "space_id": self.ctx.space, "attachment_id": self.id,
                                        "offset": offset, "data": base64.b64encode(piece).decode()})

    async def send_from(self, offset, step, stop=None):
        """Uploads chunk by chunk from offset; returns the last upload_state."""
        stop = len(self.data) if stop is None else stop
        state = None
        while offset < stop:
            state = await self.chunk(offset, min(step, stop - offset))
            expect(state.get("type") == "upload_state", f"upload_chunk at {offset} answered {excerpt(state)}")
            expect(state["received_bytes"] == min(offset + step, stop),
                   f"after a chunk at {offset}, received_bytes is {state['received_bytes']}")
            offset = state["received_bytes"]
        return state


async def download_all(ctx, conn, attachment_id, step):
    data, offset = b"", 0
    while True:
        answer = await conn.request({"type": "download", "space_id": ctx.space, "attachment_id": attachment_id,
                                     "offset": offset, "length": step})
        if answer.get("type") != "download_chunk":
            return answer, data
        piece = base64.b64decode(answer["data"])
        expect(answer["offset"] == offset, f"download_chunk offset {answer['offset']} for a request at {offset}")
        expect(len(piece) == min(step, answer["size_bytes"] - offset),
               f"download_chunk at {offset} holds {len(piece)} bytes of {answer['size_bytes']}, length {step}")
        data += piece
        offset += len(piece)
        if offset >= answer["size_bytes"]:
            return answer, data


async def message_with(ctx, conn, conversation, attachment_id):
    payload = {"message_id": new_uuid(), "conversation_id": conversation, "body": "", "format": "plain",
               "attachment_ids": [attachment_id]}
    return await conn.send_mutation(ctx.mutation("message.send", payload))


@check("A-1", "an upload in several chunks completes; download returns the same bytes, size and sha256")
async def a1_roundtrip(ctx, note):
    step = chunk_size(ctx)
    size = min(2 * step + step // 2, 3 * 1024 * 1024)
    step = min(step, size // 2)
    alice = await ctx.live("A")
    data = content(size, 1)
    up = Upload(ctx, alice, data)
    state = await up.begin()
    expect(state["received_bytes"] == 0 and not state["complete"], f"a new upload: {excerpt(state)}")
    state = await up.send_from(0, step)
    expect(state["complete"], f"the last chunk did not complete the upload: {excerpt(state)}")
    conv = await ctx.create_conversation(alice, [ctx.user_id("B")], name=ctx.name("attachments"))
    result = await message_with(ctx, alice, conv, up.id)
    expect(result.get("status") == "applied", f"message.send with the attachment: {excerpt(result)}")
    bob = await ctx.ready("B", [{"space_id": ctx.space}], label="B0")
    for who, conn in (("the uploader", alice), ("another member", bob)):
        answer, got = await download_all(ctx, conn, up.id, step)
        expect(answer.get("type") == "download_chunk", f"{who}: download answered {excerpt(answer)}")
        expect(answer["size_bytes"] == size and answer["sha256"] == up.begin_frame["sha256"],
               f"{who}: download_chunk names size {answer['size_bytes']} sha256 {answer['sha256']}")
        expect(got == data, f"{who}: downloaded {len(got)} bytes that differ from the {size} uploaded")
    note(f"{size} bytes in chunks of {step}")


@check("A-2", "after a disconnect mid-upload, upload_begin reports received_bytes and the upload continues")
async def a2_resume(ctx, note):
    step = min(chunk_size(ctx), 65536)
    alice = await ctx.live("A")
    up = Upload(ctx, alice, content(3 * step, 2))
    await up.begin()
    await up.send_from(0, step, stop=step)
    alice.drop()
    again = await ctx.live("A")
    state = await up.begin(again)
    expect(state["received_bytes"] == step and not state["complete"],
           f"upload_begin after the disconnect: {excerpt(state)}, expected received_bytes {step}")
    state = await up.send_from(step, step)
    expect(state["complete"], f"the resumed upload did not complete: {excerpt(state)}")


@check("A-3", "a chunk at the wrong offset gets upload_offset with details.received_bytes")
async def a3_offset(ctx, note):
    step = min(chunk_size(ctx), 4096)
    alice = await ctx.live("A")
    up = Upload(ctx, alice, content(3 * step, 3))
    await up.begin()
    await up.send_from(0, step, stop=step)
    answer = await up.chunk(2 * step, step)
    expect_error(answer, "upload_offset", "a chunk at offset 2 × chunk while 1 × chunk is held")
    expect(answer.get("details", {}).get("received_bytes") == step, f"upload_offset details: {excerpt(answer)}")


@check("A-4", "content that does not match sha256 gets hash_mismatch and received_bytes back at 0")
async def a4_hash(ctx, note):
    step = min(chunk_size(ctx), 4096)
    alice = await ctx.live("A")
    data = content(2 * step, 4)
    up = Upload(ctx, alice, data, sha256=hashlib.sha256(b"something else").hexdigest())
    await up.begin()
    await up.send_from(0, step, stop=step)
    answer = await up.chunk(step, step)
    expect_error(answer, "hash_mismatch", "the last chunk of content that does not match sha256")
    state = await up.begin()
    expect(state["received_bytes"] == 0 and not state["complete"], f"after hash_mismatch: {excerpt(state)}")


@check("A-5", "size above max_attachment_bytes: attachment_too_large; a chunk above the chunk size: limit_exceeded")
async def a5_limits(ctx, note):
    step = chunk_size(ctx)
    alice = await ctx.live("A")
    largest = ctx.limits["max_attachment_bytes"]
    if largest < 2 ** 53 - 1:
        frame = Upload(ctx, alice, b"").begin_frame
        frame.update(size_bytes=largest + 1)
        answer = await alice.request(frame)
        expect_error(answer, "attachment_too_large", f"upload_begin of {largest + 1} bytes", fatal=False)
    else:
        note("max_attachment_bytes is 2^53-1: attachment_too_large cannot be provoked")
    if step + 1 <= largest:
        up = Upload(ctx, alice, content(step + 1, 5))
        await up.begin()
        answer = await up.chunk(0, step + 1)
        expect_error(answer, "limit_exceeded", f"a chunk of {step + 1} bytes (attachment_chunk_bytes {step})",
                     fatal=False)


@check("A-6", "an account that cannot see a message with the attachment gets not_found on download")
async def a6_download_visibility(ctx, note):
    step = min(chunk_size(ctx), 4096)
    alice = await ctx.live("A")
    private = await ctx.create_conversation(alice, [await ctx.third_user()], name=ctx.name("private files"))
    sent = Upload(ctx, alice, content(step, 6))
    await sent.begin()
    await sent.send_from(0, step)
    expect_applied(await message_with(ctx, alice, private, sent.id), "message.send with the attachment")
    unsent = Upload(ctx, alice, content(step, 7))
    await unsent.begin()
    await unsent.send_from(0, step)
    bob = await ctx.ready("B", [{"space_id": ctx.space}], label="B0")
    for what, attachment in (("in a conversation B is not in", sent.id), ("named by no message", unsent.id)):
        answer = await bob.request({"type": "download", "space_id": ctx.space, "attachment_id": attachment,
                                    "offset": 0})
        expect_error(answer, "not_found", f"B downloads an attachment {what}")


@check("A-7", "message.send naming an incomplete attachment, or another account's, gets not_found")
async def a7_send_unfinished(ctx, note):
    step = min(chunk_size(ctx), 4096)
    alice = await ctx.live("A")
    bob = await ctx.live("B")
    conv = await ctx.create_conversation(alice, [ctx.user_id("B")], name=ctx.name("unfinished"))
    partial = Upload(ctx, alice, content(2 * step, 8))
    await partial.begin()
    await partial.send_from(0, step, stop=step)
    expect_rejected(await message_with(ctx, alice, conv, partial.id), "not_found",
                    "message.send with an attachment half uploaded")
    theirs = Upload(ctx, bob, content(step, 9))
    await theirs.begin()
    await theirs.send_from(0, step)
    expect_rejected(await message_with(ctx, alice, conv, theirs.id), "not_found",
                    "message.send with another account's complete attachment")
