"""Child processes (each in its own session, stopped on exit, also when the benchmark is killed), free
loopback ports and small HTTP probes."""

from __future__ import annotations

import ctypes
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from .common import BenchError, log, tail


def child_setup():  # runs in the child between fork and exec
    os.setsid()  # own session: Ctrl-C in the terminal reaches only the benchmark, which stops it
    try:  # if the benchmark itself is killed (-9), the kernel sends the child SIGTERM
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class Proc:
    running: list["Proc"] = []

    def __init__(self, name: str, cmd: list[str], cwd: str, log_path: str):
        self.name, self.cmd, self.log_path = name, cmd, log_path
        self.log_f = open(log_path, "wb")
        self.log_f.write((" ".join(shlex.quote(c) for c in cmd) + "\n\n").encode())
        self.log_f.flush()
        self.p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=self.log_f,
                                  stderr=subprocess.STDOUT, preexec_fn=child_setup)
        self.pid = self.p.pid
        Proc.running.append(self)

    def alive(self) -> bool:
        return self.p.poll() is None

    def stop(self, timeout: float = 15.0) -> None:
        try:
            if self.p.poll() is None:
                self.p.send_signal(signal.SIGTERM)
                try:
                    self.p.wait(timeout)
                except subprocess.TimeoutExpired:
                    log(f"{self.name} (pid {self.pid}) did not stop within {timeout:.0f} s: SIGKILL")
                    self.p.kill()
                    self.p.wait(10)
        finally:
            self.log_f.close()
            if self in Proc.running:
                Proc.running.remove(self)

    @staticmethod
    def stop_all() -> None:
        for p in list(reversed(Proc.running)):
            try:
                p.stop()
            except Exception as e:  # keep stopping the others
                print(f"cannot stop {p.name} (pid {p.pid}): {e}", file=sys.stderr)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url: str, timeout: float = 2.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def wait_up(proc: Proc, port: int, timeout: float) -> float:
    """Polls /actuator/health until UP; seconds from now."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        check_alive(proc, "while starting")
        try:
            status, body = http_get(f"http://127.0.0.1:{port}/actuator/health")
            if status == 200 and json.loads(body).get("status") == "UP":
                return time.monotonic() - t0
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    raise BenchError(f"{proc.name} not UP after {timeout:.0f} s; log {proc.log_path}:\n" + tail(proc.log_path))


def wait_log_line(proc: Proc, text: str, timeout: float) -> float:
    """Polls the process's log (every 5 ms) until a line contains text; the monotonic time it was seen.
    Sends no request: a probe would warm code paths (Tomcat, Jackson) that a cold measurement must not have."""
    t0 = time.monotonic()
    offset, rest = 0, ""
    while time.monotonic() - t0 < timeout:
        with open(proc.log_path, "r", errors="replace") as f:
            f.seek(offset)
            data = f.read()
            offset = f.tell()
        rest += data
        if text in rest:
            return time.monotonic()
        rest = rest[-len(text):]
        check_alive(proc, "while starting")
        time.sleep(0.005)
    raise BenchError(f"{proc.name} did not log {text!r} within {timeout:.0f} s; log {proc.log_path}:\n" + tail(proc.log_path))


def check_alive(proc: Proc, when: str) -> None:
    if not proc.alive():
        raise BenchError(f"{proc.name} exited with {proc.p.returncode} {when}; log {proc.log_path}:\n" + tail(proc.log_path))


def java_version(java: str) -> str:
    try:
        r = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
        lines = [l for l in r.stderr.splitlines() if l.strip()]
        return " / ".join(lines[:2]) if lines else "?"
    except OSError as e:
        return f"? ({e})"
