"""The generated list files and the check of their outputs. Items are CSS color names (read from the
jar, so every item is one the demo API knows), each file starting at its own offset so outputs differ."""

from __future__ import annotations

import json
import re
import zipfile
import zlib

FALLBACK_NAMES = ["red", "green", "blue", "yellow", "orange", "purple", "black", "white", "gray", "navy",
                  "teal", "olive", "maroon", "lime", "aqua", "fuchsia", "silver", "coral", "salmon", "gold"]
NAMES: list[str] = FALLBACK_NAMES


# Items are distinct within a list (the app calls identical items once: colors.repeats=call-once), so a
# scenario measures one call per item: past the names' count, a round number is appended (red, ..., red-1, ...).
# The demo API (--api demo) knows the names only: then lists cycle over them and the app runs call-each.
DISTINCT = True
# lists whose name starts with this repeat on purpose (the repeats scenario): the names over and over
REPEATING = "repeats-"


def item_offset(name: str) -> int:
    return zlib.crc32(name.encode()) % len(NAMES)


def item(name: str, off: int, i: int) -> str:
    """Item i of the list called name, whose offset is off."""
    base = NAMES[(off + i) % len(NAMES)]
    rnd = i // len(NAMES)
    if rnd == 0 or not DISTINCT or name.startswith(REPEATING):
        return base
    return f"{base}-{rnd}"


def items_of(name: str, n: int) -> list[str]:
    """The n items of the list called name (a peer gets the same ones)."""
    off = item_offset(name)
    return [item(name, off, i) for i in range(n)]


def write_list(path: str, name: str, n: int) -> None:
    """The list file called name, n items, one per line, written in chunks (1,000,000 items fit easily)."""
    off = item_offset(name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        chunk = 50_000
        for start in range(0, n, chunk):
            f.write("".join(item(name, off, i) + "\n" for i in range(start, min(n, start + chunk))))


RESULT_HEAD = re.compile(r'\{"index":(\d+),"color":"((?:[^"\\]|\\.)*)","ok":(true|false)')
DURATION = re.compile(r'"durationMs":(\d+)')


def verify_output(path: str, name: str, n: int) -> tuple[bool, str, dict]:
    """Streams the output: the header (source, total, succeeded, failed), then one result per line in input
    order (index i at position i, the color generated for it, ok). Results of outputs up to 200,000 items
    are also parsed as JSON one by one; the structure (closing bracket and brace) is checked for all."""
    off = item_offset(name)
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
                expected = item(name, off, i)
                if m.group(2) != expected:
                    return False, f"result {i}: color {m.group(2)!r}, expected {expected!r}", head
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


def load_names(jar: str) -> int:
    """Takes the color names from the jar's CSV; how many there are."""
    global NAMES
    try:
        with zipfile.ZipFile(jar) as z:
            text = z.read("BOOT-INF/classes/css-colors.csv").decode()
        names = [l.split(",")[0].strip() for l in text.splitlines() if l.strip() and not l.startswith("#")]
        if len(names) >= 20:
            NAMES = names
    except (KeyError, OSError, zipfile.BadZipFile):
        pass
    return len(NAMES)
