"""The table, as text and as Markdown for the README. With --baseline-jar each row of the app's jar has
the baseline's figure for the same measurement beside it (rows are paired in the order the scenario
added them); the peers' rows are shared."""

from __future__ import annotations

from .runs import Row


def paired(rows: list[Row], two: bool) -> list[tuple[Row, Row | None]]:
    if not two:
        return [(r, None) for r in rows]
    out, waiting = [], {}
    for r in rows:
        if r.variant == "baseline":
            waiting.setdefault(r.scenario, []).append(r)
    for r in rows:
        if r.variant == "baseline":
            continue
        base = waiting.get(r.scenario, []).pop(0) if r.variant == "app" and waiting.get(r.scenario) else None
        out.append((r, base))
    for rest in waiting.values():  # baseline rows without a partner (a failure changed the shape)
        out += [(r, None) for r in rest]
    return out


def cells(r: Row, base: Row | None, two: bool, baseline_name: str) -> tuple[str, ...]:
    if not two:
        return r.scenario, r.figure, r.target, r.verdict
    if r.variant == "baseline":  # unpaired
        return r.scenario, "", f"{r.figure} — {r.verdict}", r.target, ""
    b = f"{base.figure} — {base.verdict}" if base else ("" if r.variant is None else "-")
    return r.scenario, r.figure, b, r.target, r.verdict


def print_table(rows: list[Row], machine: str, notes_md: list[str], baseline_name: str | None = None):
    two = baseline_name is not None
    headers = (("scenario", "figure (this jar)", f"baseline ({baseline_name})", "floor or target", "verdict (this jar)")
               if two else ("scenario", "figure", "floor or target", "ratio / verdict"))
    body = [cells(r, b, two, baseline_name or "") for r, b in paired(rows, two)]
    table = [headers] + body
    k = len(headers)
    widths = [max(len(t[i].replace("**", "")) for t in table) for i in range(k)]
    for i in (1, 2) if two else (1,):
        widths[i] = min(widths[i], 100 if two else 120)
    print()
    print(machine)
    line = "+".join("-" * (w + 2) for w in widths)
    print(line)
    for j, t in enumerate(table):
        print(" | ".join(t[i].replace("**", "").ljust(widths[i]) for i in range(k)))
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
    for t in body:
        print("| " + " | ".join(x.replace("|", "\\|") for x in t) + " |")
    print()
    for n in notes_md:
        print(f"- {n}")
    print()
