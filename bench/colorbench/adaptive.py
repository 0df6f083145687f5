"""adaptive (issue 17): colors.concurrency=auto against a fixed bound, side by side in one run, on a loopback stub
with a capacity. Each part alternates the two apps' files so drift hits both alike.

refuse  capacity 24 calls at once, 50 ms each, 503 at once past that; the warm-up file runs with no capacity
        (so auto meets the capacity with the bound it learnt on a roomy API); 4,000 items; fixed 24 vs auto
queue   capacity 24, 50 ms, calls past it wait in line; warm-up on the same API; 4,000 items; fixed 24 vs auto;
        the mean API-side latency (queue + service)
roomy   no capacity, 1 s per call, 3,000 items; fixed 300 vs auto

While a measured file runs, the auto app's /api/status is read every 100 ms: the bound's trace, printed and written
as CSV and SVG (adaptive-<part>.csv/.svg in the work folder).
"""

from __future__ import annotations

import json
import os
import threading
import time

from .apps import ApiServer, App, AppKey
from .common import log, verdict
from .procs import http_get
from .runs import Ctx, Plan, Row

CAPACITY = 24
ITEMS = 4_000
ROOMY_ITEMS = 3_000


def add(ctx: Ctx, figure: str, target: str, result: str) -> None:
    ctx.rows["adaptive"].append(Row("adaptive", figure, target, result, None))


class BoundTrace:
    """The app's bound and calls in flight, every 100 ms, from its /api/status."""

    def __init__(self, app: App):
        self.app, self.points, self._stop = app, [], threading.Event()
        self._t0 = time.monotonic()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                status, body = http_get(f"http://127.0.0.1:{self.app.port}/api/status", timeout=2)
                s = json.loads(body)
                self.points.append((time.monotonic() - self._t0, s["concurrency"], s["inFlight"]))
            except (OSError, ValueError, KeyError):
                pass
            self._stop.wait(0.1)

    def stop(self) -> list[tuple[float, int, int]]:
        self._stop.set()
        self._thread.join(5)
        return self.points

    @staticmethod
    def text(points, every: float = 0.5) -> str:
        out, next_t = [], 0.0
        for t, limit, _ in points:
            if t >= next_t:
                out.append(f"{t:.1f}s:{limit}")
                next_t = t + every
        return " ".join(out)


def write_trace(ctx: Ctx, part: str, points, title: str) -> None:
    with open(os.path.join(ctx.work, f"adaptive-{part}.csv"), "w") as f:
        f.write("seconds,bound,in_flight\n")
        for t, limit, inflight in points:
            f.write(f"{t:.2f},{limit},{inflight}\n")
    if not points:
        return
    w, h, pad = 480, 180, 32
    t_max = max(p[0] for p in points) or 1
    y_max = max(max(p[1] for p in points), 1)

    def line(idx, colour):
        pts = " ".join(f"{pad + p[0] / t_max * (w - 2 * pad):.1f},{h - pad - p[idx] / y_max * (h - 2 * pad):.1f}"
                       for p in points)
        return f'<polyline fill="none" stroke="{colour}" stroke-width="1.5" points="{pts}"/>'
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="11">'
           f'<rect width="{w}" height="{h}" fill="white"/>'
           f'<text x="{pad}" y="16">{title}</text>'
           f'<line x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}" stroke="#999"/>'
           f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{h - pad}" stroke="#999"/>'
           f'<text x="{pad - 4}" y="{pad + 4}" text-anchor="end">{y_max}</text>'
           f'<text x="{pad - 4}" y="{h - pad + 4}" text-anchor="end">0</text>'
           f'<text x="{w - pad}" y="{h - pad + 14}" text-anchor="end">{t_max:.1f} s</text>'
           + line(2, "#bbb") + line(1, "#3563e9")
           + f'<text x="{w - pad}" y="16" text-anchor="end" fill="#3563e9">bound</text>'
           + f'<text x="{w - pad}" y="28" text-anchor="end" fill="#999">calls in flight</text></svg>')
    with open(os.path.join(ctx.work, f"adaptive-{part}.svg"), "w") as f:
        f.write(svg)


def measure(ctx: Ctx, app: App, api: ApiServer, name: str, n: int, traced: bool):
    """One measured file: its time, failed items, requests and refusals at the API, mean API latency, the trace."""
    api.stats()  # starts the stub's counters over
    before = api.stats()["requests"]
    trace = BoundTrace(app) if traced else None
    r = ctx.run_file(app, name, n)
    points = trace.stop() if trace else []
    after = api.stats()
    failed = None
    if r.valid:
        head = r.head or {}
        failed = head.get("failed")
    return r, failed, after["requests"] - before, after["refused"], after["meanLatencyMs"], points


def part(ctx: Ctx, api: ApiServer, name: str, keys: dict[str, AppKey], n: int, warm_capacity: int,
         capacity: int, mode: str, runs: int = 2):
    apps = {}
    for label, key in keys.items():
        ctx.n_apps += 1
        apps[label] = App(ctx, key, api, ctx.n_apps)
    results: dict[str, list] = {label: [] for label in apps}
    try:
        for i in range(runs):
            for label, app in apps.items():
                api.control(warm_capacity, mode)
                ctx.run_file(app, f"{name}-warm-{label}-{i}.txt", n, extra=" (warm-up)")
                api.control(capacity, mode)
                results[label].append(measure(ctx, app, api, f"{name}-{label}-{i}.txt", n, label == "auto"))
    finally:
        for app in apps.values():
            app.proc.stop()
    return results


def summary(label: str, runs) -> tuple[float, str]:
    times = [r.elapsed for r, *_ in runs if isinstance(r.elapsed, float)]
    if not times:
        return float("nan"), f"{label}: failed ({runs[0][0].elapsed})"
    best = min(range(len(runs)), key=lambda i: runs[i][0].elapsed if isinstance(runs[i][0].elapsed, float) else 1e9)
    r, failed, requests, refused, latency, _ = runs[best]
    med = sorted(times)[len(times) // 2]
    return med, (f"{label}: **{med:.2f} s** ({', '.join(f'{t:.2f}' for t in times)}); failed {failed}; "
                 f"{requests:,} requests, {refused:,} refused ({refused / max(requests, 1):.1%}); "
                 f"mean API latency {latency:.0f} ms")


def sc_adaptive(ctx: Ctx, plan: Plan):
    log("== adaptive: colors.concurrency=auto against fixed bounds, stub with a capacity of 24 calls (50 ms), "
        "then a roomy 1 s API")
    api = ApiServer(ctx, 50, capacity=0)
    try:
        fixed, auto = AppKey(CAPACITY, 50), AppKey("auto", 50)
        for mode, warm in (("refuse", 0), ("queue", CAPACITY)):
            res = part(ctx, api, mode, {"fixed": fixed, "auto": auto}, ITEMS, warm, CAPACITY, mode)
            f_med, f_text = summary("fixed 24", res["fixed"])
            a_med, a_text = summary("auto", res["auto"])
            points = res["auto"][-1][5]
            write_trace(ctx, mode, points, f"auto vs an API of capacity 24 that {'refuses' if mode == 'refuse' else 'queues'}")
            log(f"  auto bound ({mode}): {BoundTrace.text(points)}")
            ratio = a_med / f_med
            a_runs = res["auto"]
            refused = max(x[3] / max(x[2], 1) for x in a_runs)
            failed = max((x[1] or 0) for x in a_runs)
            latency = max(x[4] for x in a_runs)
            if mode == "refuse":
                ok = failed == 0 and refused <= 0.10 and ratio <= 1.25
                target = "no failed item, ≤ 10 % refused, ≤ 1.25× fixed 24"
            else:
                ok = ratio <= 1.25 and latency <= 125
                target = "≤ 1.25× fixed 24, mean API latency ≤ 125 ms"
            add(ctx, f"{mode} past 24 ({ITEMS:,} items): {a_text} — {f_text}", target,
                verdict(ok, f"{ratio:.2f}× fixed"))
    finally:
        api.proc.stop()
    roomy = ApiServer(ctx, 1000, capacity=0)
    try:
        res = part(ctx, roomy, "roomy", {"fixed": AppKey(300, 1000), "auto": AppKey("auto", 1000)}, ROOMY_ITEMS,
                   0, 0, "refuse", runs=1)
        f_med, f_text = summary("fixed 300", res["fixed"])
        a_med, a_text = summary("auto", res["auto"])
        points = res["auto"][-1][5]
        write_trace(ctx, "roomy", points, "auto vs a roomy API at 1 s per call")
        log(f"  auto bound (roomy): {BoundTrace.text(points)}")
        add(ctx, f"roomy 1 s API ({ROOMY_ITEMS:,} items): {a_text} — {f_text}", "≤ 1.5× fixed 300",
            verdict(a_med / f_med <= 1.5, f"{a_med / f_med:.2f}× fixed"))
    finally:
        roomy.proc.stop()
