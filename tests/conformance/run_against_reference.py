#!/usr/bin/python3
"""Runs the conformance suite against the reference tandem-server (the CTest `conformance`).

    run_against_reference.py --server PATH/tandem-server [--keep] [-- extra suite arguments]

Starts tandem-server on a fresh data directory with --demo and short limits, so that the idle, ping and
window checks finish quickly; runs conformance.py against it with a --restart-command that restarts the
same server on the same port and data (item M-6); stops the server; exits with the suite's status.

The restart command is this script in `restart` mode: it asks the driver over a Unix socket and returns
once the new server prints its ready line.
"""
import argparse
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
READY = re.compile(r"^tandem-server listening on (wss?://[^\s]+)\s*$")

# Short liveness limits keep F-8, L-2 and L-3 to a few seconds; a small batch and window make the
# snapshot span several pages and let E-4 fill the push window with the demo history alone. The edit
# and recall windows are short enough for M-7 to wait them out, long enough for M-1 to edit in time.
LIMITS = ["ping_interval_ms=1500", "idle_timeout_ms=3000", "max_events_per_batch=20", "max_unacked_events=40",
          "max_mutations_in_flight=8", "max_requests_in_flight=4", "attachment_chunk_bytes=4096",
          "max_attachment_bytes=1048576"]
SERVER_OPTIONS = ["--edit-window-ms", "2000", "--recall-window-ms", "2000", "--mutation-rate", "40"]


class Server:
    def __init__(self, binary, data_dir, log_path):
        self.binary = binary
        self.data_dir = data_dir
        self.log = open(log_path, "ab")
        self.process = None
        self.url = None
        self.port = 0
        self.lock = threading.Lock()

    def start(self):
        args = [self.binary, "--listen", f"127.0.0.1:{self.port}", "--data", self.data_dir, "--demo"]
        for limit in LIMITS:
            args += ["--limit", limit]
        args += SERVER_OPTIONS
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log)
        line = self.process.stdout.readline().decode(errors="replace")
        match = READY.match(line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"tandem-server did not print its ready line; got {line!r} "
                               f"(exit status {self.process.wait()})")
        self.url = match.group(1)
        self.port = int(self.url.rsplit(":", 1)[1].split("/")[0])
        # Keep draining stdout so that the server never blocks on a full pipe.
        threading.Thread(target=lambda p=self.process: p.stdout.read(), daemon=True).start()

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise RuntimeError("tandem-server did not exit within 15 s of SIGTERM")
        if status != 0:
            raise RuntimeError(f"tandem-server exited with {status} on SIGTERM (the contract says 0)")

    def restart(self):
        with self.lock:
            self.stop()
            self.start()


def serve_restarts(server, path):
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(1)

    def loop():
        while True:
            client, _ = listener.accept()
            with client:
                try:
                    server.restart()
                    client.sendall(b"ok\n")
                except Exception as e:  # noqa: BLE001 - reported to the restart command
                    client.sendall(f"failed: {e}\n".encode())

    threading.Thread(target=loop, daemon=True).start()


def restart_mode(path):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(60)
        client.connect(path)
        client.sendall(b"restart\n")
        answer = client.makefile().readline().strip()
    if answer != "ok":
        print(f"restart failed: {answer}", file=sys.stderr)
        return 1
    return 0


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "restart":
        return restart_mode(sys.argv[2])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="path of the tandem-server binary")
    parser.add_argument("--keep", action="store_true", help="keep the data directory and server log")
    parser.add_argument("--data", help="use this data directory (kept) instead of a fresh demo one")
    parser.add_argument("suite_args", nargs="*", help="extra arguments for conformance.py (after --)")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="tandem-conformance-")
    server = Server(args.server, args.data or os.path.join(work, "data"), os.path.join(work, "server.log"))
    status = 1
    try:
        server.start()
        control = os.path.join(work, "restart.sock")
        serve_restarts(server, control)
        restart = f"{shlex.quote(sys.executable)} {shlex.quote(os.path.abspath(__file__))} restart " \
                  f"{shlex.quote(control)}"
        command = [sys.executable, os.path.join(HERE, "conformance.py"), "--url", server.url,
                   "--account", "alice:demo", "--account", "bob:demo", "--outsider", "oscar:demo",
                   "--space", "sp_demo_work", "--restart-command", restart] + args.suite_args
        print(f"reference server {server.url}, data {work}", flush=True)
        status = subprocess.call(command)
    except (RuntimeError, OSError) as e:
        print(f"FAIL reference server: {e}", flush=True)
        status = 1
    finally:
        try:
            server.stop()
        except RuntimeError as e:
            print(f"FAIL shutdown: {e}", flush=True)
            status = status or 1
        server.log.close()
        if status != 0 or args.keep:
            log = os.path.join(work, "server.log")
            print(f"server log: {log}", flush=True)
            if os.path.exists(log):
                with open(log, errors="replace") as f:
                    tail = f.read()[-4000:]
                if tail:
                    print("--- last lines of the server log ---\n" + tail, flush=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
