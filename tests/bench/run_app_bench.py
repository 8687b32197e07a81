#!/usr/bin/python3
"""The app benchmark (issue 4): tandem against an empty Qt Quick Controls window, in the same run.

Builds nothing. Makes (or reuses) the benchmark profile with tandem-bench-profile, starts its own Xvfb
(1440x900x24), then runs the floor (tandem-floor) and the app (tandem --profile DIR, unlocked by
TANDEM_PASSPHRASE) alternately, --runs times each, after one unmeasured warm-up of each. Prints ONE
JSON object on stdout (medians over the runs); progress goes to stderr.

Definitions:
  start      launcher clock (CLOCK_MONOTONIC, taken just before the process is spawned) to the first
             frameSwapped of the first window, as the probe in the process reports it
             (app/platform/benchprobe.cpp). "Cold" means a fresh process each run: the page cache is
             not dropped (that needs root), so files are warm after the warm-up, for both binaries.
  rss        VmRSS of /proc/PID/status, read by this script 5 s after the spawn.
  open       App.openConversationById(longest) request to the first frame painted with timeline rows
             of that conversation (measured in the process).
  scroll     one step towards the top per frame (--scroll-step of the view's height, default 0.2: two
             viewports per ten frames), for --scroll-seconds or to the top (--to-top); frame time is
             the interval between consecutive frameSwapped; memory is VmRSS at the start and end of
             the scroll (and its peak, sampled here every 0.25 s).
"""

import argparse
import json
import os
import random
import select
import shutil
import signal
import statistics
import subprocess
import sys
import time

TARGET_START_RATIO = 1.5
TARGET_RSS_RATIO = 1.3
TARGET_OPEN_MS = 50.0
TARGET_SCROLL_P99_MS = 16.0


def log(*parts):
    print("bench:", *parts, file=sys.stderr, flush=True)


def fail(message):
    log("error:", message)
    sys.exit(2)


def median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 2) if values else None


def memory_kb(pid):
    """VmRSS and its parts (anonymous, file-backed: libraries, fonts, mapped files; shared memory)."""
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key = line.split(":")[0]
                if key in ("VmRSS", "RssAnon", "RssFile", "RssShmem"):
                    out[key] = int(line.split()[1])
    except OSError:
        pass
    return out


def rss_kb(pid):
    return memory_kb(pid).get("VmRSS")


def read_events(path):
    events = []
    try:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line:
                    try:
                        events.append(json.loads(line))
                    except json.JSONDecodeError:
                        pass  # a line still being written
    except FileNotFoundError:
        pass
    return events


def find_event(events, name):
    return next((e for e in events if e.get("event") == name), None)


def stop(proc, grace=5.0):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Xvfb:
    """An X server of our own on a display no one uses: a number picked from a high range whose lock
    file is absent (low numbers are where other tests' servers go), confirmed by -displayfd, which
    Xvfb writes to once it accepts connections."""

    def __init__(self, size):
        rng = random.Random(os.getpid())
        for _ in range(20):
            number = rng.randrange(100, 900)
            if os.path.exists(f"/tmp/.X{number}-lock") or os.path.exists(f"/tmp/.X11-unix/X{number}"):
                continue
            read_fd, write_fd = os.pipe()
            self.proc = subprocess.Popen(
                ["Xvfb", f":{number}", "-displayfd", str(write_fd), "-screen", "0", size, "-nolisten", "tcp",
                 "-noreset"], pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            os.close(write_fd)
            ready, _, _ = select.select([read_fd], [], [], 10)
            answer = os.read(read_fd, 64).decode().strip() if ready else ""
            os.close(read_fd)
            if answer == str(number) and self.proc.poll() is None:
                self.display = f":{number}"
                return
            stop(self.proc)
        fail("Xvfb did not start (is the xvfb package installed?)")

    def close(self):
        stop(self.proc)


def resolve_binaries(args):
    if args.build:
        bin_dir = os.path.join(args.build, "bin")
        args.tandem = args.tandem or os.path.join(bin_dir, "tandem")
        args.floor = args.floor or os.path.join(bin_dir, "tandem-floor")
        args.profile_tool = args.profile_tool or os.path.join(bin_dir, "tandem-bench-profile")
        args.profile_cache = args.profile_cache or os.path.join(args.build, "bench-profile")
        args.work = args.work or os.path.join(args.build, "bench-app")
    missing = [n for n in ("tandem", "floor", "profile_tool") if not getattr(args, n)]
    if missing or not args.profile_cache or not args.work:
        fail("give --build DIR, or --tandem, --floor, --profile-tool, --profile-cache and --work")
    for name in ("tandem", "floor", "profile_tool"):
        path = getattr(args, name)
        if not os.access(path, os.X_OK):
            fail(f"{path} is missing: build it first, e.g. cmake --build <dir> --target tandem "
                 "tandem-floor tandem-bench-profile")


def make_profile(args):
    command = [args.profile_tool, "--out", args.profile_cache, "--passphrase", args.passphrase,
               "--messages", str(args.messages), "--conversations", str(args.conversations),
               "--longest", str(args.longest)]
    log("profile:", " ".join(command))
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        fail("tandem-bench-profile failed")
    return json.loads(done.stdout)


def base_env(args, display):
    env = dict(os.environ)
    for name in list(env):
        if name.startswith("TANDEM_") or name in ("QT_QPA_PLATFORM", "QT_LOGGING_RULES", "QSG_INFO"):
            del env[name]
    env["DISPLAY"] = display
    env["QT_QPA_PLATFORM"] = "xcb"
    env.pop("QT_QUICK_BACKEND", None)
    env.pop("QSG_RHI_BACKEND", None)
    # auto: each binary picks its scene graph as tandem does (app/platform/scenegraphchoice.h: on Xvfb,
    # Qt Quick's software renderer); the others force one through Qt's own variables, which both respect.
    if args.quick_backend == "opengl":
        env["QSG_RHI_BACKEND"] = "opengl"
    elif args.quick_backend == "software":
        env["QT_QUICK_BACKEND"] = "software"
    # Our own settings, caches (Mesa's shader cache among them) and runtime folder: the same for both
    # binaries, warmed by the warm-up runs, and nothing written to the user's.
    for name, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                      ("XDG_DATA_HOME", "data"), ("XDG_RUNTIME_DIR", "runtime")):
        path = os.path.join(args.work, "home", sub)
        os.makedirs(path, mode=0o700, exist_ok=True)
        env[name] = path
    return env


def run_once(args, env, kind, index, profile):
    """One fresh process: start, RSS at --rss-delay, and for the app the open-and-scroll script."""
    report = os.path.join(args.work, f"run{index}-{kind}.jsonl")
    stderr_path = os.path.join(args.work, f"run{index}-{kind}.stderr")
    if os.path.exists(report):
        os.remove(report)
    env = dict(env)
    env["TANDEM_BENCH"] = report
    scripted = kind == "app" and not args.start_only and index >= 0
    if kind == "app":
        command = [args.tandem, "--profile", profile["profile"]]
        env["TANDEM_PASSPHRASE"] = args.passphrase
        if scripted:
            env["TANDEM_BENCH_SCRIPT"] = "open_and_scroll"
            env["TANDEM_BENCH_CONVERSATION"] = profile["longest_conversation"]
            # The script waits for the RSS reading, so that it measures the app as started, untouched.
            env["TANDEM_BENCH_SCRIPT_DELAY_MS"] = str(int(args.rss_delay * 1000 + 500))
            env["TANDEM_BENCH_SCROLL_STEP"] = str(args.scroll_step)
            if args.assist_fetch:
                env["TANDEM_BENCH_SCROLL_ASSIST_FETCH"] = "1"
            env["TANDEM_BENCH_SCROLL_SECONDS"] = str(args.scroll_max_seconds if args.to_top
                                                     else args.scroll_seconds)
    else:
        command = [args.floor]
    with open(stderr_path, "w") as err:
        t0 = time.monotonic_ns()
        env["TANDEM_BENCH_T0_NS"] = str(t0)
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err,
                                start_new_session=True)
        result = {"kind": kind, "run": index}
        try:
            wait_until = t0 / 1e9 + args.rss_delay
            while time.monotonic() < wait_until and proc.poll() is None:
                time.sleep(min(0.05, max(0.0, wait_until - time.monotonic())))
            memory = memory_kb(proc.pid)
            result["rss_kb"] = memory.get("VmRSS")
            result["rss_parts_kb"] = {k: v for k, v in memory.items() if k != "VmRSS"}
            result["rss_read_at_s"] = round(time.monotonic() - t0 / 1e9, 3)
            deadline = time.monotonic() + (args.timeout if scripted else 20)
            scroll_rss = []
            while time.monotonic() < deadline:
                events = read_events(report)
                if find_event(events, "error") or proc.poll() is not None:
                    break
                if not scripted and find_event(events, "first_frame"):
                    break
                if scripted and find_event(events, "scroll"):
                    break
                if scripted and find_event(events, "scroll_start"):
                    scroll_rss.append(rss_kb(proc.pid))
                time.sleep(0.25)
            events = read_events(report)
        finally:
            if scripted:
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    pass
            stop(proc)
    first = find_event(events, "first_frame")
    result["start_ms"] = first["ms"] if first else None
    if first:
        result["start_detail"] = {k: first.get(k) for k in
                                  ("ms_since_exec", "ms_to_static_init", "origin", "graphics_api")}
    error = find_event(events, "error")
    if error:
        result["error"] = f"{error.get('stage')}: {error.get('message')}"
    elif not first:
        result["error"] = f"no first frame (exit code {proc.returncode}; see {stderr_path})"
    if result["rss_kb"] is None:
        result["error"] = result.get("error") or f"exited before the RSS reading (see {stderr_path})"
    if scripted:
        ready = find_event(events, "ready")
        opened = find_event(events, "open")
        scroll = find_event(events, "scroll")
        ready_frame = find_event(events, "ready_frame")
        result["ready_ms"] = ready["ms"] if ready else None
        result["ready_frame_ms"] = ready_frame["ms"] if ready_frame else None
        result["open_ms"] = opened["ms"] if opened else None
        result["open_rows"] = opened["rows"] if opened else None
        result["scroll"] = scroll
        samples = [v for v in scroll_rss if v]
        result["scroll_rss_peak_kb"] = max(samples) if samples else None
        # Halfway through the scroll (the samples are 0.25 s apart): what the second half added says
        # whether memory keeps growing with the rows scrolled past.
        result["scroll_rss_mid_kb"] = samples[len(samples) // 2] if len(samples) >= 4 else None
        if "error" not in result and not scroll:
            result["error"] = f"the script did not finish (see {report} and {stderr_path})"
    return result


def summarize(args, profile, floors, apps, renderer):
    def values(runs, key):
        return [r.get(key) for r in runs if r.get(key) is not None]

    def scroll_values(key):
        return [r["scroll"][key] for r in apps if r.get("scroll") and r["scroll"].get(key) is not None]

    start, floor_start = median(values(apps, "start_ms")), median(values(floors, "start_ms"))
    rss, floor_rss = median(values(apps, "rss_kb")), median(values(floors, "rss_kb"))
    ratio = (lambda a, b: round(a / b, 3) if a is not None and b else None)
    open_ms = median(values(apps, "open_ms"))
    p99 = median(scroll_values("p99_ms"))
    rss_start = median(scroll_values("rss_start_kb"))
    rss_end = median(scroll_values("rss_end_kb"))
    rss_mid = median(values(apps, "scroll_rss_mid_kb"))
    # A scroll that got stuck (the view stopped loading older rows) measured frames of a still list:
    # neither its frame times nor its memory say anything, so those targets are not met.
    ended = [r["scroll"].get("ended") for r in apps if r.get("scroll")]
    moved = bool(ended) and all(e in ("top", "limit") for e in ended)
    # Flat: the second half of the scroll adds at most --flat-tolerance. The first half fills what is
    # bounded and filled once (SQLCipher's page cache, the glyph cache, the delegate pool: about 10 MB
    # in the first seconds, then nothing); what grows with the rows scrolled past grows in both halves.
    flat = None
    if rss_mid and rss_end:
        flat = moved and rss_end <= rss_mid * (1 + args.flat_tolerance)
    start_ratio, rss_ratio = ratio(start, floor_start), ratio(rss, floor_rss)
    targets = {
        "start_ratio_le_1_5": start_ratio is not None and start_ratio <= TARGET_START_RATIO,
        "rss_ratio_le_1_3": rss_ratio is not None and rss_ratio <= TARGET_RSS_RATIO,
        "open_le_50_ms": open_ms is not None and open_ms <= TARGET_OPEN_MS,
        "scroll_p99_le_16_ms": moved and p99 is not None and p99 <= TARGET_SCROLL_P99_MS,
        "scroll_memory_flat": bool(flat),
    }
    if args.start_only:
        for k in ("open_le_50_ms", "scroll_p99_le_16_ms", "scroll_memory_flat"):
            targets[k] = None
    return {
        "start_ms": start,
        "floor_start_ms": floor_start,
        "start_ratio": start_ratio,
        "rss_kb": rss,
        "floor_rss_kb": floor_rss,
        "rss_ratio": rss_ratio,
        "open_conversation_ms": open_ms,
        "scroll_p50_frame_ms": median(scroll_values("p50_ms")),
        "scroll_p99_frame_ms": p99,
        "scroll_max_frame_ms": max(scroll_values("max_ms"), default=None),
        "scroll_frames": median(scroll_values("frames")),
        "scroll_seconds": median(scroll_values("seconds")),
        "scroll_rows_loaded": median(scroll_values("rows_end")),
        "scroll_ended": ended,
        "scroll_reached_top": all(scroll_values("reached_top")) if scroll_values("reached_top") else False,
        "scroll_rss_start_kb": rss_start,
        "scroll_rss_mid_kb": rss_mid,
        "scroll_rss_end_kb": rss_end,
        "scroll_rss_peak_kb": max(values(apps, "scroll_rss_peak_kb"), default=None),
        "scroll_stalled_frames": median(scroll_values("stalled_frames")),
        "scroll_assisted_fetches": median(scroll_values("assisted_fetches")),
        "rss_parts_kb": {kind: {part: median([r["rss_parts_kb"].get(part) for r in runs if r.get("rss_parts_kb")])
                                for part in ("RssAnon", "RssFile", "RssShmem")}
                         for kind, runs in (("app", apps), ("floor", floors))},
        "ready_ms": median(values(apps, "ready_ms")),
        "ready_frame_ms": median(values(apps, "ready_frame_ms")),
        "messages": profile.get("stored_messages", profile.get("messages")),
        "conversations": profile.get("stored_conversations", profile.get("conversations")),
        "longest_conversation_messages": profile.get("longest_messages"),
        "runs": args.runs,
        "targets": targets,
        "all_targets_met": all(v for v in targets.values() if v is not None),
        "errors": [f"{r['kind']} run {r['run']}: {r['error']}" for r in floors + apps if r.get("error")],
        "profile": {k: profile.get(k) for k in ("profile", "reused", "generate_seconds", "db_bytes",
                                                 "longest_conversation")},
        "setup": {"display": f"Xvfb {args.screen}", "renderer": renderer.get("app"),
                  "floor_renderer": renderer.get("floor"),
                  "quick_backend": args.quick_backend, "cpus": os.cpu_count(),
                  "scroll_step_viewports": args.scroll_step, "rss_delay_s": args.rss_delay,
                  "warmup_runs": args.warmup, "assist_fetch": args.assist_fetch, "memory_flat_tolerance": args.flat_tolerance,
                  "cold_start": "fresh process per run; page cache not dropped"},
        "per_run": {"floor": floors, "app": apps},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", help="build folder: bin/tandem, bin/tandem-floor, bin/tandem-bench-profile")
    parser.add_argument("--tandem")
    parser.add_argument("--floor")
    parser.add_argument("--profile-tool")
    parser.add_argument("--profile-cache", help="where the profile is made once and reused")
    parser.add_argument("--work", help="reports, logs and the processes' XDG folders")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs of each binary first")
    parser.add_argument("--messages", type=int, default=1000000)
    parser.add_argument("--conversations", type=int, default=500)
    parser.add_argument("--longest", type=int, default=100000)
    parser.add_argument("--passphrase", default="tandem-bench")
    parser.add_argument("--rss-delay", type=float, default=5.0)
    parser.add_argument("--scroll-seconds", type=float, default=20.0)
    parser.add_argument("--scroll-step", type=float, default=0.2, help="viewport heights per frame")
    parser.add_argument("--to-top", action="store_true",
                        help="scroll until the top of the conversation (at most --scroll-max-seconds)")
    parser.add_argument("--scroll-max-seconds", type=float, default=900.0)
    parser.add_argument("--flat-tolerance", type=float, default=0.02,
                        help="memory is flat when RSS at the end of the scroll is within this of RSS halfway")
    parser.add_argument("--assist-fetch", action="store_true",
                        help="diagnosis: when the view stops fetching older pages, the probe calls fetchMore()")
    parser.add_argument("--start-only", action="store_true", help="measure start and RSS only")
    parser.add_argument("--screen", default="1440x900x24")
    parser.add_argument("--quick-backend", choices=("auto", "opengl", "software"), default="auto",
                        help="Qt Quick's scene graph for both binaries: auto (as tandem picks it; under Xvfb "
                             "the software renderer), opengl (QSG_RHI_BACKEND=opengl: Mesa's llvmpipe under "
                             "Xvfb) or software (QT_QUICK_BACKEND=software)")
    parser.add_argument("--timeout", type=float, default=0, help="per app run (default: from the scroll)")
    args = parser.parse_args()
    resolve_binaries(args)
    if not args.timeout:
        args.timeout = 120 + args.rss_delay + (args.scroll_max_seconds if args.to_top else args.scroll_seconds)
    os.makedirs(args.work, exist_ok=True)
    if not shutil.which("Xvfb"):
        fail("Xvfb is not installed")

    profile = make_profile(args)
    log(f"profile {profile['profile']} ({'reused' if profile.get('reused') else 'made'} in "
        f"{profile.get('generate_seconds')} s), longest {profile['longest_conversation']}")
    xvfb = Xvfb(args.screen)
    floors, apps = [], []
    renderer = {}  # graphics_api of the first run of each binary: "software" or "opengl"
    xvfb_restarts = 0
    try:
        env = base_env(args, xvfb.display)
        for k in range(args.warmup):
            log(f"warm-up {k + 1}")
            run_once(args, env, "floor", -1 - k, profile)
            run_once(args, env, "app", -1 - k, profile)
        for k in range(args.runs):
            # Alternate which goes first, so a drift in the machine's load weighs on both alike.
            order = ("floor", "app") if k % 2 == 0 else ("app", "floor")
            for kind in order:
                if xvfb.proc.poll() is not None:
                    # Something else on the machine ended our X server: a new one, and say so.
                    log(f"Xvfb {xvfb.display} is gone (exit {xvfb.proc.returncode}); starting another")
                    xvfb = Xvfb(args.screen)
                    env["DISPLAY"] = xvfb.display
                    xvfb_restarts += 1
                result = run_once(args, env, kind, k, profile)
                (floors if kind == "floor" else apps).append(result)
                renderer.setdefault(kind, (result.get("start_detail") or {}).get("graphics_api"))
                scroll = result.get("scroll") or {}
                log(f"run {k + 1}/{args.runs} {kind}: start {result.get('start_ms')} ms, rss "
                    f"{result.get('rss_kb')} kB" + (f", open {result.get('open_ms')} ms, scroll p99 "
                                                   f"{scroll.get('p99_ms')} ms over {scroll.get('frames')} frames"
                                                   if kind == "app" and not args.start_only else "")
                    + (f" [{result['error']}]" if result.get("error") else ""))
    finally:
        xvfb.close()
    summary = summarize(args, profile, floors, apps, renderer)
    summary["setup"]["xvfb_restarts"] = xvfb_restarts
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
