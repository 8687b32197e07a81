#!/usr/bin/env python3
"""tandem-server over TLS closes a client that is still sending without resetting the connection.

A client floods malformed frames; the first one makes the server send its close frame (4000). The client
keeps writing for 200 ms after it has read the close, as a client busy sending does before it notices.
With a lingering close (server/lingeringclose.h) none of those writes fails; when the server closes the
TCP connection at once, every one of five rounds ended in an SSL EOF or a reset. The plain ws:// case is
tst_server_hostile's aFloodingClientIsClosedWithoutAReset.

    tls_lingering_close.py --server PATH/tandem-server
"""
import argparse
import base64
import os
import re
import select
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import time

ROUNDS = 5


def masked_text_frame(payload):
    # Text, final, masked with a zero mask (the payload goes as it is), 16-bit length.
    return bytes([0x81, 0xFE]) + struct.pack(">H", len(payload)) + b"\0\0\0\0" + payload


def close_code(received):
    """The code of the first close frame in `received`, or None (server frames are unmasked)."""
    at = 0
    while at + 2 <= len(received):
        opcode, length, header = received[at] & 0x0F, received[at + 1] & 0x7F, 2
        if length == 126:
            if at + 4 > len(received):
                return None
            length, header = struct.unpack(">H", received[at + 2:at + 4])[0], 4
        elif length == 127:
            return None
        if at + header + length > len(received):
            return None
        if opcode == 0x8 and length >= 2:
            return struct.unpack(">H", received[at + header:at + header + 2])[0]
        at += header + length
    return None


def one_round(address, context):
    conn = context.wrap_socket(socket.create_connection(address, timeout=10))
    key = base64.b64encode(os.urandom(16)).decode()
    conn.sendall((f"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                  f"Sec-WebSocket-Protocol: tandem\r\n\r\n").encode())
    response = b""
    while b"\r\n\r\n" not in response:
        chunk = conn.recv(4096)
        if not chunk:
            return f"the handshake got no answer: {response!r}"
        response += chunk
    if not response.startswith(b"HTTP/1.1 101"):
        return f"the handshake was refused: {response[:80]!r}"
    received = bytearray(response.split(b"\r\n\r\n", 1)[1])
    frame = masked_text_frame(b"{" + b"x" * 3999)
    # One thread, non-blocking: OpenSSL does not allow one connection to be read and written from two
    # threads at once (a writer thread made this test see a spurious EOF now and then).
    conn.setblocking(False)
    errors, closed_at, unsent = [], None, b""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if closed_at is not None and time.monotonic() - closed_at > 0.2:
            break
        readable, writable, _ = select.select([conn] if closed_at is None else [], [conn], [], 0.05)
        if closed_at is None and (readable or conn.pending()):
            try:
                chunk = conn.recv(65536)
                if not chunk:
                    errors.append(f"the server hung up after {len(received)} bytes, before its close frame")
                    break
                received += chunk
            except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
                pass
            except OSError as e:
                errors.append(f"a read failed: {e!r}")
                break
            if close_code(received) is not None:
                closed_at = time.monotonic()  # keep writing 200 ms more, as a client busy sending would
        if writable:
            try:
                unsent = unsent or frame
                unsent = unsent[conn.send(unsent):]
            except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
                pass
            except OSError as e:
                errors.append(f"a write failed: {e!r}")
                break
            time.sleep(0.0005)
    conn.close()
    code = close_code(received)
    if code != 4000:
        errors.append(f"closed with {code}, expected 4000")
    return "; ".join(errors)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        key, cert = os.path.join(tmp, "key.pem"), os.path.join(tmp, "cert.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=127.0.0.1", "-keyout", key, "-out", cert], check=True, capture_output=True)
        server = subprocess.Popen([args.server, "--listen", "127.0.0.1:0", "--data", os.path.join(tmp, "data"),
                                   "--demo", "--tls-cert", cert, "--tls-key", key],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            address = None
            for line in server.stdout:
                found = re.match(r"tandem-server listening on wss://([^:/]+):(\d+)", line.strip())
                if found:
                    address = (found.group(1), int(found.group(2)))
                    break
            if not address:
                print("FAIL: tandem-server did not print its wss:// address")
                return 1
            context = ssl.create_default_context(cafile=cert)
            context.check_hostname = False
            failures = [f"round {i}: {problem}" for i in range(ROUNDS)
                        if (problem := one_round(address, context))]
        finally:
            server.terminate()
            server.wait(30)
    for failure in failures:
        print("FAIL:", failure)
    print(f"{ROUNDS - len(failures)} of {ROUNDS} rounds read the close (4000) with every write accepted")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
