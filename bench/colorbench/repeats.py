"""repeats (issue 18): a list that repeats, called once per distinct item (colors.repeats=call-once, the default)
against once per row (call-each), side by side in one run: the lines of the list cycle over the 148 CSS names, on
the stub at 1 s per call, with the default bound (64). Figures: the time from drop to output and the calls the API
got, for each.
"""

from __future__ import annotations

from .apps import ApiServer, App, AppKey
from .common import log, verdict
from .lists import REPEATING
from .runs import Ctx, Plan, Row

LATENCY_MS = 1000


def add(ctx: Ctx, figure: str, target: str, result: str) -> None:
    ctx.rows["repeats"].append(Row("repeats", figure, target, result, None))


def one(ctx: Ctx, api: ApiServer, key: AppKey, label: str, lines: int):
    ctx.n_apps += 1
    app = App(ctx, key, api, ctx.n_apps)
    try:
        api.stats()
        before = api.stats()["requests"]
        r = ctx.run_file(app, f"{REPEATING}{label}.txt", lines)
        calls = api.stats()["requests"] - before
        head = r.head or {}
        return r, calls, head.get("reused")
    finally:
        app.proc.stop()


def sc_repeats(ctx: Ctx, plan: Plan):
    lines = plan.repeat_lines
    log(f"== repeats: {lines:,} lines over the CSS names at {LATENCY_MS} ms per call, call-once against call-each")
    api = ApiServer(ctx, LATENCY_MS, capacity=0)
    try:
        once = one(ctx, api, AppKey(64, LATENCY_MS), "call-once", lines)
        each = one(ctx, api, AppKey(64, LATENCY_MS, args=("--colors.repeats=call-each",)), "call-each", lines)
    finally:
        api.proc.stop()
    texts = []
    for label, (r, calls, reused) in (("call-once", once), ("call-each", each)):
        t = f"{r.elapsed:.2f} s" if isinstance(r.elapsed, float) else str(r.elapsed)
        texts.append(f"{label}: **{t}**, {calls:,} calls, {reused if reused is not None else '?'} reused"
                     f"{'' if r.valid else ' (output not valid: ' + r.check + ')'}")
    ok = (isinstance(once[0].elapsed, float) and isinstance(each[0].elapsed, float) and once[0].valid
          and each[0].valid and once[1] < each[1])
    ratio = each[0].elapsed / once[0].elapsed if ok else float("nan")
    add(ctx, f"{lines:,} lines, 1 s per call, bound 64: " + " — ".join(texts),
        "call-once: one call per distinct item, every row ok", verdict(ok, f"call-each takes {ratio:.0f}× as long"))
