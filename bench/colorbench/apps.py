"""The three kinds of JVM the benchmark starts: the jar (a private copy, optionally extracted with a CDS
archive), the loopback API (bench/StubApi.java or the app's demo API) and the app under test."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass

from . import lists
from .common import ROOT, BenchError, log, tail
from .meters import GcLog, GcThrashWatch, proc_status_kb
from .procs import Proc, child_setup, free_port, http_get, wait_log_line, wait_up

STARTED = "Started ColorInboxApplication"


class Jar:
    """A private copy of the jar (a rebuild of target/ during the run cannot disturb it), optionally
    extracted with a CDS archive (Spring Boot's documented way) so each JVM starts in a few seconds."""

    def __init__(self, src: str, java: str, work: str, cds: bool, name: str = "app"):
        self.java, self.src, self.name = java, src, name
        d = os.path.join(work, "jar" if name == "app" else f"jar-{name}")
        os.makedirs(d, exist_ok=True)
        self.path = os.path.join(d, "app.jar")
        shutil.copy2(src, self.path)
        self.launch = ["-jar", self.path]
        self.cds_note = "off"
        if cds:
            self._prepare_cds(work, d)

    def _prepare_cds(self, work: str, d: str):
        t0 = time.monotonic()
        ext = os.path.join(d, "extracted")
        jsa = os.path.join(d, "app.jsa")
        train = os.path.join(d, "cds-training")
        os.makedirs(train, exist_ok=True)
        logp = os.path.join(work, "logs", f"cds-training-{self.name}.log")
        try:
            with open(logp, "wb") as lf:
                r = subprocess.run([self.java, "-Djarmode=tools", "-jar", self.path, "extract", "--destination", ext],
                                   stdout=lf, stderr=subprocess.STDOUT, timeout=180, preexec_fn=child_setup)
                app = os.path.join(ext, os.path.basename(self.path))
                if r.returncode != 0 or not os.path.exists(app):
                    raise BenchError("jar extract failed")
                # a training run that starts the context (inbox and demo API on) and exits
                r = subprocess.run([self.java, f"-XX:ArchiveClassesAtExit={jsa}", "-Dspring.context.exit=onRefresh",
                                    "-jar", app, "--server.port=0", f"--colors.inbox={train}/inbox",
                                    f"--colors.outbox={train}/outbox", "--colors.demo.enabled=true"],
                                   cwd=train, stdout=lf, stderr=subprocess.STDOUT, timeout=300,
                                   preexec_fn=child_setup)
            if not os.path.exists(jsa):
                raise BenchError(f"no archive written (exit {r.returncode})")
            self.launch = [f"-XX:SharedArchiveFile={jsa}", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", app]
            self.cds_note = f"on (extracted jar + dynamic CDS archive, prepared in {time.monotonic() - t0:.0f} s)"
        except (BenchError, OSError, subprocess.TimeoutExpired) as e:
            self.cds_note = f"off (preparing CDS failed: {e}; see {logp})"
        log(f"class data sharing ({self.name} jar): {self.cds_note}")


@dataclass
class Variant:
    """What is measured: a jar, the java that runs it, its JVM flags and app arguments. "app" always; with
    --baseline-* options also "baseline" (e.g. the main branch's jar, another JDK, another setting)."""
    name: str
    jar: Jar
    app_jvm: list[str]
    app_args: list[str]

    def describe(self) -> str:
        return (f"{os.path.basename(self.jar.src)} on {self.jar.java}; JVM {' '.join(self.app_jvm) or '-'}; "
                f"args {' '.join(self.app_args) or '-'}")


@dataclass(frozen=True)
class AppKey:
    concurrency: int | str  # a number, or "auto"
    latency_ms: int
    stable_ms: int = 0
    xmx: str | None = None
    variant: str = "app"  # which Variant: "app" (the one measured) or "baseline" (--baseline-*)
    args: tuple[str, ...] = ()  # settings of this app only, e.g. ("--colors.repeats=call-each",)

    def label(self) -> str:
        s = f"c{self.concurrency}-lat{self.latency_ms}ms-stable{self.stable_ms}ms"
        extra = "".join("-" + a.split(".")[-1].replace("=", "-") for a in self.args)
        return (("" if self.variant == "app" else f"{self.variant}-") + s + (f"-Xmx{self.xmx}" if self.xmx else "")
                + extra)

    def of(self, variant: str) -> "AppKey":
        return AppKey(self.concurrency, self.latency_ms, self.stable_ms, self.xmx, variant, self.args)


class ApiServer:
    """The loopback API. Default: bench/StubApi.java, a lean stand-in (JDK HttpServer, latency on a
    timer) that leaves the 2 cores to the app; --api demo uses the app's own demo API instead
    (Spring MVC + Tomcat, which costs ~150-250 us CPU per call on the same cores)."""

    def __init__(self, ctx: "Ctx", latency_ms: int, capacity: int | None = None):
        """capacity: the stub with a capacity it can change (see control()), for the adaptive scenario."""
        self.latency_ms = latency_ms
        self.kind = "stub" if capacity is not None else ctx.args.api
        self.port = free_port()
        d = os.path.join(ctx.work, f"api-{latency_ms}ms" + ("-capacity" if capacity is not None else ""))
        os.makedirs(d, exist_ok=True)
        if self.kind == "stub":
            cmd = [ctx.java, "-XX:+UseSerialGC", "-Xss256k", os.path.join(ROOT, "bench", "StubApi.java"),
                   str(self.port), str(latency_ms)] + ([str(capacity), "refuse"] if capacity is not None else [])
        else:
            cmd = ([ctx.java] + ctx.api_jvm + ctx.variant["app"].jar.launch
                   + ["--colors.inbox.enabled=false", f"--server.port={self.port}", "--colors.demo.enabled=true",
                      f"--colors.demo.latency={latency_ms}ms", f"--colors.inbox={d}/inbox", f"--colors.outbox={d}/outbox",
                      "--management.endpoints.web.exposure.include=health"] + ctx.api_args)
        log(f"starting {ctx.args.api} API server (latency {latency_ms} ms) on port {self.port}")
        name = os.path.basename(d)
        self.proc = Proc(name, cmd, d, os.path.join(ctx.work, "logs", f"{name}.log"))
        try:
            t0 = time.monotonic()
            while True:
                if not self.proc.alive():
                    raise BenchError(f"API exited while starting:\n" + tail(self.proc.log_path))
                try:
                    status, body = http_get(f"http://127.0.0.1:{self.port}/api/colors/{lists.NAMES[0]}", timeout=10)
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

    def times(self) -> tuple[list[float], list[float]] | None:
        """The stub's arrival and answer times (monotonic seconds, the benchmark's clock) since the last call,
        sorted; None with the demo API (it does not record them)."""
        if self.kind != "stub":
            return None
        try:
            status, body = http_get(f"http://127.0.0.1:{self.port}/times", timeout=10)
            t = json.loads(body)
            return sorted(x / 1e9 for x in t["arrived"]), sorted(x / 1e9 for x in t["answered"])
        except (OSError, ValueError, KeyError):
            return None

    def control(self, capacity: int, mode: str = "refuse") -> None:
        """The stub's capacity from now on (0 = none), past which it refuses (503) or queues."""
        http_get(f"http://127.0.0.1:{self.port}/control?capacity={capacity}&mode={mode}", timeout=10)

    def stats(self) -> dict:
        """The stub's counters since the last call: requests (all time), refused, served, meanLatencyMs."""
        status, body = http_get(f"http://127.0.0.1:{self.port}/stats", timeout=10)
        return json.loads(body)

    def max_in_flight(self) -> int | None:
        """The stub's maximum of requests in flight since the last call (None with the demo API)."""
        if self.kind != "stub":
            return None
        try:
            status, body = http_get(f"http://127.0.0.1:{self.port}/stats", timeout=10)
            return json.loads(body)["maxInFlight"] if status == 200 else None
        except (OSError, ValueError, KeyError):
            return None


class App:
    """One app JVM with its own inbox and outbox. cold=True: returns as soon as the app logs that it started
    (no request to it before the first file: a health probe would warm Tomcat and Jackson); started_at is
    then the monotonic time that line was seen, and cold_file (name, items) is written, hidden, before the start."""

    def __init__(self, ctx: "Ctx", key: AppKey, api: ApiServer, n: int, cold: bool = False,
                 cold_file: tuple[str, int] | None = None):
        self.ctx, self.key, self.api = ctx, key, api
        self.port = free_port()
        self.dir = os.path.join(ctx.work, f"app{n}-{key.label()}")
        self.inbox = os.path.join(self.dir, "inbox")
        self.outbox = os.path.join(self.dir, "outbox")
        os.makedirs(self.inbox, exist_ok=True)
        os.makedirs(self.outbox, exist_ok=True)
        if cold_file:
            self.write_hidden(*cold_file)
        self.gc = GcLog(os.path.join(self.dir, "gc.log"))
        var = ctx.variant[key.variant]
        jvm = list(var.app_jvm) + ([f"-Xmx{key.xmx}"] if key.xmx else []) + [f"-Xlog:gc:file={self.gc.path}"]
        # app args may name the API's address as {api} (another request shape: --colors.api.url={api}/api/colors
        # with a POST body); then they set the URL instead of the default GET /api/colors/{color}
        app_args = [a.replace("{api}", f"http://127.0.0.1:{api.port}") for a in var.app_args]
        url = [] if any(a.startswith("--colors.api.url=") for a in app_args) else [f"--colors.api.url={api.url}"]
        self.settings = [f"--colors.inbox={self.inbox}", f"--colors.outbox={self.outbox}"] + url + [
                         f"--colors.concurrency={key.concurrency}",
                         f"--server.port={self.port}", "--colors.demo.enabled=false",
                         f"--colors.inbox.stable-for={key.stable_ms}ms", "--colors.shutdown.timeout=2s"] + app_args
        if not lists.DISTINCT and not any(a.startswith("--colors.repeats=") for a in app_args + list(key.args)):
            # the demo API's lists cycle over its names (see lists.DISTINCT): one call per item all the same
            self.settings.append("--colors.repeats=call-each")
        self.settings += list(key.args)
        cmd = [var.jar.java] + jvm + var.jar.launch + self.settings
        log(f"starting app {key.label()} on port {self.port} (API port {api.port})")
        self.proc = Proc(f"app-{key.label()}", cmd, self.dir, os.path.join(ctx.work, "logs", f"app{n}-{key.label()}.log"))
        self.cmdline = cmd
        try:
            t0 = time.monotonic()
            if cold:
                self.started_at = wait_log_line(self.proc, STARTED, ctx.args.start_timeout)
                self.startup_s = self.started_at - t0
            else:
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
        lists.write_list(hidden, name, n)
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
        return lists.verify_output(self.output(name), name, n)
