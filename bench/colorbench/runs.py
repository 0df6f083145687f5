"""The run's shared state: the apps and APIs (started on first use, shared by scenarios, stopped when no
later scenario needs them), the table's rows, and one measured file (drop, wait, CPU, GC, check)."""

from __future__ import annotations

import math
import os
import shlex
import shutil
import time
from dataclasses import dataclass, field

from .apps import ApiServer, App, AppKey, Variant
from .common import log
from .meters import CpuMeter, cpu_text
from .procs import Proc

SCENARIOS = ["seed", "seed-cold", "throughput", "latency-bound", "memory", "pickup", "many-files", "adaptive",
             "repeats"]


@dataclass
class Plan:
    """How much each scenario does. Plan() is the full run, QUICK a smoke run, TARGETS the subset that
    covers the targets of issue 10 at full size."""
    seed_items: int = 300
    seed_runs: int = 3
    seed_warmups: int = 2
    cold_runs: int = 3
    tput_items: int = 20_000
    tput_concs: tuple = (64, 32, 128)
    tput_runs: int = 3
    lat_items: int = 20_000
    lat_runs: int = 3
    mem_sizes: tuple = (10_000, 100_000, 1_000_000)
    pickup_files: int = 20
    many_files: int = 10
    many_items: int = 300
    big_items: int = 1_000_000
    small_items: int = 10
    repeat_lines: int = 20_000  # the repeats scenario's list (the 148 names over and over)
    warmups: int = 1  # warm-up files of latency-bound and throughput (the first is reported)
    peer_rounds: int = 4  # per peer process: 1 cold round, then the median of the others is its warm figure


QUICK = Plan(seed_runs=1, seed_warmups=1, cold_runs=1, tput_items=5_000, tput_concs=(64,), tput_runs=1,
             lat_items=2_560, lat_runs=1, mem_sizes=(10_000, 50_000), pickup_files=5, many_files=3, big_items=50_000,
             peer_rounds=2, repeat_lines=2_000)
TARGETS = Plan(tput_concs=(64,), mem_sizes=(1_000_000,), pickup_files=10)

# the seed question with the app's defaults (stable-for 100 ms, poll.delay 50 ms) and colors.concurrency=300
SEED_KEY = AppKey(300, 1000, 100)
LAT_KEY = AppKey(256, 50)
MEM_KEY = AppKey(64, 0, 0, "128m")
C64_KEY = AppKey(64, 0)
PICKUP_DEFAULT_KEY = AppKey(64, 0, 100)


@dataclass
class Row:
    scenario: str
    figure: str
    target: str
    verdict: str
    variant: str | None = None  # the jar measured ("app", "baseline"), None for a peer's row or one of both


@dataclass
class Trace:
    """Where a file's time went, from the stub API's arrival and answer times (same clock as the drop):
    drop -> first request, first -> last request (the dispatch spread), last answer -> output."""
    to_first: float
    spread: float
    answers: float  # first -> last answer
    tail: float

    @staticmethod
    def of(t0: float, elapsed: float, times) -> "Trace | None":
        if not times or not times[0] or not times[1]:
            return None
        arrived, answered = times
        return Trace(arrived[0] - t0, arrived[-1] - arrived[0], answered[-1] - answered[0], t0 + elapsed - answered[-1])

    def text(self) -> str:
        return (f"drop→1st request {self.to_first * 1000:.0f} ms, requests left over {self.spread * 1000:.0f} ms, "
                f"answers over {self.answers * 1000:.0f} ms, last answer→output {self.tail * 1000:.0f} ms")


@dataclass
class FileRun:
    name: str
    items: int
    elapsed: object  # float seconds or a failure string
    cpu: dict | None = None
    gc: tuple = (0, 0.0, 0.0)
    valid: bool | None = None
    check: str = ""
    head: dict = field(default_factory=dict)
    fill_row: object = None
    trace: Trace | None = None

    @property
    def duration_s(self) -> float | None:
        """The app's own processing time of the file (the output's durationMs)."""
        d = self.head.get("durationMs")
        return d / 1000 if isinstance(d, (int, float)) else None

    @property
    def ok(self) -> bool:
        return isinstance(self.elapsed, float) and self.valid is not False

    @property
    def rate(self) -> float:
        return self.items / self.elapsed if isinstance(self.elapsed, float) and self.elapsed > 0 else 0.0


class Ctx:
    def __init__(self, args, work: str, variants: dict[str, Variant], python_peer: tuple[str | None, str]):
        self.args, self.work, self.java = args, work, args.java
        # what is measured, alternating: "app", then "baseline" with --baseline-*
        self.variant = variants
        self.variants = list(variants)
        self.python_peer = python_peer  # (interpreter with aiohttp or None, how it was found or why not)
        self.peer_runs: dict[str, list] = {}  # scenario -> the peers' runs (seed-cold quotes the seed's)
        self.api_jvm = shlex.split(args.api_jvm)
        self.api_args = shlex.split(args.api_args)
        jdir = os.path.dirname(os.path.realpath(args.java))
        self.jcmd = os.path.join(jdir, "jcmd") if os.path.exists(os.path.join(jdir, "jcmd")) else shutil.which("jcmd")
        self.apis: dict[int, ApiServer] = {}
        self.apps: dict[AppKey, App] = {}
        self.n_apps = 0
        self.rows: dict[str, list[Row]] = {s: [] for s in SCENARIOS}
        self.notes: list[str] = []
        self.cmdlines: dict[str, list[str]] = {}
        self.current = ""
        self.other_load: dict[str, list[float]] = {}

    def note_cpu(self, cpu: dict | None):
        if cpu and cpu["wall"] >= 0.5:
            self.other_load.setdefault(self.current, []).append(cpu["cores"]["other"])

    def our_pids(self) -> list[int]:
        return [p.pid for p in Proc.running if p.alive()]

    def wait_quiet(self, max_s: float, limit: float = 0.25):
        """Waits (at most max_s) until processes other than ours use less than `limit` cores for a second."""
        if max_s <= 0:
            return
        t0 = time.monotonic()
        while True:
            meter = CpuMeter({str(p): p for p in self.our_pids()})
            time.sleep(1.0)
            other = meter.stop()["cores"]["other"]
            waited = time.monotonic() - t0
            if other < limit:
                if waited > 1.5:
                    log(f"machine quiet after {waited:.0f} s (other processes {other:.2f} cores)")
                return
            if waited >= max_s:
                log(f"other processes still use {other:.2f} cores after waiting {waited:.0f} s: going on (figures may be noisy)")
                return
            if int(waited) % 10 == 1:
                log(f"waiting for a quiet machine: other processes use {other:.2f} cores")

    def api(self, latency_ms: int) -> ApiServer:
        if latency_ms not in self.apis or not self.apis[latency_ms].proc.alive():
            self.apis[latency_ms] = ApiServer(self, latency_ms)
            self.cmdlines.setdefault(f"API {latency_ms} ms", self.apis[latency_ms].proc.cmd)
        return self.apis[latency_ms]

    def app(self, key: AppKey) -> App:
        a = self.apps.get(key)
        if a is None or a.tainted or not a.proc.alive():
            if a is not None:
                self.stop_app(key)
            self.n_apps += 1
            a = self.apps[key] = App(self, key, self.api(key.latency_ms), self.n_apps)
            self.cmdlines.setdefault(f"app {key.label()}", a.cmdline)
        return a

    def cold_app(self, key: AppKey, name: str, n: int) -> App:
        """A new app JVM (not shared) with the hidden file name already written, returned when it logs that
        it started; the caller drops the file and stops the app."""
        self.n_apps += 1
        a = App(self, key, self.api(key.latency_ms), self.n_apps, cold=True, cold_file=(name, n))
        self.cmdlines.setdefault(f"app {key.label()} (cold)", a.cmdline)
        return a

    def stop_app(self, key: AppKey):
        a = self.apps.pop(key, None)
        if a:
            log(f"stopping app {key.label()}")
            a.proc.stop()

    def release(self, keep_apps: set, keep_apis: set):
        for k in list(self.apps):
            if k not in keep_apps:
                self.stop_app(k)
        for lat in list(self.apis):
            if lat not in keep_apis:
                log(f"stopping API server (latency {lat} ms)")
                self.apis.pop(lat).proc.stop()

    def pids(self, app: App) -> dict[str, int]:
        return {"app": app.proc.pid, "api": app.api.proc.pid}

    def run_file(self, app: App, name: str, n: int, verify: bool = True, extra: str = "",
                 written: bool = False) -> FileRun:
        """One file: write hidden (unless written), rename in, wait for the output, then (untimed) check it.
        Files up to 20,000 items also get a Trace from the stub's request times."""
        if not written:
            app.write_hidden(name, n)
        traced = n <= 20_000 and app.api.times() is not None  # (reading the times also starts them over)
        app.gc.mark()
        meter = CpuMeter(self.pids(app))
        t0 = app.rename_in(name)
        el = app.wait({name: t0}, expected_s(n, app.key))[name]
        cpu = meter.stop()
        r = FileRun(name, n, el, cpu, app.gc.since())
        if traced and isinstance(el, float):
            r.trace = Trace.of(t0, el, app.api.times())
        self.note_cpu(cpu)
        app.files_done += 1
        if verify and isinstance(el, float):
            r.valid, r.check, r.head = app.verify(name, n)
        if r.trace:
            extra += f" | {r.trace.text()}"
        log_file_run(r, extra)
        return r


def expected_s(n: int, key: AppKey) -> float:
    """A generous guess of a file's time, for the hard timeout cap: the latency floor plus 1,000 items/s."""
    c = key.concurrency if isinstance(key.concurrency, int) else 8  # auto: assume a low bound
    return math.ceil(n / c) * key.latency_ms / 1000 + n / 1000


def log_file_run(r: FileRun, extra: str = ""):
    if not isinstance(r.elapsed, float):
        log(f"  {r.name}: {r.items:,} items -> FAILED: {r.elapsed}")
        return
    app_cpu = r.cpu["cpu_s"].get("app", 0.0) if r.cpu else 0.0
    api_cpu = r.cpu["cpu_s"].get("api", 0.0) if r.cpu else 0.0
    gc_n, gc_ms, gc_max = r.gc
    check = "" if r.valid is None else (f"output OK ({r.check.split('; ', 1)[1] if '; ' in r.check else 'checked'})"
                                        if r.valid else f"OUTPUT INVALID: {r.check}")
    log(f"  {r.name}: {r.items:,} items in {r.elapsed:.3f} s ({r.rate:,.0f} items/s) | {cpu_text(r.cpu)} | "
        f"CPU/item app {app_cpu / r.items * 1e6:,.0f} us, api {api_cpu / r.items * 1e6:,.0f} us | "
        f"GC {gc_n} pauses {gc_ms:.0f} ms (max {gc_max:.0f}) | {check}{extra}")


def fail_text(runs: list[FileRun]) -> str | None:
    for r in runs:
        if not isinstance(r.elapsed, float):
            return f"{r.name}: {r.elapsed}"
        if r.valid is False:
            return f"{r.name}: invalid output ({r.check})"
    return None


