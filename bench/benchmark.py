#!/usr/bin/env python3
"""color-inbox benchmark (Python 3 standard library only).

Starts a loopback API server (this application's jar in API-only mode, --colors.inbox.enabled=false,
one JVM per API latency) and the packaged application as separate processes on free ports, each with
its own temp inbox/outbox, drops generated list files the safe way (written under a hidden
".name.tmp", then renamed into the inbox), measures drop-to-output wall times (time.monotonic() from
the rename until <outbox>/<stem>.json exists, polled every 3 ms), checks every output (valid JSON,
total, results in input order, all ok), stops everything it started (also on Ctrl-C or an error)
and prints a table: text, then Markdown for the README.

The application runs with --colors.inbox.stable-for=0s: the benchmark drops by rename, which is safe
without the stability wait (the pickup scenario also measures the app's default of 100ms).

    bench/run.sh                                   # everything; ~6 min if the app met its targets,
                                                   # ~10 min at today's 3-5k items/s
    bench/run.sh --scenario seed                   # one scenario (repeatable; also many-files-a / -b)
    bench/run.sh --quick                           # small smoke version of everything (~3 min)
    bench/run.sh --keep                            # keep the temp folders, inputs, outputs and logs
    bench/run.sh --jar /tmp/app.jar --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
    bench/run.sh --app-args='--colors.files.parallel=10' --scenario many-files-a   # try a setting
    bench/run.sh --quiet-wait 60                   # on a shared machine: wait for a calm moment first

Scenarios: seed, throughput, latency-bound, memory, pickup, many-files. In a full run many-files (b)
(a small file dropped 1 s after a 1,000,000-item one) rides on the memory scenario's 1,000,000-item
file instead of processing a second one. JVMs start from an extracted jar with a CDS archive made by
a training run (a few seconds per start instead of 10-20 s on 2 cores); --no-cds runs the plain jar.
Besides the table it reports, per measurement, the CPU used by the app, the API and other processes
(/proc), GC pauses (-Xlog:gc), per-thread-group CPU (jcmd Thread.print) and a top sample.
"""

from __future__ import annotations

import argparse
import ctypes
import glob
import json
import math
import os
import platform
import random
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile
import zlib
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLK = os.sysconf("SC_CLK_TCK")
T_START = time.monotonic()

SCENARIOS = ["seed", "throughput", "latency-bound", "memory", "pickup", "many-files"]

DEFAULT_APP_JVM = "-Xss512k -XX:+UseParallelGC"
DEFAULT_API_JVM = "-Xss512k -XX:+UseParallelGC"
# The benchmark's API is a stand-in that shares the 2 cores with the app, so it is made as cheap as
# settings allow: Tomcat's default closes a keep-alive connection after 100 requests (the app would
# reconnect every 100 calls); the request metrics/observations and Camel's metrics cost ~20% of its CPU.
DEFAULT_API_ARGS = ("--server.tomcat.max-keep-alive-requests=-1 --management.observations.enable.http.server.requests=false "
                    "--management.metrics.enable.all=false --camel.metrics.enable-exchange-event-notifier=false "
                    "--camel.metrics.enable-route-policy=false --camel.metrics.enable-route-event-notifier=false")

FALLBACK_NAMES = ["red", "green", "blue", "yellow", "orange", "purple", "black", "white", "gray", "navy",
                  "teal", "olive", "maroon", "lime", "aqua", "fuchsia", "silver", "coral", "salmon", "gold"]
NAMES: list[str] = FALLBACK_NAMES


class BenchError(Exception):
    pass


def log(msg: str) -> None:
    print(f"[{time.monotonic() - T_START:7.1f}s] {msg}", flush=True)


def fmt_s(x) -> str:
    return x if isinstance(x, str) else f"{x:.3f} s"


def fmt_ms(x) -> str:
    return x if isinstance(x, str) else f"{x * 1000:.0f} ms"


def fmt_int(n) -> str:
    return f"{n:,}"


def tail(path: str, lines: int = 40) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 64 * 1024))
            data = f.read().decode("utf-8", "replace")
        return "\n".join(data.splitlines()[-lines:])
    except OSError as e:
        return f"(cannot read {path}: {e})"


# ---------------------------------------------------------------------------------------------
# processes

def _child_setup():  # runs in the child between fork and exec
    os.setsid()  # own session: Ctrl-C in the terminal reaches only the benchmark, which stops it
    try:  # if the benchmark itself is killed (-9), the kernel sends the child SIGTERM
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class Proc:
    running: list["Proc"] = []

    def __init__(self, name: str, cmd: list[str], cwd: str, log_path: str):
        self.name, self.cmd, self.log_path = name, cmd, log_path
        self.log_f = open(log_path, "wb")
        self.log_f.write((" ".join(shlex.quote(c) for c in cmd) + "\n\n").encode())
        self.log_f.flush()
        self.p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=self.log_f,
                                  stderr=subprocess.STDOUT, preexec_fn=_child_setup)
        self.pid = self.p.pid
        Proc.running.append(self)

    def alive(self) -> bool:
        return self.p.poll() is None

    def stop(self, timeout: float = 15.0) -> None:
        try:
            if self.p.poll() is None:
                self.p.send_signal(signal.SIGTERM)
                try:
                    self.p.wait(timeout)
                except subprocess.TimeoutExpired:
                    log(f"{self.name} (pid {self.pid}) did not stop within {timeout:.0f} s: SIGKILL")
                    self.p.kill()
                    self.p.wait(10)
        finally:
            self.log_f.close()
            if self in Proc.running:
                Proc.running.remove(self)

    @staticmethod
    def stop_all() -> None:
        for p in list(reversed(Proc.running)):
            try:
                p.stop()
            except Exception as e:  # keep stopping the others
                print(f"cannot stop {p.name} (pid {p.pid}): {e}", file=sys.stderr)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url: str, timeout: float = 2.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def wait_up(proc: Proc, port: int, timeout: float) -> float:
    """Polls /actuator/health until UP; seconds from now."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if not proc.alive():
            raise BenchError(f"{proc.name} exited with {proc.p.returncode} while starting; log {proc.log_path}:\n"
                             + tail(proc.log_path))
        try:
            status, body = http_get(f"http://127.0.0.1:{port}/actuator/health")
            if status == 200 and json.loads(body).get("status") == "UP":
                return time.monotonic() - t0
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    raise BenchError(f"{proc.name} not UP after {timeout:.0f} s; log {proc.log_path}:\n" + tail(proc.log_path))


# ---------------------------------------------------------------------------------------------
# measuring: CPU, memory, connections, GC

def proc_cpu(pid: int) -> float:
    """utime + stime of a process in seconds (all its threads)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            rest = f.read().rsplit(")", 1)[1].split()
        return (int(rest[11]) + int(rest[12])) / CLK
    except (OSError, IndexError, ValueError):
        return 0.0


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + (v[4] if len(v) > 4 else 0)
    busy = v[0] + v[1] + v[2] + sum(v[5:8])  # user nice system irq softirq steal (guest is in user)
    return busy / CLK, (busy + idle) / CLK


def proc_status_kb(pid: int, key: str) -> int:
    return proc_status_like(f"/proc/{pid}/status", key)


class CpuMeter:
    """CPU used between start and stop, in cores (CPU seconds per wall second), per labelled pid."""

    def __init__(self, pids: dict[str, int]):
        self.pids = pids
        self.t0 = time.monotonic()
        self.m0 = machine_cpu()
        self.p0 = {k: proc_cpu(p) for k, p in pids.items()}
        t = os.times()
        self.self0 = t.user + t.system

    def stop(self) -> dict:
        wall = max(1e-6, time.monotonic() - self.t0)
        m1 = machine_cpu()
        t = os.times()
        res = {"wall": wall, "cpu_s": {}, "cores": {}}
        ours = 0.0
        for k, p in self.pids.items():
            d = proc_cpu(p) - self.p0[k]
            res["cpu_s"][k] = d
            res["cores"][k] = d / wall
            ours += d
        bench = t.user + t.system - self.self0
        busy = m1[0] - self.m0[0]
        res["cores"]["bench"] = bench / wall
        res["cores"]["machine"] = busy / wall
        res["cores"]["other"] = max(0.0, busy - ours - bench) / wall
        return res


def cpu_text(c: dict) -> str:
    cores = c["cores"]
    parts = [f"{k} {cores[k]:.2f}" for k in c["cpu_s"]]
    return (f"cores busy: machine {cores['machine']:.2f}/{os.cpu_count()} = " + ", ".join(parts)
            + f", bench {cores['bench']:.2f}, other {cores['other']:.2f}")


class Sampler(threading.Thread):
    """Calls fn every interval seconds in the background and keeps the max (and the last) value."""

    def __init__(self, fn, interval: float):
        super().__init__(daemon=True)
        self.fn, self.interval = fn, interval
        self.max = None
        self.samples = 0
        self._stop_ev = threading.Event()

    def run(self):
        while not self._stop_ev.is_set():
            try:
                v = self.fn()
                if v is not None:
                    self.samples += 1
                    self.max = v if self.max is None else max(self.max, v)
            except Exception:
                pass
            self._stop_ev.wait(self.interval)

    def finish(self):
        self._stop_ev.set()
        self.join(5)
        return self.max


def established_to(port: int) -> int:
    """Client-side ESTABLISHED TCP connections to 127.0.0.1:port, i.e. the app's connections to the API."""
    if shutil.which("ss"):
        r = subprocess.run(["ss", "-Htn", "state", "established", f"( dport = :{port} )"],
                           capture_output=True, text=True, timeout=5)
        return sum(1 for line in r.stdout.splitlines() if line.strip())
    n = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    parts = line.split()
                    if parts[3] == "01" and int(parts[2].rsplit(":", 1)[1], 16) == port:
                        n += 1
        except OSError:
            pass
    return n


GC_PAUSE = re.compile(r"\bPause\b.*?([0-9]+(?:\.[0-9]+)?)ms\s*$")


class GcLog:
    """Reads the pauses appended to a -Xlog:gc file since the last call."""

    def __init__(self, path: str):
        self.path, self.offset = path, 0

    def mark(self):
        self.since()

    def since(self) -> tuple[int, float, float]:
        try:
            with open(self.path, "r", errors="replace") as f:
                f.seek(self.offset)
                data = f.read()
                self.offset = f.tell()
        except OSError:
            return 0, 0.0, 0.0
        pauses = [float(m.group(1)) for line in data.splitlines() if (m := GC_PAUSE.search(line))]
        return len(pauses), sum(pauses), max(pauses, default=0.0)


class GcThrashWatch:
    """Detects a heap that is exhausted: full GC pauses filling most of the recent JVM uptime."""
    LINE = re.compile(r"^\[([0-9.]+)s\].*\bPause Full\b.*?([0-9]+(?:\.[0-9]+)?)ms\s*$")

    def __init__(self, path: str, window_s: float = 20.0, share: float = 0.75):
        self.path, self.window, self.share = path, window_s, share
        self.offset = 0
        self.full: list[tuple[float, float]] = []  # (uptime s, pause ms)
        try:
            self.offset = os.path.getsize(path)
        except OSError:
            pass

    def thrashing(self) -> bool:
        try:
            with open(self.path, errors="replace") as f:
                f.seek(self.offset)
                data = f.read()
                self.offset = f.tell()
        except OSError:
            return False
        for line in data.splitlines():
            m = self.LINE.match(line)
            if m:
                self.full.append((float(m.group(1)), float(m.group(2))))
        if not self.full:
            return False
        last = self.full[-1][0]
        self.full = [x for x in self.full if x[0] >= last - self.window]
        return sum(ms for _, ms in self.full) >= self.share * self.window * 1000


def thread_cpu_ms(jcmd: str | None, pid: int) -> dict[str, float] | None:
    """CPU ms per thread group (digits folded) from `jcmd PID Thread.print`, or None."""
    if not jcmd:
        return None
    try:
        r = subprocess.run([jcmd, str(pid), "Thread.print"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    groups: dict[str, float] = {}
    for line in r.stdout.splitlines():
        m = re.match(r'^"(.*)"\s.*?\bcpu=([0-9.]+)(ms|s)\b', line)
        if m:
            ms = float(m.group(2)) * (1000 if m.group(3) == "s" else 1)
            name = group_thread(m.group(1))
            groups[name] = groups.get(name, 0.0) + ms
    return groups or None


def group_thread(name: str) -> str:
    """Folds thread numbers, ports and paths so threads of one pool form one group."""
    name = re.sub(r"file://\S+", "file:<inbox>", name)
    name = re.sub(r"http-nio-[0-9.]+-\d+-", "http-nio-", name)
    name = re.sub(r"#\d+", "#N", name)
    name = re.sub(r"\(camel-\d+\)", "(camel)", name)
    return re.sub(r"\d+$", "N", name)


def top_snapshot(pids: list[int]) -> str:
    """Second frame of `top -b -n2 -d1` (the first frame's %CPU is not over a short interval)."""
    if not shutil.which("top"):
        return "(top not available)"
    try:
        r = subprocess.run(["top", "-b", "-n2", "-d1", "-w", "160", "-p", ",".join(map(str, pids))],
                           capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "(top failed)"
    frames = r.stdout.split("top - ")
    frame = ("top - " + frames[-1]) if len(frames) > 1 else r.stdout
    return "\n".join(l for l in frame.splitlines() if l.strip())[:3000]


# ---------------------------------------------------------------------------------------------
# the jar, the API servers, the app

def java_version(java: str) -> str:
    try:
        r = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
        lines = [l for l in r.stderr.splitlines() if l.strip()]
        return " / ".join(lines[:2]) if lines else "?"
    except OSError as e:
        return f"? ({e})"


class Jar:
    """A private copy of the jar (a rebuild of target/ during the run cannot disturb it), optionally
    extracted with a CDS archive (Spring Boot's documented way) so each JVM starts in a few seconds."""

    def __init__(self, src: str, java: str, work: str, cds: bool):
        self.java = java
        d = os.path.join(work, "jar")
        os.makedirs(d, exist_ok=True)
        self.path = os.path.join(d, "app.jar")
        shutil.copy2(src, self.path)
        self.launch = ["-jar", self.path]
        self.cds_note = "off"
        if cds:
            self._prepare_cds(work)

    def _prepare_cds(self, work: str):
        t0 = time.monotonic()
        ext = os.path.join(work, "jar", "extracted")
        jsa = os.path.join(work, "jar", "app.jsa")
        train = os.path.join(work, "cds-training")
        os.makedirs(train, exist_ok=True)
        logp = os.path.join(work, "logs", "cds-training.log")
        try:
            with open(logp, "wb") as lf:
                r = subprocess.run([self.java, "-Djarmode=tools", "-jar", self.path, "extract", "--destination", ext],
                                   stdout=lf, stderr=subprocess.STDOUT, timeout=180, preexec_fn=_child_setup)
                app = os.path.join(ext, os.path.basename(self.path))
                if r.returncode != 0 or not os.path.exists(app):
                    raise BenchError("jar extract failed")
                # a training run that starts the context (inbox and demo API on) and exits
                r = subprocess.run([self.java, f"-XX:ArchiveClassesAtExit={jsa}", "-Dspring.context.exit=onRefresh",
                                    "-jar", app, "--server.port=0", f"--colors.inbox={train}/inbox",
                                    f"--colors.outbox={train}/outbox", "--colors.demo.enabled=true"],
                                   cwd=train, stdout=lf, stderr=subprocess.STDOUT, timeout=300,
                                   preexec_fn=_child_setup)
            if not os.path.exists(jsa):
                raise BenchError(f"no archive written (exit {r.returncode})")
            self.launch = [f"-XX:SharedArchiveFile={jsa}", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", app]
            self.cds_note = f"on (extracted jar + dynamic CDS archive, prepared in {time.monotonic() - t0:.0f} s)"
        except (BenchError, OSError, subprocess.TimeoutExpired) as e:
            self.cds_note = f"off (preparing CDS failed: {e}; see {logp})"
        log(f"class data sharing: {self.cds_note}")


@dataclass(frozen=True)
class AppKey:
    concurrency: int
    latency_ms: int
    stable_ms: int = 0
    xmx: str | None = None

    def label(self) -> str:
        s = f"c{self.concurrency}-lat{self.latency_ms}ms-stable{self.stable_ms}ms"
        return s + (f"-Xmx{self.xmx}" if self.xmx else "")


class ApiServer:
    """The loopback API. Default: bench/StubApi.java, a lean stand-in (JDK HttpServer, latency on a
    timer) that leaves the 2 cores to the app; --api demo uses the app's own demo API instead
    (Spring MVC + Tomcat, which costs ~150-250 us CPU per call on the same cores)."""

    def __init__(self, ctx: "Ctx", latency_ms: int):
        self.latency_ms = latency_ms
        self.port = free_port()
        d = os.path.join(ctx.work, f"api-{latency_ms}ms")
        os.makedirs(d, exist_ok=True)
        if ctx.args.api == "stub":
            cmd = [ctx.java, "-XX:+UseSerialGC", "-Xss256k", os.path.join(ROOT, "bench", "StubApi.java"),
                   str(self.port), str(latency_ms)]
        else:
            cmd = ([ctx.java] + ctx.api_jvm + ctx.jar.launch
                   + ["--colors.inbox.enabled=false", f"--server.port={self.port}", "--colors.demo.enabled=true",
                      f"--colors.demo.latency={latency_ms}ms", f"--colors.inbox={d}/inbox", f"--colors.outbox={d}/outbox",
                      "--management.endpoints.web.exposure.include=health"] + ctx.api_args)
        log(f"starting {ctx.args.api} API server (latency {latency_ms} ms) on port {self.port}")
        self.proc = Proc(f"api-{latency_ms}ms", cmd, d, os.path.join(ctx.work, "logs", f"api-{latency_ms}ms.log"))
        try:
            t0 = time.monotonic()
            while True:
                if not self.proc.alive():
                    raise BenchError(f"API exited while starting:\n" + tail(self.proc.log_path))
                try:
                    status, body = http_get(f"http://127.0.0.1:{self.port}/api/colors/{NAMES[0]}", timeout=10)
                    if status == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() - t0 > ctx.args.start_timeout:
                    raise BenchError("API not up:\n" + tail(self.proc.log_path))
                time.sleep(0.2)
            up = time.monotonic() - t0
        except BaseException:
            self.proc.stop()
            raise
        log(f"API server (latency {latency_ms} ms) up in {up:.1f} s, pid {self.proc.pid}")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/colors/{{color}}"


class App:
    def __init__(self, ctx: "Ctx", key: AppKey, api: ApiServer, n: int):
        self.ctx, self.key, self.api = ctx, key, api
        self.port = free_port()
        self.dir = os.path.join(ctx.work, f"app{n}-{key.label()}")
        self.inbox = os.path.join(self.dir, "inbox")
        self.outbox = os.path.join(self.dir, "outbox")
        os.makedirs(self.inbox, exist_ok=True)
        os.makedirs(self.outbox, exist_ok=True)
        self.gc = GcLog(os.path.join(self.dir, "gc.log"))
        jvm = list(ctx.app_jvm) + ([f"-Xmx{key.xmx}"] if key.xmx else []) + [f"-Xlog:gc:file={self.gc.path}"]
        self.settings = [f"--colors.inbox={self.inbox}", f"--colors.outbox={self.outbox}",
                         f"--colors.api.url={api.url}", f"--colors.concurrency={key.concurrency}",
                         f"--server.port={self.port}", "--colors.demo.enabled=false",
                         f"--colors.inbox.stable-for={key.stable_ms}ms", "--colors.shutdown.timeout=2s"] + ctx.app_args
        cmd = [ctx.java] + jvm + ctx.jar.launch + self.settings
        log(f"starting app {key.label()} on port {self.port} (API port {api.port})")
        self.proc = Proc(f"app-{key.label()}", cmd, self.dir, os.path.join(ctx.work, "logs", f"app{n}-{key.label()}.log"))
        self.cmdline = cmd
        try:
            self.startup_s = wait_up(self.proc, self.port, ctx.args.start_timeout)
        except BaseException:
            self.proc.stop()
            raise
        self.files_done = 0
        self.tainted = False
        log(f"app {key.label()} up in {self.startup_s:.1f} s, pid {self.proc.pid}")

    # -- files --
    def write_hidden(self, name: str, n: int) -> str:
        hidden = os.path.join(self.inbox, f".{name}.tmp")
        off = item_offset(name)
        L = len(NAMES)
        with open(hidden, "w", encoding="utf-8", newline="\n") as f:
            chunk = 50_000
            for start in range(0, n, chunk):
                f.write("".join(NAMES[(off + i) % L] + "\n" for i in range(start, min(n, start + chunk))))
        return hidden

    def rename_in(self, name: str) -> float:
        """Renames the hidden file into the inbox; returns the monotonic time just before the rename."""
        t0 = time.monotonic()
        os.rename(os.path.join(self.inbox, f".{name}.tmp"), os.path.join(self.inbox, name))
        return t0

    def output(self, name: str) -> str:
        return os.path.join(self.outbox, os.path.splitext(name)[0] + ".json")

    def _progress_sig(self):
        sig = []
        try:
            with os.scandir(os.path.join(self.outbox, ".tmp")) as it:
                for e in it:
                    try:
                        sig.append((e.name, e.stat().st_size))
                    except OSError:
                        pass
        except OSError:
            pass
        return tuple(sorted(sig))

    def wait(self, pending: dict[str, float], expected_s: float) -> dict[str, object]:
        """Polls every 3 ms until each output exists. Value: seconds from its drop, or 'timeout'/'error'/'app died'.
        Gives up when nothing progressed (no temp result file grew) for --stall-timeout seconds, or after a
        generous cap derived from the expected time."""
        pending = dict(pending)
        res: dict[str, object] = {}
        start = time.monotonic()
        cap = min(self.ctx.args.file_timeout, 120 + 10 * expected_s)
        stall = self.ctx.args.stall_timeout
        last_sig, last_change, next_probe = None, start, start
        next_report = start + 15
        thrash = GcThrashWatch(self.gc.path)
        outs = {n: self.output(n) for n in pending}
        exists = os.path.exists
        while pending:
            for name in list(pending):
                if exists(outs[name]):
                    res[name] = time.monotonic() - pending.pop(name)
            if not pending:
                break
            now = time.monotonic()
            if now >= next_probe:
                next_probe = now + 0.5
                if not self.proc.alive():
                    for name in pending:
                        res[name] = "app died"
                    log(f"app exited ({self.proc.p.returncode}); log tail:\n{tail(self.proc.log_path)}")
                    self.tainted = True
                    break
                for name in list(pending):
                    if exists(os.path.join(self.inbox, ".error", name + ".error.txt")):
                        res[name] = "error"
                        pending.pop(name)
                        log(f"{name} was rejected:\n" + tail(os.path.join(self.inbox, ".error", name + ".error.txt")))
                sig = self._progress_sig()
                if sig != last_sig:
                    last_sig, last_change = sig, now
                if now >= next_report:  # a sign of life for long files
                    next_report = now + 15
                    log(f"  ... waiting {now - start:.0f} s for {', '.join(pending)}: {self.status(pending)}")
                thrashing = thrash.thrashing()
                if now - last_change > stall or now - start > cap or thrashing:
                    why = ("heap exhausted: full GCs took ≥ 75% of the last 20 s" if thrashing
                           else f"no progress for {now - last_change:.0f} s" if now - last_change > stall
                           else f"over the time limit of {cap:.0f} s (--file-timeout)")
                    status = self.status(pending)
                    for name in pending:
                        res[name] = f"timeout ({why}; {status})"
                    log(f"TIMEOUT waiting for {', '.join(pending)} ({why}; {status}); app log tail:\n{tail(self.proc.log_path)}")
                    self.tainted = True
                    break
            time.sleep(0.003)
        return res

    def status(self, pending) -> str:
        """What the app says about pending files (its progress log lines), its RSS and full GCs so far."""
        parts = []
        text = tail(self.proc.log_path, 200)
        for name in pending:
            done = re.findall(re.escape(name) + r": (\d+) done", text)
            if done:
                parts.append(f"{name} {int(done[-1]):,} done")
        try:
            with open(self.gc.path, errors="replace") as f:
                full = sum(1 for line in f if "Pause Full" in line)
        except OSError:
            full = 0
        parts.append(f"app RSS {proc_status_kb(self.proc.pid, 'VmRSS') / 1024:.0f} MiB, {full} full GCs so far")
        return ", ".join(parts)

    def verify(self, name: str, n: int) -> tuple[bool, str, dict]:
        return verify_output(self.output(name), name, n)


def item_offset(name: str) -> int:
    return zlib.crc32(name.encode()) % len(NAMES)


RESULT_HEAD = re.compile(r'\{"index":(\d+),"color":"((?:[^"\\]|\\.)*)","ok":(true|false)')
DURATION = re.compile(r'"durationMs":(\d+)')


def verify_output(path: str, name: str, n: int) -> tuple[bool, str, dict]:
    """Streams the output: the header (source, total, succeeded, failed), then one result per line in input
    order (index i at position i, the color generated for it, ok). Results of outputs up to 200,000 items
    are also parsed as JSON one by one; the structure (closing bracket and brace) is checked for all."""
    off, L = item_offset(name), len(NAMES)
    full_parse = n <= 200_000
    ok_count = 0
    i = 0
    head_lines = []
    durations = []  # the app's per-item call time (durationMs), for files up to 200,000 items
    try:
        with open(path, "r", encoding="utf-8") as f:
            for line in f:
                if line.strip().startswith('"results"'):
                    break
                head_lines.append(line)
            else:
                return False, "no results array", {}
            head = json.loads("".join(head_lines).rstrip().rstrip(",") + "}")
            empty = line.rstrip().endswith("[]")
            closing = []
            for line in f if not empty else []:
                s = line.strip()
                if not s.startswith("{"):
                    closing.append(s)
                    continue
                if closing:
                    return False, f"text after the results' end at result {i}", head
                if s.endswith(","):
                    s = s[:-1]
                m = RESULT_HEAD.match(s)
                if not m:
                    return False, f"result {i}: unexpected line start {s[:60]!r}", head
                if int(m.group(1)) != i:
                    return False, f"result at position {i} has index {m.group(1)} (not in input order)", head
                if m.group(2) != NAMES[(off + i) % L]:
                    return False, f"result {i}: color {m.group(2)!r}, expected {NAMES[(off + i) % L]!r}", head
                if full_parse:
                    json.loads(s)
                    d = DURATION.search(s)
                    if d:
                        durations.append(int(d.group(1)))
                if m.group(3) == "true":
                    ok_count += 1
                i += 1
            if not empty and [c for c in closing if c] != ["]", "}"]:
                return False, f"output does not end with ] }} (got {closing[-3:]!r})", head
    except (OSError, ValueError) as e:
        return False, f"invalid output: {e}", {}
    if i != n or head.get("total") != n:
        return False, f"{i} results, total {head.get('total')}, expected {n}", head
    if head.get("source") != name:
        return False, f"source {head.get('source')!r}", head
    if head.get("succeeded") != ok_count or head.get("failed") != n - ok_count:
        return False, f"succeeded/failed {head.get('succeeded')}/{head.get('failed')} but {ok_count} ok results", head
    if ok_count != n:
        return False, f"{n - ok_count} of {n} items failed", head
    extra = ""
    if durations:
        durations.sort()
        extra = (f"; per-item call durationMs p50 {durations[len(durations) // 2]} max {durations[-1]}; "
                 f"app's own durationMs {head.get('durationMs')}")
    return True, f"valid, {n:,} results in input order, all ok{extra}", head


# ---------------------------------------------------------------------------------------------
# the run: shared servers/apps, results

@dataclass
class Row:
    scenario: str
    figure: str
    target: str
    verdict: str


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

    @property
    def ok(self) -> bool:
        return isinstance(self.elapsed, float) and self.valid is not False

    @property
    def rate(self) -> float:
        return self.items / self.elapsed if isinstance(self.elapsed, float) and self.elapsed > 0 else 0.0


class Ctx:
    def __init__(self, args, work: str, jar: Jar):
        self.args, self.work, self.jar, self.java = args, work, jar, args.java
        self.app_jvm = shlex.split(args.app_jvm)
        self.api_jvm = shlex.split(args.api_jvm)
        self.app_args = shlex.split(args.app_args)
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

    def run_file(self, app: App, name: str, n: int, verify: bool = True, extra: str = "") -> FileRun:
        """One file: write hidden, rename in, wait for the output, then (untimed) check it."""
        app.write_hidden(name, n)
        app.gc.mark()
        meter = CpuMeter(self.pids(app))
        t0 = app.rename_in(name)
        el = app.wait({name: t0}, expected_s(n, app.key))[name]
        cpu = meter.stop()
        r = FileRun(name, n, el, cpu, app.gc.since())
        self.note_cpu(cpu)
        app.files_done += 1
        if verify and isinstance(el, float):
            r.valid, r.check, r.head = app.verify(name, n)
        log_file_run(r, extra)
        return r


def expected_s(n: int, key: AppKey) -> float:
    """A generous guess of a file's time, for the hard timeout cap: the latency floor plus 1,000 items/s."""
    return math.ceil(n / key.concurrency) * key.latency_ms / 1000 + n / 1000


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


def verdict(ok: bool, ratio_text: str = "") -> str:
    return (("PASS" if ok else "MISS") + (f" ({ratio_text})" if ratio_text else ""))


def fail_text(runs: list[FileRun]) -> str | None:
    for r in runs:
        if not isinstance(r.elapsed, float):
            return f"{r.name}: {r.elapsed}"
        if r.valid is False:
            return f"{r.name}: invalid output ({r.check})"
    return None


# ---------------------------------------------------------------------------------------------
# scenarios

@dataclass
class Plan:
    seed_items: int = 300
    seed_runs: int = 3
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


QUICK = Plan(seed_runs=1, tput_items=5_000, tput_concs=(64,), tput_runs=1, lat_items=2_560, lat_runs=1,
             mem_sizes=(10_000, 50_000), pickup_files=5, many_files=3, big_items=50_000)

SEED_KEY = AppKey(300, 1000)
LAT_KEY = AppKey(256, 50)
MEM_KEY = AppKey(64, 0, 0, "128m")
C64_KEY = AppKey(64, 0)
PICKUP_DEFAULT_KEY = AppKey(64, 0, 100)


def sc_seed(ctx: Ctx, plan: Plan):
    log("== seed: 300 items, API latency 1 s, colors.concurrency=300 (1 warm-up file, median of runs)")
    app = ctx.app(SEED_KEY)
    key = app.key
    floor = math.ceil(plan.seed_items / key.concurrency) * key.latency_ms / 1000
    target = 1.2 * floor
    for w in range(1, ctx.args.warmups):
        ctx.run_file(app, f"seed-warmup{w + 1}.txt", plan.seed_items, extra=" (extra warm-up)")
    warm = ctx.run_file(app, "seed-warmup.txt", plan.seed_items, extra=" (warm-up)")
    runs = []
    for i in range(plan.seed_runs):
        if app.tainted:
            break
        runs.append(ctx.run_file(app, f"seed-{i + 1}.txt", plan.seed_items))
    rows = ctx.rows["seed"]
    bad = fail_text(runs) if runs else f"warm-up: {warm.elapsed}"
    if bad or not runs:
        rows.append(Row("seed", f"{plan.seed_items} items, c=300, 1 s latency: {bad}", f"floor {floor:.1f} s, target ≤ {target:.1f} s", "FAIL"))
        return
    times = [r.elapsed for r in runs]
    med = statistics.median(times)
    rows.append(Row("seed", f"{plan.seed_items} items, c=300, 1 s latency: median {med:.3f} s of {len(times)} "
                            f"({', '.join(f'{t:.3f}' for t in times)}); warm-up {fmt_s(warm.elapsed)}",
                    f"floor {floor:.1f} s, target ≤ {target:.1f} s",
                    verdict(med <= target, f"{med / floor:.2f}× floor")))


def sc_throughput(ctx: Ctx, plan: Plan, later_keys: set):
    """The concurrencies run side by side (one app each, all up at once) and their files are interleaved
    round by round: cold files first, then warm round 1, 2, 3. So every concurrency sees the shared API JVM
    equally warm, and drift (JIT, other load on the machine) spreads evenly; an idle app costs nothing."""
    concs = list(plan.tput_concs)
    log(f"== throughput: {plan.tput_items:,} items, API latency 0 ms, concurrency {', '.join(map(str, concs))} "
        f"(cold first file each, then median of {plan.tput_runs} warm; files interleaved across the concurrencies)")
    rows = ctx.rows["throughput"]
    apps: dict[int, App] = {}
    for c in concs:
        try:
            apps[c] = ctx.app(AppKey(c, 0))
        except BenchError as e:
            log(f"app c={c} failed to start: {e}")
            rows.append(Row("throughput", f"c={c}: app failed to start", "≥ 10,000 items/s", "FAIL"))
    cold: dict[int, FileRun] = {}
    warm: dict[int, list[FileRun]] = {c: [] for c in apps}
    for c, app in apps.items():
        cold[c] = ctx.run_file(app, f"tput-c{c}-cold.txt", plan.tput_items, extra=" (cold)")
    for w in range(1, ctx.args.warmups):
        for c, app in apps.items():
            if not app.tainted:
                ctx.run_file(app, f"tput-c{c}-warmup{w + 1}.txt", plan.tput_items, extra=" (extra warm-up)")
    threads_before = {c: thread_cpu_ms(ctx.jcmd, a.proc.pid) for c, a in apps.items() if not a.tainted}
    api_pid = next(iter(apps.values())).api.proc.pid if apps else None
    api_before = thread_cpu_ms(ctx.jcmd, api_pid) if api_pid else None
    top_text = None
    for i in range(plan.tput_runs):
        for c, app in apps.items():
            if app.tainted:
                continue
            holder = {}
            top_t = None
            if i == 0 and top_text is None:  # a `top` sample taken during the first warm file
                def snap(a=app):
                    time.sleep(0.3)
                    holder["top"] = top_snapshot([a.proc.pid, a.api.proc.pid])
                top_t = threading.Thread(target=snap, daemon=True)
                top_t.start()
            warm[c].append(ctx.run_file(app, f"tput-c{c}-{i + 1}.txt", plan.tput_items))
            if top_t:
                top_t.join(15)
                top_text = holder.get("top")
                if top_text:
                    log(f"  top during tput-c{c}-1 (1 s sample):\n    " + top_text.replace("\n", "\n    "))
    threads_after = {c: thread_cpu_ms(ctx.jcmd, a.proc.pid) for c, a in apps.items() if not a.tainted}
    api_after = thread_cpu_ms(ctx.jcmd, api_pid) if api_pid else None

    def by_group(before, after, items):
        if not before or not after or not items:
            return None
        diff = {k: after.get(k, 0.0) - before.get(k, 0.0) for k in after}
        top = sorted(diff.items(), key=lambda kv: -kv[1])[:6]
        return "; ".join(f"{k} {v / items * 1000:.0f} us" for k, v in top if v > 0)

    results = []
    for c in apps:
        bad = fail_text([cold[c]] + warm[c])
        if bad or not warm[c]:
            rows.append(Row("throughput", f"c={c}: {bad or 'no warm run'}", "≥ 10,000 items/s", "FAIL"))
            continue
        w = warm[c]
        med = statistics.median(r.elapsed for r in w)
        rate = plan.tput_items / med
        app_us = statistics.median(r.cpu["cpu_s"]["app"] / r.items * 1e6 for r in w)
        api_us = statistics.median(r.cpu["cpu_s"]["api"] / r.items * 1e6 for r in w)
        busy = statistics.median(r.cpu["cores"]["machine"] for r in w)
        other = statistics.median(r.cpu["cores"]["other"] for r in w)
        gc_ms = sum(r.gc[1] for r in w) / len(w)
        results.append((rate, c, cold[c], med, app_us, api_us, busy, other, gc_ms))
        ctx.notes.append(f"throughput c={c}: warm runs {', '.join(f'{r.elapsed:.3f}' for r in w)} s; CPU per item app {app_us:.0f} us "
                         f"+ API {api_us:.0f} us; machine busy {busy:.2f} of {os.cpu_count()} cores (other processes "
                         f"{other:.2f}); GC pauses {gc_ms:.0f} ms per file")
        txt = by_group(threads_before.get(c), threads_after.get(c), sum(r.items for r in w))
        if txt:
            log(f"  c={c}: app CPU per item by thread group (jcmd Thread.print, warm files): {txt}")
            ctx.notes.append(f"throughput c={c} app CPU/item by thread group: {txt}")
    txt = by_group(api_before, api_after, sum(r.items for c in apps for r in warm[c]))
    if txt:
        log(f"  API CPU per item by thread group (jcmd Thread.print, all warm files): {txt}")
        ctx.notes.append(f"throughput API CPU/item by thread group (all warm files): {txt}")
    for c in apps:
        if AppKey(c, 0) not in later_keys:
            ctx.stop_app(AppKey(c, 0))
    if results:
        best = max(results)
        for rate, c, cold_r, med, app_us, api_us, busy, other, gc_ms in sorted(results, key=lambda r: r[1]):
            mark = " ← best" if c == best[1] else ""
            rows.append(Row("throughput",
                            f"{plan.tput_items:,} items, 0 ms, c={c}: cold {fmt_s(cold_r.elapsed)}; warm median {med:.3f} s "
                            f"= {rate:,.0f} items/s (app {app_us:.0f} + API {api_us:.0f} us CPU/item, "
                            f"{busy:.2f}/{os.cpu_count()} cores busy){mark}",
                            "≥ 10,000 items/s", verdict(rate >= 10_000, f"{rate / 10_000:.2f}× target")))


def sc_latency_bound(ctx: Ctx, plan: Plan):
    key = LAT_KEY
    n = plan.lat_items
    floor = math.ceil(n / key.concurrency) * key.latency_ms / 1000
    target = 1.3 * floor
    log(f"== latency-bound: {n:,} items, API latency 50 ms, concurrency 256 (1 warm-up file, median of {plan.lat_runs})")
    app = ctx.app(key)
    warm = ctx.run_file(app, "lat-warmup.txt", n, extra=" (warm-up, cold JVM)")
    for w in range(1, ctx.args.warmups):
        ctx.run_file(app, f"lat-warmup{w + 1}.txt", n, extra=" (extra warm-up)")
    runs = []
    for i in range(plan.lat_runs):
        if app.tainted:
            break
        runs.append(ctx.run_file(app, f"lat-{i + 1}.txt", n))
    bad = fail_text([warm] + runs)
    if bad or not runs:
        ctx.rows["latency-bound"].append(Row("latency-bound", f"{n:,} items: {bad}", f"floor {floor:.2f} s", "FAIL"))
        return
    med = statistics.median(r.elapsed for r in runs)
    ctx.rows["latency-bound"].append(Row(
        "latency-bound",
        f"{n:,} items, 50 ms, c=256: median {med:.3f} s of {len(runs)} ({', '.join(f'{r.elapsed:.3f}' for r in runs)}); "
        f"warm-up {fmt_s(warm.elapsed)}; {n / med:,.0f} items/s",
        f"floor {floor:.2f} s, target ≤ {target:.2f} s", verdict(med <= target, f"{med / floor:.2f}× floor")))


def sc_memory(ctx: Ctx, plan: Plan, with_small: bool = False):
    """with_small: many-files (b) rides on the largest file (a small file dropped 1 s after it)."""
    log(f"== memory: app with -Xmx128m, concurrency 64, latency 0 ms, files of {', '.join(f'{s:,}' for s in plan.mem_sizes)} items"
        + (f"; many-files (b): a {plan.small_items}-item file 1 s after the largest" if with_small else ""))
    app = ctx.app(MEM_KEY)
    pid = app.proc.pid
    time.sleep(1.0)
    idle_rss = proc_status_kb(pid, "VmRSS") / 1024
    log(f"  app RSS idle after start: {idle_rss:.0f} MiB")
    rows = ctx.rows["memory"]
    for n in plan.mem_sizes:
        if app.tainted:
            rows.append(Row("memory", f"{n:,} items: skipped (app failed before)", "completes, ordered", "FAIL"))
            continue
        rss = Sampler(lambda: proc_status_kb(pid, "VmRSS"), 0.05)
        rss.start()
        if with_small and n == max(plan.mem_sizes):
            r = big_and_small(ctx, app, f"mem-{n}.txt", n, plan, f"the memory scenario's file (app -Xmx128m)")
        else:
            r = ctx.run_file(app, f"mem-{n}.txt", n, verify=False)
        peak = (rss.finish() or 0) / 1024
        if isinstance(r.elapsed, float):
            t = time.monotonic()
            r.valid, r.check, r.head = app.verify(r.name, n)
            log(f"  mem-{n}: check took {time.monotonic() - t:.1f} s: {r.check}")
        if getattr(r, "fill_row", None):
            r.fill_row()
        if isinstance(r.elapsed, float) and r.valid:
            rows.append(Row("memory", f"{n:,} items (-Xmx128m, c=64): peak RSS {peak:.0f} MiB, {fmt_s(r.elapsed)}, "
                                      f"{r.rate:,.0f} items/s, GC {r.gc[0]} pauses {r.gc[1]:.0f} ms",
                            "completes, valid JSON in input order", "PASS (ordered, all ok)"))
        else:
            rows.append(Row("memory", f"{n:,} items: {r.elapsed if not isinstance(r.elapsed, float) else r.check}; "
                                      f"peak RSS {peak:.0f} MiB", "completes, valid JSON in input order", "FAIL"))
        log(f"  mem-{n}: peak RSS {peak:.0f} MiB ({rss.samples} samples at 50 ms)")
    hwm = proc_status_kb(pid, "VmHWM") / 1024
    ctx.notes.append(f"memory: app RSS idle {idle_rss:.0f} MiB after start; VmHWM over the whole scenario {hwm:.0f} MiB")


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def sc_pickup(ctx: Ctx, plan: Plan, later_keys: set):
    rng = random.Random(42)
    rows = ctx.rows["pickup"]
    for key in (C64_KEY, PICKUP_DEFAULT_KEY):
        log(f"== pickup: {plan.pickup_files} files of 1 item, one at a time, colors.poll.delay=50ms (default), "
            f"stable-for={key.stable_ms}ms, latency 0 ms")
        app = ctx.app(key)
        if app.files_done == 0:
            ctx.run_file(app, f"pickup-s{key.stable_ms}-warmup.txt", 1, extra=" (warm-up, not counted)")
        times = []
        failed = None
        for i in range(plan.pickup_files):
            if app.tainted:
                break
            time.sleep(rng.uniform(0, 0.1))  # a random phase against the poll timer
            name = f"pickup-s{key.stable_ms}-{i + 1:02d}.txt"
            app.write_hidden(name, 1)
            t0 = app.rename_in(name)
            el = app.wait({name: t0}, 1)[name]
            if not isinstance(el, float):
                failed = f"{name}: {el}"
                break
            ok, msg, _ = app.verify(name, 1)
            if not ok:
                failed = f"{name}: {msg}"
                break
            times.append(el)
            log(f"  {name}: {el * 1000:.0f} ms")
        what = "stable-for 0 ms (benchmark default)" if key.stable_ms == 0 else "stable-for 100 ms (app default)"
        if failed or not times:
            rows.append(Row("pickup", f"{what}: {failed}", "p50 ≤ 200 ms", "FAIL"))
        else:
            p50, p90 = statistics.median(times), percentile(times, 90)
            rows.append(Row("pickup", f"{what}, poll.delay 50 ms: p50 {p50 * 1000:.0f} ms, p90 {p90 * 1000:.0f} ms, "
                                      f"max {max(times) * 1000:.0f} ms ({len(times)} files of 1 item)",
                            "p50 ≤ 200 ms", verdict(p50 <= 0.2, f"{p50 / 0.2:.2f}× target")))
        if key not in later_keys:
            ctx.stop_app(key)


def sc_many_files_a(ctx: Ctx, plan: Plan):
    key = SEED_KEY
    n, k = plan.many_items, plan.many_files
    floor = math.ceil(n * k / key.concurrency) * key.latency_ms / 1000
    target = floor + 1.0
    log(f"== many-files (a): {k} files of {n} items dropped together, API latency 1 s, concurrency 300")
    app = ctx.app(key)
    if app.files_done == 0:
        ctx.run_file(app, "many-warmup.txt", n, extra=" (warm-up, not counted)")
    names = [f"many-{i + 1:02d}.txt" for i in range(k)]
    for nm in names:
        app.write_hidden(nm, n)
    port = app.api.port
    before = established_to(port)
    conns = Sampler(lambda: established_to(port), 0.02)
    conns.start()
    meter = CpuMeter(ctx.pids(app))
    app.gc.mark()
    t0s = {nm: app.rename_in(nm) for nm in names}
    spread = max(t0s.values()) - min(t0s.values())
    first = min(t0s.values())
    res = app.wait(t0s, expected_s(n * k, key))
    cpu = meter.stop()
    ctx.note_cpu(cpu)
    max_conn = conns.finish()
    rows = ctx.rows["many-files"]
    bad = next((f"{nm}: {v}" for nm, v in res.items() if not isinstance(v, float)), None)
    if not bad:
        for nm in names:
            ok, msg, _ = app.verify(nm, n)
            log(f"  {nm}: drop-to-output {res[nm]:.3f} s; {msg}")
            if not ok:
                bad = f"{nm}: {msg}"
                break
    if bad:
        rows.append(Row("many-files", f"(a) {k}×{n} items: {bad}", f"≤ {target:.0f} s", "FAIL"))
        return
    total = max(t0s[nm] + res[nm] for nm in names) - first
    per = sorted(res[nm] for nm in names)
    log(f"  {k} files renamed within {spread * 1000:.1f} ms; last output {total:.3f} s after the first drop; "
        f"per file {per[0]:.2f}..{per[-1]:.2f} s | {cpu_text(cpu)} | max established app→API connections "
        f"{max_conn} ({conns.samples} samples at 20 ms; {before} before the drop)")
    avg_in_flight = n * k * key.latency_ms / 1000 / total
    rows.append(Row("many-files", f"(a) {k} files × {n} items together, 1 s latency, c=300: last output after {total:.3f} s "
                                  f"(renamed within {spread * 1000:.0f} ms; files done after {per[0]:.1f}..{per[-1]:.1f} s)",
                    f"floor {floor:.0f} s, target ≤ {target:.0f} s", verdict(total <= target, f"{total / floor:.2f}× floor")))
    rows.append(Row("many-files", f"(a) max ESTABLISHED app→API TCP connections (ss, every 20 ms): {max_conn}; "
                                  f"avg calls in flight = items×latency/time = {avg_in_flight:.0f}",
                    "≤ 300 (the bound)", "PASS" if max_conn is not None and max_conn <= key.concurrency else "FAIL"))


def sc_many_files_b(ctx: Ctx, plan: Plan):
    key = C64_KEY
    log(f"== many-files (b): a {plan.big_items:,}-item file, 1 s later a {plan.small_items}-item file, latency 0 ms, concurrency 64")
    app = ctx.app(key)
    if app.files_done == 0:
        ctx.run_file(app, "big-warmup.txt", 5_000, extra=" (warm-up, not counted)")
    r = big_and_small(ctx, app, "big.txt", plan.big_items, plan, "app c=64")
    if isinstance(r.elapsed, float):
        r.valid, r.check, r.head = app.verify(r.name, r.items)
        log(f"  {r.name}: {r.check}")
    r.fill_row()


def big_and_small(ctx: Ctx, app: App, big: str, n_big: int, plan: Plan, where: str) -> FileRun:
    """many-files (b): drops the big file, 1 s later a small one; waits for both; adds the (b) rows.
    Returns the big file's run (not yet verified: the caller does it; the row reads r.valid afterwards)."""
    small = f"small-after-{os.path.splitext(big)[0]}.txt"
    app.write_hidden(big, n_big)
    app.write_hidden(small, plan.small_items)
    meter = CpuMeter(ctx.pids(app))
    app.gc.mark()
    t_big = app.rename_in(big)
    time.sleep(1.0)
    t_small = app.rename_in(small)
    el_small = app.wait({small: t_small}, 10)[small]
    log(f"  {small} ({plan.small_items} items, dropped {t_small - t_big:.2f} s after {big}): {fmt_s(el_small)}")
    el_big = app.wait({big: t_big}, expected_s(n_big, app.key))[big] if not app.tainted else "skipped"
    cpu = meter.stop()
    ctx.note_cpu(cpu)
    rb = FileRun(big, n_big, el_big, cpu, app.gc.since())
    app.files_done += 2
    log_file_run(rb)
    small_ok = isinstance(el_small, float) and app.verify(small, plan.small_items)[0]
    rows = ctx.rows["many-files"]
    rows.append(Row("many-files", f"(b) {plan.small_items}-item file dropped 1 s after a {n_big:,}-item file ({where}): "
                                  f"{fmt_s(el_small)} drop-to-output",
                    "a few seconds (≤ 5 s)",
                    verdict(small_ok and el_small <= 5.0) if isinstance(el_small, float) else "FAIL"))
    row = Row("many-files", "", "completes, valid", "")
    rows.append(row)

    def fill():  # after the caller's check
        row.figure = (f"(b) the {n_big:,}-item file meanwhile: {fmt_s(el_big)}"
                      + (f" ({rb.rate:,.0f} items/s)" if isinstance(el_big, float) else "")
                      + (f"; {rb.check}" if rb.valid is not None else ""))
        row.verdict = "PASS" if rb.ok and rb.valid else "FAIL"
    rb.fill_row = fill
    return rb


# ---------------------------------------------------------------------------------------------
# main

def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def mem_total_gib() -> float:
    return proc_status_like("/proc/meminfo", "MemTotal") / 1024 / 1024


def proc_status_like(path: str, key: str) -> int:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def background_load(seconds: float = 1.0) -> float:
    b0 = machine_cpu()[0]
    time.sleep(seconds)
    return (machine_cpu()[0] - b0) / seconds


def find_jar(args) -> str:
    if args.jar:
        if not os.path.isfile(args.jar):
            raise BenchError(f"no jar at {args.jar}")
        return args.jar
    pattern = os.path.join(ROOT, "target", "*.jar")
    jars = [j for j in glob.glob(pattern) if not j.endswith((".original", "-sources.jar", "-javadoc.jar"))]
    if not jars:
        log(f"no jar in {ROOT}/target: building it (mvn -o -q package -DskipTests)")
        r = subprocess.run(["mvn", "-o", "-q", "package", "-DskipTests"], cwd=ROOT, timeout=900)
        jars = [j for j in glob.glob(pattern) if not j.endswith(".original")]
        if r.returncode != 0 or not jars:
            raise BenchError("the build failed; build the jar yourself or pass --jar")
    return max(jars, key=os.path.getmtime)


def load_names(jar: str):
    global NAMES
    try:
        with zipfile.ZipFile(jar) as z:
            text = z.read("BOOT-INF/classes/css-colors.csv").decode()
        names = [l.split(",")[0].strip() for l in text.splitlines() if l.strip() and not l.startswith("#")]
        if len(names) >= 20:
            NAMES = names
    except (KeyError, OSError, zipfile.BadZipFile):
        pass


def print_table(rows: list[Row], machine: str, notes_md: list[str]):
    headers = ("scenario", "figure", "floor or target", "ratio / verdict")
    table = [headers] + [(r.scenario, r.figure, r.target, r.verdict) for r in rows]
    widths = [max(len(t[i]) for t in table) for i in range(4)]
    widths[1] = min(widths[1], 120)
    print()
    print(machine)
    line = "+".join("-" * (w + 2) for w in widths)
    print(line)
    for j, t in enumerate(table):
        print(" | ".join(t[i].ljust(widths[i]) for i in range(4)))
        if j == 0:
            print(line)
    print(line)
    print()
    print("Markdown:")
    print()
    print(machine.replace("machine:", "**Machine:**", 1))
    print()
    print("| " + " | ".join(headers) + " |")
    print("|" + "|".join("---" for _ in headers) + "|")
    for r in rows:
        print("| " + " | ".join(x.replace("|", "\\|") for x in (r.scenario, r.figure, r.target, r.verdict)) + " |")
    print()
    for n in notes_md:
        print(f"- {n}")
    print()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenario", action="append", choices=SCENARIOS + ["many-files-a", "many-files-b"],
                    help="run only this scenario (repeatable); many-files-a / many-files-b run one part of many-files")
    ap.add_argument("--jar", help="the application jar (default: target/*.jar, built if missing)")
    ap.add_argument("--java", default=None, help="java executable (default: java on PATH / $JAVA_HOME)")
    ap.add_argument("--quick", action="store_true", help="small smoke version of every scenario")
    ap.add_argument("--keep", action="store_true", help="keep the temp folders (inputs, outputs, logs)")
    ap.add_argument("--workdir", default=None, help="parent folder of the temp folder (default: system temp)")
    ap.add_argument("--app-jvm", default=DEFAULT_APP_JVM, help=f"JVM flags of the app (default: {DEFAULT_APP_JVM!r})")
    ap.add_argument("--api", choices=["stub", "demo"], default="stub",
                    help="loopback API: stub = bench/StubApi.java (lean, default), demo = this app's demo API")
    ap.add_argument("--api-jvm", default=DEFAULT_API_JVM, help=f"JVM flags of the API server (default: {DEFAULT_API_JVM!r})")
    ap.add_argument("--app-args", default="", help="extra application arguments for the app, e.g. '--colors.files.parallel=8'")
    ap.add_argument("--api-args", default=DEFAULT_API_ARGS, help=f"extra arguments for the API server (default: {DEFAULT_API_ARGS!r})")
    ap.add_argument("--no-cds", action="store_true", help="run the plain jar (no extracted jar + CDS archive)")
    ap.add_argument("--quiet-wait", type=float, default=0, metavar="SECONDS",
                    help="before each scenario wait up to this long until other processes use < 0.25 cores (default 0: "
                         "do not wait; the load of other processes is reported either way)")
    ap.add_argument("--start-timeout", type=float, default=240, help="seconds a JVM may take to be UP (default 240)")
    ap.add_argument("--stall-timeout", type=float, default=60,
                    help="give up on an output after this many seconds without progress (default 60)")
    ap.add_argument("--file-timeout", type=float, default=600,
                    help="give up on any one output after this many seconds (default 600)")
    ap.add_argument("--warmups", type=int, default=1,
                    help="warm-up files before the measured runs of seed, latency-bound and throughput (default 1; "
                         "the first is reported: seed/latency-bound 'warm-up', throughput 'cold')")
    args = ap.parse_args(argv)

    args.java = args.java or (os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME")
                              else shutil.which("java"))
    if not args.java or not os.path.exists(args.java):
        print("no java found; pass --java", file=sys.stderr)
        return 2
    selected = args.scenario or SCENARIOS
    plan = QUICK if args.quick else Plan()

    def on_signal(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")
    for s in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, on_signal)

    parent = args.workdir or tempfile.gettempdir()
    os.makedirs(parent, exist_ok=True)
    work = tempfile.mkdtemp(prefix="color-inbox-bench-", dir=parent)
    os.makedirs(os.path.join(work, "logs"))
    ctx = None
    interrupted = False
    try:
        bg = background_load(1.0)
        jv = java_version(args.java)
        machine = (f"machine: {os.cpu_count()} cores (os.cpu_count), {cpu_model()}, {mem_total_gib():.0f} GiB RAM, "
                   f"{jv}, Linux {platform.release()}")
        log(machine)
        log(f"work folder: {work}{' (kept)' if args.keep else ''}")
        if bg > 0.15:
            log(f"WARNING: other processes keep {bg:.2f} of {os.cpu_count()} cores busy before the start: figures will be noisy")
        jar_src = find_jar(args)
        load_names(jar_src)
        log(f"jar: {jar_src} ({os.path.getsize(jar_src) / 1e6:.0f} MB); {len(NAMES)} color names; "
            f"scenarios: {', '.join(selected)}{' (quick)' if args.quick else ''}")
        jar = Jar(jar_src, args.java, work, not args.no_cds)
        ctx = Ctx(args, work, jar)

        # execution order (the table is printed in the usual order): apps are shared between units and
        # stopped as soon as no later unit needs them
        units = []
        if "seed" in selected:
            units.append(("seed", {SEED_KEY}, lambda later: sc_seed(ctx, plan)))
        if "many-files" in selected or "many-files-a" in selected:
            units.append(("many-files-a", {SEED_KEY}, lambda later: sc_many_files_a(ctx, plan)))
        if "latency-bound" in selected:
            units.append(("latency-bound", {LAT_KEY}, lambda later: sc_latency_bound(ctx, plan)))
        if "throughput" in selected:
            units.append(("throughput", {AppKey(c, 0) for c in plan.tput_concs}, lambda later: sc_throughput(ctx, plan, later)))
        if "pickup" in selected:
            units.append(("pickup", {C64_KEY, PICKUP_DEFAULT_KEY}, lambda later: sc_pickup(ctx, plan, later)))
        # (b) needs a 1,000,000-item file, and so does memory: when both run, (b) rides on memory's
        if ("many-files" in selected and "memory" not in selected) or "many-files-b" in selected:
            units.append(("many-files-b", {C64_KEY}, lambda later: sc_many_files_b(ctx, plan)))
        if "memory" in selected:
            both = "many-files" in selected and "many-files-b" not in selected
            units.append(("memory", {MEM_KEY}, lambda later: sc_memory(ctx, plan, with_small=both)))

        for i, (name, keys, fn) in enumerate(units):
            later = set().union(*[u[1] for u in units[i + 1:]])
            ctx.current = name
            ctx.wait_quiet(args.quiet_wait)
            t = time.monotonic()
            try:
                fn(later)
            except BenchError as e:
                log(f"{name} failed: {e}")
                scenario = "many-files" if name.startswith("many-files") else name
                ctx.rows[scenario].append(Row(scenario, f"{name}: error: {str(e).splitlines()[0][:150]}", "", "FAIL"))
            log(f"{name} took {time.monotonic() - t:.0f} s")
            ctx.release(later, {k.latency_ms for k in later})
    except KeyboardInterrupt as e:
        interrupted = True
        log(f"interrupted ({e or 'Ctrl-C'}): stopping everything")
        if ctx is not None and ctx.current:
            scenario = "many-files" if ctx.current.startswith("many-files") else ctx.current
            ctx.rows[scenario].append(Row(scenario, f"{ctx.current}: interrupted while running", "", "INTERRUPTED"))
    except BenchError as e:
        log(f"error: {e}")
    finally:
        Proc.stop_all()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log(f"kept: {work} (logs in {work}/logs)")
    if ctx is None:
        return 1
    rows = [r for s in SCENARIOS for r in ctx.rows[s]]
    total = time.monotonic() - T_START
    notes = [f"drop-to-output = time.monotonic() from the rename into the inbox until <outbox>/<stem>.json exists "
             f"(polled every 3 ms); files are written as hidden .name.tmp first, so the app runs with "
             f"--colors.inbox.stable-for=0s (the pickup scenario also runs the 100ms default)",
             f"app JVM: {' '.join(ctx.app_jvm)} (+ -Xmx128m in memory); API JVM: {' '.join(ctx.api_jvm)}; "
             f"API args: {' '.join(ctx.api_args) or '-'}; app args: {' '.join(ctx.app_args) or '-'}; CDS: {jar.cds_note}",
             (f"API: bench/StubApi.java (JDK HttpServer, latency on a timer), one JVM per latency; "
              if ctx.args.api == "stub" else
              f"API: this jar's demo API with --colors.inbox.enabled=false, one JVM per latency; ")
             + "app settings otherwise as in config/application.yaml (poll.delay, files.parallel, ...)",
             f"total benchmark time {total:.0f} s{' (interrupted)' if interrupted else ''}"]
    noisy = {k: statistics.mean(v) for k, v in ctx.other_load.items() if v}
    if noisy:
        notes.append("CPU of other processes during the measurements (cores, mean): "
                     + ", ".join(f"{k} {v:.2f}" for k, v in noisy.items())
                     + ("  ← WARNING: the machine was shared, figures are noisy" if max(noisy.values()) > 0.25 else ""))
    notes += ctx.notes
    print_table(rows, machine, notes)
    print("Command lines:")
    for label, cmd in ctx.cmdlines.items():
        print(f"  {label}: {' '.join(shlex.quote(c) for c in cmd)}")
    return 130 if interrupted else (0 if all(r.verdict.startswith(("PASS", "info")) for r in rows) else 1)


if __name__ == "__main__":
    sys.exit(main())
