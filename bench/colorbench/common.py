"""What every part of the benchmark uses: the log, formatting, the error type, the repository root."""

from __future__ import annotations

import os
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
T_START = time.monotonic()


class BenchError(Exception):
    pass


def log(msg: str) -> None:
    print(f"[{time.monotonic() - T_START:7.1f}s] {msg}", flush=True)


def fmt_s(x) -> str:
    return x if isinstance(x, str) else f"{x:.3f} s"


def fmt_ms(x) -> str:
    return x if isinstance(x, str) else f"{x * 1000:.0f} ms"


def verdict(ok: bool, ratio_text: str = "") -> str:
    return ("PASS" if ok else "MISS") + (f" ({ratio_text})" if ratio_text else "")


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
