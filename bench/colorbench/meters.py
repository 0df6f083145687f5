"""Measuring without disturbing: CPU per process and of the machine (/proc), RSS, the app's connections
to the API (ss), GC pauses (-Xlog:gc), CPU per thread group (jcmd Thread.print), a `top` sample, the
machine's description."""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import threading
import time

CLK = os.sysconf("SC_CLK_TCK")


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


def established_to(port: int, pid: int | None = None) -> int:
    """Client-side ESTABLISHED TCP connections to 127.0.0.1:port, i.e. an app's connections to the API; with pid
    only those of that process (other apps of the run may be connected to the same API). Reads /proc: the
    sockets of the process (fd links) and the TCP tables (`ss -p` would scan every process's fds)."""
    inodes = None
    if pid:
        inodes = set()
        fd_dir = f"/proc/{pid}/fd"
        try:
            for fd in os.listdir(fd_dir):
                try:
                    link = os.readlink(f"{fd_dir}/{fd}")
                except OSError:
                    continue
                if link.startswith("socket:["):
                    inodes.add(link[8:-1])
        except OSError:
            return 0
    n = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    parts = line.split()
                    if (parts[3] == "01" and int(parts[2].rsplit(":", 1)[1], 16) == port
                            and (inodes is None or parts[9] in inodes)):
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
