"""The scenarios. Each one runs for every jar measured (with --baseline-jar: the app's jar and the
baseline's, their files alternating so drift and other load on the machine hit both alike) and adds its
rows: per jar in the same order, so the report can put the two side by side; the peers' rows are shared.

seed           300 items at 1 s, c=300, the app's defaults; warm median, durationMs, the peers, the ratios
seed-cold      the first file of a new JVM, dropped when it logs that it started
throughput     20,000 items at 0 ms for each of plan.tput_concs; the peers at the first concurrency
latency-bound  20,000 items at 50 ms, c=256
memory         1,000,000 items (and smaller) with -Xmx128m, peak RSS
pickup         1-item files one at a time: stable-for 0 and the default 100 ms
many-files     (a) ten files x 300 items at 1 s together, c=300; (b) a small file after a 1,000,000-item one
"""

from __future__ import annotations

import dataclasses

import math
import os
import random
import statistics
import threading
import time

from .apps import App, AppKey
from .common import BenchError, fmt_s, log, verdict
from .meters import CpuMeter, Sampler, cpu_text, established_to, proc_status_kb, thread_cpu_ms, top_snapshot
from .peers import run_peers
from .runs import (C64_KEY, LAT_KEY, MEM_KEY, PICKUP_DEFAULT_KEY, SEED_KEY, Ctx, FileRun, Plan, Row, expected_s,
                   fail_text, log_file_run)

SEED_WARM_TARGET = 1.20  # s, drop to output, median of 3 after 2 warm-up files (issue 10, target 1)
SEED_RATIO_TARGET = 1.05  # the app's durationMs / aiohttp's wall time, same API, same run (aim 1.0)
SEED_COLD_TARGET = 1.35  # s, the first file after the app logged that it started (target 2)
TEN_FILES_TARGET = 10.6  # s, ten 300-item files at 1 s, c=300, after the first drop (target 3)


def add(ctx: Ctx, scenario: str, variant: str | None, figure: str, target: str, result: str) -> None:
    ctx.rows[scenario].append(Row(scenario, figure, target, result, variant))


def jar_note(ctx: Ctx, variant: str) -> str:
    return "" if len(ctx.variants) == 1 else f"[{variant}] "


def median_trace(runs: list[FileRun]):
    """The trace of the run whose time is the median's (the middle one)."""
    ok = sorted((r for r in runs if r.trace and isinstance(r.elapsed, float)), key=lambda r: r.elapsed)
    return ok[len(ok) // 2].trace if ok else None


def by_group(before, after, per: int, unit: str = "us") -> str | None:
    """The CPU of the thread groups that used most between two thread_cpu_ms samples, per item (us) or per file (ms)."""
    if not before or not after or not per:
        return None
    diff = {g: after.get(g, 0.0) - before.get(g, 0.0) for g in after}
    top = sorted(diff.items(), key=lambda kv: -kv[1])[:8]
    scale = 1000 if unit == "us" else 1
    return "; ".join(f"{g} {v / per * scale:.0f} {unit}" for g, v in top if v > 0)


def failure(runs: list[FileRun]) -> str | None:
    return fail_text(runs) or (None if runs else "no run")


def figures(runs: list[FileRun]) -> tuple[list[float], float, list[float]]:
    """Drop-to-output times, their median, and the outputs' own processing times (durationMs, in s)."""
    times = [r.elapsed for r in runs]
    return times, statistics.median(times), [r.duration_s for r in runs if r.duration_s is not None]


def ms_list(values) -> str:
    return ", ".join(f"{v:.3f}" for v in values)


# ---------------------------------------------------------------------------------------------
# seed, warm and cold

def sc_seed(ctx: Ctx, plan: Plan):
    key, n = SEED_KEY, plan.seed_items
    log(f"== seed: {n} items, API latency 1 s, colors.concurrency=300, stable-for 100 ms (the app's defaults); "
        f"{plan.seed_warmups} warm-up files, median of {plan.seed_runs}; then the peers")
    apps = {v: ctx.app(key.of(v)) for v in ctx.variants}
    for w in range(plan.seed_warmups):
        for app in apps.values():
            ctx.run_file(app, f"seed-warmup{w + 1}.txt", n, extra=" (warm-up)")
    runs: dict[str, list[FileRun]] = {v: [] for v in apps}
    before = {v: thread_cpu_ms(ctx.jcmd, a.proc.pid) for v, a in apps.items()}
    for i in range(plan.seed_runs):
        for v, app in apps.items():
            if not app.tainted:
                runs[v].append(ctx.run_file(app, f"seed-{i + 1}.txt", n))
    for v, a in apps.items():
        txt = by_group(before[v], thread_cpu_ms(ctx.jcmd, a.proc.pid), len(runs[v]), "ms per file")
        if txt:
            log(f"  {jar_note(ctx, v)}seed: app CPU by thread group (jcmd Thread.print, measured files): {txt}")
            ctx.notes.append(f"{jar_note(ctx, v)}seed: app CPU by thread group: {txt}")
    # the peers get the items of seed-1.txt, on the same API, while the apps are idle
    peers = run_peers(ctx, next(iter(apps.values())).api, "seed-1.txt", n, plan.peer_rounds)
    ctx.peer_runs["seed"] = peers
    aio = next((p for p in peers if p.peer == "aiohttp" and p.warm), None)
    for v in apps:
        bad = failure(runs[v])
        if bad:
            add(ctx, "seed", v, f"{n} items, c=300, 1 s latency: {bad}", f"≤ {SEED_WARM_TARGET:.2f} s", "FAIL")
            continue
        times, med, durs = figures(runs[v])
        dur = statistics.median(durs) if durs else None
        add(ctx, "seed", v, f"warm, {n} items, c=300, 1 s latency, defaults (stable-for 100 ms): drop→output median "
                            f"**{med:.3f} s** of {len(times)} ({ms_list(times)}) after {plan.seed_warmups} warm-ups"
                            + (f"; aiohttp {aio.warm:.3f} s (app {med / aio.warm:.2f}×)" if aio else ""),
            f"≤ {SEED_WARM_TARGET:.2f} s (floor 1.0 s)", verdict(med <= SEED_WARM_TARGET, f"{med:.2f}× floor"))
        if dur is None:
            add(ctx, "seed", v, "processing time: no durationMs in the outputs", "", "FAIL")
        elif aio:
            ratio = dur / aio.warm
            add(ctx, "seed", v, f"processing time (the output's durationMs) median **{dur:.3f} s** ({ms_list(durs)}) "
                                f"vs aiohttp's warm wall {aio.warm:.3f} s: **{ratio:.3f}×**",
                f"≤ {SEED_RATIO_TARGET:.2f}× aiohttp (aim 1.0×)", verdict(ratio <= SEED_RATIO_TARGET, f"{ratio:.3f}×"))
        else:
            add(ctx, "seed", v, f"processing time (durationMs) median {dur:.3f} s; no aiohttp figure to compare",
                f"≤ {SEED_RATIO_TARGET:.2f}× aiohttp", "n/a")
        tr = median_trace(runs[v])
        if tr:
            add(ctx, "seed", v, f"where the median file's time went: {tr.text()}", "(stub API's clock)", "info")
    for p in peers:
        add(ctx, "seed", None, f"peer {p.text()}" + (f"; warm round: {p.warm_trace().text()}" if p.warm_trace() else ""),
            "same API, same run", "info" if not p.error else "skipped" if p.peer == "aiohttp" else "FAIL")


def sc_seed_cold(ctx: Ctx, plan: Plan):
    key, n = SEED_KEY, plan.seed_items
    log(f"== seed-cold: {plan.cold_runs}× a new app JVM; the {n}-item file (1 s latency, c=300, defaults) dropped as soon "
        f"as the app logs that it started")
    runs: dict[str, list[FileRun]] = {v: [] for v in ctx.variants}
    starts: dict[str, list[float]] = {v: [] for v in ctx.variants}
    for i in range(plan.cold_runs):
        for v in ctx.variants:
            name = f"seed-cold-{i + 1}.txt"
            app = ctx.cold_app(key.of(v), name, n)
            try:
                starts[v].append(app.startup_s)
                runs[v].append(ctx.run_file(app, name, n, written=True, extra=f" (cold: right after the start line, "
                                                                                f"{time.monotonic() - app.started_at:.3f} s late)"))
            finally:
                app.proc.stop()
    seed_peers = ctx.peer_runs.get("seed", [])
    peers_cold = "; ".join(f"{p.peer} {p.cold:.3f} s" for p in seed_peers if p.cold)
    for v in ctx.variants:
        bad = failure(runs[v])
        if bad:
            add(ctx, "seed-cold", v, f"first file after the start: {bad}", f"≤ {SEED_COLD_TARGET:.2f} s", "FAIL")
            continue
        times, med, durs = figures(runs[v])
        add(ctx, "seed-cold", v, f"first file after the app logged that it started (new JVM each, started in "
                                 f"{statistics.median(starts[v]):.1f} s): drop→output median **{med:.3f} s** of {len(times)} "
                                 f"({ms_list(times)}); durationMs {ms_list(durs)}"
                                 + (f"; the peers' cold round (seed): {peers_cold}" if peers_cold else ""),
            f"≤ {SEED_COLD_TARGET:.2f} s", verdict(med <= SEED_COLD_TARGET, f"{med:.2f}× floor"))
        tr = median_trace(runs[v])
        if tr:
            add(ctx, "seed-cold", v, f"where the median cold file's time went: {tr.text()}", "(stub API's clock)", "info")


# ---------------------------------------------------------------------------------------------
# throughput and latency-bound

def sc_throughput(ctx: Ctx, plan: Plan, later_keys: set):
    """The concurrencies (and jars) run side by side (one app each, all up at once) and their files are
    interleaved round by round: cold files first, then warm round 1, 2, 3. So every app sees the shared API
    JVM equally warm, and drift (JIT, other load on the machine) spreads evenly; an idle app costs nothing."""
    concs, n = list(plan.tput_concs), plan.tput_items
    log(f"== throughput: {n:,} items, API latency 0 ms, concurrency {', '.join(map(str, concs))} "
        f"(cold first file each, then median of {plan.tput_runs} warm; files interleaved across the apps); then the peers")
    keys = [AppKey(c, 0).of(v) for c in concs for v in ctx.variants]
    apps: dict[AppKey, App] = {}
    for k in keys:
        try:
            apps[k] = ctx.app(k)
        except BenchError as e:
            log(f"app {k.label()} failed to start: {e}")
    cold: dict[AppKey, FileRun] = {}
    warm: dict[AppKey, list[FileRun]] = {k: [] for k in apps}
    for k, app in apps.items():
        cold[k] = ctx.run_file(app, f"tput-c{k.concurrency}-cold.txt", n, extra=" (cold)")
    for w in range(1, plan.warmups):
        for k, app in apps.items():
            if not app.tainted:
                ctx.run_file(app, f"tput-c{k.concurrency}-warmup{w + 1}.txt", n, extra=" (extra warm-up)")
    threads_before = {k: thread_cpu_ms(ctx.jcmd, a.proc.pid) for k, a in apps.items() if not a.tainted}
    api = next(iter(apps.values())).api if apps else None
    api_before = thread_cpu_ms(ctx.jcmd, api.proc.pid) if api else None
    top_text = None
    for i in range(plan.tput_runs):
        for k, app in apps.items():
            if app.tainted:
                continue
            holder, top_t = {}, None
            if i == 0 and top_text is None:  # a `top` sample taken during the first warm file
                def snap(a=app):
                    time.sleep(0.3)
                    holder["top"] = top_snapshot([a.proc.pid, a.api.proc.pid])
                top_t = threading.Thread(target=snap, daemon=True)
                top_t.start()
            warm[k].append(ctx.run_file(app, f"tput-c{k.concurrency}-{i + 1}.txt", n))
            if top_t:
                top_t.join(15)
                top_text = holder.get("top")
                if top_text:
                    log(f"  top during {k.label()} run 1 (1 s sample):\n    " + top_text.replace("\n", "\n    "))
    threads_after = {k: thread_cpu_ms(ctx.jcmd, a.proc.pid) for k, a in apps.items() if not a.tainted}
    api_after = thread_cpu_ms(ctx.jcmd, api.proc.pid) if api else None
    for k in apps:
        if k not in later_keys:
            ctx.stop_app(k)
    peers = run_peers(ctx, api, "tput-c64-1.txt", n, plan.peer_rounds, limit=concs[0]) if api else []
    ctx.peer_runs["throughput"] = peers

    for v in ctx.variants:
        results = []
        for c in concs:
            k = AppKey(c, 0).of(v)
            bad = "app failed to start" if k not in apps else fail_text([cold[k]] + warm[k]) or (None if warm[k] else "no warm run")
            if bad:
                results.append((0, c, bad))
                continue
            w = warm[k]
            med = statistics.median(r.elapsed for r in w)
            app_us = statistics.median(r.cpu["cpu_s"]["app"] / r.items * 1e6 for r in w)
            api_us = statistics.median(r.cpu["cpu_s"]["api"] / r.items * 1e6 for r in w)
            busy = statistics.median(r.cpu["cores"]["machine"] for r in w)
            other = statistics.median(r.cpu["cores"]["other"] for r in w)
            gc_ms = sum(r.gc[1] for r in w) / len(w)
            results.append((n / med, c, (cold[k], med, app_us, api_us, busy)))
            ctx.notes.append(f"{jar_note(ctx, v)}throughput c={c}: warm runs {ms_list(r.elapsed for r in w)} s; CPU per item "
                             f"app {app_us:.0f} us + API {api_us:.0f} us; machine busy {busy:.2f} of {os.cpu_count()} cores "
                             f"(other processes {other:.2f}); GC pauses {gc_ms:.0f} ms per file")
            txt = by_group(threads_before.get(k), threads_after.get(k), sum(r.items for r in w))
            if txt:
                log(f"  {k.label()}: app CPU per item by thread group (jcmd Thread.print, warm files): {txt}")
                ctx.notes.append(f"{jar_note(ctx, v)}throughput c={c} app CPU/item by thread group: {txt}")
        best = max(results)[1] if any(r[0] for r in results) else None
        aio = next((p for p in peers if p.peer == "aiohttp" and p.warm), None)
        for rate, c, res in sorted(results, key=lambda r: r[1]):
            if not rate:
                add(ctx, "throughput", v, f"c={c}: {res}", "≥ 10,000 items/s", "FAIL")
                continue
            cold_r, med, app_us, api_us, busy = res
            vs = f"; aiohttp {n / aio.warm:,.0f} items/s (app {rate * aio.warm / n:.2f}×)" if aio and c == concs[0] else ""
            add(ctx, "throughput", v, f"{n:,} items, 0 ms, c={c}: cold {fmt_s(cold_r.elapsed)}; warm median {med:.3f} s "
                                      f"= **{rate:,.0f} items/s** (app {app_us:.0f} + API {api_us:.0f} us CPU/item, "
                                      f"{busy:.2f}/{os.cpu_count()} cores busy){' ← best' if c == best else ''}{vs}",
                "≥ 10,000 items/s", verdict(rate >= 10_000, f"{rate / 10_000:.2f}× target"))
    txt = by_group(api_before, api_after, sum(r.items for k in apps for r in warm[k]))
    if txt:
        log(f"  API CPU per item by thread group (jcmd Thread.print, all warm files): {txt}")
        ctx.notes.append(f"throughput API CPU/item by thread group (all warm files): {txt}")
    for p in peers:
        add(ctx, "throughput", None, f"peer {p.text()}", "same API, same run",
            "info" if not p.error else "skipped" if p.peer == "aiohttp" else "FAIL")


def sc_latency_bound(ctx: Ctx, plan: Plan):
    key, n = LAT_KEY, plan.lat_items
    floor = math.ceil(n / key.concurrency) * key.latency_ms / 1000
    target = 1.3 * floor
    log(f"== latency-bound: {n:,} items, API latency 50 ms, concurrency 256 ({plan.warmups} warm-up file, median of {plan.lat_runs})")
    apps = {v: ctx.app(key.of(v)) for v in ctx.variants}
    warm = {v: ctx.run_file(app, "lat-warmup.txt", n, extra=" (warm-up, cold JVM)") for v, app in apps.items()}
    for w in range(1, plan.warmups):
        for app in apps.values():
            ctx.run_file(app, f"lat-warmup{w + 1}.txt", n, extra=" (extra warm-up)")
    runs: dict[str, list[FileRun]] = {v: [] for v in apps}
    for i in range(plan.lat_runs):
        for v, app in apps.items():
            if not app.tainted:
                runs[v].append(ctx.run_file(app, f"lat-{i + 1}.txt", n))
    for v in apps:
        bad = failure([warm[v]] + runs[v]) if runs[v] else "no run"
        if bad:
            add(ctx, "latency-bound", v, f"{n:,} items: {bad}", f"floor {floor:.2f} s", "FAIL")
            continue
        times, med, _ = figures(runs[v])
        add(ctx, "latency-bound", v, f"{n:,} items, 50 ms, c=256: median **{med:.3f} s** of {len(times)} ({ms_list(times)}); "
                                     f"warm-up {fmt_s(warm[v].elapsed)}; {n / med:,.0f} items/s",
            f"floor {floor:.2f} s, target ≤ {target:.2f} s", verdict(med <= target, f"{med / floor:.2f}× floor"))


# ---------------------------------------------------------------------------------------------
# memory and pickup

def sc_memory(ctx: Ctx, plan: Plan, with_small: bool = False):
    """with_small: many-files (b) rides on the largest file (a small file dropped 1 s after it)."""
    key = dataclasses.replace(MEM_KEY, xmx=ctx.args.mem_xmx)
    xmx = f"-Xmx{key.xmx}"
    log(f"== memory: app with {xmx}, concurrency 64, latency 0 ms, files of {', '.join(f'{s:,}' for s in plan.mem_sizes)} items"
        + (f"; many-files (b): a {plan.small_items}-item file 1 s after the largest" if with_small else ""))
    apps = {v: ctx.app(key.of(v)) for v in ctx.variants}
    time.sleep(1.0)
    idle = {v: proc_status_kb(a.proc.pid, "VmRSS") / 1024 for v, a in apps.items()}
    log(f"  app RSS idle after start: " + ", ".join(f"{v} {r:.0f} MiB" for v, r in idle.items()))
    for n in plan.mem_sizes:
        for v, app in apps.items():
            if app.tainted:
                add(ctx, "memory", v, f"{n:,} items: skipped (app failed before)", "completes, ordered", "FAIL")
                continue
            pid = app.proc.pid
            rss = Sampler(lambda p=pid: proc_status_kb(p, "VmRSS"), 0.05)
            rss.start()
            if with_small and n == max(plan.mem_sizes):
                r = big_and_small(ctx, app, f"mem-{n}.txt", n, plan, f"the memory scenario's file (app {xmx})")
            else:
                r = ctx.run_file(app, f"mem-{n}.txt", n, verify=False)
            peak = (rss.finish() or 0) / 1024
            if isinstance(r.elapsed, float):
                t = time.monotonic()
                r.valid, r.check, r.head = app.verify(r.name, n)
                log(f"  mem-{n}: check took {time.monotonic() - t:.1f} s: {r.check}")
            if r.fill_row:
                r.fill_row()
            if isinstance(r.elapsed, float) and r.valid:
                add(ctx, "memory", v, f"{n:,} items ({xmx}, c=64): peak RSS **{peak:.0f} MiB**, {fmt_s(r.elapsed)}, "
                                      f"{r.rate:,.0f} items/s, GC {r.gc[0]} pauses {r.gc[1]:.0f} ms",
                    "completes, valid JSON in input order", "PASS (ordered, all ok)")
            else:
                add(ctx, "memory", v, f"{n:,} items: {r.elapsed if not isinstance(r.elapsed, float) else r.check}; "
                                      f"peak RSS {peak:.0f} MiB", "completes, valid JSON in input order", "FAIL")
            log(f"  mem-{n}: peak RSS {peak:.0f} MiB ({rss.samples} samples at 50 ms)")
    for v, app in apps.items():
        hwm = proc_status_kb(app.proc.pid, "VmHWM") / 1024
        ctx.notes.append(f"{jar_note(ctx, v)}memory: app RSS idle {idle[v]:.0f} MiB after start; VmHWM over the whole scenario {hwm:.0f} MiB")


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def sc_pickup(ctx: Ctx, plan: Plan, later_keys: set):
    rng = random.Random(42)
    for key in (C64_KEY, PICKUP_DEFAULT_KEY):
        log(f"== pickup: {plan.pickup_files} files of 1 item, one at a time, colors.poll.delay=50ms (default), "
            f"stable-for={key.stable_ms}ms, latency 0 ms")
        apps = {v: ctx.app(key.of(v)) for v in ctx.variants}
        for app in apps.values():
            if app.files_done == 0:
                ctx.run_file(app, f"pickup-s{key.stable_ms}-warmup.txt", 1, extra=" (warm-up, not counted)")
        times: dict[str, list[float]] = {v: [] for v in apps}
        failed: dict[str, str] = {}
        for i in range(plan.pickup_files):
            for v, app in apps.items():
                if app.tainted or v in failed:
                    continue
                time.sleep(rng.uniform(0, 0.1))  # a random phase against the poll timer
                name = f"pickup-s{key.stable_ms}-{i + 1:02d}.txt"
                app.write_hidden(name, 1)
                t0 = app.rename_in(name)
                el = app.wait({name: t0}, 1)[name]
                ok, msg, _ = app.verify(name, 1) if isinstance(el, float) else (False, el, None)
                if not ok:
                    failed[v] = f"{name}: {msg}"
                    continue
                times[v].append(el)
                log(f"  {jar_note(ctx, v)}{name}: {el * 1000:.0f} ms")
        what = "stable-for 0 ms (benchmark default)" if key.stable_ms == 0 else "stable-for 100 ms (app default)"
        for v in apps:
            t = times[v]
            if v in failed or not t:
                add(ctx, "pickup", v, f"{what}: {failed.get(v, 'no file')}", "p50 ≤ 200 ms", "FAIL")
            else:
                p50, p90 = statistics.median(t), percentile(t, 90)
                add(ctx, "pickup", v, f"{what}, poll.delay 50 ms: p50 **{p50 * 1000:.0f} ms**, p90 {p90 * 1000:.0f} ms, "
                                      f"max {max(t) * 1000:.0f} ms ({len(t)} files of 1 item)",
                    "p50 ≤ 200 ms", verdict(p50 <= 0.2, f"{p50 / 0.2:.2f}× target"))
        for k in (key.of(v) for v in apps):
            if k not in later_keys:
                ctx.stop_app(k)


# ---------------------------------------------------------------------------------------------
# many files

def sc_many_files_a(ctx: Ctx, plan: Plan):
    key = SEED_KEY
    n, k = plan.many_items, plan.many_files
    floor = math.ceil(n * k / key.concurrency) * key.latency_ms / 1000
    target = floor + TEN_FILES_TARGET - 10 if k == 10 else floor + 1.0
    log(f"== many-files (a), the ten-files case: {k} files of {n} items dropped together, API latency 1 s, "
        f"concurrency 300, stable-for 100 ms (defaults)")
    for v in ctx.variants:
        app = ctx.app(key.of(v))
        if app.files_done == 0:
            ctx.run_file(app, "many-warmup.txt", n, extra=" (warm-up, not counted)")
        ten_files(ctx, app, v, n, k, floor, target)


def ten_files(ctx: Ctx, app: App, v: str, n: int, k: int, floor: float, target: float):
    key = app.key
    names = [f"many-{i + 1:02d}.txt" for i in range(k)]
    for nm in names:
        app.write_hidden(nm, n)
    port = app.api.port
    pid = app.proc.pid
    before = established_to(port, pid)
    app.api.max_in_flight()  # starts the stub's maximum over
    conns = Sampler(lambda: established_to(port, pid), 0.1)
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
    in_flight = app.api.max_in_flight()
    bad = next((f"{nm}: {r}" for nm, r in res.items() if not isinstance(r, float)), None)
    if not bad:
        for nm in names:
            ok, msg, _ = app.verify(nm, n)
            log(f"  {nm}: drop-to-output {res[nm]:.3f} s; {msg}")
            if not ok:
                bad = f"{nm}: {msg}"
                break
    if bad:
        add(ctx, "many-files", v, f"(a) {k}×{n} items: {bad}", f"≤ {target:.1f} s", "FAIL")
        add(ctx, "many-files", v, "(a) calls in flight: not measured", "≤ 300 (the bound)", "FAIL")
        return
    total = max(t0s[nm] + res[nm] for nm in names) - first
    per = sorted(res[nm] for nm in names)
    log(f"  {k} files renamed within {spread * 1000:.1f} ms; last output {total:.3f} s after the first drop; "
        f"per file {per[0]:.2f}..{per[-1]:.2f} s | {cpu_text(cpu)} | max established app→API connections "
        f"{max_conn} ({conns.samples} samples at 100 ms; {before} before the drop); API's max in flight {in_flight}")
    avg_in_flight = n * k * key.latency_ms / 1000 / total
    add(ctx, "many-files", v, f"(a) ten files: {k} × {n} items together, 1 s latency, c=300, defaults: last output after "
                              f"**{total:.3f} s** (renamed within {spread * 1000:.0f} ms; files done after {per[0]:.1f}..{per[-1]:.1f} s)",
        f"floor {floor:.0f} s, target ≤ {target:.1f} s", verdict(total <= target, f"{total / floor:.2f}× floor"))
    worst = max(x for x in (max_conn, in_flight) if x is not None) if (max_conn, in_flight) != (None, None) else None
    add(ctx, "many-files", v, f"(a) max calls in flight at the API: {in_flight if in_flight is not None else 'n/a'}; max ESTABLISHED "
                              f"app→API connections (/proc, every 100 ms): {max_conn}; average in flight = items×latency/time "
                              f"= {avg_in_flight:.0f}",
        "≤ 300 (the bound)", "PASS" if worst is not None and worst <= key.concurrency else "FAIL")


def sc_many_files_b(ctx: Ctx, plan: Plan):
    log(f"== many-files (b): a {plan.big_items:,}-item file, 1 s later a {plan.small_items}-item file, latency 0 ms, concurrency 64")
    for v in ctx.variants:
        app = ctx.app(C64_KEY.of(v))
        if app.files_done == 0:
            ctx.run_file(app, "big-warmup.txt", 5_000, extra=" (warm-up, not counted)")
        r = big_and_small(ctx, app, "big.txt", plan.big_items, plan, "app c=64")
        if isinstance(r.elapsed, float):
            r.valid, r.check, r.head = app.verify(r.name, r.items)
            log(f"  {r.name}: {r.check}")
        r.fill_row()


def big_and_small(ctx: Ctx, app: App, big: str, n_big: int, plan: Plan, where: str) -> FileRun:
    """many-files (b): drops the big file, 1 s later a small one; waits for both; adds the (b) rows.
    Returns the big file's run (not yet verified: the caller does it, then calls its fill_row)."""
    v = app.key.variant
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
    add(ctx, "many-files", v, f"(b) {plan.small_items}-item file dropped 1 s after a {n_big:,}-item file ({where}): "
                              f"**{fmt_s(el_small)}** drop-to-output",
        "a few seconds (≤ 5 s)", verdict(small_ok and el_small <= 5.0) if isinstance(el_small, float) else "FAIL")
    row = Row("many-files", "", "completes, valid", "", v)
    ctx.rows["many-files"].append(row)

    def fill():  # after the caller's check
        row.figure = (f"(b) the {n_big:,}-item file meanwhile: {fmt_s(el_big)}"
                      + (f" ({rb.rate:,.0f} items/s)" if isinstance(el_big, float) else "")
                      + (f"; {rb.check}" if rb.valid is not None else ""))
        row.verdict = "PASS" if rb.ok and rb.valid else "FAIL"
    rb.fill_row = fill
    return rb
