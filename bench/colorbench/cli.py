"""color-inbox benchmark (Python 3 standard library; the aiohttp peer runs on an interpreter that has aiohttp).

Starts a loopback API server (bench/StubApi.java, one JVM per API latency) and the packaged application
as separate processes on free ports, each with its own temp inbox/outbox, drops generated list files the
safe way (written under a hidden ".name.tmp", then renamed into the inbox), measures drop-to-output wall
times (time.monotonic() from the rename until <outbox>/<stem>.json exists, polled every 3 ms), checks
every output (valid JSON, total, results in input order, all ok), stops everything it started (also on
Ctrl-C or an error) and prints a table: text, then Markdown for the README.

The seed scenarios run the app's defaults (stable-for 100 ms) with colors.concurrency=300, as the seed
question does; the others run --colors.inbox.stable-for=0s (the benchmark drops by rename, which is safe
without the stability wait; the pickup scenario also measures the default of 100ms). The seed and
throughput scenarios also run the peers against the same API, one after the other, while the app is idle:
bench/JdkPeer.java (JDK HttpClient, sendAsync for every item) and bench/aiohttp_peer.py (aiohttp +
asyncio.gather, unlimited connector) on the first interpreter that imports aiohttp (this one, then
/usr/bin/python3); the output says which, or why that peer was skipped.

    bench/run.sh                                   # everything (~4 min on 2 cores, x2 with a baseline)
    bench/run.sh --targets                         # the subset for issue 10's targets, full sizes (~3 min)
    bench/run.sh --scenario seed                   # one scenario (repeatable; also many-files-a / -b)
    bench/run.sh --scenario seed --scenario seed-cold --baseline-jar /tmp/main.jar   # before/after, one run
    bench/run.sh --baseline-app-args='--colors.files.parallel=4'   # the same jar with another setting, side by side
    bench/run.sh --quick                           # small smoke version of everything (~1.5 min)
    bench/run.sh --keep                            # keep the temp folders, inputs, outputs and logs
    bench/run.sh --jar /tmp/app.jar --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
    bench/run.sh --app-args='--colors.files.parallel=10' --scenario many-files-a   # try a setting
    bench/run.sh --scenario seed --baseline-app-args='--colors.api.method=POST --colors.api.url={api}/api/colors
        "--colors.api.body={\\"name\\":\\"{color}\\"}"'   # another request shape; {api} = the stand-in's address
    bench/run.sh --quiet-wait 60                   # on a shared machine: wait for a calm moment first

Scenarios: seed, seed-cold, throughput, latency-bound, memory, pickup, many-files (ten-files = many-files-a),
adaptive, repeats. Every list has distinct items (past the 148 CSS names a round number is appended), so each
item is one call; only the repeats scenario's list repeats, to compare colors.repeats=call-once with call-each.
In a full run many-files (b) (a small file dropped 1 s after a 1,000,000-item one) rides on the memory
scenario's 1,000,000-item file instead of processing a second one. JVMs start from an extracted jar with a
CDS archive made by a training run (a few seconds per start instead of 10-20 s on 2 cores); --no-cds runs
the plain jar. Besides the table it reports, per measurement, the CPU used by the app, the API and other
processes (/proc), GC pauses (-Xlog:gc), where a file's time went (from the stub's request times: drop to
first request, the dispatch spread, last answer to output), per-thread-group CPU (jcmd Thread.print) and
a top sample.
"""

from __future__ import annotations

import argparse
import dataclasses
import glob
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from . import lists
from .apps import AppKey, Jar, Variant
from .common import ROOT, T_START, BenchError, log
from .meters import background_load, cpu_model, mem_total_gib
from .peers import find_aiohttp
from .procs import Proc, java_version
from .runs import (C64_KEY, LAT_KEY, MEM_KEY, PICKUP_DEFAULT_KEY, QUICK, SCENARIOS, SEED_KEY, TARGETS, Ctx, Plan,
                   Row)
from .report import print_table
from . import scenarios as sc
from . import adaptive
from . import repeats

DEFAULT_APP_JVM = "-Xss512k -XX:+UseParallelGC"
DEFAULT_API_JVM = "-Xss512k -XX:+UseParallelGC"
# With --api demo the API is a Spring Boot app sharing the 2 cores with the app, so it is made as cheap as
# settings allow: Tomcat's default closes a keep-alive connection after 100 requests (the app would
# reconnect every 100 calls); the request metrics/observations and Camel's metrics cost ~20% of its CPU.
DEFAULT_API_ARGS = ("--server.tomcat.max-keep-alive-requests=-1 --management.observations.enable.http.server.requests=false "
                    "--management.metrics.enable.all=false --camel.metrics.enable-exchange-event-notifier=false "
                    "--camel.metrics.enable-route-policy=false --camel.metrics.enable-route-event-notifier=false")
EXTRA_CHOICES = ["many-files-a", "many-files-b", "ten-files"]


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




def parse_args(argv):
    ap = argparse.ArgumentParser(prog="bench/benchmark.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenario", action="append", choices=SCENARIOS + EXTRA_CHOICES,
                    help="run only this scenario (repeatable); many-files-a (= ten-files) / many-files-b run one part of many-files")
    ap.add_argument("--jar", help="the application jar (default: target/*.jar, built if missing)")
    ap.add_argument("--baseline-jar", metavar="PATH",
                    help="a second jar measured in the same run (before/after): every selected scenario runs for both, "
                         "their files alternating, and the table shows both figures side by side")
    ap.add_argument("--baseline-java", metavar="JAVA", help="the baseline on another java (default: --java); "
                    "like the other --baseline-* options, it alone makes a baseline of the same jar")
    ap.add_argument("--baseline-app-jvm", metavar="FLAGS", help="the baseline's JVM flags (default: --app-jvm)")
    ap.add_argument("--baseline-app-args", metavar="ARGS", help="the baseline's app arguments (default: --app-args)")
    ap.add_argument("--mem-xmx", default="128m", metavar="SIZE",
                    help="the memory scenario's heap (default 128m), e.g. 64m")
    ap.add_argument("--java", default=None, help="java executable (default: java on PATH / $JAVA_HOME)")
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="small smoke version of every scenario")
    size.add_argument("--targets", action="store_true",
                      help="issue 10's targets at full size, nothing else: seed (3 after 2 warm-ups), seed-cold, ten-files, "
                           "throughput c=64, latency-bound, memory 1,000,000 items, pickup (default scenarios: all but "
                           "many-files (b))")
    ap.add_argument("--keep", action="store_true", help="keep the temp folders (inputs, outputs, logs)")
    ap.add_argument("--workdir", default=None, help="parent folder of the temp folder (default: system temp)")
    ap.add_argument("--app-jvm", default=DEFAULT_APP_JVM, help=f"JVM flags of the app (default: {DEFAULT_APP_JVM!r})")
    ap.add_argument("--api", choices=["stub", "demo"], default="stub",
                    help="loopback API: stub = bench/StubApi.java (lean, default), demo = this app's demo API")
    ap.add_argument("--api-jvm", default=DEFAULT_API_JVM, help=f"JVM flags of the demo API server (default: {DEFAULT_API_JVM!r})")
    ap.add_argument("--app-args", default="", help="extra application arguments for the app, e.g. '--colors.files.parallel=8'")
    ap.add_argument("--api-args", default=DEFAULT_API_ARGS, help=f"extra arguments for the demo API server (default: {DEFAULT_API_ARGS!r})")
    ap.add_argument("--no-cds", action="store_true", help="run the plain jar (no extracted jar + CDS archive)")
    ap.add_argument("--quiet-wait", type=float, default=0, metavar="SECONDS",
                    help="before each scenario wait up to this long until other processes use < 0.25 cores (default 0: "
                         "do not wait; the load of other processes is reported either way)")
    ap.add_argument("--start-timeout", type=float, default=240, help="seconds a JVM may take to be UP (default 240)")
    ap.add_argument("--stall-timeout", type=float, default=60,
                    help="give up on an output after this many seconds without progress (default 60)")
    ap.add_argument("--file-timeout", type=float, default=600,
                    help="give up on any one output after this many seconds (default 600)")
    ap.add_argument("--warmups", type=int, default=None,
                    help="warm-up files before the measured runs of seed (default 2), latency-bound and throughput "
                         "(default 1; the first is reported: latency-bound 'warm-up', throughput 'cold')")
    ap.add_argument("--cold-runs", type=int, default=None, help="new JVMs measured by seed-cold (default 3)")
    ap.add_argument("--seed-runs", type=int, default=None, help="measured seed files after the warm-ups (default 3)")
    return ap.parse_args(argv)


def choose_plan(args) -> Plan:
    plan = Plan(**vars(QUICK if args.quick else TARGETS if args.targets else Plan()))
    if args.warmups is not None:
        plan.seed_warmups = plan.warmups = max(1, args.warmups)
    if args.cold_runs is not None:
        plan.cold_runs = args.cold_runs
    if args.seed_runs is not None:
        plan.seed_runs = args.seed_runs
    return plan


def units_of(ctx: Ctx, plan: Plan, selected: list[str]):
    """(name, app keys it needs, function(later keys)) in execution order (the table is printed in the usual
    order): apps are shared between units and stopped as soon as no later unit needs them."""
    def keys(*ks):
        return {k.of(v) for k in ks for v in ctx.variants}
    units = []
    if "seed" in selected:
        units.append(("seed", keys(SEED_KEY), lambda later: sc.sc_seed(ctx, plan)))
    if "many-files" in selected or "many-files-a" in selected or "ten-files" in selected:
        units.append(("many-files-a", keys(SEED_KEY), lambda later: sc.sc_many_files_a(ctx, plan)))
    if "seed-cold" in selected:
        units.append(("seed-cold", set(), lambda later: sc.sc_seed_cold(ctx, plan)))
    if "latency-bound" in selected:
        units.append(("latency-bound", keys(LAT_KEY), lambda later: sc.sc_latency_bound(ctx, plan)))
    if "throughput" in selected:
        units.append(("throughput", keys(*(AppKey(c, 0) for c in plan.tput_concs)),
                      lambda later: sc.sc_throughput(ctx, plan, later)))
    if "pickup" in selected:
        units.append(("pickup", keys(C64_KEY, PICKUP_DEFAULT_KEY), lambda later: sc.sc_pickup(ctx, plan, later)))
    # (b) needs a 1,000,000-item file, and so does memory: when both run, (b) rides on memory's
    if ("many-files" in selected and "memory" not in selected) or "many-files-b" in selected:
        units.append(("many-files-b", keys(C64_KEY), lambda later: sc.sc_many_files_b(ctx, plan)))
    if "adaptive" in selected:
        units.append(("adaptive", set(), lambda later: adaptive.sc_adaptive(ctx, plan)))
    if "repeats" in selected:
        units.append(("repeats", set(), lambda later: repeats.sc_repeats(ctx, plan)))
    if "memory" in selected:
        both = "many-files" in selected and "many-files-b" not in selected
        units.append(("memory", keys(dataclasses.replace(MEM_KEY, xmx=ctx.args.mem_xmx)), lambda later: sc.sc_memory(ctx, plan, with_small=both)))
    return units


def main(argv=None) -> int:
    args = parse_args(argv)
    args.java = args.java or (os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME")
                              else shutil.which("java"))
    if not args.java or not os.path.exists(args.java):
        print("no java found; pass --java", file=sys.stderr)
        return 2
    if args.baseline_jar and not os.path.isfile(args.baseline_jar):
        print(f"no baseline jar at {args.baseline_jar}", file=sys.stderr)
        return 2
    baseline = any(x is not None for x in (args.baseline_jar, args.baseline_java, args.baseline_app_jvm, args.baseline_app_args))
    default = ([s for s in SCENARIOS if s not in ("many-files", "adaptive", "repeats")] + ["ten-files"] if args.targets
               else SCENARIOS)
    selected = args.scenario or default
    plan = choose_plan(args)

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
        lists.DISTINCT = args.api == "stub"
        jar_src = find_jar(args)
        n_names = lists.load_names(jar_src)
        mode = " (quick)" if args.quick else " (targets)" if args.targets else ""
        log(f"jar: {jar_src} ({os.path.getsize(jar_src) / 1e6:.0f} MB); {n_names} color names; "
            f"scenarios: {', '.join(selected)}{mode}")
        variants = {"app": Variant("app", Jar(jar_src, args.java, work, not args.no_cds),
                                   shlex.split(args.app_jvm), shlex.split(args.app_args))}
        if baseline:
            b = Variant("baseline", Jar(args.baseline_jar or jar_src, args.baseline_java or args.java, work, not args.no_cds,
                                        "baseline"),
                        shlex.split(args.app_jvm if args.baseline_app_jvm is None else args.baseline_app_jvm),
                        shlex.split(args.app_args if args.baseline_app_args is None else args.baseline_app_args))
            variants["baseline"] = b
            log(f"baseline: {b.describe()}: every scenario runs for both, alternating")
        python_peer = find_aiohttp() if any(s in selected for s in ("seed", "throughput")) else (None, "not needed")
        log(f"python peer: {python_peer[1]}")
        ctx = Ctx(args, work, variants, python_peer)

        units = units_of(ctx, plan, selected)
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
    print_table(rows, machine, notes(ctx, interrupted), baseline_label(ctx) if baseline else None)
    print("Command lines:")
    for label, cmd in ctx.cmdlines.items():
        print(f"  {label}: {' '.join(shlex.quote(c) for c in cmd)}")
    return 130 if interrupted else (0 if all(r.verdict.startswith(("PASS", "info", "skipped", "n/a"))
                                             for r in rows if r.variant != "baseline") else 1)


def baseline_label(ctx: Ctx) -> str:
    """What tells the baseline apart from the app, for the table's column header."""
    a, b = ctx.variant["app"], ctx.variant["baseline"]
    diff = []
    if os.path.abspath(a.jar.src) != os.path.abspath(b.jar.src):
        diff.append(os.path.basename(b.jar.src))
    if a.jar.java != b.jar.java:
        diff.append(b.jar.java)
    if a.app_jvm != b.app_jvm:
        diff.append(" ".join(b.app_jvm))
    if a.app_args != b.app_args:
        diff.append(" ".join(b.app_args))
    return "; ".join(diff) or "the same"


def notes(ctx: Ctx, interrupted: bool) -> list[str]:
    app = ctx.variant["app"]
    out = [f"drop-to-output = time.monotonic() from the rename into the inbox until <outbox>/<stem>.json exists "
           f"(polled every 3 ms); files are written as hidden .name.tmp first; seed, seed-cold and ten-files run the "
           f"app's defaults (stable-for 100 ms), the others --colors.inbox.stable-for=0s (pickup runs both)",
           f"app: {app.describe()} (+ -Xmx{ctx.args.mem_xmx} in memory); CDS: {app.jar.cds_note}"
           + (f"; baseline: {ctx.variant['baseline'].describe()}, CDS {ctx.variant['baseline'].jar.cds_note}"
              if "baseline" in ctx.variant else ""),
           ("API: bench/StubApi.java (JDK HttpServer, latency on a timer), one JVM per latency; "
            if ctx.args.api == "stub" else
            f"API: this jar's demo API with --colors.inbox.enabled=false, one JVM per latency, JVM {' '.join(ctx.api_jvm)}, "
            f"args {' '.join(ctx.api_args) or '-'}; ")
           + "app settings otherwise as in config/application.yaml (poll.delay, files.parallel, ...)",
           f"peers: JDK HttpClient = bench/JdkPeer.java on the same java; python: {ctx.python_peer[1]}; each peer process "
           f"runs its rounds with one client/session: the first is its cold figure, the median of the others its warm one; "
           f"throughput peers are bounded to the first concurrency (20,000 sockets at once would pass the open-files limit)",
           f"total benchmark time {time.monotonic() - T_START:.0f} s{' (interrupted)' if interrupted else ''}"]
    noisy = {k: statistics.mean(v) for k, v in ctx.other_load.items() if v}
    if noisy:
        out.append("CPU of other processes during the measurements (cores, mean): "
                   + ", ".join(f"{k} {v:.2f}" for k, v in noisy.items())
                   + ("  ← WARNING: the machine was shared, figures are noisy" if max(noisy.values()) > 0.25 else ""))
    return out + ctx.notes
