// The app benchmark's probe (tests/bench/run_app_bench.py): measures start-up to the first frame and,
// when asked, opens a conversation and scrolls its timeline, writing what it saw as JSON lines to the
// file named by TANDEM_BENCH. Without TANDEM_BENCH it does nothing and costs one getenv. The floor of
// the benchmark (tests/bench/floor) links this same file, so both measure the same way.
//
// Environment (all set by run_app_bench.py):
//   TANDEM_BENCH                 the report file (appended, one JSON object per line)
//   TANDEM_BENCH_T0_NS           the launcher's CLOCK_MONOTONIC just before it started the process
//   TANDEM_BENCH_SCRIPT          "open_and_scroll", or unset (first frame only)
//   TANDEM_BENCH_CONVERSATION    the conversation to open
//   TANDEM_BENCH_SCRIPT_DELAY_MS the script starts no earlier than this after process start (default 0)
//   TANDEM_BENCH_READY_TIMEOUT_MS how long to wait for App.state "ready" (default 60000)
//   TANDEM_BENCH_SCROLL_SECONDS  scroll for at most this long (default 20)
//   TANDEM_BENCH_SCROLL_FRAMES   and at most this many frames (default 0: no limit)
//   TANDEM_BENCH_SCROLL_STEP     pixels per frame, as a fraction of the view's height (default 0.2)
//   TANDEM_BENCH_SCROLL_ASSIST_FETCH  1: at the top with older pages left, call the model's fetchMore()
//                                in the view's place (a diagnosis aid, reported as assisted_fetches)
#pragma once

class QQmlApplicationEngine;

namespace tandem::app {

class BenchProbe
{
public:
    // Installs the probe on the engine's first window when TANDEM_BENCH is set. Call it before or
    // after QQmlApplicationEngine::load.
    static void installIfRequested(QQmlApplicationEngine &engine);
};

} // namespace tandem::app
