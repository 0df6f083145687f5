"""The peers: the straightforward answers to the seed question, run against the same loopback API as the
app, one after the other and never while the app works (its CPU stays idle meanwhile).

- jdk:     bench/JdkPeer.java, one java.net.http.HttpClient (HTTP/1.1), sendAsync for every item, then join
- aiohttp: bench/aiohttp_peer.py, one aiohttp.ClientSession, TCPConnector(limit=0), asyncio.gather

Each peer process runs several rounds with the same client: round 1 is its cold figure (new connections;
for the JDK also class loading and JIT, after the JVM started), the median of the others its warm one."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
from dataclasses import dataclass, field

from . import lists
from .apps import ApiServer
from .common import ROOT, log, tail
from .procs import Proc
from .runs import Trace

ROUND = re.compile(r"^round (\d+): (\d+) items, (\d+) ok, wall ([0-9.]+) s, started (\d+) ns")
CANDIDATES = [sys.executable, "/usr/bin/python3"]


def find_aiohttp() -> tuple[str | None, str]:
    """The first interpreter that imports aiohttp: this one, then Debian's /usr/bin/python3 (python3-aiohttp).
    (interpreter or None, a sentence saying which one or why none)."""
    tried = []
    for py in dict.fromkeys(CANDIDATES):
        if not py or not os.path.exists(py):
            continue
        try:
            r = subprocess.run([py, "-c", "import aiohttp, yarl, sys; print(aiohttp.__version__, sys.version.split()[0])"],
                               capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as e:
            tried.append(f"{py}: {e}")
            continue
        if r.returncode == 0:
            aio, pyv = r.stdout.split()
            return py, f"aiohttp {aio} on {py} (Python {pyv})"
        tried.append(f"{py}: {(r.stderr.strip().splitlines() or ['no aiohttp'])[-1]}")
    return None, "aiohttp peer skipped: no interpreter imports aiohttp (" + "; ".join(tried) + "); Debian: apt-get install python3-aiohttp"


@dataclass
class PeerRun:
    peer: str  # "jdk" or "aiohttp"
    label: str
    items: int
    walls: list[float] = field(default_factory=list)
    traces: list[Trace | None] = field(default_factory=list)
    error: str | None = None

    @property
    def cold(self) -> float | None:
        return self.walls[0] if self.walls else None

    @property
    def warm(self) -> float | None:
        return statistics.median(self.walls[1:]) if len(self.walls) > 1 else None

    def warm_trace(self) -> Trace | None:
        """The warm round whose wall time is the median's (or the nearest)."""
        if self.warm is None:
            return None
        i = min(range(1, len(self.walls)), key=lambda k: abs(self.walls[k] - self.warm))
        return self.traces[i] if i < len(self.traces) else None

    def text(self) -> str:
        if self.error:
            return f"{self.label}: {self.error}"
        warm = "" if self.warm is None else (f"; warm median {self.warm:.3f} s of {len(self.walls) - 1} "
                                             f"({', '.join(f'{w:.3f}' for w in self.walls[1:])})")
        rate = f" = {self.items / self.warm:,.0f} items/s" if self.warm and self.items >= 1000 else ""
        return f"{self.label}: cold {self.cold:.3f} s{warm}{rate}"


def run_peer(ctx, peer: str, api: ApiServer, name: str, n: int, rounds: int, limit: int = 0) -> PeerRun:
    """One peer process against api: the items of the list `name` (those the app got), `rounds` rounds,
    at most `limit` requests in flight (0 = all at once)."""
    bound = "all at once" if limit == 0 else f"at most {limit} in flight"
    if peer == "jdk":
        label = f"JDK HttpClient sendAsync ({bound})"
        cmd = [ctx.java, os.path.join(ROOT, "bench", "JdkPeer.java")]
    else:
        py, note = ctx.python_peer
        label = f"aiohttp + asyncio.gather ({'TCPConnector(limit=0)' if limit == 0 else f'TCPConnector(limit={limit})'})"
        if not py:
            return PeerRun(peer, label, n, error=note)
        cmd = [py, os.path.join(ROOT, "bench", "aiohttp_peer.py")]
    d = os.path.join(ctx.work, "peers")
    os.makedirs(d, exist_ok=True)
    items = os.path.join(d, name)
    with open(items, "w", encoding="utf-8") as f:
        f.write("".join(c + "\n" for c in lists.items_of(name, n)))
    cmd += [api.url, items, str(rounds), str(limit)]
    api.times()  # start the stub's request times over
    tag = f"{peer}-{os.path.splitext(name)[0]}"
    proc = Proc(f"peer-{tag}", cmd, d, os.path.join(ctx.work, "logs", f"peer-{tag}.log"))
    ctx.cmdlines.setdefault(f"peer {peer}", cmd)
    run = PeerRun(peer, label, n)
    try:
        proc.p.wait(ctx.args.start_timeout + rounds * (60 + n / 500))
    except subprocess.TimeoutExpired:
        run.error = "timed out"
    finally:
        proc.stop()
    starts = []
    with open(proc.log_path, errors="replace") as f:
        for line in f:
            m = ROUND.match(line.strip())
            if m:
                if int(m.group(3)) != n:
                    run.error = f"round {m.group(1)}: {int(m.group(2)) - int(m.group(3))} of {n} calls failed"
                run.walls.append(float(m.group(4)))
                starts.append(int(m.group(5)) / 1e9)
    if not run.walls and not run.error:
        run.error = f"no result (exit {proc.p.returncode}); log tail:\n{tail(proc.log_path, 15)}"
    times = api.times()
    if times:  # split the stub's times by round: a round's requests arrive after its start
        for i, t0 in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else float("inf")
            arrived = [t for t in times[0] if t0 <= t < end]
            answered = [t for t in times[1] if t0 <= t < end]
            run.traces.append(Trace.of(t0, run.walls[i], (arrived, answered)))
    log(f"  peer {run.text()}" + (f" | warm round: {run.warm_trace().text()}" if run.warm_trace() else ""))
    return run


def run_peers(ctx, api: ApiServer, name: str, n: int, rounds: int, limit: int = 0) -> list[PeerRun]:
    """Both peers, one after the other, the JDK first."""
    return [run_peer(ctx, p, api, name, n, rounds, limit) for p in ("jdk", "aiohttp")]
